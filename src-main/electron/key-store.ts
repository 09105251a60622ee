import { safeStorage } from 'electron';
import { fileKeyStore } from '../backup/file-key-store';
import type { KeyStore } from '../backup/keys';

/** The backup key, protected by the OS (DPAPI on Windows) through Electron's safeStorage. */
export function electronKeyStore(dir: string): KeyStore {
  return fileKeyStore(
    dir,
    (key) => safeStorage.encryptString(key.toString('base64')),
    (stored) => Buffer.from(safeStorage.decryptString(stored), 'base64'),
  );
}
