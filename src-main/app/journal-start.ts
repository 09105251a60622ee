/**
 * Opening the journal at each start (and after a restore): its key, the
 * sealing of a journal written before the key, the head check — before
 * anything is appended, since the first append rewrites the head — the purge,
 * and the head written back.
 */
import { createHash, randomBytes } from 'node:crypto';
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
  type HeadRead,
  type JournalHead,
} from './journal-head';
import { alertRecords, headFindings, keyedEntryHolds } from './journal-verify';
import { journalMac } from '../db/journal-mac';
import { AppError } from '../shared/errors';

/** The journal's key in the key store (the backup keys are hex ids, so no clash): the SQLite file's. */
export const JOURNAL_KEY_ID = 'journal';

/**
 * The key of a journal on a PostgreSQL server, one per database: the PCs that
 * share it share its key (given by the « fichier de raccordement »), and this
 * PC's own SQLite journal keeps its own. Letters only (the key stores name
 * their files after it): the database's address hashed, each hex digit a letter.
 */
export function serverJournalKeyId(where: { host: string; port: number; database: string }): string {
  const digest = createHash('sha256').update(`${where.host}:${where.port}/${where.database}`).digest('hex');
  return `journalserveur${[...digest.slice(0, 16)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('')}`;
}

/** What `journal_state.key_check` holds: an HMAC of a constant under the key (the key itself is never in the database). */
export function journalKeyCheck(key: Buffer): string {
  return journalMac(key, 'passerelle-journal-key-check-1');
}

/**
 * Whether `key` is the journal's: by `key_check`, or (a journal sealed before
 * it) by the HMAC of the newest entry made under the current key. 'unknown':
 * the journal has no keyed entry and no check yet, any key may start it.
 */
export async function journalKeyFits(db: Kysely<Database>, key: Buffer | null): Promise<'yes' | 'no' | 'unknown'> {
  const state = await repo.journalState(db);
  if (state.sealedId === null) return 'unknown';
  if (state.keyCheck !== null) return key !== null && state.keyCheck === journalKeyCheck(key) ? 'yes' : 'no';
  const last = await repo.lastEntryFrom(db, state.sealedId);
  if (!last) return 'unknown';
  return key !== null && keyedEntryHolds(key, last) ? 'yes' : 'no';
}

/**
 * A PC on a PostgreSQL database whose journal is under another key (or this
 * PC has none): it would chain under a key the others do not share, or seal
 * the journal again. Refused: the key comes with the fichier de raccordement.
 */
export function journalKeyRefusal(joining = false): AppError {
  if (joining) {
    return new AppError(
      'JOURNAL_KEY_REQUIRED',
      'Ce fichier de raccordement ne correspond plus au journal des accès de cette base : sa clé a changé depuis qu’il a été fait (une restauration, ou une clé perdue sur un poste). Faites un nouveau fichier de raccordement sur un poste raccordé aujourd’hui. Rien n’a été modifié.',
    );
  }
  return new AppError(
    'JOURNAL_KEY_REQUIRED',
    'Cette base PostgreSQL contient déjà les données d’un autre poste Passerelle, dont le journal des accès est scellé avec une clé que ce PC n’a pas. Pour raccorder ce PC, faites un « fichier de raccordement » sur un poste déjà raccordé (Paramètres › Emplacement des données › Raccorder un autre poste), puis choisissez ici « Rejoindre avec un fichier de raccordement ». Rien n’a été modifié.',
  );
}

export interface JournalKeeper {
  key: Buffer;
  /** The key's name in the key store (JOURNAL_KEY_ID, or the server database's). */
  keyId: string;
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
async function seal(db: Kysely<Database>, at: string, previous: 'legacy' | 'key-lost', key: Buffer): Promise<void> {
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
    await repo.setKeyCheck(trx, journalKeyCheck(key));
  });
}

