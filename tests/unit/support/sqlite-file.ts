/**
 * A connection of the test's own to the app's database file: the app keeps
 * its raw SQLite handle inside src-main/db/, so a test that edits the file by
 * hand (as someone tampering with it would, with their own tool) or checks a
 * figure with hand-written SQL opens the file itself. WAL lets both
 * connections work side by side; this one closes when the test ends.
 */
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { Services } from '../../../src-main/app/services';

const opened = new WeakMap<Services, Database.Database>();

export function sqliteFile(services: Services): Database.Database {
  let connection = opened.get(services);
  if (!connection?.open) {
    const own = new Database(services.paths.databaseFile, { fileMustExist: true });
    own.pragma('busy_timeout = 5000');
    own.pragma('foreign_keys = ON');
    opened.set(services, own);
    onTestFinished(() => {
      own.close();
      opened.delete(services);
    });
    connection = own;
  }
  return connection;
}
