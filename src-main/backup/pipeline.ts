/**
 * Backup and restore. A backup is reported done only after the file on the
 * stick was read back, decrypted and found identical to the snapshot.
 */
import type SqliteDatabase from 'better-sqlite3';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { archiveHead, readArchive, type Manifest } from './archive';
import { CHUNK_BYTES, decodeHeader, encodeHeader, HEADER_BYTES, openChunks, sealChunk, type BackupHeader, type KdfParams } from './format';

export const BACKUP_EXTENSION = '.passerelle-backup';

export interface BackupKey {
  keyId: string;
  key: Buffer;
  salt: Buffer;
  kdf: KdfParams;
}

/** Every file under a folder, as paths relative to it with "/" separators, in a stable order. */
async function filesUnder(root: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(path.join(root, prefix), { withFileTypes: true }).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await filesUnder(root, relative)));
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) found.push(relative);
  }
  return found;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An online snapshot of the live database (never a file copy), checked before anything is written to the stick. */
async function snapshot(sqlite: SqliteDatabase.Database, workDir: string) {
  const file = path.join(workDir, 'passerelle.sqlite');
  await sqlite.backup(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (copy.pragma('integrity_check', { simple: true }) !== 'ok' || (copy.pragma('foreign_key_check') as unknown[]).length > 0) {
      throw new AppError('INTERNAL', "La base de données n'a pas passé sa vérification : la sauvegarde est arrêtée, rien n'a été écrit sur la clé.");
    }
    const count = (table: string) => (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const structure = copy.prepare('select name from structure').get() as { name: string } | undefined;
    return {
      file,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      structureName: structure?.name ?? '',
      counts: { persons: count('persons'), worksites: count('worksites'), documents: count('documents') },
    };
  } finally {
    copy.close();
  }
}

function writeFailure(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC') return new AppError('FILE_ERROR', "Il n'y a plus assez de place sur la clé. Les sauvegardes précédentes sont intactes ; libérez de la place ou prenez une autre clé.");
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('FILE_ERROR', 'La clé est protégée en écriture ou refuse l’écriture. Les sauvegardes précédentes sont intactes.');
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV') return new AppError('FILE_ERROR', "La clé a été retirée ou ne répond plus. Rebranchez-la et recommencez : les sauvegardes précédentes sont intactes.");
  if (error instanceof AppError) return error;
  return new AppError('FILE_ERROR', "La sauvegarde n'a pas pu être écrite sur la clé. Les sauvegardes précédentes sont intactes.");
}

/** Reads, decrypts and unpacks a backup file; `keyFor` supplies the key for its header. */
export async function readBackup(file: string, keyFor: (header: BackupHeader) => Promise<Buffer>) {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new AppError('NOT_FOUND', "Ce fichier de sauvegarde est introuvable ou illisible.");
  }
  const header = decodeHeader(bytes);
  const key = await keyFor(header);
  const parts: Buffer[] = [];
  openChunks(key, bytes, (chunk) => parts.push(chunk));
  const plaintext = Buffer.concat(parts);
  return { header, plaintextSha256: sha256(plaintext), ...readArchive(plaintext) };
}

export interface WrittenBackup {
  path: string;
  size: number;
  plaintextSha256: string;
  manifest: Manifest;
  /** The backup before it on the same stick still reads back (null: none, or another key). */
  previousVerified: boolean | null;
}

/**
 * Snapshot → checks → archive → encrypt to "<name>.partial" → fsync → rename
 * → fsync the folder (not on Windows) → read back and compare → check the
 * previous backup on the stick. A failure leaves nothing under the final name.
 */
