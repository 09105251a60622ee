import type { Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/** The life of a contract after it is drafted: derogation, renewals, early end. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  // A préfet's derogation allowing a CDDI under 20 hours a week, valid until this date.
  await db.schema.alterTable('participations').addColumn('derogation_until', 'text').execute();
  // The last day of a contract ended before its term, and the legal ground (L1243-1 and following).
  await db.schema.alterTable('participations').addColumn('early_end_date', 'text').execute();
  await db.schema.alterTable('participations').addColumn('early_end_reason', 'text').execute();
  await db.schema
    .createTable('contract_renewals')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('participation_id', 'integer', (c) => c.notNull().references('participations.id'))
    .addColumn('previous_end_date', 'text', (c) => c.notNull())
    .addColumn('new_end_date', 'text', (c) => c.notNull())
    .addColumn('agreed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createIndex('contract_renewals_participation')
    .on('contract_renewals')
    .column('participation_id')
    .execute();
}
