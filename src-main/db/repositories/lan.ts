/**
 * The PCs paired with the Passerelle server and the one-time pairing codes
 * (issue 29). Secrets and codes are stored as their SHA-256 only.
 */
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

export interface DeviceRow {
  id: number;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
}

/** The PCs still allowed first, then the revoked ones; each in the order they were paired. */
export async function listDevices(db: Db): Promise<DeviceRow[]> {
  const rows = await db
    .selectFrom('devices')
    .leftJoin('users', 'users.id', 'devices.revokedBy')
    .select([
      'devices.id',
      'devices.name',
      'devices.createdAt',
      'devices.lastSeenAt',
      'devices.revokedAt',
      'users.displayName as revokedByName',
    ])
    .orderBy('devices.id')
    .execute();
  // Sorted here: SQLite and PostgreSQL put nulls at opposite ends.
  return [...rows.filter((r) => r.revokedAt === null), ...rows.filter((r) => r.revokedAt !== null)];
}

/** The device a credential belongs to, revoked or not. */
export async function findDeviceBySecretHash(db: Db, secretHash: string) {
  return db
    .selectFrom('devices')
    .select(['id', 'name', 'revokedAt', 'lastSeenAt'])
    .where('secretHash', '=', secretHash)
    .executeTakeFirst();
}

export async function findDevice(db: Db, id: number) {
  return db.selectFrom('devices').select(['id', 'name', 'revokedAt']).where('id', '=', id).executeTakeFirst();
}

export async function countActiveDevices(db: Db): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('revokedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertDevice(db: WritableDb, device: { name: string; secretHash: string; createdAt: string }) {
  const row = await db
    .insertInto('devices')
    .values({ ...device, lastSeenAt: device.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeDevice(db: WritableDb, id: number, at: string, by: number | null): Promise<void> {
  await db.updateTable('devices').set({ revokedAt: at, revokedBy: by }).where('id', '=', id).execute();
}

export async function touchDevice(db: WritableDb, id: number, at: string): Promise<void> {
  await db.updateTable('devices').set({ lastSeenAt: at }).where('id', '=', id).execute();
}

export async function insertPairingCode(
  db: WritableDb,
  code: { codeHash: string; createdAt: string; createdBy: number | null; expiresAt: string },
): Promise<number> {
  const row = await db.insertInto('pairingCodes').values(code).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findPairingCode(db: Db, codeHash: string) {
  return db
    .selectFrom('pairingCodes')
    .select(['id', 'expiresAt', 'usedAt'])
    .where('codeHash', '=', codeHash)
    .executeTakeFirst();
}

/** Marks the code used by this device; false when another pairing took it first. */
export async function usePairingCode(db: WritableDb, id: number, at: string, deviceId: number): Promise<boolean> {
  const result = await db
    .updateTable('pairingCodes')
    .set({ usedAt: at, deviceId })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Codes still usable (not used, not expired): the settings page says how many wait. */
export async function livePairingCodes(db: Db, now: string) {
  return db
    .selectFrom('pairingCodes')
    .select(['id', 'expiresAt'])
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('expiresAt')
    .execute();
}

/** The instants of the wrong codes tried since `since` (the pairing throttle, domain/pairing.ts). */
export async function pairingFailuresSince(db: Db, since: string): Promise<string[]> {
  const rows = await db.selectFrom('pairingFailures').select('at').where('at', '>', since).orderBy('at').execute();
  return rows.map((r) => r.at);
}

/** Notes a wrong code tried at `at`, and forgets those tried before `forgetBefore` (no longer counted). */
export async function notePairingFailure(db: WritableDb, at: string, forgetBefore: string): Promise<void> {
  await db.deleteFrom('pairingFailures').where('at', '<', forgetBefore).execute();
  await db.insertInto('pairingFailures').values({ at }).execute();
}
