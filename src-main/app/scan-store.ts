import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { sha256, sniffScan, writeAtomically } from '../documents/store';
import type { AttachmentMediaType } from '../shared/contract/documents';
import { AppError } from '../shared/errors';
import { readChosen, type FileSource } from './client-files';

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
 * bytes), on main's PC or sent by a client PC (`client-files.ts`), copied into
 * the attachments folder under its hash, before the transaction that records
 * it: `documents/attach` and a proof of IAE eligibility keep their scans the
 * same way. Each refusal on `field`.
 */
export async function storeScan(source: FileSource, attachmentsDir: string, field: string): Promise<StoredScan> {
  const { name, bytes } = await readChosen(source, 'attachment', field);
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
    originalName: name,
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
