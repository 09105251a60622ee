import type { ReadableDb } from '../../db/access';
import * as users from '../../db/repositories/users';
import { managesAccounts } from '../permissions';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { hashPassword } from '../password-hashing';
import { assertPasswordFor, structureNameOf } from '../read-models/accounts';

async function existing(db: ReadableDb, id: number) {
  const row = await users.findUser(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Ce compte n’existe pas.');
  return row;
}

async function assertNameFree(db: ReadableDb, displayName: string, exceptId?: number) {
  if (await users.nameTaken(db, displayName, exceptId)) {
    throw new AppError(
      'CONFLICT',
      `Un compte s’appelle déjà « ${displayName.trim()} ». Ajoutez l’initiale du nom, par exemple.`,
      {
        field: 'displayName',
      },
    );
  }
}

const LAST_ADMIN = 'Passerelle doit garder au moins un administrateur actif.';

/** Accounts are never deleted: the journal refers to them. They are deactivated. */
export const usersHandlers: HandlerMap<
  'users/list' | 'users/create' | 'users/update' | 'users/setActive' | 'users/resetPassword'
> = {
  'users/list': async (_input, { db }) => (await users.listUsers(db)).map(users.toUser),

  'users/create': async ({ displayName, role, password }, { services, read, transaction, now, record }) => {
    const structureName = await read(async ({ db }) => {
      await assertNameFree(db, displayName);
      return structureNameOf(db);
    });
    assertPasswordFor(password, { personName: displayName, structureName }, 'password');
    const passwordHash = await hashPassword(password, services.passwordParams);
    return transaction(async (db) => {
      await assertNameFree(db, displayName);
      // The administrator typed this password: the person chooses their own at first sign-in.
      const id = await users.insertUser(db, { displayName, role, passwordHash, mustChangePassword: true }, now);
      record(`user:${id}`);
      return users.toUser((await users.findUser(db, id))!);
    });
  },

  'users/update': async ({ id, displayName, role }, { db, services, now, record }) => {
    const row = await existing(db, id);
    await assertNameFree(db, displayName, id);
    if (managesAccounts(row.role) && !managesAccounts(role) && row.active) {
      if ((await users.countActiveAdministrators(db, id)) === 0)
        throw new AppError('CONFLICT', LAST_ADMIN, { field: 'role' });
    }
    await users.updateUser(db, id, { displayName, role }, now);
    record(`user:${id}`);
    services.sessions.update(id, { displayName, role });
    return users.toUser((await users.findUser(db, id))!);
  },

  'users/setActive': async ({ id, active }, { db, services, session, now, record }) => {
    const row = await existing(db, id);
    if (!active) {
      if (id === session.user?.id) throw new AppError('CONFLICT', 'Vous ne pouvez pas désactiver votre propre compte.');
      if (managesAccounts(row.role) && (await users.countActiveAdministrators(db, id)) === 0) {
        throw new AppError('CONFLICT', LAST_ADMIN);
      }
    }
    await users.setUserActive(db, id, active, now);
    record(`user:${id}`);
    if (!active) services.sessions.endAllFor(id);
    return users.toUser((await users.findUser(db, id))!);
  },

  'users/resetPassword': async ({ id, password }, { services, read, transaction, now, record }) => {
    const { row, structureName } = await read(async ({ db }) => ({
      row: await existing(db, id),
      structureName: await structureNameOf(db),
    }));
    assertPasswordFor(password, { personName: row.displayName, structureName }, 'password');
    const passwordHash = await hashPassword(password, services.passwordParams);
    const user = await transaction(async (db) => {
      // The administrator now knows this password: the person must replace it before anything else.
      await users.setPasswordHash(db, id, passwordHash, now, true, true);
      record(`user:${id}`);
      return users.toUser((await users.findUser(db, id))!);
    });
    // Whoever was signed in with the old password is signed out.
    services.sessions.endAllFor(id);
    return user;
  },
};
