/**
 * The PCs paired with the Passerelle server (issue 29): the one-time codes an
 * administrator makes, the pairing that turns a code into a device
 * credential, and the check of that credential on every call. Codes and
 * credentials are stored as their SHA-256 only: the database (or a copy of
 * it) gives neither. A credential is 32 random bytes: nothing to guess, so a
 * plain hash is enough; a code is short, so wrong codes are throttled
 * (domain/pairing.ts).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { readTransaction } from '../db/access';
import { serialise } from '../db/locks';
import * as repo from '../db/repositories/lan';
import {
  PAIRING_ALPHABET,
  PAIRING_CODE_LENGTH,
  nextPairingAttemptAt,
  normalizePairingCode,
  pairingCodeExpiry,
  pairingCodeLive,
} from '../domain/pairing';
import { AppError } from '../shared/errors';
import { appendJournal } from './journal';
import { noteCommittedWrite } from './data-version';
import type { Services } from './services';
import type { DeviceRef } from './session';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Eight symbols drawn uniformly from the pairing alphabet. */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

export { pairingCodeExpiry };

/** How long a wrong code is kept: past the window it no longer counts. */
const FORGET_WRONG_AFTER_MS = 60 * 60_000;

const WRONG_CODE = new AppError(
  'UNAUTHORIZED',
  'Ce code d’appairage n’est pas valable : il a peut-être expiré ou déjà servi. Demandez un nouveau code à l’administrateur (Paramètres › Poste serveur).',
  { field: 'code' },
);

function tooManyWrongCodes(next: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 60_000));
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    `Trop de codes d’appairage erronés. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}, avec un nouveau code si celui-ci a expiré.`,
  );
}

export interface PairingResult {
  deviceId: number;
  /** The secret the PC keeps and sends with every call; never stored on the server. */
  credential: string;
}

/**
 * Turns a live code into a device credential: the code is marked used and the
 * device created in one transaction, journaled (no account: nobody signs in
 * to pair). A wrong, expired or used code counts against the throttle
 * (domain/pairing.ts), for the whole server: a code does not say whose it
 * would be. The wrong codes are kept in the database (`pairing_failures`), so
 * restarting the server gives a guesser no new tries; the count, the lookup
 * and the note of a wrong code are one transaction taken in turn (`pairing`
 * lock), so codes sent all at once are counted one after the other.
 */
export async function pairDevice(
  services: Pick<Services, 'db' | 'clock'>,
  input: { code: string; name: string },
): Promise<PairingResult> {
  const name = input.name.trim();
  const code = normalizePairingCode(input.code);
  const now = services.clock.now();
  const at = now.toISOString();
  const credential = randomBytes(32).toString('base64url');
  type Outcome = { refused: Date } | { wrong: true } | { deviceId: number };
  const outcome = await services.db.transaction().execute(async (db): Promise<Outcome> => {
    await serialise(db, 'pairing');
    const wrong = await repo.pairingFailuresSince(db, new Date(now.getTime() - FORGET_WRONG_AFTER_MS).toISOString());
    const next = nextPairingAttemptAt(
      wrong.map((w) => new Date(w)),
      now,
    );
    if (next) return { refused: next };
    if (name.length < 1 || name.length > 80)
      throw new AppError(
        'INVALID_INPUT',
        'Donnez à ce PC un nom de 1 à 80 caractères (par exemple « PC du secrétariat »).',
        { field: 'name' },
      );
    const row = code === null ? undefined : await repo.findPairingCode(db, sha256(code));
    if (!row || row.usedAt !== null || !pairingCodeLive(new Date(row.expiresAt), now)) {
      await repo.notePairingFailure(db, at, new Date(now.getTime() - FORGET_WRONG_AFTER_MS).toISOString());
      return { wrong: true };
    }
    const id = await repo.insertDevice(db, { name, secretHash: sha256(credential), createdAt: at });
    if (!(await repo.usePairingCode(db, row.id, at, id))) throw WRONG_CODE;
    await appendJournal(db, { at, userId: null, action: 'change', method: 'lan/pair', records: [`device:${id}`] });
    return { deviceId: id };
  });
  if ('refused' in outcome) throw tooManyWrongCodes(outcome.refused, now);
  if ('wrong' in outcome) throw WRONG_CODE;
  noteCommittedWrite(services.db);
  return { deviceId: outcome.deviceId, credential };
}

export const DEVICE_NOT_PAIRED = new AppError(
  'DEVICE_NOT_PAIRED',
  'Ce PC n’est pas appairé avec le serveur Passerelle. Demandez un code d’appairage à l’administrateur (Paramètres › Poste serveur) et saisissez-le sur ce PC.',
);
export const DEVICE_REVOKED = new AppError(
  'DEVICE_NOT_PAIRED',
  'Ce PC a été retiré des postes autorisés par l’administrateur. Demandez-lui un nouveau code d’appairage si ce PC doit de nouveau accéder à Passerelle.',
);

/** How often a device’s « last seen » is written: not at every call. */
const LAST_SEEN_EVERY_MS = 60_000;

/**
 * The paired device a credential belongs to; refuses a missing, unknown or
 * revoked one. Read at every call (a revocation applies at once); « last
 * seen » written at most once a minute per device.
 */
export async function deviceForCredential(
  services: Pick<Services, 'db' | 'clock'>,
  credential: string | undefined,
): Promise<DeviceRef> {
  if (!credential || credential.length > 200) throw DEVICE_NOT_PAIRED;
  const row = await readTransaction(services.db, (db) => repo.findDeviceBySecretHash(db, sha256(credential)));
  if (!row) throw DEVICE_NOT_PAIRED;
  if (row.revokedAt !== null) throw DEVICE_REVOKED;
  const now = services.clock.now();
  if (row.lastSeenAt === null || now.getTime() - new Date(row.lastSeenAt).getTime() >= LAST_SEEN_EVERY_MS)
    await services.db
      .transaction()
      .execute((db) => repo.touchDevice(db, row.id, now.toISOString()))
      .catch(() => undefined);
  return { id: row.id, name: row.name };
}

/**
 * A code made at the server’s console (`npm run server`): whoever holds the
 * console holds the data folder already. Journaled without an account.
 */
export async function createPairingCodeAtConsole(
  services: Pick<Services, 'db' | 'clock'>,
): Promise<{ code: string; expiresAt: Date }> {
  const made = services.clock.now();
  const code = newPairingCode();
  const expiresAt = pairingCodeExpiry(made);
  await services.db.transaction().execute(async (db) => {
    const id = await repo.insertPairingCode(db, {
      codeHash: sha256(code),
      createdAt: made.toISOString(),
      createdBy: null,
      expiresAt: expiresAt.toISOString(),
    });
    await appendJournal(db, {
      at: made.toISOString(),
      userId: null,
      action: 'change',
      method: 'lan/createPairingCode',
      records: [`pairingCode:${id}`],
    });
  });
  noteCommittedWrite(services.db);
  return { code, expiresAt };
}

/** How many PCs may call the server now. */
export function activeDeviceCount(services: Pick<Services, 'db'>): Promise<number> {
  return readTransaction(services.db, (db) => repo.countActiveDevices(db));
}
