/**
 * Which compiled better-sqlite3 every connection loads. By default the one in
 * node_modules (built for Node: tests, browser mode) or, in the packaged app,
 * the one electron-builder rebuilt for Electron. The desktop app started from
 * source names the copy built for Electron apart (scripts/electron-native.mjs)
 * in PASSERELLE_SQLITE_BINDING before anything opens; an environment variable
 * rather than module state, so the backup worker threads see it too.
 */
import type SqliteDatabase from 'better-sqlite3';

export const SQLITE_BINDING_VARIABLE = 'PASSERELLE_SQLITE_BINDING';

export function sqliteOptions(options: SqliteDatabase.Options = {}): SqliteDatabase.Options {
  const nativeBinding = process.env[SQLITE_BINDING_VARIABLE];
  return nativeBinding ? { ...options, nativeBinding } : options;
}
