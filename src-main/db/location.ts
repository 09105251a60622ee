import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';

/**
 * SQLite's WAL needs shared memory on the same machine: a database on a
 * network share (roaming profile redirected to a server, mapped drive, NFS/SMB
 * mount) can be corrupted. Such a location is refused before anything opens.
 */
const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'sshfs', 'fuse.sshfs', '9p', 'afs']);

export function networkMountFor(filePath: string, mountsText: string): string | null {
  let best: { mountPoint: string; type: string } | null = null;
  for (const line of mountsText.split('\n')) {
    const [, mountPoint, type] = line.split(' ');
    if (!mountPoint || !type) continue;
    const inside =
      filePath === mountPoint || filePath.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && (!best || mountPoint.length > best.mountPoint.length)) best = { mountPoint, type };
  }
  return best && NETWORK_FS.has(best.type) ? best.mountPoint : null;
}

export function isNetworkPath(filePath: string, platform: NodeJS.Platform, mountsText = ''): boolean {
  if (platform === 'win32') {
    // UNC paths (\\serveur\partage) are network shares by definition.
    return /^(\\\\|\/\/)/.test(filePath) && !/^\\\\\?\\[a-zA-Z]:/.test(filePath);
  }
  return networkMountFor(filePath, mountsText) !== null;
}

export function assertLocalPath(filePath: string): void {
  const absolute = path.resolve(filePath);
  let mounts = '';
  if (process.platform === 'linux') {
    try {
      mounts = readFileSync('/proc/mounts', 'utf8');
    } catch {
      mounts = '';
    }
  }
  if (isNetworkPath(process.platform === 'win32' ? filePath : absolute, process.platform, mounts)) {
    throw new AppError(
      'UNSAFE_LOCATION',
      `Le dossier des données (${absolute}) est sur un lecteur réseau. Passerelle doit garder ses données sur le disque de cet ordinateur : choisissez un dossier local.`,
    );
  }
}
