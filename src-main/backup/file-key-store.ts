import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyStore } from './keys';

/**
 * Browser mode and tests: the derived key in a file of the data folder that
 * only the user can read. The desktop app wraps it with the OS instead
 * (src-main/electron/key-store.ts). The data folder is never exported unencrypted.
 */
export function fileKeyStore(
  dir: string,
  protect: (key: Buffer) => Buffer = (k) => k,
  unprotect: (stored: Buffer) => Buffer = (s) => s,
): KeyStore {
  // Backup keys have hex ids; the journal's key is named ("journal").
  const fileOf = (keyId: string) =>
    path.join(
      dir,
      /^[0-9a-f]+$/.test(keyId) ? `cle-sauvegarde-${keyId}.bin` : `cle-${keyId.replace(/[^a-z]/g, '')}.bin`,
    );
  return {
    async save(keyId, key) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      await writeFile(fileOf(keyId), protect(key), { mode: 0o600 });
    },
    async load(keyId) {
      const stored = await readFile(fileOf(keyId)).catch(() => null);
      return stored ? unprotect(stored) : null;
    },
  };
}
