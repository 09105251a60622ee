/**
 * Immersions (PMSMP): the conventions of a person, their renewals and bilans,
 * the CDDI they suspend, and their counts for the statistics. Every query here;
 * the handler only orchestrates.
 */
import type { ReadableDb, WritableDb } from '../access';
import type { PmsmpFields } from '../../shared/contract/pmsmp';
import type { PmsmpBilanInput } from '../../shared/contract/pmsmp';
import { personInReach, type Reach } from '../reach';

type Db = ReadableDb;

/** Is the person within the caller's reach (their birth date, for the hours of a minor)? */
export async function personInScope(db: Db, personId: number, reach: Reach) {
  return db
    .selectFrom('persons as p')
    .select([
      'p.id',
      'p.civility',
      'p.birthDate',
      'p.firstNames',
      'p.lastName',
      'p.address',
      'p.postcode',
      'p.town',
      'p.phone',
      'p.email',
      // The latest situation's resources (D5135-2 2°: whether they receive the RSA).
      (eb) =>
        eb
          .selectFrom('personSituations as s')
          .select('s.resources')
          .whereRef('s.personId', '=', 'p.id')
          .orderBy('s.observedOn', 'desc')
          .orderBy('s.id', 'desc')
          .limit(1)
          .as('resources'),
    ])
    .where('p.id', '=', personId)
    .where(personInReach(reach, 'p.id'))
    .executeTakeFirst();
}

function immersionsQuery(db: Db) {
  return db
    .selectFrom('immersions as i')
    .innerJoin('organisations as h', 'h.id', 'i.hostOrganisationId')
    .innerJoin('organisations as pr', 'pr.id', 'i.prescriberOrganisationId')
    .leftJoin('contacts as c', 'c.id', 'i.prescriberContactId')
    .leftJoin('immersions as r', 'r.renewalOf', 'i.id')
    .selectAll('i')
    .select([
      'h.name as hostName',
      'h.address as hostAddress',
      'h.phone as hostPhone',
      'h.email as hostEmail',
      'pr.name as prescriberName',
      'pr.address as prescriberAddress',
      'c.firstName as contactFirstName',
      'c.lastName as contactLastName',
      'c.phone as contactPhone',
      'c.email as contactEmail',
      'r.id as renewedBy',
    ]);
}
export type ImmersionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof immersionsQuery>['executeTakeFirst']>>>;

