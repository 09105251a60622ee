/**
 * The heavy half of backups, synchronous and run in the backup worker thread
 * (`worker.ts`): checking the snapshot, hashing, encrypting chunk by chunk,
 * and reading a backup back (to verify it or extract it for a restore).
 * Nothing here holds more than one chunk of a file in memory.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { checkIntegrity, describeCopy } from '../db/engine';
import { DATA_ENTRY } from '../db/logical';
import { AppError } from '../shared/errors';
import { ArchiveReader, archiveHead, type EntrySink, type Manifest } from './archive';
import { CHUNK_BYTES, DAMAGED, openChunks, sealChunk, type ChunkSource } from './format';

export interface Source {
  /** "donnees.jsonl" or "fichiers/…". */
  name: string;
  file: string;
}

export interface SnapshotFacts {
  schemaVersion: number;
  structureName: string;
  counts: Manifest['counts'];
}

const READ_BYTES = CHUNK_BYTES;

/** Integrity and foreign keys of the snapshot (what the restore preview shows now comes from its export). */
export function checkSnapshot(file: string): SnapshotFacts {
  const { sound, ...facts } = describeCopy(file);
  if (!sound)
    throw new AppError(
      'INTERNAL',
      'La base de données n’a pas passé sa vérification : la sauvegarde est arrêtée, rien n’a été écrit sur la clé.',
    );
  return facts;
}

/** Every file under a folder, as paths relative to it with "/" separators, in a stable order; ".tmp" files are writes in progress. */
export function filesUnder(root: string, prefix = ''): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(path.join(root, prefix), { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const inner of filesUnder(root, relative)) found.push(inner);
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) found.push(relative);
  }
  return found;
}

