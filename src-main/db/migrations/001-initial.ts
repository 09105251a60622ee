import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/** Frozen in time: never import repositories or app types here. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('structure')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('siret', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('signatory_name', 'text', (c) => c.notNull())
    .addColumn('signatory_title', 'text', (c) => c.notNull())
    .addColumn('logo_file', 'text')
    .addColumn('morning_start', 'integer', (c) => c.notNull())
    .addColumn('morning_end', 'integer', (c) => c.notNull())
    .addColumn('afternoon_start', 'integer', (c) => c.notNull())
    .addColumn('afternoon_end', 'integer', (c) => c.notNull())
    .addColumn('setup_completed_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('employers')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('siret', 'text', (c) => c.notNull())
    .addColumn('collective_agreement', 'text')
    .addColumn('pension_fund', 'text', (c) => c.notNull())
    .addColumn('provident_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payroll_email', 'text', (c) => c.notNull())
    .addColumn('signatory_name', 'text', (c) => c.notNull())
    .addColumn('signatory_title', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`archived in (0, 1)`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('wage_rates')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('effective_from', 'text', (c) => c.notNull().unique())
    .addColumn('hourly_cents', 'integer', (c) => c.notNull().check(sql`hourly_cents > 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
}
