import type { Selectable } from 'kysely';
import type { AnnexTimesTable, AttendanceTable } from '../schema';
import { participationInReach, type Reach } from '../reach';
import { fromOptionalFlag, toFlag, toOptionalFlag, withBooleans } from '../flags';
import type { Mark } from '../../shared/contract/attendance-codes';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

export async function sessionsBetween(db: Db, worksiteId: number, from: string, to: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('worksiteId', '=', worksiteId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('halfDay', 'desc')
    .execute();
}

/** Participations whose contract (early end included) overlaps the dates. */
export async function participationsBetween(db: Db, worksiteId: number, from: string, to: string, reach: Reach) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .select(['pa.id', 'pa.personId', 'pa.startDate', 'pa.endDate', 'pa.earlyEndDate', 'p.firstNames', 'p.lastName'])
    .where('pa.worksiteId', '=', worksiteId)
    .where(participationInReach(reach))
    .where('pa.startDate', '<=', to)
    .where((eb) => eb(eb.fn.coalesce('pa.earlyEndDate', 'pa.endDate'), '>=', from))
    .orderBy('p.searchKey')
    .execute();
}

const markRow = (m: Selectable<AttendanceTable>) => withBooleans(m, 'paid', 'proofReceived');
/** An annex time with its flags as booleans (`done` null: not marked yet). */
export const annexTimeRow = (a: Selectable<AnnexTimesTable>) => withBooleans(a, 'paid', 'done');
export type AnnexTimeRow = ReturnType<typeof annexTimeRow>;

export async function marksOf(db: Db, participationIds: readonly number[]) {
  if (participationIds.length === 0) return [];
  return (await db.selectFrom('attendance').selectAll().where('participationId', 'in', participationIds).execute()).map(
    markRow,
  );
}

export async function annexTimesOf(db: Db, participationIds: readonly number[]) {
  if (participationIds.length === 0) return [];
  return (
    await db
      .selectFrom('annexTimes')
      .selectAll()
      .where('participationId', 'in', participationIds)
      .orderBy('date')
      .execute()
  ).map(annexTimeRow);
}

/** The birth dates of people (the limits on a minor's working time depend on them). */
export async function birthDatesOf(db: Db, personIds: readonly number[]): Promise<Map<number, string | null>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('persons').select(['id', 'birthDate']).where('id', 'in', personIds).execute();
  return new Map(rows.map((r) => [r.id, r.birthDate]));
}

export async function findAnnexTime(db: Db, id: number) {
  const row = await db
    .selectFrom('annexTimes')
    .select(['id', 'participationId', 'date', 'startMinutes', 'done'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...row, done: fromOptionalFlag(row.done) };
}

/** The marks of these half-days, everyone's. */
export async function marksOfSessions(db: Db, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  return (await db.selectFrom('attendance').selectAll().where('sessionId', 'in', sessionIds).execute()).map(markRow);
}

/** Whether any attendance has been recorded for the participation. */
export async function attendanceRecorded(db: Db, participationId: number): Promise<boolean> {
  return (
    (await db
      .selectFrom('attendance')
      .select('sessionId')
      .where('participationId', '=', participationId)
      .executeTakeFirst()) !== undefined
  );
}

/**
 * The participations the caller follows (the social worker's caseload, the
 * supervisor's worksites) on one worksite or of one person, for the hours screens.
 */
export async function participationsForHours(db: Db, of: { worksiteId: number } | { personId: number }, reach: Reach) {
  let query = db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .select([
      'pa.id',
      'pa.personId',
      'p.firstNames',
      'p.lastName',
      'pa.worksiteId',
      'w.name as worksiteName',
      'pa.startDate',
      'pa.endDate',
      'pa.earlyEndDate',
      'pa.weeklyMinutes',
    ])
    .where(participationInReach(reach));
  query =
    'worksiteId' in of
      ? query.where('pa.worksiteId', '=', of.worksiteId)
      : query.where('pa.personId', '=', of.personId);
  return query.orderBy('p.searchKey').orderBy('pa.startDate').execute();
}

export async function saveMark(
  db: WritableDb,
  values: {
    sessionId: number;
    participationId: number;
    mark: Mark;
    actualStart: number | null;
    actualEnd: number | null;
    paid: boolean;
    proofReceived: boolean;
    proofDate: string | null;
  },
  userId: number | null,
  now: string,
) {
  const row = {
    ...values,
    paid: toFlag(values.paid),
    proofReceived: toFlag(values.proofReceived),
    updatedBy: userId,
    updatedAt: now,
  };
  await db
    .insertInto('attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['sessionId', 'participationId']).doUpdateSet(row))
    .execute();
}

export async function clearMark(db: WritableDb, sessionId: number, participationId: number) {
  await db
    .deleteFrom('attendance')
    .where('sessionId', '=', sessionId)
    .where('participationId', '=', participationId)
    .execute();
}

export async function setAnnexDone(db: WritableDb, annexTimeId: number, done: boolean | null) {
  await db
    .updateTable('annexTimes')
    .set({ done: toOptionalFlag(done) })
    .where('id', '=', annexTimeId)
    .execute();
}

/** One cell as stored now, with who last wrote it and when (for a merge with what a grid showed). */
export async function storedCell(db: Db, sessionId: number, participationId: number) {
  const row = await db
    .selectFrom('attendance as a')
    .leftJoin('users as u', 'u.id', 'a.updatedBy')
    .selectAll('a')
    .select('u.displayName as updatedByName')
    .where('a.sessionId', '=', sessionId)
    .where('a.participationId', '=', participationId)
    .executeTakeFirst();
  return row && withBooleans(row, 'paid', 'proofReceived');
}
