/**
 * Opening the journal at each start (and after a restore): its key, the
 * sealing of a journal written before the key, the head check — before
 * anything is appended, since the first append rewrites the head — the purge,
 * and the head written back.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KeyStore } from '../backup/keys';
import type { Engine } from '../db/engine';
import * as repo from '../db/repositories/journal';
import { serialise } from '../db/locks';
import type { Database } from '../db/schema';
import { appendedInProcess, appendJournal, appendJournalEntry, legacyHash, nextId, purgeJournal } from './journal';
import {
  headAndAnnounced,
  openHead,
  readHeadText,
  sealHead,
  writeFileAtomically,
  type JournalHead,
} from './journal-head';
import { alertRecords, headFindings } from './journal-verify';

/** The journal's key in the key store (the backup keys are hex ids, so no clash). */
export const JOURNAL_KEY_ID = 'journal';

export interface JournalKeeper {
  key: Buffer;
  headFile: string;
  /** What the head file holds now, so an unchanged head is not written again. */
  written: string | null;
  /** The last entry seen by the previous sync. */
  seen: string | null;
  /** The head last written. */
  head: JournalHead | null;
  /** How many entries this process had appended (`appendedInProcess`) when the head was last synced. */
  appends?: number;
}

/** Where the old unkeyed chain first breaks (null: intact). */
async function legacyBrokenId(db: Kysely<Database>): Promise<number | null> {
  const state = await repo.journalState(db);
  const rows = await repo.allEntries(db);
  let expectedPrev = state.anchorHash;
  for (const row of rows) {
    let records: string[];
    try {
      records = JSON.parse(row.records) as string[];
    } catch {
      return row.id;
    }
    const entry = { at: row.at, userId: row.userId, action: row.action, method: row.method, records };
    if (row.prevHash !== expectedPrev || legacyHash(row.prevHash, entry) !== row.hash) return row.id;
    expectedPrev = row.hash;
  }
  return null;
}

/**
 * Seals the journal under its key. Why an entry rather than re-hashing: old
 * entries cannot be rewritten (append-only), and need not be. The old chain
 * is verified once, here; then the first keyed entry chains to its last
 * SHA-256 and records how many entries it covers and where it was broken,
 * under the key. Editing an old entry and recomputing the SHA-256 chain
 * after it changes that last hash, which the keyed seal no longer matches.
 * An empty journal needs no seal entry: every entry from the next id is keyed.
 */
async function seal(db: Kysely<Database>, at: string, previous: 'legacy' | 'key-lost'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Two PCs starting at once on PostgreSQL: the second finds the journal sealed and seals nothing.
    await serialise(trx, 'journal');
    if ((await repo.journalState(trx)).sealedId !== null && previous === 'legacy') return;
    const count = await repo.countEntries(trx);
    let sealedId: number;
    if (count === 0 && previous === 'legacy') {
      const state = await repo.journalState(trx);
      sealedId = await nextId(trx, state.anchorId);
    } else {
      const broken = previous === 'legacy' ? await legacyBrokenId(trx) : null;
      const records = [`previous:${previous}`, `journal:${count}`, ...(broken === null ? [] : [`broken:${broken}`])];
      sealedId = (await appendJournalEntry(trx, { at, userId: null, action: 'seal', method: 'journal/seal', records }))
        .id;
    }
    await repo.setSealedId(trx, sealedId);
  });
}

