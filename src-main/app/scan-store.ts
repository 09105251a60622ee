import { readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { sha256, sniffScan, writeAtomically } from '../documents/store';
import { ATTACHMENT_MAX_BYTES, type AttachmentMediaType } from '../shared/contract/documents';
import { AppError } from '../shared/errors';

export interface StoredScan {
  originalName: string;
  storedFile: string;
  mediaType: AttachmentMediaType;
  sha256: string;
  size: number;
  /** Removes the file when this call wrote it and the transaction recording it failed. */
  discard(): Promise<void>;
}

/**
 * A scan the user chose (PDF, JPEG or PNG, 10 Mo at most, read from its first
 * bytes), copied into the attachments folder under its hash, before the
 * transaction that records it: `documents/attach` and a proof of IAE
 * eligibility keep their scans the same way. Each refusal on `field`.
 */
export async function storeScan(source: string, attachmentsDir: string, field: string): Promise<StoredScan> {
  const info = await stat(source).catch(() => null);
  if (!info?.isFile())
    throw new AppError('NOT_FOUND', 'Ce fichier est introuvable, ou ce n’est pas un fichier.', { field });
  if (info.size > ATTACHMENT_MAX_BYTES) {
    throw new AppError(
      'INVALID_INPUT',
      'Ce fichier est trop lourd : 10 Mo au plus. Numérisez-le en qualité « document » ou en noir et blanc.',
      { field },
    );
  }
  const bytes = await readFile(source).catch(() => {
    throw new AppError('FILE_ERROR', 'Le fichier choisi n’a pas pu être lu.', { field });
  });
  const type = sniffScan(bytes);
  if (!type) throw new AppError('INVALID_INPUT', 'Joignez un document numérisé au format PDF, JPEG ou PNG.', { field });
  const hash = sha256(bytes);
  const storedFile = `${hash.slice(0, 24)}.${type.extension}`;
  const stored = path.join(attachmentsDir, storedFile);
  const existed = await stat(stored).then(
    () => true,
    () => false,
  );
  if (!existed) await writeAtomically(stored, bytes);
  return {
    originalName: path.basename(source),
    storedFile,
    mediaType: type.mediaType,
    sha256: hash,
    size: bytes.byteLength,
    discard: async () => {
      // A file this call wrote and no line refers to is removed.
      if (!existed) await unlink(stored).catch(() => undefined);
    },
  };
}