export async function startJournal(
  opened: { db: Kysely<Database>; engine: Engine },
  options: {
    keyStore: KeyStore;
    /** The key's name in the store: JOURNAL_KEY_ID for the SQLite file, `serverJournalKeyId` for a server's database. */
    keyId?: string;
    headFile: string;
    now: Date;
    /** The key a fichier de raccordement brought: this PC joins a journal other PCs keep. */
    joinKey?: Buffer;
    /**
     * Opened after a restore made on this PC: the journal is the backup's, under the key that came with it
     * (or none, for a backup older than the key): never refused, checked as on SQLite. The other PCs join again.
     */
    restored?: boolean;
  },
): Promise<JournalKeeper> {
  const { db, engine } = opened;
  const keyId = options.keyId ?? JOURNAL_KEY_ID;
  // Several PCs share a PostgreSQL database: one without the journal's key is refused, never let to seal again.
  const shared = engine.kind === 'postgres' && !options.restored;
  let key = options.joinKey ?? (await options.keyStore.load(keyId));
  let toSave = options.joinKey !== undefined;
  if (!key && keyId !== JOURNAL_KEY_ID) {
    // Before a key per server database, a PC that moved to the server kept its journal under its folder's key.
    const folderKey = await options.keyStore.load(JOURNAL_KEY_ID);
    if (folderKey && (await journalKeyFits(db, folderKey)) === 'yes') [key, toSave] = [folderKey, true];
  }
  const headText = readHeadText(options.headFile);
  if (shared) {
    const fits = await journalKeyFits(db, key);
    // No key and no head of this journal: a PC new to it (a lost key, with its head left, is sealed again below).
    if (fits === 'no' && (key !== null || headText === null)) throw journalKeyRefusal(options.joinKey !== undefined);
  }
  const keyLost = key === null;
  const journalKey = key ?? randomBytes(32);
  if (keyLost) toSave = true;
  engine.useJournalKey(journalKey);
  const at = options.now.toISOString();
  const state = await repo.journalState(db);
  if (state.sealedId === null) {
    await seal(db, at, 'legacy', journalKey);
    // Another PC sealed it first, under its own key: this one is refused like any PC without it.
    if (shared && (await journalKeyFits(db, journalKey)) === 'no')
      throw journalKeyRefusal(options.joinKey !== undefined);
  } else if (keyLost) {
    // The head cannot be checked without the old key: the loss itself is what the new seal records.
    await seal(db, at, 'key-lost', journalKey);
  } else {
    const head = openHead(journalKey, headText);
    // Joining: this PC has no head of this journal yet; the key was checked against the journal above.
    const found =
      options.joinKey && head.status !== 'ok'
        ? []
        : headFindings(head, await repo.chainLinks(db), state, await validPurgesAfter(db, journalKey, head));
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
    // A journal sealed before `key_check`: the key fitted (or the alerts say why), it is recorded now.
    if (state.keyCheck === null && (await journalKeyFits(db, journalKey)) !== 'no')
      await db.transaction().execute(async (trx) => {
        await serialise(trx, 'journal');
        if ((await repo.journalState(trx)).keyCheck === null) await repo.setKeyCheck(trx, journalKeyCheck(journalKey));
      });
  }
  if (toSave) await options.keyStore.save(keyId, journalKey);
  // Entries older than 12 months go at each start (CNIL 2021-122), when the clock agrees with the journal.
  await purgeJournal(db, options.now);
  const keeper: JournalKeeper = {
    key: journalKey,
    keyId,
    headFile: options.headFile,
    written: null,
    seen: null,
    head: null,
  };
  // What was found is journaled now: the head may follow the database again.
  await syncJournalHead(db, keeper, { restart: true });
  return keeper;
}

/** The purges after what the head announced whose HMAC holds under the key (another PC's, on a shared database). */
async function validPurgesAfter(db: Kysely<Database>, key: Buffer, head: HeadRead) {
  if (head.status !== 'ok') return [];
  return (await repo.purgesAfter(db, head.head.lastId)).filter((row) => keyedEntryHolds(key, row));
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
  // Another PC on the same database purged what this head announced: it follows when that purge holds under the key.
  const purgedElsewhere =
    previous !== null &&
    head.sealId === previous.sealId &&
    head.anchorId > previous.anchorId &&
    head.lastId > previous.lastId &&
    (await repo.purgesAfter(db, previous.lastId)).some((row) => keyedEntryHolds(keeper.key, row));
  if (!options.restart && previous && !purgedElsewhere) {
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
