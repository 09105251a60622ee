/**
 * The file a call names (issue 29): a path on main's PC (the desktop app, where
 * main runs on the person's own PC) or the bytes a client PC sent (main is the
 * Passerelle server on another PC of the office, where a path on the client's
 * disk means nothing). Both end as a name and bytes, checked against the same
 * size limit; what the file is, is then read from its first bytes by the
 * caller (a scan, an image, a table), never from its name alone.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UPLOAD_LIMITS, type UploadedFile, type UploadPurpose } from '../shared/contract/files';
import { AppError } from '../shared/errors';

export interface ChosenBytes {
  /** The file's own name (no folder), as the person knows it. */
  name: string;
  bytes: Buffer;
}

export interface FileSource {
  path?: string | null;
  file?: UploadedFile | null;
}

/** True when the call names a file at all (a proof may be saved without a new scan). */
export function hasSource(source: FileSource): boolean {
  return (typeof source.path === 'string' && source.path !== '') || (source.file !== undefined && source.file !== null);
}

/** Reads the chosen file, refusing (on `field`) a missing one and one over the purpose's size limit. */
export async function readChosen(source: FileSource, purpose: UploadPurpose, field = 'path'): Promise<ChosenBytes> {
  const limit = UPLOAD_LIMITS[purpose];
  if (source.file) {
    const bytes = Buffer.from(source.file.base64, 'base64');
    if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'Le fichier envoyé est vide.', { field });
    if (bytes.length > limit.bytes) throw new AppError('INVALID_INPUT', limit.tooBig, { field });
    // A name from Windows keeps its folders after a backslash: only the last part is the file's.
    const name = source.file.name.split(/[\\/]/).filter(Boolean).at(-1) ?? 'fichier';
    return { name, bytes };
  }
  if (typeof source.path !== 'string' || source.path === '')
    throw new AppError('INVALID_INPUT', 'Choisissez un fichier.', { field });
  const info = await stat(source.path).catch(() => null);
  if (!info?.isFile())
    throw new AppError('NOT_FOUND', 'Ce fichier est introuvable, ou ce n’est pas un fichier.', { field });
  if (info.size > limit.bytes) throw new AppError('INVALID_INPUT', limit.tooBig, { field });
  const bytes = await readFile(source.path).catch(() => {
    throw new AppError('FILE_ERROR', 'Le fichier choisi n’a pas pu être lu.', { field });
  });
  return { name: path.basename(source.path), bytes };
}
