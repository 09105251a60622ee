import type { Insertable, Kysely } from 'kysely';
import type { Database, PayrollHandoffsTable } from '../schema';

type Db = Kysely<Database>;

/**
 * Contracts with an employer that overlap a month (early ends included), and
 * those with a régularisation of an earlier month still to send.
 */
export async function participationsOfMonth(db: Db, employerId: number, first: string, last: string) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .leftJoin('employeeNumbers as en', (join) => join.onRef('en.personId', '=', 'pa.personId').onRef('en.employerId', '=', 'pa.employerId'))
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
        eb('pa.id', 'in', eb.selectFrom('regularisations').select('participationId').where('handoffId', 'is', null).where('date', '<', first)),
      ]),
    )
    .orderBy('p.searchKey')
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
    .select(['h.id', 'h.month', 'h.employerId', 'h.status', 'h.validatedAt', 'h.transmittedAt', 'v.displayName as validatedByName', 't.displayName as transmittedByName', 'e.name as employerName'])
    .orderBy('h.month', 'desc')
    .orderBy('e.name')
    .execute();
}

export async function saveHandoff(db: Db, values: Omit<Insertable<PayrollHandoffsTable>, 'id'>): Promise<number> {
  const row = await db
    .insertInto('payrollHandoffs')
    .values(values)
    .onConflict((oc) => oc.columns(['month', 'employerId']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markTransmitted(db: Db, id: number, userId: number | null, now: string) {
  await db.updateTable('payrollHandoffs').set({ status: 'transmis', transmittedBy: userId, transmittedAt: now }).where('id', '=', id).execute();
}

/** Whether a month was sent to this employer: its days are then locked. */
export async function isTransmitted(db: Db, month: string, employerId: number): Promise<boolean> {
  const row = await db.selectFrom('payrollHandoffs').select('id').where('month', '=', month).where('employerId', '=', employerId).where('status', '=', 'transmis').executeTakeFirst();
  return row !== undefined;
}

/** Régularisations of earlier months not yet carried by a hand-off. */
export async function pendingRegularisations(db: Db, participationIds: readonly number[], before: string) {
  if (participationIds.length === 0) return [];
  return db
    .selectFrom('regularisations')
    .selectAll()
    .where('participationId', 'in', participationIds)
    .where('handoffId', 'is', null)
    .where('date', '<', before)
    .orderBy('date')
    .execute();
}

export async function attachRegularisations(db: Db, ids: readonly number[], handoffId: number) {
  if (ids.length === 0) return;
  await db.updateTable('regularisations').set({ handoffId }).where('id', 'in', ids).execute();
}

export async function insertRegularisation(
  db: Db,
  values: { participationId: number; date: string; workedDelta: number; paidDelta: number; reason: string; createdBy: number | null; createdAt: string },
) {
  await db.insertInto('regularisations').values(values).execute();
}

/** A person's matricule at each employer they have worked for. */
export async function matriculesOf(db: Db, personId: number) {
  return db
    .selectFrom('employers as e')
    .leftJoin('employeeNumbers as en', (join) => join.onRef('en.employerId', '=', 'e.id').on('en.personId', '=', personId))
    .select(['e.id as employerId', 'e.name as employerName', 'en.matricule'])
    .where('e.id', 'in', (eb) => eb.selectFrom('participations').select('employerId').where('personId', '=', personId))
    .orderBy('e.name')
    .execute();
}

export async function setMatricule(db: Db, personId: number, employerId: number, matricule: string | null) {
  await db.deleteFrom('employeeNumbers').where('personId', '=', personId).where('employerId', '=', employerId).execute();
  if (matricule) await db.insertInto('employeeNumbers').values({ personId, employerId, matricule }).execute();
}

export async function matriculeHolder(db: Db, employerId: number, matricule: string) {
  return db.selectFrom('employeeNumbers').select('personId').where('employerId', '=', employerId).where('matricule', '=', matricule).executeTakeFirst();
}

/** The codes an employer changed from the defaults, by pay item. */
export async function payItemCodesOf(db: Db, employerId: number): Promise<Map<string, string>> {
  const rows = await db.selectFrom('payItemCodes').select(['item', 'code']).where('employerId', '=', employerId).execute();
  return new Map(rows.map((r) => [r.item, r.code]));
}

export async function setPayItemCode(db: Db, employerId: number, item: string, code: string | null) {
  await db.deleteFrom('payItemCodes').where('employerId', '=', employerId).where('item', '=', item).execute();
  if (code) await db.insertInto('payItemCodes').values({ employerId, item, code }).execute();
}
