import { sql, type Kysely } from 'kysely';
import { guardJournalAppendOnly, onSqlite } from '../engine';

/**
 * The tamper-evident journal (issue 24, item 4): ids are never reused
 * (AUTOINCREMENT keeps the highest id ever given, so a cut-then-refilled
 * journal leaves a gap or a changed entry under a known number), the id of
 * the last purged entry beside its hash, and the id of the entry that sealed
 * the journal under its key. SQLite cannot add AUTOINCREMENT to a table: it
 * is made again and the rows copied, ids and hashes unchanged. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL's identity never gives an id twice (its sequence only goes up): nothing to make again there.
  if (onSqlite(db)) await remakeWithAutoincrement(db);

  await db.schema
    .alterTable('journal_state')
    .addColumn('anchor_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  /** Null until the journal is sealed under its key, at the next start. */
  await db.schema.alterTable('journal_state').addColumn('sealed_id', 'integer').execute();
  // Entries before the first remaining one were purged: the anchor is the one just before it.
  await sql`update journal_state set anchor_id = coalesce((select min(id) - 1 from journal), 0) where id = 1`.execute(
    db,
  );
}

async function remakeWithAutoincrement(db: Kysely<any>): Promise<void> {
  await sql`create table journal_keyed (
    id integer primary key autoincrement,
    at text not null,
    user_id integer,
    action text not null,
    method text not null,
    records text not null,
    prev_hash text not null,
    hash text not null
  ) strict`.execute(db);
  await sql`insert into journal_keyed (id, at, user_id, action, method, records, prev_hash, hash)
    select id, at, user_id, action, method, records, prev_hash, hash from journal order by id`.execute(db);
  // Dropping a table fires no delete trigger; its triggers and index go with it.
  await sql`drop table journal`.execute(db);
  await sql`alter table journal_keyed rename to journal`.execute(db);
  await db.schema.createIndex('journal_at').on('journal').column('at').execute();
  await guardJournalAppendOnly(db);
}
