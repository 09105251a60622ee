/**
 * Which engine keeps the data, read before anything opens: `moteur.json` in
 * the data folder (not in the database, since where the database is depends
 * on it). No file: « Sur ce PC », SQLite, as always. The PostgreSQL password
 * is never in this file: it is kept by the key store (Electron’s safeStorage
 * in the desktop app, a user-only file in browser mode), under its own name.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { KeyStore } from '../backup/keys';
import { postgresSettingInput } from '../shared/contract/storage';
import { AppError } from '../shared/errors';
import type { PostgresSetting } from '../domain/postgres-connection';
import { USER_ONLY_FILE } from './user-only';

export type EngineChoice = { engine: 'sqlite' } | { engine: 'postgres'; postgres: PostgresSetting };

const engineFile = z.discriminatedUnion('engine', [
  z.object({ engine: z.literal('sqlite') }),
  z.object({ engine: z.literal('postgres'), postgres: postgresSettingInput }),
]);

/** The key store’s name for the PostgreSQL password (file `cles/cle-postgres.bin` in browser mode). */
export const POSTGRES_PASSWORD_KEY = 'postgres';

export function readEngineChoice(file: string): EngineChoice {
  if (!existsSync(file)) return { engine: 'sqlite' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    parsed = null;
  }
  const valid = engineFile.safeParse(parsed);
  if (!valid.success) {
    throw new AppError(
      'FILE_ERROR',
      `Le fichier « moteur.json » du dossier des données (${file}) est illisible : il dit où sont les données. Remettez-le d’une copie, ou supprimez-le pour garder les données sur ce PC.`,
    );
  }
  return valid.data;
}

/** Replaces the file in one step (a crash leaves the old one or the new one, never half of it). */
export function writeEngineChoice(file: string, choice: EngineChoice): void {
  const temporary = `${file}.nouveau`;
  writeFileSync(temporary, `${JSON.stringify(choice, null, 2)}\n`, { mode: USER_ONLY_FILE });
  renameSync(temporary, file);
}

export async function savePostgresPassword(keyStore: KeyStore, password: string): Promise<void> {
  await keyStore.save(POSTGRES_PASSWORD_KEY, Buffer.from(password, 'utf8'));
}

export async function loadPostgresPassword(keyStore: KeyStore): Promise<string | null> {
  const stored = await keyStore.load(POSTGRES_PASSWORD_KEY);
  return stored ? stored.toString('utf8') : null;
}

/** At start: a data folder set for a server this version cannot use stops here, in French. */
export function assertEngineAvailable(choice: EngineChoice, postgresAvailable: boolean): void {
  if (choice.engine === 'postgres' && !postgresAvailable) {
    throw new AppError(
      'ENGINE_UNAVAILABLE',
      `Passerelle est réglée pour garder ses données sur le serveur PostgreSQL « ${choice.postgres.host} », mais cette version ne sait pas encore le faire. Installez la version de Passerelle qui a fait ce réglage ; ou, pour revenir aux données de ce PC, supprimez le fichier « moteur.json » du dossier des données.`,
    );
  }
}
