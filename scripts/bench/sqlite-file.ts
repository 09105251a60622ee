/**
 * The bench's own connection to the app's database file (the app keeps its
 * raw SQLite handle inside src-main/db/): bulk inserts of fictitious data and
 * hand-written queries to compare the app's with, under the app's pragmas and
 * with its `fr_fold`.
 */
import Database from 'better-sqlite3';
import { foldForSearch } from '../../src-main/shared/text';

export function benchConnection(file: string): Database.Database {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.function('fr_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldForSearch(value) : value,
  );
  return sqlite;
}
