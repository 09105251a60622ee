/**
 * Automatic local backups: once a day at start, a checked copy of the
 * database in the data folder's `sauvegardes/`, rotated (7 daily, 4 weekly,
 * 12 monthly; never the newest). They protect against a mistake or a damaged
 * file; the USB backups protect against losing the PC.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { copyFile, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { checkIntegrity, compactCopy } from '../db/engine';
import { backupsToDelete } from '../domain/rotation';

const AUTO = /^auto-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export async function dailyLocalBackup(liveFile: string, dir: string, today: string): Promise<string | null> {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `auto-${today}.sqlite`);
  if (existsSync(target)) return null;
  const temporary = `${target}.tmp`;
  // A single self-contained file (VACUUM INTO writes no -wal/-shm), made with little memory at start-up.
  await unlink(temporary).catch(() => undefined);
  compactCopy(liveFile, temporary);
  if (!checkIntegrity(temporary)) {
    await unlink(temporary).catch(() => undefined);
    return null;
  }
  await rename(temporary, target);
  const existing = (await readdir(dir)).flatMap((name) => {
    const match = AUTO.exec(name);
    return match ? [{ name, date: match[1]! }] : [];
  });
  for (const old of backupsToDelete(existing, today)) await unlink(path.join(dir, old.name)).catch(() => undefined);
  return target;
}

/**
 * After the start-up check found the database damaged, and only on the
 * user's request: the damaged file is kept aside (renamed, never deleted) and
 * the newest automatic copy that passes its integrity check takes its place.
 * Returns the date of the copy used, or null when none is usable.
 */
export async function restoreLatestLocal(databaseFile: string, dir: string, stamp: string): Promise<string | null> {
  const candidates = (await readdir(dir).catch(() => [] as string[]))
    .flatMap((name) => {
      const match = AUTO.exec(name);
      return match ? [{ name, date: match[1]! }] : [];
    })
    .sort((a, b) => b.date.localeCompare(a.date));
  for (const candidate of candidates) {
    const file = path.join(dir, candidate.name);
    if (!checkIntegrity(file)) continue;
    await rename(databaseFile, path.join(path.dirname(databaseFile), `passerelle-endommagee-${stamp}.sqlite`));
    for (const suffix of ['-wal', '-shm'])
      await rename(
        `${databaseFile}${suffix}`,
        path.join(path.dirname(databaseFile), `passerelle-endommagee-${stamp}.sqlite${suffix}`),
      ).catch(() => undefined);
    await copyFile(file, databaseFile);
    return candidate.date;
  }
  return null;
}
