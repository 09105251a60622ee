import { delayAfterFailures, nextAttemptAt, waitInWords } from '../../domain/lockout';
import * as users from '../../db/repositories/users';
import type { SessionView } from '../../shared/contract/auth';
import type { Role } from '../../shared/contract/users';
import { AppError } from '../../shared/errors';
import { evaluatePassword } from '../../shared/password-strength';
import { findStructure } from '../../db/repositories/settings';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { HandlerMap } from '../handler';
import { appendJournal } from '../journal';
import { hashPassword, needsRehash, verifyPassword } from '../password-hashing';
import { allowedMethods } from '../permissions';
import type { Services } from '../services';
import type { SessionUser } from '../session';

export function sessionViewFor(services: Services, user: SessionUser, token: string): SessionView {
  return {
    token,
    user,
    idleLockMinutes: services.security.idleLockMinutes,
    permissions: allowedMethods(user.role),
  };
}

/** The structure's name, which no password may contain (null before the setup wizard). */
export async function structureNameOf(db: Kysely<Database>): Promise<string | undefined> {
  return (await findStructure(db))?.structure.name;
}

/** A new account password must be strong enough and contain no part of the person's or the structure's name. */
export function assertPasswordFor(password: string, owners: { personName: string; structureName?: string }, field: string) {
  const verdict = evaluatePassword(password, 'account', owners);
  if (!verdict.acceptable) throw new AppError('INVALID_INPUT', verdict.advice!, { field });
}

export const authHandlers: HandlerMap<'auth/users' | 'auth/login' | 'auth/me' | 'auth/logout' | 'auth/changePassword'> = {
  'auth/users': async (_input, { db }) =>
    (await users.listUsers(db))
      .filter((row) => row.active === 1)
      .map((row) => ({ id: row.id, displayName: row.displayName, role: row.role as Role })),

  'auth/login': ({ userId, password }, { services, transaction }) =>
    services.logins.oneAtATime(userId, async () => {
      // Read inside the per-account queue: the previous attempt's outcome is already written.
      const now = services.clock.now();
      const row = await users.findUser(services.db, userId);
      if (!row || row.active !== 1) {
        throw new AppError('UNAUTHORIZED', "Ce compte n'existe pas ou a été désactivé. Demandez à l'administrateur.");
      }
      if (row.lockedUntil && new Date(row.lockedUntil) > now) {
        throw new AppError(
          'TOO_MANY_ATTEMPTS',
          `Trop d’essais de mot de passe. Réessayez dans ${waitInWords(new Date(row.lockedUntil), now)}.`,
        );
      }
      if (!services.logins.takePasswordCheck()) {
        throw new AppError('TOO_MANY_ATTEMPTS', 'Trop de connexions en même temps. Réessayez dans quelques secondes.');
      }
      // The failure and its delay are claimed before the check: an attempt is a failure until proven right.
      const failures = row.failedAttempts + 1;
      const until = nextAttemptAt(failures, now);
      await transaction((db) => users.recordLoginFailure(db, row.id, failures, until?.toISOString() ?? null));
      // Key derivation outside any transaction: it takes a while on purpose.
      const valid = await verifyPassword(password, row.passwordHash);
      if (!valid) {
        await transaction((db) =>
          appendJournal(db, { at: now.toISOString(), userId: row.id, action: 'login-failed', method: 'auth/login', records: [`user:${row.id}`] }),
        );
        const wait = until ? ` Patientez ${waitInWords(until, now)} avant de réessayer.` : '';
        const lock = delayAfterFailures(failures) >= 15 * 60_000 ? ' Le compte est verrouillé temporairement.' : '';
        throw new AppError('UNAUTHORIZED', `Mot de passe incorrect.${lock}${wait}`, { field: 'password' });
      }
      const upgraded = needsRehash(row.passwordHash, services.passwordParams)
        ? await hashPassword(password, services.passwordParams)
        : null;
      await transaction(async (db) => {
        await users.recordLoginSuccess(db, row.id);
        if (upgraded) await users.setPasswordHash(db, row.id, upgraded, now.toISOString(), false);
        await appendJournal(db, { at: now.toISOString(), userId: row.id, action: 'login', method: 'auth/login', records: [`user:${row.id}`] });
      });
      const user: SessionUser = { id: row.id, displayName: row.displayName, role: row.role as Role };
      return sessionViewFor(services, user, services.sessions.create(user, now));
    }),

  'auth/me': async (_input, { session, services }) => {
    if (!session.user) return { session: null };
    const { token: _token, ...view } = sessionViewFor(services, session.user, '');
    return { session: view };
  },

  'auth/logout': async (_input, { session, services, transaction, now }) => {
    if (session.token) services.sessions.end(session.token);
    const user = session.user;
    if (user) {
      await transaction((db) =>
        appendJournal(db, { at: now, userId: user.id, action: 'logout', method: 'auth/logout', records: [`user:${user.id}`] }),
      );
    }
    return { done: true as const };
  },

  'auth/changePassword': async ({ currentPassword, newPassword }, { session, services, transaction, now, record }) => {
    const row = await users.findUser(services.db, session.user!.id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!services.logins.takePasswordCheck()) {
      throw new AppError('TOO_MANY_ATTEMPTS', 'Trop de connexions en même temps. Réessayez dans quelques secondes.');
    }
    if (!(await verifyPassword(currentPassword, row.passwordHash))) {
      throw new AppError('INVALID_INPUT', 'Le mot de passe actuel est incorrect.', { field: 'currentPassword' });
    }
    assertPasswordFor(newPassword, { personName: row.displayName, structureName: await structureNameOf(services.db) }, 'newPassword');
    const hash = await hashPassword(newPassword, services.passwordParams);
    await transaction(async (db) => {
      await users.setPasswordHash(db, row.id, hash, now, true);
      record(`user:${row.id}`);
    });
    // Whoever else was signed in with the old password is signed out.
    services.sessions.endOthersFor(row.id, session.token);
    return { done: true as const };
  },
};