export async function startJournal(
  opened: { db: Kysely<Database>; engine: Engine },
  options: { keyStore: KeyStore; headFile: string; now: Date },
): Promise<JournalKeeper> {
  const { db, engine } = opened;
  let key = await options.keyStore.load(JOURNAL_KEY_ID);
  const keyLost = key === null;
  if (!key) {
    key = randomBytes(32);
    await options.keyStore.save(JOURNAL_KEY_ID, key);
  }
  engine.useJournalKey(key);
  const at = options.now.toISOString();
  const state = await repo.journalState(db);
  if (state.sealedId === null) {
    await seal(db, at, 'legacy');
  } else if (keyLost) {
    // The head cannot be checked without the old key: the loss itself is what the new seal records.
    await seal(db, at, 'key-lost');
  } else {
    const rows = await repo.chainLinks(db);
    const found = headFindings(openHead(key, readHeadText(options.headFile)), rows, {
      sealedId: state.sealedId,
      anchorId: state.anchorId,
    });
    if (found.length > 0) {
      await db.transaction().execute(async (trx) => {
        for (const f of found)
          await appendJournal(trx, {
            at,
            userId: null,
            action: 'alert',
            method: 'journal/check',
            records: alertRecords(f),
          });
      });
    }
  }
  // Entries older than 12 months go at each start (CNIL 2021-122), when the clock agrees with the journal.
  await purgeJournal(db, options.now);
  const keeper: JournalKeeper = { key, headFile: options.headFile, written: null, seen: null, head: null };
  // What was found is journaled now: the head may follow the database again.
  await syncJournalHead(db, keeper, { restart: true });
  return keeper;
}

/** Whether the head file already announces more of the same chain than `head` (written by another process). */
function fileIsAhead(keeper: JournalKeeper, head: JournalHead): boolean {
  const onFile = openHead(keeper.key, readHeadText(keeper.headFile));
  return (
    onFile.status === 'ok' &&
    onFile.head.sealId === head.sealId &&
    onFile.head.anchorId === head.anchorId &&
    onFile.head.lastId > head.lastId
  );
}

/**
 * Writes the head after a COMMIT that journaled something. Never inside the
 * transaction: a rolled-back entry must not be announced. A crash between
 * COMMIT and this write leaves the database ahead of the head, which the
 * check accepts (entries beyond the head still need a valid HMAC).
 */
export async function syncJournalHead(
  db: Kysely<Database>,
  keeper: JournalKeeper,
  options: { restart?: boolean } = {},
): Promise<void> {
  // Nothing to look at when this process appended nothing since the last sync: most calls journal nothing, and
  // each look is a query (a round trip to a PostgreSQL server). Another process's entries are its own to announce.
  const appends = appendedInProcess();
  if (!options.restart && appends === keeper.appends) return;
  await syncHead(db, keeper, options);
  keeper.appends = appends;
}

async function syncHead(db: Kysely<Database>, keeper: JournalKeeper, options: { restart?: boolean }): Promise<void> {
  // Read as one state, in one statement (one snapshot: another writer's COMMIT cannot fall between its parts; one
  // round trip to a server), with what the entry the head last announced has become.
  const previous = keeper.head;
  const { head, announcedHash } = await headAndAnnounced(db, previous?.lastId ?? null);
  if (!head) return;
  const seen = `${head.lastId}:${head.lastMac}`;
  if (seen === keeper.seen) return;
  // While running, the head only moves forward over what it announced: a
  // journal cut behind the app's back must not be blessed by the next call;
  // the next start finds it, journals it, then moves the head.
  if (!options.restart && previous) {
    const stillThere =
      head.lastId === previous.lastId
        ? head.lastMac === previous.lastMac
        : previous.lastId === previous.anchorId || announcedHash === previous.lastMac;
    if (
      head.lastId < previous.lastId ||
      head.sealId !== previous.sealId ||
      head.anchorId !== previous.anchorId ||
      !stillThere
    )
      return;
  }
  // Several processes sharing the data folder (one PostgreSQL database): one that read the journal before
  // another's last append leaves the other's newer head in place.
  if (!options.restart && fileIsAhead(keeper, head)) return;
  const text = sealHead(keeper.key, head);
  if (text !== keeper.written) writeFileAtomically(keeper.headFile, text);
  keeper.written = text;
  keeper.head = head;
  keeper.seen = seen;
}
