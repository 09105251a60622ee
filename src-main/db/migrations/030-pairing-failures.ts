import type { Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * The wrong pairing codes tried on the Passerelle server (issue 29), kept in
 * the database so that restarting the server does not give a guesser five
 * new tries (domain/pairing.ts: MAX_WRONG_CODES per WRONG_CODE_WINDOW_MINUTES).
 * One row per wrong code: its instant only — neither the code typed, nor the
 * name the PC gave, nor its address (nothing about a person). Rows older than
 * an hour are deleted when the next wrong code is noted.
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pairing_failures')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('pairing_failures_at').on('pairing_failures').column('at').execute();
}
