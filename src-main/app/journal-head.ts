/**
 * The journal's head, kept outside the database: the sealing entry's id, the
 * last purged id, the last id, the count and the last HMAC, itself under the
 * journal's key. Whoever cuts the last entries of the database (or cuts them
 * and lets new ones take their numbers) no longer matches it; whoever edits it
 * breaks its HMAC; whoever deletes it is told at the next start. Written
 * atomically after each COMMIT that journaled something, and carried in every
 * backup.
 *
 * On PostgreSQL (several PCs, issue 28) the head stays here, in each data
 * folder, not in the database: its whole point is to be out of reach of
 * whoever can cut rows, and a head row in the database could be put back
 * with the rows (an older head, MAC and all, matches a journal cut to it).
 * Each PC's head is then the journal as that PC last saw it committed; other
 * PCs' entries beyond it are accepted at its next start as long as their
 * HMACs are right, like the entries of a crash between COMMIT and the head's
 * write. Processes sharing one folder write it through temporary files of
 * their own and never move it back (journal-start.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { journalMac } from '../db/journal-mac';
import * as repo from '../db/repositories/journal';

export const HEAD_FILE_NAME = 'journal-tete.json';

export interface JournalHead {
  sealId: number;
  anchorId: number;
  lastId: number;
  count: number;
  lastMac: string;
}

export type HeadRead = { status: 'missing' } | { status: 'forged' } | { status: 'ok'; head: JournalHead };

function headPayload(head: JournalHead): string {
  return JSON.stringify([
    'passerelle-journal-head-1',
    head.sealId,
    head.anchorId,
    head.lastId,
    head.count,
    head.lastMac,
  ]);
}

export function sealHead(key: Buffer, head: JournalHead): string {
  return `${JSON.stringify({ ...head, mac: journalMac(key, headPayload(head)) })}\n`;
}

export function openHead(key: Buffer, text: string | null): HeadRead {
  if (text === null) return { status: 'missing' };
  try {
    const parsed = JSON.parse(text) as Partial<JournalHead> & { mac?: unknown };
    const head: JournalHead = {
      sealId: Number(parsed.sealId),
      anchorId: Number(parsed.anchorId),
      lastId: Number(parsed.lastId),
      count: Number(parsed.count),
      lastMac: String(parsed.lastMac),
    };
    if (typeof parsed.mac !== 'string' || parsed.mac !== journalMac(key, headPayload(head)))
      return { status: 'forged' };
    return { status: 'ok', head };
  } catch {
    return { status: 'forged' };
  }
}

export function readHeadText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Temporary file, fsync, rename: a crash leaves the old head or the new one,
 * never half of one. The temporary name is the writer's own: several
 * processes sharing a data folder (one PostgreSQL database) never rename
 * each other's half-written file.
 */
export function writeFileAtomically(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** The head, and the HMAC entry `announcedId` has now (null: none asked, or gone), in one statement. */
export async function headAndAnnounced(
  db: Kysely<Database>,
  announcedId: number | null,
): Promise<{ head: JournalHead | null; announcedHash: string | null }> {
  const state = await repo.headState(db, announcedId);
  const announcedHash = announcedId === null ? null : (state.announcedHash ?? null);
  if (state.sealedId === null) return { head: null, announcedHash };
  return {
    head: {
      sealId: state.sealedId,
      anchorId: state.anchorId,
      lastId: state.lastId ?? state.anchorId,
      count: state.count,
      lastMac: state.lastHash ?? state.anchorHash,
    },
    announcedHash,
  };
}
