import type { Insertable } from 'kysely';
import type { PayrollHandoffsTable } from '../schema';
import type { RegularisationRow } from '../../domain/regularisation-lines';
import type { PayItem } from '../../shared/contract/pay-items';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

/**
 * Contracts with an employer that overlap a month (early ends included), and
 * those with a régularisation of an earlier month still to send or carried by
 * the month's hand-off (plus `also.ids`).
 */
export async function participationsOfMonth(
  db: Db,
  employerId: number,
  first: string,
  last: string,
  also: { ids?: readonly number[]; handoffId?: number } = {},
) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .leftJoin('employeeNumbers as en', (join) =>
      join.onRef('en.personId', '=', 'pa.personId').onRef('en.employerId', '=', 'pa.employerId'),
    )
    .select([
      'pa.id',
      'pa.personId',
      'pa.worksiteId',
      'pa.startDate',
      'pa.endDate',
      'pa.earlyEndDate',
      'pa.earlyEndReason',
      'pa.weeklyMinutes',
      'pa.hourlyCents',
      'p.firstNames',
      'p.lastName',
      'p.nir',
      'p.birthDate',
      'en.matricule',
      'w.name as worksiteName',
    ])
    .where('pa.employerId', '=', employerId)
    .where((eb) =>
      eb.or([
        eb.and([eb('pa.startDate', '<=', last), eb(eb.fn.coalesce('pa.earlyEndDate', 'pa.endDate'), '>=', first)]),
        eb(
          'pa.id',
          'in',
          eb
            .selectFrom('regularisations')
            .select('participationId')
            .where('handoffId', 'is', null)
            .where('date', '<', first),
        ),
        eb(
          'pa.id',
          'in',
          eb
            .selectFrom('regularisations')
            .select('participationId')
            .where('handoffId', '=', also.handoffId ?? -1),
        ),
        eb('pa.id', 'in', [...(also.ids ?? []), -1]),
      ]),
    )
    .orderBy('p.searchKey')
    .orderBy('pa.id')
    .execute();
}

export async function findHandoff(db: Db, month: string, employerId: number) {
  return db
    .selectFrom('payrollHandoffs as h')
    .leftJoin('users as v', 'v.id', 'h.validatedBy')
    .leftJoin('users as t', 't.id', 'h.transmittedBy')
    .innerJoin('employers as e', 'e.id', 'h.employerId')
    .selectAll('h')
    .select(['v.displayName as validatedByName', 't.displayName as transmittedByName', 'e.name as employerName'])
    .where('h.month', '=', month)
    .where('h.employerId', '=', employerId)
    .executeTakeFirst();
}

export async function listHandoffs(db: Db) {
  return db
    .selectFrom('payrollHandoffs as h')
    .leftJoin('users as v', 'v.id', 'h.validatedBy')
    .leftJoin('users as t', 't.id', 'h.transmittedBy')
    .innerJoin('employers as e', 'e.id', 'h.employerId')
    .select([
      'h.id',
      'h.month',
      'h.employerId',
      'h.status',
      'h.validatedAt',
      'h.transmittedAt',
      'v.displayName as validatedByName',
      't.displayName as transmittedByName',
      'e.name as employerName',
    ])
    .orderBy('h.month', 'desc')
    .orderBy('e.name')
    .execute();
}

