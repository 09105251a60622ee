import { createHmac } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';

/**
 * The journal's key lives outside the database (OS-protected in the desktop
 * app, a user-only file in browser mode) and reaches SQL only as this
 * function of the connection: every caller of `appendJournal`, inside any
 * transaction, seals its entry with it, and the key itself is never written
 * to the file. A connection without it cannot journal at all.
 */
export function registerJournalMac(sqlite: SqliteDatabase.Database, key: Buffer): void {
  sqlite.function('journal_mac', { deterministic: true }, (payload: unknown) => journalMac(key, String(payload)));
}

export function journalMac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload, 'utf8').digest('hex');
}
