import type { Selectable } from 'kysely';
import type { UsersTable } from '../schema';
import { ROLES, type Role, type User } from '../../shared/contract/users';
import { foldForSearch } from '../../shared/text';
import { managesAccounts } from '../../shared/capabilities';
import { toFlag, withBooleans, type WithBooleans } from '../flags';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;
export type UserRow = WithBooleans<Selectable<UsersTable>, 'active' | 'mustChangePassword'>;
const userRow = (row: Selectable<UsersTable>): UserRow => withBooleans(row, 'active', 'mustChangePassword');

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    lockedUntil: row.lockedUntil,
    passwordChangedAt: row.passwordChangedAt,
    mustChangePassword: row.mustChangePassword,
  };
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return (
    await db.selectFrom('users').selectAll().orderBy('active', 'desc').orderBy('displayNameFolded').execute()
  ).map(userRow);
}

export async function findUser(db: Db, id: number): Promise<UserRow | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? userRow(row) : null;
}

/** Names must differ once accents and case are set aside: the login screen lists them. */
export async function nameTaken(db: Db, displayName: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('users').select('id').where('displayNameFolded', '=', foldForSearch(displayName));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Active accounts that manage accounts (administrators), `exceptId` aside: one must remain. */
export async function countActiveAdministrators(db: Db, exceptId?: number): Promise<number> {
  let query = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', 'in', ROLES.filter(managesAccounts))
    .where('active', '=', 1);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirstOrThrow()).n;
}

export async function insertUser(
  db: WritableDb,
  values: { displayName: string; role: Role; passwordHash: string; mustChangePassword?: boolean },
  now: string,
) {
  const row = await db
    .insertInto('users')
    .values({
      displayName: values.displayName,
      displayNameFolded: foldForSearch(values.displayName),
      role: values.role,
      passwordHash: values.passwordHash,
      mustChangePassword: toFlag(values.mustChangePassword ?? false),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: WritableDb, id: number, values: { displayName: string; role: Role }, now: string) {
  await db
    .updateTable('users')
    .set({ ...values, displayNameFolded: foldForSearch(values.displayName), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function setUserActive(db: WritableDb, id: number, active: boolean, now: string) {
  await db
    .updateTable('users')
    .set({ active: toFlag(active), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/**
 * `changed` dates the change (not a mere rehash); `mustChange` says whether the
 * person must now choose their own (an administrator typed it) or just did.
 */
export async function setPasswordHash(
  db: WritableDb,
  id: number,
  passwordHash: string,
  now: string,
  changed: boolean,
  mustChange?: boolean,
) {
  await db
    .updateTable('users')
    .set({
      passwordHash,
      ...(mustChange === undefined ? {} : { mustChangePassword: toFlag(mustChange) }),
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
      ...(changed ? { passwordChangedAt: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function recordLoginFailure(
  db: WritableDb,
  id: number,
  failedAttempts: number,
  lockedUntil: string | null,
) {
  await db.updateTable('users').set({ failedAttempts, lockedUntil }).where('id', '=', id).execute();
}

export async function recordLoginSuccess(db: WritableDb, id: number) {
  await db.updateTable('users').set({ failedAttempts: 0, lockedUntil: null }).where('id', '=', id).execute();
}
