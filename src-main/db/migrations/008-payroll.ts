import type { Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/** Monthly hand-offs of paid hours to each employer, and régularisations of locked months. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payroll_handoffs')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('employers.id'))
    // 'valide' (checked by the coordinator, files made) then 'transmis' (sent: the month is locked).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('xlsx_file', 'text', (c) => c.notNull())
    .addColumn('xlsx_sha256', 'text', (c) => c.notNull())
    .addColumn('csv_file', 'text', (c) => c.notNull())
    .addColumn('csv_sha256', 'text', (c) => c.notNull())
    // The summary to sign: the coordinator's, then the employer's acknowledgement.
    .addColumn('pdf_file', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('validated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('validated_at', 'text', (c) => c.notNull())
    .addColumn('transmitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('transmitted_at', 'text')
    .addUniqueConstraint('payroll_handoffs_month', ['month', 'employer_id'])
    .modifyEnd(strictTable(db))
    .execute();

  // A change to a day of a month already sent: the difference goes in the next hand-off.
  await db.schema
    .createTable('regularisations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('participation_id', 'integer', (c) => c.notNull().references('participations.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('worked_delta', 'integer', (c) => c.notNull())
    .addColumn('paid_delta', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('handoff_id', 'integer', (c) => c.references('payroll_handoffs.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createIndex('regularisations_participation')
    .on('regularisations')
    .column('participation_id')
    .execute();
}
