import { sql, type Kysely } from 'kysely';
import { autoId, onSqlite, strictTable } from '../engine';

/**
 * The ASP monthly states validated (« état mensuel individuel » of an ACI,
 * domain/asp-monthly-state.ts): one per month and employer (the SIAE that
 * declares), with who validated it and when, the rows as validated (JSON:
 * contract ids, hours, still accompanied, actual end, exit category; no name
 * or NIR) and their fingerprint, so a later change of attendance shows « À
 * revalider ». Validating again replaces the row. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('asp_monthly_states')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('month', 'text', (c) =>
      c
        .notNull()
        .check(onSqlite(db) ? sql`month glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'` : sql`month ~ '^[0-9]{4}-[0-1][0-9]$'`),
    )
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('employers.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('validated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('validated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asp_monthly_states_month', ['month', 'employer_id'])
    .modifyEnd(strictTable(db))
    .execute();
}
