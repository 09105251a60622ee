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

export function listFileRoots(homeDir: string, platform = process.platform): FileRoot[] {
  const roots: FileRoot[] = [{ label: 'Dossier personnel', path: homeDir }];
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
  for (const drive of removable) roots.push({ label: `Clé ou disque ${drive}`, path: drive });
  return roots;
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
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return real;
  }
  return null;
}
