/**
 * One check of an account's password, counted and delayed the same way
 * wherever a password is typed: at sign-in and when changing one's own
 * password. Without the second, a session left open on the shared office PC
 * would let anyone try the owner's password at the full speed of the global
 * ceiling, with no delay and no lock (CNIL délibération 2022-100: limit the
 * attempts). Run it inside `services.logins.oneAtATime(account)`.
 */
import type { WritableDb } from '../db/access';
import * as users from '../db/repositories/users';
import { delayAfterFailures, nextAttemptAt, waitInWords } from '../domain/lockout';
import { AppError } from '../shared/errors';
import { appendJournal } from './journal';
import { verifyPassword } from './password-hashing';
import type { Services } from './services';
import { deviceRecords, type DeviceRef } from './session';

type Account = Pick<users.UserRow, 'id' | 'failedAttempts' | 'lockedUntil' | 'passwordHash'>;

export interface PasswordAttempt {
  services: Pick<Services, 'logins'>;
  account: Account;
  password: string;
  now: Date;
  /** Where the attempt is journaled (`login-failed`). */
  method: 'auth/login' | 'auth/changePassword';
  /** Writes one transaction (the caller's, so its data version follows). */
  write: (work: (db: WritableDb) => Promise<void>) => Promise<void>;
  /** The paired PC the attempt came from, named in the journal. */
  device?: DeviceRef;
}

/**
 * True when the password is right. The failure and its delay are claimed
 * before the (slow) check: an attempt is a failure until proven right, so
 * parallel attempts cannot outrun the counter. Refuses a locked or delayed
 * account, and any check beyond the global ceiling, before any work.
 */
export async function attemptPassword({
  services,
  account,
  password,
  now,
  method,
  write,
  device,
}: PasswordAttempt): Promise<{ valid: true } | { valid: false; advice: string }> {
  if (account.lockedUntil && new Date(account.lockedUntil) > now) {
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      `Trop d’essais de mot de passe. Réessayez dans ${waitInWords(new Date(account.lockedUntil), now)}.`,
    );
  }
  if (!services.logins.takePasswordCheck()) {
    throw new AppError('TOO_MANY_ATTEMPTS', 'Trop de connexions en même temps. Réessayez dans quelques secondes.');
  }
  const failures = account.failedAttempts + 1;
  const until = nextAttemptAt(failures, now);
  await write((db) => users.recordLoginFailure(db, account.id, failures, until?.toISOString() ?? null));
  // Key derivation outside any transaction: it takes a while on purpose.
  if (await verifyPassword(password, account.passwordHash)) return { valid: true };
  await write((db) =>
    appendJournal(db, {
      at: now.toISOString(),
      userId: account.id,
      action: 'login-failed',
      method,
      records: [`user:${account.id}`, ...deviceRecords({ device })],
    }),
  );
  const lock = delayAfterFailures(failures) >= 15 * 60_000 ? ' Le compte est verrouillé temporairement.' : '';
  const wait = until ? ` Patientez ${waitInWords(until, now)} avant de réessayer.` : '';
  return { valid: false, advice: `${lock}${wait}` };
}
