/**
 * The two handles on the database, by what they may do (Signal Desktop's
 * ReadableDB/WritableDB). A `read` method is given a `ReadableDb`: its type has
 * no way to write, and at run time the transaction it runs in refuses writes
 * (`PRAGMA query_only` on SQLite, a read-only savepoint on PostgreSQL: db/engine.ts), so a cast past the type still writes nothing. A
 * `write` method is given a `WritableDb`. Repository functions that only read
 * take a `ReadableDb`; a `WritableDb` is one too, so a write can call them.
 */
import type { Kysely } from 'kysely';
import { beginReadOnly, endReadOnly, engineOf } from './engine';
import type { Database } from './schema';

/**
 * What reading needs, nothing more: select queries, functions and dynamic
 * references for them, and the executor `sql` templates run on (only
 * src-main/db/ writes those). No insertInto, replaceInto, updateTable,
 * deleteFrom, mergeInto, transaction, schema, nor `with` (a common table
 * expression may itself be an insert or an update).
 */
export type ReadableDb = Pick<
  Kysely<Database>,
  'selectFrom' | 'selectNoFrom' | 'fn' | 'dynamic' | 'case' | 'getExecutor' | 'isTransaction'
>;

/** The full query builder: a `write` method's open transaction, or the database itself. */
export type WritableDb = Kysely<Database>;

/**
 * Runs `work` in one transaction in which the engine refuses every write
 * (SQLITE_READONLY; PostgreSQL's read-only transaction), then `after` in the same transaction once writes are
 * allowed again: the access-journal entry of an audited read commits with the
 * read, or neither does.
 */
export async function readTransaction<T>(
  db: WritableDb,
  work: (db: ReadableDb) => Promise<T>,
  after?: (db: WritableDb, value: T) => Promise<void>,
): Promise<T> {
  // Nothing to write after: on PostgreSQL the transaction is read-only from its BEGIN (one round trip to the
  // server instead of three: no savepoint to set, then roll back to).
  if (!after && engineOf(db) === 'postgres') return db.transaction().setAccessMode('read only').execute(work);
  return db.transaction().execute(async (trx) => {
    await beginReadOnly(trx);
    let value: T;
    try {
      value = await work(trx);
    } finally {
      // The one connection is shared: it never leaves this transaction read-only.
      await endReadOnly(trx);
    }
    if (after) await after(trx, value);
    return value;
  });
}
