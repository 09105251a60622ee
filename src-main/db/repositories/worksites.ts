import { sql, type Insertable } from 'kysely';
import { foldForSearch } from '../../shared/text';
import type { ParticipationsTable } from '../schema';
import type { WorksiteInput, AnnexKind, HalfDay, SessionOrigin } from '../../shared/contract/worksites';
import { timeToMinutes } from '../../shared/time';
import { participationInReach, worksiteInReach, type Reach } from '../reach';
import { toFlag, withBooleans } from '../flags';
import { annexTimeRow } from './attendance';
import type { CancelKind } from '../../shared/contract/attendance-codes';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

const inScope = (reach: Reach) => worksiteInReach(reach, 'w');

export async function listWorksites(db: Db, scope: Reach) {
  return db
    .selectFrom('worksites as w')
    .innerJoin('employers as e', 'e.id', 'w.employerId')
    .leftJoin('users as u', 'u.id', 'w.supervisorId')
    .select([
      'w.id',
      'w.name',
      'w.kind',
      'w.activity',
      'w.status',
      'w.startDate',
      'w.weeks',
      'e.name as employerName',
      'u.displayName as supervisorName',
      sql<number>`(select count(*) from sessions s where s.worksite_id = w.id and s.cancelled_reason is null)`.as(
        'sessionCount',
      ),
    ])
    .where(() => inScope(scope))
    .orderBy('w.startDate', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
}

export async function findWorksite(db: Db, id: number, scope: Reach) {
  return db
    .selectFrom('worksites as w')
    .innerJoin('employers as e', 'e.id', 'w.employerId')
    .leftJoin('users as u', 'u.id', 'w.supervisorId')
    .leftJoin('organisations as o', 'o.id', 'w.clientId')
    .selectAll('w')
    .select(['e.name as employerName', 'u.displayName as supervisorName', 'o.name as clientName'])
    .where('w.id', '=', id)
    .where(() => inScope(scope))
    .executeTakeFirst();
}

/** Whether the caller reaches the worksite: one query, for an access check that needs nothing else. */
export async function worksiteInScope(db: Db, id: number, scope: Reach): Promise<boolean> {
  const row = await db
    .selectFrom('worksites as w')
    .select('w.id')
    .where('w.id', '=', id)
    .where(() => inScope(scope))
    .executeTakeFirst();
  return row !== undefined;
}

/** The worksite's own columns and its supervisor's name, as documents print them. */
export async function worksiteWithSupervisor(db: Db, id: number) {
  return db
    .selectFrom('worksites as w')
    .leftJoin('users as u', 'u.id', 'w.supervisorId')
    .selectAll('w')
    .select('u.displayName as supervisorName')
    .where('w.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Everyone under contract on the worksite, whoever follows them (for documents about the whole worksite). */
export async function peopleOnWorksite(db: Db, worksiteId: number) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .select(['pa.id', 'pa.startDate', 'pa.endDate', 'pa.earlyEndDate', 'p.firstNames', 'p.lastName'])
    .where('pa.worksiteId', '=', worksiteId)
    .orderBy('p.searchKey')
    .execute();
}

/** The annex times of everyone on the worksite, with whose they are. */
export async function namedAnnexTimes(db: Db, worksiteId: number) {
  return db
    .selectFrom('annexTimes as a')
    .innerJoin('participations as pa', 'pa.id', 'a.participationId')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .select(['a.date', 'a.kind', 'a.startMinutes', 'a.endMinutes', 'p.firstNames', 'p.lastName'])
    .where('pa.worksiteId', '=', worksiteId)
    .execute();
}

/** The first half-day held on the worksite between two dates, if any. */
export async function firstHalfDayBetween(db: Db, worksiteId: number, from: string, to: string) {
  return db
    .selectFrom('sessions')
    .select(['date', 'startMinutes'])
    .where('worksiteId', '=', worksiteId)
    .where('cancelledReason', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('startMinutes')
    .executeTakeFirst();
}

export async function listSlots(db: Db, worksiteId: number) {
  return db
    .selectFrom('worksiteSlots')
    .select(['weekday', 'halfDay'])
    .where('worksiteId', '=', worksiteId)
    .orderBy('weekday')
    .orderBy('halfDay', 'desc')
    .execute();
}

/** A worksite's usual half-day hours, in minutes from midnight. */
export async function worksiteHours(db: Db, worksiteId: number) {
  return db
    .selectFrom('worksites')
    .select(['morningStart', 'morningEnd', 'afternoonStart', 'afternoonEnd'])
    .where('id', '=', worksiteId)
    .executeTakeFirstOrThrow();
}

export async function listFunders(db: Db, worksiteId: number) {
  return (
    await db.selectFrom('worksiteFunders').select('organisationId').where('worksiteId', '=', worksiteId).execute()
  ).map((r) => r.organisationId);
}

export async function listSessions(db: Db, worksiteId: number) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('worksiteId', '=', worksiteId)
    .orderBy('date')
    .orderBy('halfDay', 'desc')
    .execute();
}

function columns(w: WorksiteInput) {
  return {
    name: w.name,
    nameFolded: foldForSearch(w.name),
    kind: w.kind,
    activity: w.activity,
    clientId: w.clientId,
    workAddress: w.workAddress ?? '',
    supervisorId: w.supervisorId,
    coordinatorId: w.coordinatorId,
    employerId: w.employerId!,
    startDate: w.startDate,
    weeks: w.weeks,
    capacity: w.capacity,
    morningStart: timeToMinutes(w.hours.morningStart),
    morningEnd: timeToMinutes(w.hours.morningEnd),
    afternoonStart: timeToMinutes(w.hours.afternoonStart),
    afternoonEnd: timeToMinutes(w.hours.afternoonEnd),
    status: w.status,
    operationReference: w.operationReference ?? '',
  };
}

async function replaceChildren(db: WritableDb, worksiteId: number, w: WorksiteInput) {
  await db.deleteFrom('worksiteSlots').where('worksiteId', '=', worksiteId).execute();
  await db.deleteFrom('worksiteFunders').where('worksiteId', '=', worksiteId).execute();
  const slots = [...new Map(w.slots.map((s) => [`${s.weekday}|${s.halfDay}`, s])).values()];
  await db
    .insertInto('worksiteSlots')
    .values(slots.map((s) => ({ worksiteId, weekday: s.weekday, halfDay: s.halfDay })))
    .execute();
  const funders = [...new Set(w.fundersIds)];
  if (funders.length > 0)
    await db
      .insertInto('worksiteFunders')
      .values(funders.map((organisationId) => ({ worksiteId, organisationId })))
      .execute();
}

export async function insertWorksite(db: WritableDb, w: WorksiteInput, now: string): Promise<number> {
  const row = await db
    .insertInto('worksites')
    .values({ ...columns(w), createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceChildren(db, row.id, w);
  return row.id;
}

export async function updateWorksite(db: WritableDb, id: number, w: WorksiteInput, now: string) {
  await db
    .updateTable('worksites')
    .set({ ...columns(w), updatedAt: now })
    .where('id', '=', id)
    .execute();
  await replaceChildren(db, id, w);
}

export async function insertSession(
  db: WritableDb,
  values: {
    worksiteId: number;
    date: string;
    halfDay: HalfDay;
    startMinutes: number;
    endMinutes: number;
    origin: SessionOrigin;
  },
  now: string,
) {
  await db
    .insertInto('sessions')
    .values({ ...values, cancelledReason: null, createdAt: now })
    .execute();
}

export async function findSession(db: Db, id: number) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function moveSession(
  db: WritableDb,
  id: number,
  to: { date: string; halfDay: HalfDay; startMinutes: number; endMinutes: number },
) {
  await db.updateTable('sessions').set(to).where('id', '=', id).execute();
}

export async function deleteSessions(db: WritableDb, worksiteId: number, ids: readonly number[]) {
  if (ids.length === 0) return;
  await db.deleteFrom('sessions').where('worksiteId', '=', worksiteId).where('id', 'in', ids).execute();
}

export async function cancelSession(db: WritableDb, id: number, reason: string, kind: CancelKind) {
  await db.updateTable('sessions').set({ cancelledReason: reason, cancelKind: kind }).where('id', '=', id).execute();
}

/** The worksite's participants the caller reaches (a social worker: her caseload). */
export async function listParticipants(db: Db, worksiteId: number, reach: Reach) {
  const rows = await db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .selectAll('pa')
    .select(['p.firstNames', 'p.lastName'])
    .where('pa.worksiteId', '=', worksiteId)
    .where(participationInReach(reach))
    .orderBy('p.searchKey')
    .execute();
  return rows.map((pa) => withBooleans(pa, 'particularRisk'));
}

export async function insertParticipation(
  db: WritableDb,
  values: Omit<Insertable<ParticipationsTable>, 'createdAt' | 'updatedAt' | 'particularRisk'> & {
    particularRisk: boolean;
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('participations')
    .values({ ...values, particularRisk: toFlag(values.particularRisk), createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The person's half-days on other worksites between two dates: a second booking would clash. */
export async function bookedElsewhere(db: Db, personId: number, exceptWorksiteId: number, from: string, to: string) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('sessions as s', 's.worksiteId', 'pa.worksiteId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .select(['s.date', 's.halfDay', 'w.name'])
    .where('pa.personId', '=', personId)
    .where('pa.worksiteId', '!=', exceptWorksiteId)
    .where('s.cancelledReason', 'is', null)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .whereRef('s.date', '>=', 'pa.startDate')
    .where((eb) => eb('s.date', '<=', eb.fn.coalesce('pa.earlyEndDate', 'pa.endDate')))
    .orderBy('s.date')
    .execute();
}

export async function listAnnexTimes(db: Db, worksiteId: number, reach: Reach) {
  const rows = await db
    .selectFrom('annexTimes as a')
    .innerJoin('participations as pa', 'pa.id', 'a.participationId')
    .selectAll('a')
    .where('pa.worksiteId', '=', worksiteId)
    .where(participationInReach(reach))
    .orderBy('a.date')
    .orderBy('a.startMinutes')
    .execute();
  return rows.map(annexTimeRow);
}

export async function findParticipation(db: Db, id: number) {
  const row = await db.selectFrom('participations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && withBooleans(row, 'particularRisk');
}

export async function insertAnnexTime(
  db: WritableDb,
  values: {
    participationId: number;
    kind: AnnexKind;
    date: string;
    startMinutes: number;
    endMinutes: number;
    paid: boolean;
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('annexTimes')
    .values({ ...values, paid: toFlag(values.paid), createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function planning(db: Db, from: string, to: string, scope: Reach) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('worksites as w', 'w.id', 's.worksiteId')
    .select([
      's.id as sessionId',
      's.worksiteId',
      'w.name as worksiteName',
      's.date',
      's.halfDay',
      's.startMinutes',
      's.endMinutes',
      's.cancelledReason',
      sql<number>`(select count(*) from participations pa where pa.worksite_id = s.worksite_id and pa.start_date <= s.date and coalesce(pa.early_end_date, pa.end_date) >= s.date)`.as(
        'participants',
      ),
    ])
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .where(() => inScope(scope))
    .orderBy('s.date')
    .orderBy('s.halfDay', 'desc')
    .orderBy('w.name')
    .execute();
}

/** A person's half-days on their worksites the caller reaches, within each contract's dates. */
export async function personSessions(db: Db, personId: number, reach: Reach) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('sessions as s', 's.worksiteId', 'pa.worksiteId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .select([
      's.date',
      's.halfDay',
      's.startMinutes',
      's.endMinutes',
      's.cancelledReason',
      'w.id as worksiteId',
      'w.name as worksiteName',
    ])
    .where('pa.personId', '=', personId)
    .where(participationInReach(reach))
    .whereRef('s.date', '>=', 'pa.startDate')
    .where((eb) => eb('s.date', '<=', eb.fn.coalesce('pa.earlyEndDate', 'pa.endDate')))
    .execute();
}

export async function personAnnexTimes(db: Db, personId: number, reach: Reach) {
  return db
    .selectFrom('annexTimes as a')
    .innerJoin('participations as pa', 'pa.id', 'a.participationId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .select(['a.date', 'a.kind', 'a.startMinutes', 'a.endMinutes', 'w.id as worksiteId', 'w.name as worksiteName'])
    .where('pa.personId', '=', personId)
    .where(participationInReach(reach))
    .execute();
}