/** Calls `onPiece` with a file's bytes, one piece at a time, read into `buffer` (one for all files: thousands of small ones otherwise make a megabyte each). */
function eachPiece(file: string, buffer: Buffer, onPiece: (bytes: Buffer) => void) {
  const fd = openSync(file, 'r');
  try {
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) onPiece(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** `reclaim` is called after each file (the backup worker frees the hashes' native memory now and then). */
export function describeSources(sources: Source[], reclaim: () => void = () => undefined): Manifest['entries'] {
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  return sources.map((source) => {
    reclaim();
    const hash = createHash('sha256');
    let size = 0;
    eachPiece(source.file, buffer, (bytes) => {
      hash.update(bytes);
      size += bytes.length;
    });
    return { name: source.name, size, sha256: hash.digest('hex') };
  });
}

/**
 * Produces the encrypted chunks of an archive one at a time, reading the
 * sources as it goes: the caller writes each chunk before asking for the next.
 */
export class Sealer {
  private readonly head: Buffer;
  private readonly sizes: number[];
  private readonly total: number;
  private readonly plainHash = createHash('sha256');
  /** One plaintext chunk, refilled for each chunk sealed. */
  private readonly plain = Buffer.allocUnsafe(CHUNK_BYTES);
  private produced = 0;
  private index = 0;
  private headSent = 0;
  /** The source being read (-1: still the archive head), its descriptor and bytes left. */
  private source = -1;
  private fd: number | null = null;
  private left = 0;

  constructor(
    private readonly key: Buffer,
    private readonly headerBytes: Buffer,
    manifest: Manifest,
    private readonly sources: Source[],
  ) {
    this.head = archiveHead(manifest);
    this.sizes = manifest.entries.map((e) => e.size);
    this.total = this.head.length + this.sizes.reduce((sum, size) => sum + size, 0);
  }

  get plaintextBytes() {
    return this.total;
  }

  /**
   * Seals the next chunk into `into` (room for a framed chunk of CHUNK_BYTES);
   * `final` once the archive is all out, with the plaintext's hash.
   */
  next(into: Buffer): { length: number; final: boolean; done: number; plaintextSha256: string | null } {
    const want = Math.min(CHUNK_BYTES, this.total - this.produced);
    const plain = this.plain.subarray(0, want);
    let filled = 0;
    while (filled < want) filled += this.fill(plain.subarray(filled));
    this.produced += want;
    this.plainHash.update(plain);
    const final = this.produced === this.total;
    const { length } = sealChunk(this.key, this.headerBytes, this.index++, final, plain, into);
    if (final) this.close();
    return { length, final, done: this.produced, plaintextSha256: final ? this.plainHash.digest('hex') : null };
  }

  close() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Copies the next plaintext bytes into `target`; returns how many. */
  private fill(target: Buffer): number {
    if (this.headSent < this.head.length) {
      const n = this.head.copy(target, 0, this.headSent);
      this.headSent += n;
      return n;
    }
    while (this.left === 0) this.openNext();
    const n = readSync(this.fd!, target, 0, Math.min(target.length, this.left), null);
    // The file shrank since it was hashed (it changed while the backup ran).
    if (n === 0) throw new AppError('CONFLICT', 'Un fichier a changé pendant la sauvegarde : recommencez-la.');
    this.left -= n;
    return n;
  }

  private openNext() {
    this.close();
    this.source++;
    if (this.source >= this.sources.length) throw new AppError('INTERNAL', 'La sauvegarde a dépassé la taille prévue.');
    this.fd = openSync(this.sources[this.source]!.file, 'r');
    this.left = this.sizes[this.source]!;
  }
}

/**
 * A file read piece by piece for `openChunks`, into one buffer reused from
 * read to read (each piece is used before the next is read).
 */
function fileSource(fd: number): ChunkSource {
  const size = fstatSync(fd).size;
  let scratch = Buffer.allocUnsafe(0);
  return {
    size,
    read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      if (scratch.length < wanted) scratch = Buffer.allocUnsafe(wanted);
      const read = readSync(fd, scratch, 0, wanted, offset);
      return scratch.subarray(0, read);
    },
  };
}

/** Entries written under `dir` ("passerelle.sqlite", "fichiers/…"); a name that would leave it is damage. */
function extractInto(dir: string) {
  return (entry: Manifest['entries'][number]): EntrySink => {
    const parts = entry.name.split('/');
    const safe =
      (entry.name === 'passerelle.sqlite' || entry.name === DATA_ENTRY || parts[0] === 'fichiers') &&
      parts.every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\:]/.test(part));
    if (!safe) throw new AppError('INVALID_INPUT', DAMAGED);
    const target = path.join(dir, ...parts);
    mkdirSync(path.dirname(target), { recursive: true });
    const fd = openSync(target, 'w');
    return {
      write: (bytes) => void writeSync(fd, bytes),
      end: () => {
        fsyncSync(fd);
        closeSync(fd);
      },
    };
  };
}

/**
 * Decrypts a backup file and checks every entry; with `extractTo`, also
 * writes the entries there and checks the database's integrity.
 * `onProgress` gets the fraction of the file read after each chunk, then
 * `reclaim` is called.
 */
export function readBackupFile(
  file: string,
  key: Buffer,
  options: { extractTo: string | null; onProgress?: (fraction: number) => void; reclaim?: () => void },
) {
  const { extractTo } = options;
  const fd = openSync(file, 'r');
  try {
    const source = fileSource(fd);
    const hash = createHash('sha256');
    const reader = new ArchiveReader(extractTo ? extractInto(extractTo) : undefined);
    let read = 0;
    openChunks(key, source, (chunk) => {
      hash.update(chunk);
      reader.push(chunk);
      read += chunk.length;
      options.onProgress?.(Math.min(1, read / Math.max(1, source.size)));
      options.reclaim?.();
    });
    const manifest = reader.finish();
    if (extractTo && manifest.entries.some((e) => e.name === 'passerelle.sqlite')) {
      if (!checkIntegrity(path.join(extractTo, 'passerelle.sqlite'))) {
        throw new AppError(
          'INVALID_INPUT',
          'La base de données contenue dans cette sauvegarde est endommagée : elle ne peut pas être restaurée.',
        );
      }
    }
    return { manifest, plaintextSha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}
