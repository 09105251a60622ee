/**
 * What the database keeps of backups: the key's parameters (the key itself
 * stays in the key store, never here) and the list of backups made.
 */
import { fromOptionalFlag, toOptionalFlag } from '../flags';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

/** The scrypt parameters the key was derived with (backup/format.ts's `KdfParams`). */
interface KdfParams {
  log2N: number;
  r: number;
  p: number;
}

export interface BackupKeySettings {
  keyId: string;
  salt: Buffer;
  kdf: KdfParams;
  lastFolder: string | null;
}

export interface BackupMade {
  at: string;
  path: string;
  size: number;
  plaintextSha256: string;
  keyId: string;
  /** The backup before it on the same stick still read back (null: none, or another key). */
  previousVerified: boolean | null;
}

export async function findBackupSettings(db: Db): Promise<BackupKeySettings | null> {
  const row = await db.selectFrom('backupSettings').selectAll().executeTakeFirst();
  return row
    ? { keyId: row.keyId, salt: row.salt, kdf: { log2N: row.log2n, r: row.r, p: row.p }, lastFolder: row.lastFolder }
    : null;
}

/** The key's parameters, replacing the previous ones (one row). */
export async function saveBackupKey(
  db: WritableDb,
  key: { keyId: string; salt: Buffer; kdf: KdfParams },
  now: string,
): Promise<void> {
  const values = { keyId: key.keyId, salt: key.salt, log2n: key.kdf.log2N, r: key.kdf.r, p: key.kdf.p, createdAt: now };
  await db
    .insertInto('backupSettings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function lastBackup(db: Db): Promise<BackupMade | null> {
  const row = await db.selectFrom('backups').selectAll().orderBy('id', 'desc').executeTakeFirst();
  if (!row) return null;
  const { at, path, size, plaintextSha256, keyId, previousVerified } = row;
  return { at, path, size, plaintextSha256, keyId, previousVerified: fromOptionalFlag(previousVerified) };
}

/** Records a backup made, and its folder as the one to offer next time. Returns its id. */
export async function insertBackup(db: WritableDb, made: BackupMade, folder: string): Promise<number> {
  const row = await db
    .insertInto('backups')
    .values({ ...made, previousVerified: toOptionalFlag(made.previousVerified) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('backupSettings').set({ lastFolder: folder }).execute();
  return row.id;
}
