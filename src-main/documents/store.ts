import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../shared/errors';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Written under a temporary name, then renamed: a crash never leaves half a file under the real name. */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** The stored bytes, checked against the hash recorded when they were written. */
export async function readVerified(dir: string, storedFile: string, expectedSha256: string): Promise<Buffer> {
  // A document whose person was anonymised keeps its registry line, not its file.
  if (storedFile === '')
    throw new AppError(
      'NOT_FOUND',
      'Ce document a été retiré lors de l’anonymisation de la personne : il n’existe plus.',
    );
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dir, path.basename(storedFile)));
  } catch {
    throw new AppError(
      'FILE_ERROR',
      'Le fichier de ce document est introuvable dans le dossier des données. Restaurez une sauvegarde ou régénérez-le.',
    );
  }
  if (sha256(bytes) !== expectedSha256) {
    throw new AppError(
      'FILE_ERROR',
      'Le fichier de ce document a été modifié ou abîmé depuis sa création : il ne correspond plus à son empreinte. Restaurez une sauvegarde ou régénérez-le.',
    );
  }
  return bytes;
}

/** A copy into a folder the user chose; never overwrites: "Contrat (2).pdf". */
export async function copyInto(folder: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory())
    throw new AppError('NOT_FOUND', 'Ce dossier n’existe pas ou n’est plus branché.', { field: 'folder' });
  const { name, ext } = path.parse(fileName);
  let target = path.join(folder, fileName);
  for (let n = 2; existsSync(target); n++) target = path.join(folder, `${name} (${n})${ext}`);
  try {
    await writeAtomically(target, bytes);
  } catch {
    throw new AppError(
      'FILE_ERROR',
      'Le fichier n’a pas pu être écrit dans ce dossier. Vérifiez la clé USB ou choisissez un autre dossier.',
    );
  }
  return target;
}

const SIGNATURES = [
  { mediaType: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

/** What a scan really is, from its first bytes (never from its name). */
export function sniffScan(bytes: Uint8Array) {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b)) ?? null;
}

/** Overwrites a file with zeros, flushes, then removes it (the data folder keeps no readable copy). */
export async function shred(file: string): Promise<void> {
  const handle = await open(file, 'r+').catch(() => null);
  if (!handle) return;
  try {
    const { size } = await handle.stat();
    const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
    for (let offset = 0; offset < size; offset += zeros.length)
      await handle.write(zeros, 0, Math.min(zeros.length, size - offset), offset);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(file).catch(() => undefined);
}
