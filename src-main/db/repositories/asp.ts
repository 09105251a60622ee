/** The ASP monthly states validated, and what the state needs beyond the payroll's figures. */
import type { ReadableDb, WritableDb } from '../access';

export async function findState(db: ReadableDb, month: string, employerId: number) {
  return db
    .selectFrom('aspMonthlyStates as s')
    .leftJoin('users as v', 'v.id', 's.validatedBy')
    .selectAll('s')
    .select(['v.displayName as validatedByName'])
    .where('s.month', '=', month)
    .where('s.employerId', '=', employerId)
    .executeTakeFirst();
}

/** Validating again replaces the month's rows. */
export async function saveState(
  db: WritableDb,
  s: {
    month: string;
    employerId: number;
    content: string;
    contentSha256: string;
    validatedBy: number | null;
    validatedAt: string;
  },
): Promise<number> {
  await db.deleteFrom('aspMonthlyStates').where('month', '=', s.month).where('employerId', '=', s.employerId).execute();
  const row = await db.insertInto('aspMonthlyStates').values(s).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * For the contracts given: those that are CDDI on an ACI worksite, with the
 * PASS IAE, the parcours' status, its exit if recorded, and the person's
 * freins open on `last` (identified by then, not resolved before).
 */
export async function cddiFacts(db: ReadableDb, ids: readonly number[], last: string) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('participations as pa')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .innerJoin('journeys as j', 'j.id', 'pa.journeyId')
    .select([
      'pa.id',
      'pa.personId',
      'pa.passIae',
      'pa.startDate',
      'pa.endDate',
      'pa.earlyEndDate',
      'j.status as journeyStatus',
      'pa.journeyId',
    ])
    .where('pa.id', 'in', ids)
    .where('pa.contractType', '=', 'cddi')
    .where('w.kind', '=', 'aci')
    .execute();
  if (rows.length === 0) return [];
  const outcomes = await db
    .selectFrom('outcomes')
    .select(['journeyId', 'category', 'exitedOn'])
    .where(
      'journeyId',
      'in',
      rows.map((r) => r.journeyId),
    )
    .orderBy('exitedOn')
    .execute();
  const obstacles = await db
    .selectFrom('obstacles')
    .select(['personId', 'kind'])
    .where(
      'personId',
      'in',
      rows.map((r) => r.personId),
    )
    .where('identifiedOn', '<=', last)
    .where((eb) => eb.or([eb('resolvedOn', 'is', null), eb('resolvedOn', '>', last)]))
    .execute();
  return rows.map((r) => ({
    participationId: r.id,
    passIae: r.passIae,
    startDate: r.startDate,
    endDate: r.endDate,
    earlyEndDate: r.earlyEndDate,
    journeyStatus: r.journeyStatus,
    outcome: outcomes.filter((o) => o.journeyId === r.journeyId).at(-1) ?? null,
    obstacles: obstacles.filter((o) => o.personId === r.personId).map((o) => o.kind),
  }));
}

/** Who the kept rows of a validated month are, read from the records now (the kept rows hold no name). */
export async function identities(db: ReadableDb, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .select(['pa.id', 'pa.passIae', 'pa.startDate', 'p.lastName', 'p.firstNames', 'w.name as worksiteName'])
    .where('pa.id', 'in', ids)
    .execute();
}