export async function writeBackup(options: {
  sqlite: SqliteDatabase.Database;
  filesDir: string;
  folder: string;
  fileName: string;
  key: BackupKey;
  createdAt: string;
  /** Called between chunks, so a progress bar can follow and other calls are answered. */
  onProgress?: (done: number, total: number) => void;
  /** Opens the file on the stick; the fault-injection tests give a failing one. */
  openTarget?: (file: string) => Promise<Pick<FileHandle, 'write' | 'sync' | 'close'>>;
}): Promise<WrittenBackup> {
  const info = await stat(options.folder).catch(() => null);
  if (!info?.isDirectory()) throw new AppError('NOT_FOUND', "Ce dossier n'existe pas ou la clé n'est plus branchée.", { field: 'folder' });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-sauvegarde-'));
  // Never over an existing backup: a second one in the same minute gets " (2)".
  const { name, ext } = path.parse(options.fileName);
  let target = path.join(options.folder, options.fileName);
  for (let n = 2; await stat(target).then(() => true, () => false); n++) target = path.join(options.folder, `${name} (${n})${ext}`);
  const partial = `${target}.partial`;
  try {
    const snap = await snapshot(options.sqlite, workDir);
    const names = await filesUnder(options.filesDir);
    const sources = [{ name: 'passerelle.sqlite', file: snap.file }, ...names.map((name) => ({ name: `fichiers/${name}`, file: path.join(options.filesDir, name) }))];
    const entries: Manifest['entries'] = [];
    for (const source of sources) {
      const bytes = await readFile(source.file);
      entries.push({ name: source.name, size: bytes.length, sha256: sha256(bytes) });
    }
    const manifest: Manifest = { createdAt: options.createdAt, structureName: snap.structureName, schemaVersion: snap.schemaVersion, counts: snap.counts, entries };
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    const headerBytes = encodeHeader({ keyId: options.key.keyId, salt: options.key.salt, kdf: options.key.kdf, chunkBytes: CHUNK_BYTES }, options.key.key);
    const plainHash = createHash('sha256');
    let handle;
    try {
      handle = await (options.openTarget ?? ((file) => open(file, 'w')))(partial);
      await handle.write(headerBytes);
      // Full chunks go out as soon as they are full; the rest is sealed last, marked final.
      let buffer = Buffer.alloc(0);
      let index = 0;
      let done = 0;
      const push = async (bytes: Buffer) => {
        plainHash.update(bytes);
        buffer = Buffer.concat([buffer, bytes]);
        while (buffer.length > CHUNK_BYTES) {
          await handle!.write(sealChunk(options.key.key, headerBytes, index++, false, buffer.subarray(0, CHUNK_BYTES)));
          buffer = buffer.subarray(CHUNK_BYTES);
        }
      };
      await push(archiveHead(manifest));
      for (const source of sources) {
        const bytes = await readFile(source.file);
        await push(bytes);
        done += bytes.length;
        options.onProgress?.(done, total);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await handle.write(sealChunk(options.key.key, headerBytes, index++, true, buffer));
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(partial, target);
      if (process.platform !== 'win32') {
        const dir = await open(options.folder, 'r');
        await dir.sync().catch(() => undefined);
        await dir.close();
      }
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
      throw writeFailure(error);
    }
    const plaintextSha256 = plainHash.digest('hex');
    // Read back from the stick: only a backup that decrypts to the same bytes counts.
    const back = await readBackup(target, async () => options.key.key).catch(() => null);
    if (!back || back.plaintextSha256 !== plaintextSha256) {
      await unlink(target).catch(() => undefined);
      throw new AppError('FILE_ERROR', "La sauvegarde relue sur la clé ne correspond pas : la clé est peut-être défaillante. Essayez une autre clé ; les sauvegardes précédentes sont intactes.");
    }
    return { path: target, size: (await stat(target)).size, plaintextSha256, manifest, previousVerified: await verifyPrevious(options.folder, target, options.key) };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Re-reads the newest other backup of this key on the stick: a failing stick shows up there. */
async function verifyPrevious(folder: string, written: string, key: BackupKey): Promise<boolean | null> {
  const others = (await readdir(folder)).filter((n) => n.endsWith(BACKUP_EXTENSION) && path.join(folder, n) !== written);
  const dated = await Promise.all(others.map(async (n) => ({ n, at: (await stat(path.join(folder, n))).mtimeMs })));
  const previous = dated.sort((a, b) => b.at - a.at)[0];
  if (!previous) return null;
  const file = path.join(folder, previous.n);
  const head = await readFile(file).then((b) => b.subarray(0, HEADER_BYTES)).catch(() => null);
  if (!head) return false;
  try {
    if (decodeHeader(head).keyId !== key.keyId) return null;
  } catch {
    return false;
  }
  return readBackup(file, async () => key.key).then(
    () => true,
    () => false,
  );
}

/** Writes a restored database to a file and checks it before anything is swapped. */
export async function checkedDatabaseFile(bytes: Buffer, dir: string): Promise<string> {
  const file = path.join(dir, 'restauration.sqlite');
  await writeFile(file, bytes);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('INVALID_INPUT', "La base de données contenue dans cette sauvegarde est endommagée : elle ne peut pas être restaurée.");
  } finally {
    db.close();
  }
  return file;
}
