/**
 * Backup and restore. A backup is reported done only after the file on the
 * stick was read back, decrypted and found identical to the snapshot. The
 * snapshot, checks, hashing and encryption run in the backup worker; this
 * side only moves encrypted chunks to the stick.
 */
import { rmSync } from 'node:fs';
import { open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../shared/errors';
import type { Manifest } from './archive';
import {
  CHUNK_BYTES,
  DAMAGED,
  decodeHeader,
  encodeHeader,
  framedBytes,
  HEADER_BYTES,
  type BackupHeader,
  type KdfParams,
} from './format';
import { BackupWorker } from './worker-client';
import { DATA_ENTRY } from '../db/logical';
import { stageExport } from '../db/staging';
import type { Engine } from '../db/engine';

export const BACKUP_EXTENSION = '.passerelle-backup';

export interface BackupKey {
  keyId: string;
  key: Buffer;
  salt: Buffer;
  kdf: KdfParams;
}

/** What a progress bar shows: the step in words and the fraction of the whole done. */
export interface BackupProgress {
  step: string;
  fraction: number;
}

function writeFailure(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC')
    return new AppError(
      'FILE_ERROR',
      'Il n’y a plus assez de place sur la clé. Les sauvegardes précédentes sont intactes ; libérez de la place ou prenez une autre clé.',
    );
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError(
      'FILE_ERROR',
      'La clé est protégée en écriture ou refuse l’écriture. Les sauvegardes précédentes sont intactes.',
    );
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV')
    return new AppError(
      'FILE_ERROR',
      'La clé a été retirée ou ne répond plus. Rebranchez-la et recommencez : les sauvegardes précédentes sont intactes.',
    );
  if (error instanceof AppError) return error;
  return new AppError(
    'FILE_ERROR',
    'La sauvegarde n’a pas pu être écrite sur la clé. Les sauvegardes précédentes sont intactes.',
  );
}

/** The header of a backup file, read without the rest. */
export async function readHeader(file: string): Promise<BackupHeader> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    throw new AppError('NOT_FOUND', 'Ce fichier de sauvegarde est introuvable ou illisible.');
  }
  try {
    const bytes = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(bytes, 0, HEADER_BYTES, 0);
    return decodeHeader(bytes.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export interface ReadBackup {
  header: BackupHeader;
  manifest: Manifest;
  plaintextSha256: string;
}

/**
 * Reads and decrypts a backup, checking every entry; `keyFor` supplies the
 * key for its header. With `extractTo`, the entries are written there (the
 * data as "donnees.jsonl", or "passerelle.sqlite" in a version 1 backup, the
 * files under "fichiers/") and a SQLite file's integrity is checked.
 */
export async function readBackup(
  file: string,
  keyFor: (header: BackupHeader) => Promise<Buffer>,
  options: { extractTo?: string; onProgress?: (fraction: number) => void } = {},
): Promise<ReadBackup> {
  const header = await readHeader(file);
  const key = await keyFor(header);
  const worker = new BackupWorker();
  try {
    const read = await worker.call<Omit<ReadBackup, 'header'>>(
      'read',
      { file, key, extractTo: options.extractTo ?? null },
      options.onProgress,
    );
    return { header, ...read };
  } finally {
    await worker.close();
  }
}

export interface WrittenBackup {
  path: string;
  size: number;
  plaintextSha256: string;
  /** The backup before it on the same stick still reads back (null: none, or another key). */
  previousVerified: boolean | null;
}

/**
 * Snapshot → checks → archive → encrypt to "<name>.partial" → fsync → rename
 * → fsync the folder (not on Windows) → read back and compare → check the
 * previous backup on the stick. A failure leaves nothing under the final name.
 */
export async function writeBackup(options: {
  /** The live database: the SQLite file the worker snapshots online, or PostgreSQL's export written in `workDir`. */
  engine: Pick<Engine, 'backupSource'>;
  filesDir: string;
  folder: string;
  fileName: string;
  /** A private folder in the data folder for the snapshot (never the system's temporary folder); removed here. */
  workDir: string;
  key: BackupKey;
  createdAt: string;
  /** The journal's key and head, checked when the backup is restored. */
  journal?: { key: Buffer; head: string | null };
  onProgress?: (progress: BackupProgress) => void;
  /** Opens the file on the stick; the fault-injection tests give a failing one. */
  openTarget?: (file: string) => Promise<Pick<FileHandle, 'write' | 'sync' | 'close'>>;
}): Promise<WrittenBackup> {
  const report = options.onProgress ?? (() => undefined);
  const info = await stat(options.folder).catch(() => null);
  if (!info?.isDirectory())
    throw new AppError('NOT_FOUND', 'Ce dossier n’existe pas ou la clé n’est plus branchée.', { field: 'folder' });
  const workDir = options.workDir;
  // Never over an existing backup: a second one in the same minute gets " (2)".
  const { name, ext } = path.parse(options.fileName);
  let target = path.join(options.folder, options.fileName);
  for (
    let n = 2;
    await stat(target).then(
      () => true,
      () => false,
    );
    n++
  )
    target = path.join(options.folder, `${name} (${n})${ext}`);
  const partial = `${target}.partial`;
  const worker = new BackupWorker();
  try {
    report({ step: 'Vérification des données', fraction: 0 });
    const headerBytes = encodeHeader(
      { keyId: options.key.keyId, salt: options.key.salt, kdf: options.key.kdf, chunkBytes: CHUNK_BYTES },
      options.key.key,
    );
    // One sealed chunk at a time goes through this shared memory (a buffer per chunk would pile up until collected).
    const shared = new SharedArrayBuffer(framedBytes(CHUNK_BYTES));
    const sealed = new Uint8Array(shared);
    // PostgreSQL's rows are exported here, through the app's connection; a SQLite file is the worker's to copy.
    const source = await options.engine.backupSource(workDir);
    // The worker snapshots the live database (online, never a file copy), checks it, exports it, lists and hashes the files.
    const { total } = await worker.call<{ total: number }>('prepare', {
      liveFile: 'liveFile' in source ? source.liveFile : null,
      data: 'dataFile' in source ? source : null,
      workDir,
      filesDir: options.filesDir,
      createdAt: options.createdAt,
      journal: options.journal ? { key: options.journal.key.toString('base64'), head: options.journal.head } : null,
      key: options.key.key,
      headerBytes,
      shared,
    });
    // Writing is two thirds of the bar, reading back the last third.
    report({ step: 'Chiffrement et copie sur la clé', fraction: 0.05 });
    let plaintextSha256: string;
    let handle;
    try {
      handle = await (options.openTarget ?? ((file) => open(file, 'w')))(partial);
      await handle.write(headerBytes);
      for (;;) {
        const next = await worker.call<{
          length: number;
          final: boolean;
          done: number;
          plaintextSha256: string | null;
        }>('next', {});
        await handle.write(sealed.subarray(0, next.length));
        report({ step: 'Chiffrement et copie sur la clé', fraction: 0.05 + 0.6 * (next.done / total) });
        if (next.final) {
          plaintextSha256 = next.plaintextSha256!;
          break;
        }
      }
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
    // Read back from the stick: only a backup that decrypts to the same bytes counts.
    report({ step: 'Relecture de la clé pour vérifier', fraction: 0.65 });
    const back = await worker
      .call<{ plaintextSha256: string }>('read', { file: target, key: options.key.key, extractTo: null }, (fraction) =>
        report({ step: 'Relecture de la clé pour vérifier', fraction: 0.65 + 0.3 * fraction }),
      )
      .catch(() => null);
    if (!back || back.plaintextSha256 !== plaintextSha256) {
      await unlink(target).catch(() => undefined);
      throw new AppError(
        'FILE_ERROR',
        'La sauvegarde relue sur la clé ne correspond pas : la clé est peut-être défaillante. Essayez une autre clé ; les sauvegardes précédentes sont intactes.',
      );
    }
    report({ step: 'Contrôle de la sauvegarde précédente', fraction: 0.95 });
    const previousVerified = await verifyPrevious(worker, options.folder, target, options.key);
    report({ step: 'Sauvegarde vérifiée', fraction: 1 });
    return { path: target, size: (await stat(target)).size, plaintextSha256, previousVerified };
  } finally {
    await worker.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Re-reads the newest other backup of this key on the stick: a failing stick shows up there. */
async function verifyPrevious(
  worker: BackupWorker,
  folder: string,
  written: string,
  key: BackupKey,
): Promise<boolean | null> {
  const others = (await readdir(folder)).filter(
    (n) => n.endsWith(BACKUP_EXTENSION) && path.join(folder, n) !== written,
  );
  const dated = await Promise.all(others.map(async (n) => ({ n, at: (await stat(path.join(folder, n))).mtimeMs })));
  const previous = dated.sort((a, b) => b.at - a.at)[0];
  if (!previous) return null;
  const file = path.join(folder, previous.n);
  try {
    if ((await readHeader(file)).keyId !== key.keyId) return null;
  } catch {
    return false;
  }
  return worker.call('read', { file, key: key.key, extractTo: null }).then(
    () => true,
    () => false,
  );
}

/**
 * The SQLite file a restore checks and takes the data from, in the unpacked
 * backup `work`: made from the logical copy (version 2), or the file itself
 * (version 1, restored as it is on SQLite; on PostgreSQL its rows are taken
 * from it like those of a version 2 backup).
 */
export async function stagedDatabase(work: string, manifest: Manifest): Promise<string> {
  const file = path.join(work, 'passerelle.sqlite');
  const names = manifest.entries.map((e) => e.name);
  if (names.includes(DATA_ENTRY)) {
    if (names.includes('passerelle.sqlite')) throw new AppError('INVALID_INPUT', DAMAGED);
    await stageExport(path.join(work, DATA_ENTRY), file);
  } else if (!names.includes('passerelle.sqlite')) throw new AppError('INVALID_INPUT', DAMAGED);
  return file;
}
