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
  /**
   * The journal's key and its head as they stood when the backup began (see
   * app/journal-head.ts): the restored journal is checked against them, and
   * keeps being verifiable on another PC. Inside the encrypted archive only.
   */
  journal?: { key: string; head: string | null };
  /** The engine the backup was made on (version 2 on); the data restores on either. */
  engine?: 'sqlite' | 'postgres';
  /**
   * The data first — "donnees.jsonl", the logical copy of every table
   * (db/logical.ts; version 2 on), or "passerelle.sqlite", the SQLite file
   * itself (version 1) — then the kept files under "fichiers/".
   */
  entries: { name: string; size: number; sha256: string }[];
}

export function archiveHead(manifest: Manifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length, 0);
  return Buffer.concat([ARCHIVE_MAGIC, length, json]);
}

/** Receives one entry's bytes as they are decrypted. */
export interface EntrySink {
  write(bytes: Buffer): void;
  end(): void;
}

/**
 * Splits a decrypted archive, fed piece by piece, into its manifest and
 * entries, checking every entry's size and hash; `sinkFor` decides where each
 * entry's bytes go (a file when restoring, nowhere when only verifying).
 */
export class ArchiveReader {
  manifest: Manifest | null = null;
  private pending = Buffer.alloc(0);
  private entry = 0;
  private left = 0;
  private hash = createHash('sha256');
  private sink: EntrySink | null = null;

  constructor(private readonly sinkFor: (entry: Manifest['entries'][number]) => EntrySink | null = () => null) {}

  push(bytes: Buffer): void {
    if (!this.manifest) {
      this.pending = Buffer.concat([this.pending, bytes]);
      if (this.pending.length >= 8 && !this.pending.subarray(0, 8).equals(ARCHIVE_MAGIC))
        throw new AppError('INVALID_INPUT', DAMAGED);
      if (this.pending.length < 12) return;
      const length = this.pending.readUInt32BE(8);
      if (this.pending.length < 12 + length) return;
      try {
        this.manifest = JSON.parse(this.pending.toString('utf8', 12, 12 + length)) as Manifest;
      } catch {
        throw new AppError('INVALID_INPUT', DAMAGED);
      }
      if (!Array.isArray(this.manifest.entries)) throw new AppError('INVALID_INPUT', DAMAGED);
      bytes = this.pending.subarray(12 + length);
      this.pending = Buffer.alloc(0);
      this.startEntry();
    }
    while (bytes.length > 0) {
      if (this.entry >= this.manifest.entries.length) throw new AppError('INVALID_INPUT', DAMAGED);
      const part = bytes.subarray(0, this.left);
      this.hash.update(part);
      this.sink?.write(part);
      this.left -= part.length;
      bytes = bytes.subarray(part.length);
      if (this.left === 0) this.endEntry();
    }
  }

  /** Call once everything was pushed: a missing entry or a short one is damage. */
  finish(): Manifest {
    if (!this.manifest || this.entry !== this.manifest.entries.length) throw new AppError('INVALID_INPUT', DAMAGED);
    return this.manifest;
  }

  private startEntry() {
    // Empty entries (an empty file) end as soon as they start.
    while (this.manifest && this.entry < this.manifest.entries.length) {
      const entry = this.manifest.entries[this.entry]!;
      this.left = entry.size;
      this.hash = createHash('sha256');
      this.sink = this.sinkFor(entry);
      if (entry.size > 0) return;
      this.endEntry(false);
    }
  }

  private endEntry(next = true) {
    const entry = this.manifest!.entries[this.entry]!;
    if (this.hash.digest('hex') !== entry.sha256) throw new AppError('INVALID_INPUT', DAMAGED);
    this.sink?.end();
    this.entry++;
    if (next) this.startEntry();
  }
}

/** Splits a decrypted archive held in memory (small backups, tests). */
export function readArchive(plaintext: Buffer): { manifest: Manifest; entries: Map<string, Buffer> } {
  const entries = new Map<string, Buffer>();
  const reader = new ArchiveReader((entry) => {
    const parts: Buffer[] = [];
    return {
      write: (bytes) => parts.push(Buffer.from(bytes)),
      end: () => entries.set(entry.name, Buffer.concat(parts)),
    };
  });
  reader.push(plaintext);
  return { manifest: reader.finish(), entries };
}
