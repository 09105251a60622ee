import { sql, type Kysely } from 'kysely';
import { autoId, guardJournalAppendOnly, strictTable } from '../engine';

/** Named accounts, the hash-chained access journal, the idle lock delay. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('structure')
    .addColumn('idle_lock_minutes', 'integer', (c) => c.notNull().defaultTo(10))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('display_name_folded', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`active in (0, 1)`),
    )
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('journal')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    // Record ids only ("employer:3"), never names or free text.
    .addColumn('records', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('journal_at').on('journal').column('at').execute();

  await db.schema
    .createTable('journal_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('purging', 'integer', (c) => c.notNull().defaultTo(0))
    /** Hash of the last purged entry: the first remaining entry chains to it. */
    .addColumn('anchor_hash', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await sql`insert into journal_state (id, purging, anchor_hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  // Append-only: the application never updates an entry, and deletes only while purging.
  await guardJournalAppendOnly(db);
}
