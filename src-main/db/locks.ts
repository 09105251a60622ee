/**
 * What must happen one at a time when several transactions write at once
 * (issue 28, item 4). On SQLite, one connection per process runs one
 * transaction at a time, and two processes on one file are kept apart by
 * SQLite itself: a transaction that read before another one's COMMIT cannot
 * write after it (SQLITE_BUSY_SNAPSHOT), so SQLite is serial already and
 * `serialise` does nothing there. On PostgreSQL the pool (10 connections) and
 * several PCs run transactions side by side at READ COMMITTED: whatever reads
 * a "last" row or a counter and then writes the next one takes its concern's
 * lock first, a transaction-level advisory lock (`pg_advisory_xact_lock`)
 * released by COMMIT or ROLLBACK. Each statement after it sees what the
 * previous holder committed (READ COMMITTED takes a new snapshot per
 * statement), so the read-then-write is as if alone.
 *
 * The concerns, one key each (the pair (PASSERELLE_LOCKS, key); the
 * migrator's one-number key of open-postgres.ts lives in another space):
 * - `journal`: the chain's end is read, the next id and HMAC computed, the
 *   entry inserted (app/journal.ts). Taken last in a transaction (the
 *   dispatcher journals just before COMMIT), so it is held briefly and never
 *   before another of these locks.
 * - `document-numbers`: the next number of a kind in a year, or the next
 *   version of a number, checked free and inserted
 *   (app/read-models/document-record.ts).
 * - `payroll-months`: whether a month was sent to the employer. Hours edits
 *   take it shared (they go on side by side), validating, marking sent and
 *   withdrawing take it exclusive: an edit that found the month open commits
 *   before the month is marked sent, or finds it sent.
 * - `pairing`: the wrong pairing codes of the window are counted, the code
 *   looked up and a wrong one noted (app/devices.ts), so that codes sent all
 *   at once to the LAN server are counted one after the other.
 *
 * Record versions (repositories/record-versions.ts) need no lock: the claim
 * is one conditional UPDATE, atomic on both engines.
 *
 * Order: business locks (`document-numbers`, `payroll-months`, `pairing`) before
 * `journal`; a deadlock all the same (rows locked in another order) is
 * retried whole by the dispatcher (`mustRetry`).
 */
import { sql } from 'kysely';
import { engineOf } from './engine';
import type { WritableDb } from './access';

export type Concern = 'journal' | 'document-numbers' | 'payroll-months' | 'pairing';

/** "Pass" on 4 bytes: the first half of every key of ours. */
const PASSERELLE_LOCKS = 0x50617373;

const KEYS: Record<Concern, number> = {
  journal: 1,
  'document-numbers': 2,
  'payroll-months': 3,
  pairing: 4,
};

/** The two numbers of `concern`'s advisory lock, for SQL that takes it itself (the journal's `journal_append`). */
export function lockKeyOf(concern: Concern): [number, number] {
  return [PASSERELLE_LOCKS, KEYS[concern]];
}

/**
 * Waits for `concern`'s turn and holds it until the end of the current
 * transaction (a no-op on SQLite, serial already). `shared`: several holders
 * at once, none while an exclusive one holds it. Call it inside a transaction.
 */
export async function serialise(
  db: WritableDb,
  concern: Concern,
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<void> {
  if (engineOf(db) === 'sqlite') return;
  const key = KEYS[concern];
  if (mode === 'shared') await sql`select pg_advisory_xact_lock_shared(${PASSERELLE_LOCKS}, ${key})`.execute(db);
  else await sql`select pg_advisory_xact_lock(${PASSERELLE_LOCKS}, ${key})`.execute(db);
}

/** PostgreSQL's serialization failure and deadlock (SQLSTATE class 40), SQLite's busy file. */
const RETRYABLE = new Set(['40001', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']);

/**
 * Whether a failed transaction may simply run again: another one came first
 * (PostgreSQL broke a deadlock or refused a serializable one; SQLite's other
 * process held the file or wrote after this one read). Nothing of it was
 * kept; the whole transaction, reads included, runs again.
 */
export function mustRetry(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** How many times a transaction runs at most before its failure is reported. */
export const TRANSACTION_ATTEMPTS = 6;

/**
 * Runs `attempt` (one whole transaction) again while `mustRetry` says so,
 * `TRANSACTION_ATTEMPTS` times at most, after a pause that doubles from
 * 10 ms, drawn at random below it (SQLite answers "busy" at once to a
 * transaction that read and then wants to write while the other process
 * writes: without a pause, every turn would meet the same write).
 */
export async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  for (let run = 1; ; run++) {
    try {
      return await attempt();
    } catch (error) {
      if (run >= TRANSACTION_ATTEMPTS || !mustRetry(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** run));
    }
  }
}
