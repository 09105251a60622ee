/**
 * What is particular to the storage engine (SQLite today): file maintenance,
 * pragmas, online copies. The rest of main asks for these by name and never
 * holds the raw better-sqlite3 handle, so a second engine has one place to
 * answer them.
 */
import type SqliteDatabase from 'better-sqlite3';

export interface Engine {
  /** Rewrites the file so that erased rows leave no trace on disk, and folds the write-ahead log back in. */
  compact(): void;
}

export function sqliteEngine(sqlite: SqliteDatabase.Database): Engine {
  return {
    compact: () => {
      sqlite.exec('VACUUM');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
