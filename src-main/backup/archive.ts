/**
 * What a backup holds, before encryption: "PSRLARC1", the manifest's length
 * (u32 BE), the manifest (JSON), then each entry's bytes in manifest order.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../shared/errors';
import { DAMAGED } from './format';

export const ARCHIVE_MAGIC = Buffer.from('PSRLARC1', 'ascii');

export interface Manifest {
  createdAt: string;
  structureName: string;
  schemaVersion: number;
  counts: { persons: number; worksites: number; documents: number };
  /** "passerelle.sqlite" first, then the kept files under "fichiers/". */
  entries: { name: string; size: number; sha256: string }[];
}

export function archiveHead(manifest: Manifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length, 0);
  return Buffer.concat([ARCHIVE_MAGIC, length, json]);
}

/** Splits a decrypted archive back into its manifest and entries, checking every entry's hash. */
export function readArchive(plaintext: Buffer): { manifest: Manifest; entries: Map<string, Buffer> } {
  if (plaintext.length < 12 || !plaintext.subarray(0, 8).equals(ARCHIVE_MAGIC)) throw new AppError('INVALID_INPUT', DAMAGED);
  const length = plaintext.readUInt32BE(8);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(plaintext.toString('utf8', 12, 12 + length)) as Manifest;
  } catch {
    throw new AppError('INVALID_INPUT', DAMAGED);
  }
  const entries = new Map<string, Buffer>();
  let offset = 12 + length;
  for (const entry of manifest.entries) {
    const bytes = plaintext.subarray(offset, offset + entry.size);
    if (bytes.length !== entry.size || createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new AppError('INVALID_INPUT', DAMAGED);
    entries.set(entry.name, bytes);
    offset += entry.size;
  }
  if (offset !== plaintext.length) throw new AppError('INVALID_INPUT', DAMAGED);
  return { manifest, entries };
}