export async function listImmersions(db: Db, personId: number): Promise<ImmersionRow[]> {
  return immersionsQuery(db)
    .where('i.personId', '=', personId)
    .orderBy('i.startDate', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
}

export async function findImmersion(db: Db, id: number): Promise<ImmersionRow | undefined> {
  return immersionsQuery(db).where('i.id', '=', id).executeTakeFirst();
}

function columns(f: PmsmpFields) {
  const { schedule, ...rest } = f;
  return { ...rest, schedule: JSON.stringify(schedule) };
}

export async function insertImmersion(
  db: WritableDb,
  personId: number,
  f: PmsmpFields,
  renewalOf: number | null,
  now: string,
  authorId: number | null,
): Promise<number> {
  const row = await db
    .insertInto('immersions')
    .values({ personId, renewalOf, ...columns(f), authorId, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateImmersion(db: WritableDb, id: number, f: PmsmpFields, now: string) {
  await db
    .updateTable('immersions')
    .set({ ...columns(f), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function saveImmersionBilan(db: WritableDb, id: number, b: Required<PmsmpBilanInput>, now: string) {
  await db
    .updateTable('immersions')
    .set({
      outcome: b.outcome,
      missedMinutes: b.missedMinutes,
      skillsObserved: b.skillsObserved,
      followUp: b.followUp,
      bilanComment: b.comment,
      bilanOn: b.writtenOn,
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function setDocumentNumber(db: WritableDb, id: number, which: 'convention' | 'bilan', number: string) {
  await db
    .updateTable('immersions')
    .set(which === 'convention' ? { conventionNumber: number } : { bilanNumber: number })
    .where('id', '=', id)
    .execute();
}

/** The person's CDDI contracts (with their renewals and early end) that touch the period. */
export async function cddisOverlapping(db: Db, personId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('participations as pa')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .innerJoin('employers as e', 'e.id', 'pa.employerId')
    .leftJoin('contractRenewals as cr', 'cr.participationId', 'pa.id')
    .select([
      'pa.id',
      'pa.startDate',
      'pa.endDate',
      'pa.earlyEndDate',
      'w.name as worksiteName',
      'e.name as employerName',
      'e.address as employerAddress',
      'e.postcode as employerPostcode',
      'e.town as employerTown',
      (eb) => eb.fn.max('cr.newEndDate').as('renewedTo'),
    ])
    .where('pa.personId', '=', personId)
    .where('pa.contractType', '=', 'cddi')
    .where('pa.startDate', '<=', to)
    // Every joined table's key grouped: PostgreSQL allows the other columns of those tables, no more.
    .groupBy(['pa.id', 'w.id', 'e.id'])
    .orderBy('pa.id')
    .execute();
  return rows
    .map((r) => {
      const planned = r.renewedTo && r.renewedTo > r.endDate ? r.renewedTo : r.endDate;
      return {
        participationId: r.id,
        worksiteName: r.worksiteName,
        employer: {
          name: r.employerName,
          address: [r.employerAddress, `${r.employerPostcode} ${r.employerTown}`.trim()].filter(Boolean).join(', '),
        },
        start: r.startDate,
        end: r.earlyEndDate && r.earlyEndDate < planned ? r.earlyEndDate : planned,
      };
    })
    .filter((r) => r.end >= from);
}

/** The person's conventions with one host (the one being edited left out), for the limits of D5135-3. */
export async function conventionsWithHost(db: Db, personId: number, hostOrganisationId: number, except: number | null) {
  let query = db
    .selectFrom('immersions')
    .select(['id', 'startDate', 'endDate', 'objective', 'goals', 'renewalOf'])
    .where('personId', '=', personId)
    .where('hostOrganisationId', '=', hostOrganisationId);
  if (except !== null) query = query.where('id', '<>', except);
  return query.orderBy('startDate').execute();
}

/** The immersions of the people holding a CDDI on a worksite: the dates only, for the contracts they suspend. */
export async function immersionsOfCddiHolders(db: Db, worksiteId: number) {
  return db
    .selectFrom('immersions')
    .select(['personId', 'startDate', 'endDate'])
    .where('personId', 'in', (eb) =>
      eb
        .selectFrom('participations')
        .select('personId')
        .where('worksiteId', '=', worksiteId)
        .where('contractType', '=', 'cddi'),
    )
    .orderBy('startDate')
    .execute();
}

/** The immersions begun in a period, with their bilan's outcome (null while none is written), and the person they concern. */
export async function immersionsBegun(db: Db, from: string, to: string) {
  return db
    .selectFrom('immersions')
    .select(['id', 'personId', 'outcome', 'renewalOf'])
    .where('startDate', '>=', from)
    .where('startDate', '<=', to)
    .execute();
}

/** Anonymisation: the words written about the person go; what statistics count (object, dates, outcome, hours) stays. */
export async function scrubImmersions(db: WritableDb, personIds: number[]) {
  await db
    .updateTable('immersions')
    .set((eb) => ({
      goals: '',
      representativeName: '',
      skillsObserved: eb.case().when('skillsObserved', 'is not', null).then('').else(null).end(),
      followUp: eb.case().when('followUp', 'is not', null).then('').else(null).end(),
      bilanComment: eb.case().when('bilanComment', 'is not', null).then('').else(null).end(),
    }))
    .where('personId', 'in', personIds)
    .execute();
}
