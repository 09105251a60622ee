import type { Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/** Worksites, their weekly pattern, funders and half-day sessions. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  // Which public holidays apply (Alsace-Moselle, an overseas département) and whether Whit Monday is worked.
  await db.schema
    .alterTable('structure')
    .addColumn('holiday_region', 'text', (c) => c.notNull().defaultTo('metropole'))
    .execute();
  await db.schema
    .alterTable('structure')
    .addColumn('whit_monday_worked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('closures')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('worksites')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('client_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('work_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('supervisor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('coordinator_id', 'integer', (c) => c.references('users.id'))
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('employers.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('weeks', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('morning_start', 'integer', (c) => c.notNull())
    .addColumn('morning_end', 'integer', (c) => c.notNull())
    .addColumn('afternoon_start', 'integer', (c) => c.notNull())
    .addColumn('afternoon_end', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('worksite_slots')
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('half_day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('worksite_slots_pk', ['worksite_id', 'weekday', 'half_day'])
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('worksite_funders')
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('worksite_funders_pk', ['worksite_id', 'organisation_id'])
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('half_day', 'text', (c) => c.notNull())
    .addColumn('start_minutes', 'integer', (c) => c.notNull())
    .addColumn('end_minutes', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('cancelled_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sessions_slot', ['worksite_id', 'date', 'half_day'])
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('sessions_date').on('sessions').column('date').execute();
  await upParticipations(db);
  await upAnnexTimes(db);
}

/** A person on a worksite, with the record of their contract (drafted for the employer). */
async function upParticipations(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('participations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('journey_id', 'integer', (c) => c.notNull().references('journeys.id'))
    .addColumn('contract_type', 'text', (c) => c.notNull())
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('employers.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('weekly_minutes', 'integer', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('hourly_cents', 'integer', (c) => c.notNull())
    .addColumn('trial_days', 'integer', (c) => c.notNull())
    .addColumn('handed_on', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('participations_person', ['worksite_id', 'person_id'])
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('participations_person_idx').on('participations').column('person_id').execute();
}

/** Paid annex times of a participant: health check, pose-chantier, bilans, psychologist debrief… */
async function upAnnexTimes(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annex_times')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('participation_id', 'integer', (c) => c.notNull().references('participations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_minutes', 'integer', (c) => c.notNull())
    .addColumn('end_minutes', 'integer', (c) => c.notNull())
    .addColumn('paid', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('annex_times_participation').on('annex_times').column('participation_id').execute();
}
