/**
 * The journal inside a backup: its key and head travel in the encrypted
 * manifest; before a restore replaces the data, the unpacked journal is
 * verified against them, and a journal cut or edited since the backup was
 * made is refused. After the swap, the backup's key and head become this
 * PC's, so the restored journal stays verifiable.
 */
import type { KeyStore } from '../backup/keys';
import type { Manifest } from '../backup/archive';
import { openReadOnly } from '../db/open';
import { AppError } from '../shared/errors';
import { openHead, writeFileAtomically } from './journal-head';
import { verifyJournal, type FindingCode } from './journal-verify';

/** What refuses a restore; the clock's story and earlier alerts are history, shown by verify afterwards. */
const TAMPERING: readonly FindingCode[] = [
  'entry-altered',
  'chain-broken',
  'ids-missing',
  'tail-cut',
  'head-missing',
  'head-forged',
  'head-mismatch',
];

export async function checkBackupJournal(
  databaseFile: string,
  journal: NonNullable<Manifest['journal']>,
): Promise<void> {
  const key = Buffer.from(journal.key, 'base64');
  const { db, close } = openReadOnly(databaseFile);
  try {
    const check = await verifyJournal(db, key, openHead(key, journal.head));
    const found = check.findings.find((f) => TAMPERING.includes(f.code) && !f.message.startsWith('Constaté'));
    if (found) {
      throw new AppError(
        'INVALID_INPUT',
        `Le journal des accès de cette sauvegarde a été modifié depuis qu’elle a été faite : elle n’est pas restaurée. ${found.message}`,
      );
    }
  } finally {
    await close();
  }
}

/** After the swap: the restored journal's key and head replace this PC's. */
export async function adoptBackupJournal(
  keyStore: KeyStore,
  where: { keyId: string; headFile: string },
  journal: NonNullable<Manifest['journal']>,
): Promise<void> {
  // Under the running store's names (this PC's SQLite file, or the server's database).
  await keyStore.save(where.keyId, Buffer.from(journal.key, 'base64'));
  if (journal.head !== null) writeFileAtomically(where.headFile, journal.head);
}
