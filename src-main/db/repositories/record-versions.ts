import { sql } from 'kysely';
import type { ReadableDb, WritableDb } from '../access';

/** The records a form edits, each with a version (migration 026). */
export type VersionedTable = 'persons' | 'worksites' | 'participations' | 'structure' | 'employers';

/** The five tables share the version columns; the query builder is given one of them to type the query. */
const same = (table: VersionedTable) => table as 'persons';

/** Who made the record's current version, and when. */
export interface VersionStamp {
  version: number;
  changedAt: string | null;
  /** The account's display name; null when unknown (written before versions, or by a script). */
  changedBy: string | null;
}

/**
 * The columns every write of a versioned record sets (spread into `.set()`):
 * the version moves by one, with who and when. Writes that are not a form's
 * save (archiving, renewing, anonymising) use it too, so a form opened before
 * them is refused rather than writing back what they changed.
 */
export function nextVersion(userId: number | null, now: string) {
  return { version: sql<number>`version + 1`, changedBy: userId, changedAt: now };
}

/**
 * Moves the record to its next version if it still is at `expected`, in one
 * statement: `false` when another write came first (nothing is changed).
 * Atomic by itself (a conditional UPDATE), so it stays right on an engine that
 * runs several transactions at once, and it is the first write of the
 * caller's transaction, which then holds the row.
 */
export async function claimVersion(
  db: WritableDb,
  table: VersionedTable,
  id: number,
  expected: number,
  userId: number | null,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable(same(table))
    .set(nextVersion(userId, now))
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function versionStamp(db: ReadableDb, table: VersionedTable, id: number): Promise<VersionStamp | null> {
  const row = await db
    .selectFrom(`${same(table)} as r`)
    .leftJoin('users as u', 'u.id', 'r.changedBy')
    .select(['r.version', 'r.changedAt', 'u.displayName as changedBy'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}