export async function saveHandoff(
  db: WritableDb,
  values: Omit<Insertable<PayrollHandoffsTable>, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('payrollHandoffs')
    .values(values)
    .onConflict((oc) => oc.columns(['month', 'employerId']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markTransmitted(db: WritableDb, id: number, userId: number | null, now: string) {
  await db
    .updateTable('payrollHandoffs')
    .set({ status: 'transmis', transmittedBy: userId, transmittedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Whether a month was sent to this employer: its days are then locked. */
export async function isTransmitted(db: Db, month: string, employerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('payrollHandoffs')
    .select('id')
    .where('month', '=', month)
    .where('employerId', '=', employerId)
    .where('status', '=', 'transmis')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Régularisations of earlier months a month carries: those already attached
 * to its hand-off, and, unless it was transmitted, those not yet carried.
 */
export async function regularisationsCarried(
  db: Db,
  participationIds: readonly number[],
  before: string,
  handoff: { id: number; status: string } | undefined,
) {
  if (participationIds.length === 0) return [];
  return db
    .selectFrom('regularisations')
    .selectAll()
    .where('participationId', 'in', participationIds)
    .where('date', '<', before)
    .where((eb) =>
      eb.or([
        eb('handoffId', '=', handoff?.id ?? -1),
        ...(handoff?.status === 'transmis' ? [] : [eb('handoffId', 'is', null)]),
      ]),
    )
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Every régularisation recorded for these contracts' days between two dates. */
export async function regularisationsBetween(db: Db, participationIds: readonly number[], first: string, last: string) {
  if (participationIds.length === 0) return [];
  return db
    .selectFrom('regularisations')
    .selectAll()
    .where('participationId', 'in', participationIds)
    .where('date', '>=', first)
    .where('date', '<=', last)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Every régularisation of these participations, oldest first. */
export async function regularisationsOf(db: Db, participationIds: readonly number[]) {
  if (participationIds.length === 0) return [];
  return db
    .selectFrom('regularisations')
    .selectAll()
    .where('participationId', 'in', participationIds)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** The days of a month an absence was justified by a proof received. */
export async function proofDaysBetween(db: Db, participationIds: readonly number[], first: string, last: string) {
  if (participationIds.length === 0) return [];
  return db
    .selectFrom('attendance as a')
    .innerJoin('sessions as s', 's.id', 'a.sessionId')
    .select(['a.participationId', 's.date'])
    .where('a.participationId', 'in', participationIds)
    .where('a.proofReceived', '=', 1)
    .where('s.date', '>=', first)
    .where('s.date', '<=', last)
    .execute();
}

/** The employment contracts made in Passerelle for these participations, first version first. */
export async function employmentContractsOf(db: Db, participationIds: readonly number[]) {
  if (participationIds.length === 0) return [];
  return db
    .selectFrom('documents')
    .select(['participationId', 'number', 'version'])
    .where('kind', '=', 'contrat_travail')
    .where('participationId', 'in', participationIds)
    .orderBy('version')
    .execute();
}

/** Which of these participations have a scan attached (the signed contract). */
export async function withAttachment(db: Db, participationIds: readonly number[]): Promise<Set<number | null>> {
  if (participationIds.length === 0) return new Set();
  return new Set(
    (
      await db
        .selectFrom('attachments')
        .select('participationId')
        .where('participationId', 'in', participationIds)
        .execute()
    ).map((a) => a.participationId),
  );
}

/** Half-days held between two dates on a worksite, with someone of the employer under contract and no mark. */
export async function unmarkedHalfDays(db: Db, worksiteId: number, employerId: number, first: string, until: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('participations as pa', 'pa.worksiteId', 's.worksiteId')
    .innerJoin('worksites as w', 'w.id', 's.worksiteId')
    .leftJoin('attendance as a', (join) =>
      join.onRef('a.sessionId', '=', 's.id').onRef('a.participationId', '=', 'pa.id'),
    )
    .select(['s.date', 'w.name'])
    .where('s.worksiteId', '=', worksiteId)
    .where('pa.employerId', '=', employerId)
    .where('s.cancelledReason', 'is', null)
    .where('s.date', '>=', first)
    .where('s.date', '<=', until)
    .whereRef('s.date', '>=', 'pa.startDate')
    .where((eb) => eb('s.date', '<=', eb.fn.coalesce('pa.earlyEndDate', 'pa.endDate')))
    .where('a.sessionId', 'is', null)
    .orderBy('s.date')
    .execute();
}

/** Which of these participations had their information and prevention visit done. */
export async function visitDone(db: Db, participationIds: readonly number[]): Promise<Set<number>> {
  if (participationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('annexTimes')
    .select('participationId')
    .where('participationId', 'in', participationIds)
    .where('kind', '=', 'visite_medicale')
    .where('done', '=', 1)
    .execute();
  return new Set(rows.map((v) => v.participationId));
}

/** Which of these people have a NIR recorded. */
export async function withNir(db: Db, personIds: readonly number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  return (
    await db.selectFrom('persons').select('id').where('id', 'in', personIds).where('nir', 'is not', null).execute()
  ).map((p) => p.id);
}

/** The transmitted hand-offs of an employer before a month, oldest first. */
export async function transmittedBefore(db: Db, employerId: number, month: string) {
  return db
    .selectFrom('payrollHandoffs')
    .select(['id', 'month', 'content'])
    .where('employerId', '=', employerId)
    .where('status', '=', 'transmis')
    .where('month', '<', month)
    .orderBy('month')
    .execute();
}

/** The first month after this one already transmitted to the employer, if any. */
export async function transmittedAfter(db: Db, employerId: number, month: string) {
  return db
    .selectFrom('payrollHandoffs')
    .select('month')
    .where('employerId', '=', employerId)
    .where('status', '=', 'transmis')
    .where('month', '>', month)
    .orderBy('month')
    .executeTakeFirst();
}

/**
 * Withdraws a transmission: the trace is kept, the month goes back to
 * "validé", and the régularisations recorded for its days while it was locked
 * go (the month's own figures now hold those changes).
 */
export async function withdrawTransmission(
  db: WritableDb,
  handoff: { id: number; month: string; employerId: number; transmittedBy: number | null; transmittedAt: string },
  reason: string,
  userId: number | null,
  now: string,
  last: string,
) {
  await db
    .insertInto('payrollWithdrawals')
    .values({
      handoffId: handoff.id,
      reason,
      transmittedBy: handoff.transmittedBy,
      transmittedAt: handoff.transmittedAt,
      withdrawnBy: userId,
      withdrawnAt: now,
    })
    .execute();
  await db
    .updateTable('payrollHandoffs')
    .set({ status: 'valide', transmittedBy: null, transmittedAt: null })
    .where('id', '=', handoff.id)
    .execute();
  await db
    .deleteFrom('regularisations')
    .where('participationId', 'in', (eb) =>
      eb.selectFrom('participations').select('id').where('employerId', '=', handoff.employerId),
    )
    .where('date', '>=', `${handoff.month}-01`)
    .where('date', '<=', last)
    .execute();
}

/** The withdrawals of a hand-off's transmission, newest first. */
export async function withdrawalsOf(db: Db, handoffId: number) {
  return db
    .selectFrom('payrollWithdrawals as w')
    .leftJoin('users as u', 'u.id', 'w.withdrawnBy')
    .select(['w.reason', 'w.withdrawnAt', 'w.transmittedAt', 'u.displayName as withdrawnByName'])
    .where('w.handoffId', '=', handoffId)
    .orderBy('w.id', 'desc')
    .execute();
}

export async function insertRegularisations(
  db: WritableDb,
  rows: readonly RegularisationValues[],
  handoffId: number | null,
  createdBy: number | null,
  createdAt: string,
) {
  if (rows.length === 0) return;
  await db
    .insertInto('regularisations')
    .values(
      rows.map((r) => ({
        participationId: r.participationId,
        date: r.date,
        dateTo: r.dateTo,
        item: r.item,
        minutes: r.minutes,
        centiHours: r.centiHours,
        rateCentiCents: r.rateCentiCents,
        workedDelta: r.workedDelta,
        paidDelta: r.paidDelta,
        reason: r.reason,
        handoffId,
        createdBy,
        createdAt,
      })),
    )
    .execute();
}

/** A régularisation line to store (domain/regularisation-lines.ts). */
export interface RegularisationValues extends RegularisationRow {
  participationId: number;
  reason: string;
}

export async function attachRegularisations(db: WritableDb, ids: readonly number[], handoffId: number) {
  if (ids.length === 0) return;
  await db.updateTable('regularisations').set({ handoffId }).where('id', 'in', ids).execute();
}

/** A person's matricule at each employer they have worked for. */
export async function matriculesOf(db: Db, personId: number) {
  return db
    .selectFrom('employers as e')
    .leftJoin('employeeNumbers as en', (join) =>
      join.onRef('en.employerId', '=', 'e.id').on('en.personId', '=', personId),
    )
    .select(['e.id as employerId', 'e.name as employerName', 'en.matricule'])
    .where('e.id', 'in', (eb) => eb.selectFrom('participations').select('employerId').where('personId', '=', personId))
    .orderBy('e.name')
    .execute();
}

export async function setMatricule(db: WritableDb, personId: number, employerId: number, matricule: string | null) {
  await db
    .deleteFrom('employeeNumbers')
    .where('personId', '=', personId)
    .where('employerId', '=', employerId)
    .execute();
  if (matricule) await db.insertInto('employeeNumbers').values({ personId, employerId, matricule }).execute();
}

export async function matriculeHolder(db: Db, employerId: number, matricule: string) {
  return db
    .selectFrom('employeeNumbers')
    .select('personId')
    .where('employerId', '=', employerId)
    .where('matricule', '=', matricule)
    .executeTakeFirst();
}

/** The codes an employer changed from the defaults, by pay item. */
export async function payItemCodesOf(db: Db, employerId: number): Promise<Map<PayItem, string>> {
  const rows = await db
    .selectFrom('payItemCodes')
    .select(['item', 'code'])
    .where('employerId', '=', employerId)
    .execute();
  return new Map(rows.map((r) => [r.item, r.code]));
}

export async function setPayItemCode(db: WritableDb, employerId: number, item: PayItem, code: string | null) {
  await db.deleteFrom('payItemCodes').where('employerId', '=', employerId).where('item', '=', item).execute();
  if (code) await db.insertInto('payItemCodes').values({ employerId, item, code }).execute();
}
