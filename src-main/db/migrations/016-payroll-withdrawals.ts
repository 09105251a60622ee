import type { Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * A transmission withdrawn by an administrator (sent by mistake): who, when,
 * why, and when it had been marked sent. The hand-off goes back to "validé";
 * the row stays as the trace. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payroll_withdrawals')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('handoff_id', 'integer', (c) => c.notNull().references('payroll_handoffs.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('transmitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('transmitted_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id'))
    .addColumn('withdrawn_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('payroll_withdrawals_handoff').on('payroll_withdrawals').column('handoff_id').execute();
}
