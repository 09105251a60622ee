/**
 * What is particular to the storage engine (SQLite today): file maintenance,
 * pragmas, online copies, opening a copy to read it. The rest of main asks for
 * these by name and never holds the raw better-sqlite3 handle, so a second
 * engine has one place to answer them.
 *
 * Two halves: `Engine`, bound to the live database the app has open (built by
 * `openDatabase`), and functions on database files that are not open in the
 * app (a snapshot in the making, a copy in a backup, an automatic copy),
 * which the backup worker thread uses too (so no Kysely here: the worker
 * stays small). Such a file opened for the repositories: `openReadOnly` in
 * open.ts.
 */
import SqliteDatabase from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { registerJournalMac } from './journal-mac';
import { sqliteOptions } from './native-binding';

export interface Engine {
  /** The live database file (what a snapshot is taken from). */
  readonly file: string;
  /** Rewrites the file so that erased rows leave no trace on disk, and folds the write-ahead log back in. */
  compact(): void;
  /** An online copy of the live database into `target` (the writes go on meanwhile), whole pages as they stand. */
  snapshotTo(target: string): Promise<void>;
  /** Gives the connection the journal's key, as the SQL function every journal append seals its entry with. */
  useJournalKey(key: Buffer): void;
}

export function sqliteEngine(sqlite: SqliteDatabase.Database): Engine {
  return {
    file: sqlite.name,
    compact: () => {
      sqlite.exec('VACUUM');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
    snapshotTo: async (target) => {
      await sqlite.backup(target);
    },
    useJournalKey: (key) => registerJournalMac(sqlite, key),
  };
}

/**
 * Page cache of the short-lived connections below (KiB, negative as SQLite
 * wants it): better-sqlite3's default of 16 MB each, on top of the live
 * connection's, is what a one-pass read never needs.
 */
const ONE_PASS_CACHE = 'cache_size = -1024';

/** A read-only connection to a file that must exist, with a small cache, closed after `use`. */
function withCopy<T>(file: string, use: (copy: SqliteDatabase.Database) => T): T {
  const copy = new SqliteDatabase(file, sqliteOptions({ readonly: true, fileMustExist: true }));
  try {
    copy.pragma(ONE_PASS_CACHE);
    return use(copy);
  } finally {
    copy.close();
  }
}

/**
 * A consistent, compacted copy of a database file into `target`, which must
 * not exist yet: one self-contained file (no -wal/-shm), freed pages left
 * behind, synced to disk. Made through its own read-only connection, so it
 * runs beside the app's (WAL lets it read while the window keeps writing).
 */
export function compactCopy(liveFile: string, target: string): void {
  withCopy(liveFile, (live) => {
    live.pragma('busy_timeout = 5000');
    live.prepare('VACUUM INTO ?').run(target);
  });
  // VACUUM INTO leaves syncing to the caller.
  const fd = openSync(target, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether a database file passes SQLite's full integrity check (an unreadable file does not). */
export function checkIntegrity(file: string): boolean {
  try {
    return withCopy(file, (copy) => copy.pragma('integrity_check', { simple: true }) === 'ok');
  } catch {
    return false;
  }
}

export interface CopyFacts {
  /** Integrity check passed and no foreign key points nowhere. */
  sound: boolean;
  schemaVersion: number;
  structureName: string;
  counts: { persons: number; worksites: number; documents: number };
}

/** What a backup records of the database copy it carries: whether it is sound, and what the restore preview shows. */
export function describeCopy(file: string): CopyFacts {
  return withCopy(file, (copy) => {
    const sound =
      copy.pragma('integrity_check', { simple: true }) === 'ok' &&
      (copy.pragma('foreign_key_check') as unknown[]).length === 0;
    if (!sound)
      return { sound, schemaVersion: 0, structureName: '', counts: { persons: 0, worksites: 0, documents: 0 } };
    const count = (table: 'persons' | 'worksites' | 'documents') =>
      (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const structure = copy.prepare('select name from structure').get() as { name: string } | undefined;
    return {
      sound,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      structureName: structure?.name ?? '',
      counts: { persons: count('persons'), worksites: count('worksites'), documents: count('documents') },
    };
  });
}
