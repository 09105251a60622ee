/**
 * The data folder and everything in it are the user's alone on Linux and
 * macOS (0700 folders, 0600 files): another account on the same machine
 * reads nothing, even a file made before this rule. Windows keeps the
 * per-user ACLs of %LOCALAPPDATA%, which already exclude other accounts.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const USER_ONLY_DIR = 0o700;
export const USER_ONLY_FILE = 0o600;

/** Walks the folder at start; links are left alone (never followed out of it). */
export function makeUserOnly(dir: string, platform = process.platform): void {
  if (platform === 'win32') return;
  const walk = (target: string) => {
    const info = lstatSync(target, { throwIfNoEntry: false });
    if (!info || info.isSymbolicLink()) return;
    if (info.isDirectory()) {
      if ((info.mode & 0o777) !== USER_ONLY_DIR) chmodSync(target, USER_ONLY_DIR);
      for (const name of readdirSync(target)) walk(path.join(target, name));
    } else if (info.isFile() && (info.mode & 0o777 & ~USER_ONLY_FILE) !== 0) {
      chmodSync(target, USER_ONLY_FILE);
    }
  };
  walk(dir);
}

/**
 * For the entry points (desktop app, browser mode): every file created from
 * then on is user-only too. Not in worker threads, where Node refuses it.
 */
export function createFilesUserOnly(platform = process.platform): void {
  if (platform !== 'win32') process.umask(0o077);
}
