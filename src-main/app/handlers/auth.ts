import * as users from '../../db/repositories/users';
import { AppError } from '../../shared/errors';
import type { WritableDb } from '../../db/access';
import type { HandlerMap } from '../handler';
import { appendJournal } from '../journal';
import { hashPassword, needsRehash } from '../password-hashing';
import { attemptPassword } from '../password-attempt';
import { deviceRecords, type SessionUser } from '../session';
import { assertPasswordFor, sessionViewFor, structureNameOf } from '../read-models/accounts';

export const authHandlers: HandlerMap<'auth/users' | 'auth/login' | 'auth/me' | 'auth/logout' | 'auth/changePassword'> =
  {
    'auth/users': async (_input, { db }) =>
      (await users.listUsers(db))
        .filter((row) => row.active)
        .map((row) => ({ id: row.id, displayName: row.displayName, role: row.role })),

    'auth/login': ({ userId, password }, { services, session, read, transaction }) =>
      services.logins.oneAtATime(userId, async () => {
        // Read inside the per-account queue: the previous attempt's outcome is already written.
        const now = services.clock.now();
        const row = await read(({ db }) => users.findUser(db, userId));
        if (!row || !row.active) {
          throw new AppError('UNAUTHORIZED', 'Ce compte n’existe pas ou a été désactivé. Demandez à l’administrateur.');
        }
        const attempt = await attemptPassword({
          services,
          account: row,
          password,
          now,
          method: 'auth/login',
          write: transaction,
          device: session.device,
        });
        if (!attempt.valid)
          throw new AppError('UNAUTHORIZED', `Mot de passe incorrect.${attempt.advice}`, { field: 'password' });
        const upgraded = needsRehash(row.passwordHash, services.passwordParams)
          ? await hashPassword(password, services.passwordParams)
          : null;
        await transaction(async (db) => {
          await users.recordLoginSuccess(db, row.id);
          if (upgraded) await users.setPasswordHash(db, row.id, upgraded, now.toISOString(), false);
          await appendJournal(db, {
            at: now.toISOString(),
            userId: row.id,
            action: 'login',
            method: 'auth/login',
            records: [`user:${row.id}`, ...deviceRecords(session)],
          });
        });
        const user: SessionUser = {
          id: row.id,
          displayName: row.displayName,
          role: row.role,
          mustChangePassword: row.mustChangePassword,
        };
        return sessionViewFor(services, user, services.sessions.create(user, now, session.device?.id ?? null));
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
          appendJournal(db, {
            at: now,
            userId: user.id,
            action: 'logout',
            method: 'auth/logout',
            records: [`user:${user.id}`, ...deviceRecords(session)],
          }),
        );
      }
      return { done: true as const };
    },

    'auth/changePassword': async (
      { currentPassword, newPassword },
      { session, services, read, transaction, now, record },
    ) =>
      // Queued and counted with sign-ins: an open session is no faster way to guess the password.
      services.logins.oneAtATime(session.user!.id, async () => {
        const row = await read(({ db }) => users.findUser(db, session.user!.id));
        if (!row) throw new AppError('NOT_FOUND');
        // The attempt's counter is written on its own: the journal's « change » entry is for the new password only.
        const write = (work: (db: WritableDb) => Promise<void>) => transaction(work, { journaled: false });
        const attempt = await attemptPassword({
          services,
          account: row,
          password: currentPassword,
          now: services.clock.now(),
          method: 'auth/changePassword',
          write,
          device: session.device,
        });
        if (!attempt.valid)
          throw new AppError('INVALID_INPUT', `Le mot de passe actuel est incorrect.${attempt.advice}`, {
            field: 'currentPassword',
          });
        await write((db) => users.recordLoginSuccess(db, row.id));
        if (newPassword === currentPassword) {
          // Keeping the password an administrator typed would leave them able to sign in as this person.
          throw new AppError('INVALID_INPUT', 'Choisissez un mot de passe différent de l’actuel.', {
            field: 'newPassword',
          });
        }
        assertPasswordFor(
          newPassword,
          { personName: row.displayName, structureName: await read(({ db }) => structureNameOf(db)) },
          'newPassword',
        );
        const hash = await hashPassword(newPassword, services.passwordParams);
        await transaction(async (db) => {
          await users.setPasswordHash(db, row.id, hash, now, true, false);
          record(`user:${row.id}`);
        });
        // Whoever else was signed in with the old password is signed out; this session opens fully.
        services.sessions.endOthersFor(row.id, session.token);
        services.sessions.update(row.id, { mustChangePassword: false });
        return { done: true as const };
      }),
  };
