/**
 * The access journal (traçabilité, CNIL délibération 2021-122): who, when,
 * which method, which record ids — never names or free text. Append-only
 * (SQLite triggers) and keyed: each entry carries an HMAC-SHA256, made with a
 * key kept outside the database, over its id, the previous entry's HMAC and
 * its content. Without the key nobody can forge an entry, edit one and chain
 * again, or renumber; ids are never reused (AUTOINCREMENT). The head (last id,
 * count, last HMAC) is kept outside the database too (`journal-head.ts`), so
 * cutting the last entries shows. Entries older than 12 months are purged at
 * each start — only when the clock agrees with the journal — and the first
 * remaining entry then chains to the stored anchor.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as repo from '../db/repositories/journal';
import { serialise } from '../db/locks';
import type { Database } from '../db/schema';

export type JournalAction =
  'change' | 'read' | 'export' | 'login' | 'login-failed' | 'logout' | 'purge' | 'purge-refused' | 'seal' | 'alert';

export interface NewJournalEntry {
  at: string;
  userId: number | null;
  action: JournalAction;
  method: string;
  records: readonly string[];
}

export const RETENTION_MONTHS = 12;

/** What an entry's HMAC covers: its id (no renumbering), the previous HMAC (no cut, no insert) and its content. */
export function keyedPayload(id: number, prevHash: string, entry: NewJournalEntry): string {
  return JSON.stringify([
    'passerelle-journal-2',
    id,
    prevHash,
    entry.at,
    entry.userId,
    entry.action,
    entry.method,
    [...entry.records],
  ]);
}

/**
 * `keyedPayload` after its id and previous HMAC, for a server that adds
 * those itself (PostgreSQL's `journal_append`, db/engine.ts):
 * `["passerelle-journal-2",<id>,"<previous HMAC>",` then this.
 */
export function keyedPayloadTail(entry: NewJournalEntry): string {
  return JSON.stringify([entry.at, entry.userId, entry.action, entry.method, [...entry.records]]).slice(1);
}

/** The unkeyed SHA-256 of journals written before the key (verified once, then sealed: see journal-start.ts). */
export function legacyHash(prevHash: string, entry: NewJournalEntry): string {
  const canonical = JSON.stringify([prevHash, entry.at, entry.userId, entry.action, entry.method, [...entry.records]]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainEnd = repo.ChainLink;

/**
 * The next id: never one given before, even to a deleted entry. SQLite's
 * AUTOINCREMENT remembers it; on PostgreSQL the app gives the ids, so the
 * identity sequence does not, and `journal_state.last_id` (kept at each
 * append) does, on both engines.
 */
export async function nextId(db: Kysely<Database>, lastId: number): Promise<number> {
  const state = await repo.journalState(db);
  return Math.max(await repo.highestJournalId(db), state.lastId, state.anchorId, lastId) + 1;
}

/**
 * Call inside the transaction of the change it records: both commit or
 * neither. The HMAC comes from the connection's `journal_mac` (the key never
 * enters SQL); the head file follows after COMMIT (`syncJournalHead`).
 */
export async function appendJournal(db: Kysely<Database>, entry: NewJournalEntry): Promise<void> {
  await appendJournalEntry(db, entry);
}

/** The same, returning the new entry's id and HMAC (the seal needs its id). */
export async function appendJournalEntry(db: Kysely<Database>, entry: NewJournalEntry): Promise<ChainEnd> {
  // Several writers at once (PostgreSQL): one at a time from reading the chain's end to COMMIT (the journal's
  // advisory lock, db/locks.ts, taken by the append itself there).
  const link = await repo.appendChained(db, entry, {
    of: (id, prevHash) => keyedPayload(id, prevHash, entry),
    tail: keyedPayloadTail(entry),
  });
  appended++;
  return link;
}

let appended = 0;

/** How many entries this process appended so far (committed or not): the dispatcher syncs the head when it moved. */
export function appendedInProcess(): number {
  return appended;
}

export function retentionCutoff(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - RETENTION_MONTHS);
  return cutoff.toISOString();
}

/**
 * The longest a clock may move forward between the newest entry and a purge.
 * The office closes for a few weeks in summer; a clock months ahead is either
 * broken or set to make entries look old, and a purge then would delete
 * entries younger than 12 months for good.
 */
export const MAX_CLOCK_JUMP_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export type PurgeRefusal =
  { reason: 'behind'; minutes: number } | { reason: 'ahead'; days: number } | { reason: 'wait' };

/** A clock a few minutes behind (time synchronisation) only postpones the purge, without an entry. */
const SKEW_MS = 10 * 60 * 1000;

/**
 * The clock is trusted for a purge only when it agrees with the journal: not
 * before its newest entry (a clock set back would date new entries before
 * old ones), not more than MAX_CLOCK_JUMP_DAYS after it. Refusal entries
 * themselves do not count as "newest": restarting does not launder a jump.
 */
export function purgeRefusal(now: Date, newestAt: string | null): PurgeRefusal | null {
  if (newestAt === null) return null;
  const gap = now.getTime() - Date.parse(newestAt);
  if (gap < 0) return -gap <= SKEW_MS ? { reason: 'wait' } : { reason: 'behind', minutes: Math.ceil(-gap / 60000) };
  if (gap > MAX_CLOCK_JUMP_DAYS * DAY_MS) return { reason: 'ahead', days: Math.floor(gap / DAY_MS) };
  return null;
}

/**
 * Deletes entries older than 12 months, moves the anchor, journals the purge.
 * Refuses (and journals the refusal) when the clock disagrees with the
 * journal. Returns how many went.
 */
export async function purgeJournal(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoff = retentionCutoff(now);
  return db.transaction().execute(async (trx) => {
    // Two PCs starting at once purge one after the other, the second finding nothing left.
    await serialise(trx, 'journal');
    const refusal = purgeRefusal(now, await repo.newestTrustedAt(trx));
    if (refusal?.reason === 'wait') return 0;
    if (refusal) {
      await appendJournal(trx, {
        at: now.toISOString(),
        userId: null,
        action: 'purge-refused',
        method: 'journal/purge',
        records: [refusal.reason === 'behind' ? `clock:behind:${refusal.minutes}` : `clock:ahead:${refusal.days}`],
      });
      return 0;
    }
    const lastOld = await repo.lastEntryBefore(trx, cutoff);
    if (!lastOld) return 0;
    const count = await repo.purgeThrough(trx, lastOld);
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
