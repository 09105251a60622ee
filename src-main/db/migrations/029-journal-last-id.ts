import { sql, type Kysely } from 'kysely';
import { highestIssuedId } from '../engine';

/**
 * The journal on one PostgreSQL database shared by several PCs (issue 28):
 * - `last_id`: the highest id the journal ever gave, kept by the app at each
 *   append. On PostgreSQL the app gives the ids itself (the HMAC covers the
 *   id), so the identity sequence never moves: without this number a journal
 *   cut then refilled would give the cut ids again. SQLite keeps it too (its
 *   AUTOINCREMENT says the same), so both engines read one number.
 * - `key_check`: an HMAC of a constant under the journal's key (never the
 *   key): tells a PC joining the database whether the key it was given is this
 *   journal's, and refuses one that is not, rather than chaining under a
 *   second key. Null until the next start that knows the key.
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('journal_state')
    .addColumn('last_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('journal_state').addColumn('key_check', 'text').execute();
  const issued = await highestIssuedId(db, 'journal');
  const { rows } = await sql<{ top: number | string | null }>`select max(id) as top from journal`.execute(db);
  const state = await sql<{
    anchor: number | string;
  }>`select anchor_id as anchor from journal_state where id = 1`.execute(db);
  const last = Math.max(issued, Number(rows[0]?.top ?? 0), Number(state.rows[0]?.anchor ?? 0));
  await sql`update journal_state set last_id = ${last} where id = 1`.execute(db);
}
