import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * IAE eligibility (arrêté du 1er septembre 2021, R5132-1-1 and following):
 * the administrative criteria checked on a person, one row per criterion,
 * each with the proof's type, date, end of validity when the paper carries
 * one, and the scan kept in `attachments`; the person's PASS IAE (one, the
 * current one) and its prolongations (R5132-1-8), each moving its end.
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('iae_criteria')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    // The platform's IAE criteria on 1 September 2021 and since (les-emplois, AdministrativeCriteriaKind.for_iae()).
    .addColumn('code', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`code in ('RSA', 'ASS', 'AAH', 'DETLD', 'CAP_BEP', 'SENIOR', 'JEUNE', 'ASE', 'DELD', 'TH', 'PI', 'PSH_PR', 'REF_DA', 'ZRR', 'QPV', 'DETENTION_MJ', 'FLE', 'PM')`,
        ),
    )
    .addColumn('proof_type', 'text', (c) => c.notNull())
    .addColumn('proof_date', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('attachment_id', 'integer', (c) => c.references('attachments.id').onDelete('set null'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('iae_criteria_person_code', ['person_id', 'code'])
    .addCheckConstraint('iae_criteria_until', sql`valid_until is null or valid_until >= proof_date`)
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('pass_iae')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().unique().references('persons.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pass_iae_dates', sql`end_date >= start_date`)
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('pass_iae_prolongations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('pass_id', 'integer', (c) => c.notNull().references('pass_iae.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) =>
      c
        .notNull()
        .check(sql`reason in ('SENIOR_CDI', 'COMPLETE_TRAINING', 'RQTH', 'SENIOR', 'PARTICULAR_DIFFICULTIES')`),
    )
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pass_iae_prolongations_dates', sql`end_date > start_date`)
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createIndex('pass_iae_prolongations_pass')
    .on('pass_iae_prolongations')
    .columns(['pass_id', 'end_date'])
    .execute();
}
