import { safeStorage } from 'electron';
import { fileKeyStore } from '../backup/file-key-store';
import type { KeyStore } from '../backup/keys';
import { pairedStore } from '../lan/client';

/** The backup key, protected by the OS (DPAPI on Windows) through Electron's safeStorage. */
export function electronKeyStore(dir: string): KeyStore {
  return fileKeyStore(
    dir,
    (key) => safeStorage.encryptString(key.toString('base64')),
    (stored) => Buffer.from(safeStorage.decryptString(stored), 'base64'),
  );
}

/** The pairing with a Passerelle server (issue 29): the device credential protected by the OS, like the backup key. */
export function electronPairedStore(dir: string) {
  return pairedStore(
    dir,
    (secret) => safeStorage.encryptString(secret.toString('base64')),
    (stored) => Buffer.from(safeStorage.decryptString(stored), 'base64'),
  );
}
