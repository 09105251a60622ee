import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * FSE+ (Regulation (EU) 2021/1057, Annex I): an operation co-funded by a
 * funder of the directory over a period, the worksites it covers, and per
 * participant of an operation the answers at entry, at exit and six months
 * after exit, each with its day and who recorded it when. The four sensitive
 * items are nullable: anonymisation empties them. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fse_operations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('funder_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('fse_operations_dates', sql`end_date >= start_date`)
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createTable('fse_operation_worksites')
    .addColumn('operation_id', 'integer', (c) => c.notNull().references('fse_operations.id').onDelete('cascade'))
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addPrimaryKeyConstraint('fse_operation_worksites_pk', ['operation_id', 'worksite_id'])
    .modifyEnd(strictTable(db))
    .execute();

  const sensitive = (column: string) => sql.raw(`${column} is null or ${column} in ('oui', 'non', 'refus')`);
  const flag = (column: string) => sql.raw(`${column} is null or ${column} in (0, 1)`);
  await db.schema
    .createTable('fse_participants')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('operation_id', 'integer', (c) => c.notNull().references('fse_operations.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    // Entry (Annex I, 1a and 1b).
    .addColumn('entered_on', 'text', (c) => c.notNull())
    .addColumn('labour_status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`labour_status in ('emploi', 'chomeur', 'chomeur_longue_duree', 'inactif', 'inactif_hors_formation')`,
        ),
    )
    .addColumn('age_at_entry', 'integer', (c) => c.notNull())
    .addColumn('education_level', 'text', (c) =>
      c.notNull().check(sql`education_level in ('infra3', '3', '4', '5', '6', '7', '8')`),
    )
    .addColumn('disability', 'text', (c) => c.check(sensitive('disability')))
    .addColumn('third_country_national', 'text', (c) => c.check(sensitive('third_country_national')))
    .addColumn('foreign_background', 'text', (c) => c.check(sensitive('foreign_background')))
    .addColumn('minority', 'text', (c) => c.check(sensitive('minority')))
    .addColumn('homeless', 'integer', (c) => c.notNull().check(sql`homeless in (0, 1)`))
    .addColumn('rural_area', 'integer', (c) => c.notNull().check(sql`rural_area in (0, 1)`))
    .addColumn('entry_recorded_at', 'text', (c) => c.notNull())
    .addColumn('entry_recorded_by', 'integer', (c) => c.references('users.id'))
    // Exit (common immediate result indicators, within four weeks after leaving).
    .addColumn('left_on', 'text')
    .addColumn('seeking_work', 'integer', (c) => c.check(flag('seeking_work')))
    .addColumn('in_education_or_training', 'integer', (c) => c.check(flag('in_education_or_training')))
    .addColumn('gained_qualification', 'integer', (c) => c.check(flag('gained_qualification')))
    .addColumn('in_employment_at_exit', 'integer', (c) => c.check(flag('in_employment_at_exit')))
    .addColumn('exit_recorded_at', 'text')
    .addColumn('exit_recorded_by', 'integer', (c) => c.references('users.id'))
    // Six months after leaving (common longer-term result indicators).
    .addColumn('observed_on', 'text')
    .addColumn('in_employment_at_six_months', 'integer', (c) => c.check(flag('in_employment_at_six_months')))
    .addColumn('improved_situation', 'integer', (c) => c.check(flag('improved_situation')))
    .addColumn('six_months_recorded_at', 'text')
    .addColumn('six_months_recorded_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('fse_participants_once', ['operation_id', 'person_id'])
    .addCheckConstraint('fse_participants_exit', sql`left_on is null or left_on >= entered_on`)
    .addCheckConstraint('fse_participants_six_months', sql`observed_on is null or left_on is not null`)
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('fse_participants_person').on('fse_participants').column('person_id').execute();
  await db.schema.createIndex('fse_participants_left').on('fse_participants').columns(['left_on']).execute();
}
