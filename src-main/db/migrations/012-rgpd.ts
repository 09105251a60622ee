import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * RGPD: a person's anonymisation date and retention extension, and the log
 * of the requests people make about their data (one month to answer).
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('anonymised_on', 'text').execute();
  // Kept beyond the 2 years after the last activity: until when, and why.
  await db.schema.alterTable('persons').addColumn('retention_until', 'text').execute();
  await db.schema
    .alterTable('persons')
    .addColumn('retention_reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('rights_requests')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('acces', 'rectification', 'effacement', 'opposition', 'limitation', 'portabilite')`),
    )
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
}
