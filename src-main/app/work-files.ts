/**
 * No plaintext left behind (issue 24, item 6). A backup's snapshot and a
 * restore's unpacked data are whole databases in clear; a document being
 * printed is personal data in HTML. They live in the data folder's work
 * folder — user-only, on the same disk, never the system's temporary folder
 * where other accounts, cleaners and crash reporters look — and whatever a
 * stop mid-way left there is removed at the next start. The "pré-restauration"
 * copies are rotated, and dropped when someone is anonymised: an anonymised
 * person must not survive in them.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { shred } from '../documents/store';
import type { DataPaths } from './paths';

/** How many "pré-restauration" copies are kept: the last restores can be undone, older ones go. */
export const PRE_RESTORE_KEPT = 2;

const PRE_RESTORE = /^(?:pre-restauration-(.+)\.sqlite|fichiers-pre-restauration-(.+))$/;

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Run at each start, before anything else uses the work folder. Also clears
 * what earlier versions left elsewhere: unpacked restores in `sauvegardes/`,
 * backup snapshots and print files in the system's temporary folder.
 */
export function cleanWorkFiles(paths: DataPaths, systemTemp = os.tmpdir()): void {
  rmSync(paths.workDir, { recursive: true, force: true });
  mkdirSync(paths.workDir, { recursive: true, mode: 0o700 });
  for (const name of entries(paths.backupsDir)) {
    // A copy being made when the app stopped: its name ends in ".tmp" (or its SQLite log's, "-wal"/"-shm", after it).
    if (/^restauration-/.test(name) || /\.tmp(?:-wal|-shm)?$/.test(name))
      rmSync(path.join(paths.backupsDir, name), { recursive: true, force: true });
  }
  for (const name of entries(systemTemp)) {
    if (/^passerelle-sauvegarde-/.test(name) || /^passerelle-[0-9a-f]{16}\.html$/.test(name))
      rmSync(path.join(systemTemp, name), { recursive: true, force: true });
  }
  for (const name of entries(paths.dataDir)) {
    if (name.endsWith('.tmp') && statSync(path.join(paths.dataDir, name), { throwIfNoEntry: false })?.isFile())
      rmSync(path.join(paths.dataDir, name), { force: true });
  }
}

/** A private folder for one backup or restore, inside the work folder. */
export async function workFolder(paths: DataPaths, kind: 'sauvegarde' | 'restauration'): Promise<string> {
  mkdirSync(paths.workDir, { recursive: true, mode: 0o700 });
  return mkdtemp(path.join(paths.workDir, `${kind}-`));
}

async function shredTree(target: string): Promise<void> {
  const info = statSync(target, { throwIfNoEntry: false });
  if (!info) return;
  if (info.isDirectory()) {
    for (const name of await readdir(target)) await shredTree(path.join(target, name));
    rmSync(target, { recursive: true, force: true });
  } else {
    await shred(target);
  }
}

/** The stamps of the "pré-restauration" copies, newest first. */
function preRestoreStamps(paths: DataPaths): string[] {
  const stamps = new Set<string>();
  for (const name of entries(paths.backupsDir)) {
    const match = PRE_RESTORE.exec(name);
    if (match) stamps.add((match[1] ?? match[2])!);
  }
  return [...stamps].sort().reverse();
}

async function dropStamp(paths: DataPaths, stamp: string): Promise<void> {
  for (const name of [`pre-restauration-${stamp}.sqlite`, `fichiers-pre-restauration-${stamp}`])
    await shredTree(path.join(paths.backupsDir, name));
}

/** After a restore: only the newest PRE_RESTORE_KEPT copies stay (overwritten before deletion). */
export async function rotatePreRestoreCopies(paths: DataPaths): Promise<void> {
  for (const stamp of preRestoreStamps(paths).slice(PRE_RESTORE_KEPT)) await dropStamp(paths, stamp);
}

/** After an anonymisation: every copy still names the person, so none stays. */
export async function dropPreRestoreCopies(paths: DataPaths): Promise<number> {
  const stamps = preRestoreStamps(paths);
  for (const stamp of stamps) await dropStamp(paths, stamp);
  return stamps.length;
}
