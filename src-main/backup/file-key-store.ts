import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyStore } from './keys';

/**
 * Browser mode and tests: the derived key in a file of the data folder that
 * only the user can read. The desktop app wraps it with the OS instead
 * (src-main/electron/key-store.ts). The data folder is never exported unencrypted.
 */
export function fileKeyStore(dir: string, protect: (key: Buffer) => Buffer = (k) => k, unprotect: (stored: Buffer) => Buffer = (s) => s): KeyStore {
  const fileOf = (keyId: string) => path.join(dir, `cle-sauvegarde-${keyId.replace(/[^0-9a-f]/g, '')}.bin`);
  return {
    async save(keyId, key) {
      mkdirSync(dir, { recursive: true });
      await writeFile(fileOf(keyId), protect(key), { mode: 0o600 });
    },
    async load(keyId) {
      const stored = await readFile(fileOf(keyId)).catch(() => null);
      return stored ? unprotect(stored) : null;
    },
  };
}
