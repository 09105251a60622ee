import { sql, type Kysely } from 'kysely';

/** Worksites, their weekly pattern, funders and half-day sessions. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('worksites')
    .addColumn('id', 'integer', (c) => c.primaryKey())
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
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .createTable('worksite_slots')
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('half_day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('worksite_slots_pk', ['worksite_id', 'weekday', 'half_day'])
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .createTable('worksite_funders')
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('worksite_funders_pk', ['worksite_id', 'organisation_id'])
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('worksite_id', 'integer', (c) => c.notNull().references('worksites.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('half_day', 'text', (c) => c.notNull())
    .addColumn('start_minutes', 'integer', (c) => c.notNull())
    .addColumn('end_minutes', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('cancelled_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sessions_slot', ['worksite_id', 'date', 'half_day'])
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('sessions_date').on('sessions').column('date').execute();
}
