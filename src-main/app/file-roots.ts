import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the in-app picker of browser mode may look: the user's home folder and
 * removable drives (USB sticks), nothing else, so a page cannot browse the disk.
 */
export interface FileRoot {
  label: string;
  path: string;
}

function childFolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(folder, e.name));
  } catch {
    return [];
  }
}

/** USB sticks and other drives: every other drive letter on Windows, mounted volumes on macOS and Linux. */
export function removableDrives(homeDir: string, platform = process.platform): string[] {
  const removable: string[] = [];
  if (platform === 'win32') {
    for (const letter of 'DEFGHIJKLMNOPQRSTUVWXYZ') {
      if (existsSync(`${letter}:\\`)) removable.push(`${letter}:\\`);
    }
  } else if (platform === 'darwin') {
    removable.push(...childFolders('/Volumes'));
  } else {
    const user = path.basename(homeDir);
    for (const base of [`/media/${user}`, `/run/media/${user}`]) removable.push(...childFolders(base));
  }
  return removable;
}

export function listFileRoots(
  homeDir: string,
  platform = process.platform,
  drives: readonly string[] = removableDrives(homeDir, platform),
): FileRoot[] {
  const roots: FileRoot[] = [{ label: 'Dossier personnel', path: homeDir }];
  for (const drive of drives) roots.push({ label: `Clé ou disque ${drive}`, path: drive });
  return roots;
}

/**
 * A path relative to a root stays inside it: not absolute (another drive) and
 * not climbing with a `..` segment. A name that merely starts with two dots
 * (« ..notes.csv ») is inside.
 */
function isWithin(relative: string): boolean {
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

/** Resolves links first, so a link inside the home folder cannot lead outside it. */
export function resolveInsideRoots(candidate: string, roots: readonly FileRoot[]): string | null {
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return null;
  }
  for (const root of roots) {
    let rootReal: string;
    try {
      rootReal = realpathSync(root.path);
    } catch {
      continue;
    }
    const relative = path.relative(rootReal, real);
    if (isWithin(relative)) return real;
  }
  return null;
}

/**
 * The one rule for every path the renderer sends (a file to attach or
 * import, a logo, a backup to inspect or restore, a folder to export into):
 * inside the picker's roots, or exactly what the desktop's native dialog
 * returned in this session (a folder: anything inside it). Links are
 * resolved first, `..` cannot climb out, another drive is outside unless it
 * is a removable root. Returns the real path to use, or null.
 */
export function confineUserPath(
  candidate: string,
  roots: readonly FileRoot[],
  granted: ReadonlySet<string> = new Set(),
): string | null {
  if (candidate.includes('\0')) return null;
  const inRoots = resolveInsideRoots(candidate, roots);
  if (inRoots !== null) return inRoots;
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return null;
  }
  for (const chosen of granted) {
    const relative = path.relative(chosen, real);
    if (isWithin(relative)) return real;
  }
  return null;
}
