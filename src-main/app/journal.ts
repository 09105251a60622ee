/**
 * The access journal (traçabilité, CNIL délibération 2021-122): who, when,
 * which method, which record ids — never names or free text. Append-only and
 * hash-chained: each entry's hash covers the previous one, so a modified or
 * deleted entry breaks the chain. Entries older than 12 months are purged
 * (the purge itself is journaled); the first remaining entry then chains to
 * the stored anchor.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type JournalAction = 'change' | 'read' | 'export' | 'login' | 'login-failed' | 'logout' | 'purge';

export interface NewJournalEntry {
  at: string;
  userId: number | null;
  action: JournalAction;
  method: string;
  records: readonly string[];
}

export const RETENTION_MONTHS = 12;

export function entryHash(prevHash: string, entry: NewJournalEntry): string {
  const canonical = JSON.stringify([prevHash, entry.at, entry.userId, entry.action, entry.method, [...entry.records]]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function lastHash(db: Kysely<Database>): Promise<string> {
  const last = await db.selectFrom('journal').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (last) return last.hash;
  const state = await db.selectFrom('journalState').select('anchorHash').where('id', '=', 1).executeTakeFirstOrThrow();
  return state.anchorHash;
}

/** Call inside the transaction of the change it records: both commit or neither. */
export async function appendJournal(db: Kysely<Database>, entry: NewJournalEntry): Promise<void> {
  const prevHash = await lastHash(db);
  await db
    .insertInto('journal')
    .values({
      at: entry.at,
      userId: entry.userId,
      action: entry.action,
      method: entry.method,
      records: JSON.stringify([...entry.records]),
      prevHash,
      hash: entryHash(prevHash, entry),
    })
    .execute();
}

export async function verifyJournal(db: Kysely<Database>) {
  const state = await db.selectFrom('journalState').select('anchorHash').where('id', '=', 1).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('journal').selectAll().orderBy('id').execute();
  let expectedPrev = state.anchorHash;
  for (const row of rows) {
    let records: string[];
    try {
      records = JSON.parse(row.records) as string[];
    } catch {
      return { valid: false, checked: rows.length, firstBrokenId: row.id };
    }
    const recomputed = entryHash(row.prevHash, {
      at: row.at,
      userId: row.userId,
      action: row.action as JournalAction,
      method: row.method,
      records,
    });
    if (row.prevHash !== expectedPrev || recomputed !== row.hash) {
      return { valid: false, checked: rows.length, firstBrokenId: row.id };
    }
    expectedPrev = row.hash;
  }
  return { valid: true, checked: rows.length, firstBrokenId: null };
}

export function retentionCutoff(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - RETENTION_MONTHS);
  return cutoff.toISOString();
}

/** Deletes entries older than 12 months, moves the anchor, journals the purge. Returns how many went. */
export async function purgeJournal(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoff = retentionCutoff(now);
  return db.transaction().execute(async (trx) => {
    const lastOld = await trx
      .selectFrom('journal')
      .select(['id', 'hash'])
      .where('at', '<', cutoff)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!lastOld) return 0;
    await trx.updateTable('journalState').set({ purging: 1 }).where('id', '=', 1).execute();
    const deleted = await trx.deleteFrom('journal').where('id', '<=', lastOld.id).executeTakeFirst();
    await trx.updateTable('journalState').set({ purging: 0, anchorHash: lastOld.hash }).where('id', '=', 1).execute();
    const count = Number(deleted.numDeletedRows);
    await appendJournal(trx, {
      at: now.toISOString(),
      userId: null,
      action: 'purge',
      method: 'journal/purge',
      records: [`journal:${count}`],
    });
    return count;
  });
}
