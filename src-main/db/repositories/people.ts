import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PersonInput, PersonSummary, SearchInput, SituationInput } from '../../shared/contract/people';
import { foldForSearch, nameSearchKey } from '../../shared/text';
import { escapeLike } from './like';
import { personInReach, type Reach } from '../reach';
import { fromFlag, toFlag, withBooleans, type Flag } from '../flags';
import type { NationalityGroup, Sex } from '../../shared/contract/people-lists';
import type { JourneyStatus } from '../../shared/contract/journey-lists';
import type { ReadableDb, WritableDb } from '../access';
import { nextVersion } from './record-versions';

type Db = ReadableDb;

/** The caller's reach as a condition on `p` (persons), for the query builder and for SQL text alike. */
const inScope = (reach: Reach): RawBuilder<SqlBool> => personInReach(reach, 'p.id');

const latestStatus = sql<
  string | null
>`(select j.status from journeys j where j.person_id = p.id order by j.opened_on desc, j.id desc limit 1)`;
const latestResources = sql<
  string | null
>`(select s.resources from person_situations s where s.person_id = p.id order by s.observed_on desc, s.id desc limit 1)`;

/** What a list row shows of a person (see `toSummary`), from `SEARCH_FROM`. */
const SUMMARY_SQL = sql`p.id, p.last_name, p.birth_name, p.first_names, p.birth_date, p.sex, p.town, p.archived,
  o.name as prescriber_name, c.first_name as referent_first_name, c.last_name as referent_last_name, c.left_on as referent_left_on,
  ${latestStatus} as status`;
const SEARCH_FROM = sql`from persons p left join organisations o on o.id = p.prescriber_id left join contacts c on c.id = p.referent_id`;
const SORT_SQL = {
  name: 'p.search_key',
  birthDate: 'p.birth_date',
  town: 'p.town',
  createdAt: 'p.created_at',
} as const;

/**
 * The people list and search: it runs at every keystroke, so it is written
 * as SQL text; building the same two queries with the query builder cost
 * about as much as running them.
 */
export async function searchPeople(db: Db, filters: Required<SearchInput>, scope: Reach) {
  const conditions: RawBuilder<unknown>[] = [sql`p.archived = ${toFlag(filters.archived)}`, inScope(scope)];
  for (const token of nameSearchKey(filters.query).split(' ').filter(Boolean))
    conditions.push(sql`p.search_key like ${`%${escapeLike(token)}%`} escape '\\'`);
  if (filters.prescriberId !== null) conditions.push(sql`p.prescriber_id = ${filters.prescriberId}`);
  if (filters.referentId !== null) conditions.push(sql`p.referent_id = ${filters.referentId}`);
  if (filters.referentLeft) conditions.push(sql`c.left_on is not null`);
  if (filters.sex !== null) conditions.push(sql`p.sex = ${filters.sex}`);
  if (filters.year !== null) conditions.push(sql`substr(p.created_at, 1, 4) = ${String(filters.year)}`);
  if (filters.resources !== null) conditions.push(sql`${latestResources} = ${filters.resources}`);
  if (filters.status !== null) conditions.push(sql`${latestStatus} = ${filters.status}`);
  if (filters.worksiteId !== null)
    conditions.push(
      sql`exists (select 1 from participations pa where pa.person_id = p.id and pa.worksite_id = ${filters.worksiteId})`,
    );
  const where = sql.join(conditions, sql` and `);
  // Both values come from the input's closed lists.
  const order = sql.raw(`${SORT_SQL[filters.sort]} ${filters.direction === 'desc' ? 'desc' : 'asc'}, p.id`);
  const total = (await sql<{ n: number }>`select count(*) as n ${SEARCH_FROM} where ${where}`.execute(db)).rows[0]!.n;
  const rows = await sql<Parameters<typeof toSummary>[0]>`select ${SUMMARY_SQL} ${SEARCH_FROM} where ${where}
    order by ${order} limit ${filters.pageSize} offset ${(filters.page - 1) * filters.pageSize}`.execute(db);
  return { total, rows: rows.rows.map(toSummary) };
}

function toSummary(r: {
  id: number;
  lastName: string;
  birthName: string;
  firstNames: string;
  birthDate: string;
  sex: Sex;
  town: string;
  archived: Flag;
  prescriberName: string | null;
  referentFirstName: string | null;
  referentLastName: string | null;
  referentLeftOn: string | null;
  status: JourneyStatus | null;
}): PersonSummary {
  return {
    id: r.id,
    lastName: r.lastName,
    birthName: r.birthName,
    firstNames: r.firstNames,
    birthDate: r.birthDate,
    sex: r.sex,
    town: r.town,
    archived: fromFlag(r.archived),
    prescriberName: r.prescriberName,
    referentName: r.referentLastName === null ? null : `${r.referentFirstName} ${r.referentLastName}`,
    referentLeft: r.referentLeftOn !== null,
    status: r.status,
  };
}

export async function findPerson(db: Db, id: number, scope: Reach) {
  const row = await db
    .selectFrom('persons as p')
    .leftJoin('organisations as o', 'o.id', 'p.prescriberId')
    .leftJoin('contacts as c', 'c.id', 'p.referentId')
    .selectAll('p')
    .select(['o.name as prescriberName', 'c.firstName as referentFirstName', 'c.lastName as referentLastName'])
    .where('p.id', '=', id)
    .where(inScope(scope))
    .executeTakeFirst();
  return row && withBooleans(row, 'archived');
}

export async function listSituations(db: Db, personId: number) {
  const rows = await db
    .selectFrom('personSituations')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('observedOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((s) => withBooleans(s, 'drivingLicence', 'vehicle', 'publicTransport'));
}

type PersonValues = Omit<PersonInput, 'nir' | 'nationalityGroup'> & {
  nir: string;
  nationalityGroup?: NationalityGroup | null;
};

function columns(person: PersonValues) {
  return {
    civility: person.civility,
    lastName: person.lastName,
    birthName: person.birthName ?? '',
    firstNames: person.firstNames,
    birthDate: person.birthDate,
    sex: person.sex,
    address: person.address ?? '',
    postcode: person.postcode ?? '',
    town: person.town ?? '',
    priorityArea: person.priorityArea,
    phone: person.phone ?? '',
    email: person.email ?? '',
    emergencyContact: person.emergencyContact ?? '',
    nationalityGroup: person.nationalityGroup ?? null,
    nir: person.nir === '' ? null : person.nir,
    prescriberId: person.prescriberId,
    referentId: person.referentId,
    searchKey: nameSearchKey(person.lastName, person.birthName ?? '', person.firstNames),
    nameFolded: foldForSearch(`${person.firstNames} ${person.lastName}`),
  };
}

export async function insertPerson(db: WritableDb, person: PersonValues, now: string): Promise<number> {
  const row = await db
    .insertInto('persons')
    .values({ ...columns(person), createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(db: WritableDb, id: number, person: PersonValues, now: string) {
  await db
    .updateTable('persons')
    .set({ ...columns(person), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function setPersonArchived(
  db: WritableDb,
  id: number,
  archived: boolean,
  now: string,
  userId: number | null,
) {
  await db
    .updateTable('persons')
    .set({ archived: toFlag(archived), updatedAt: now, ...nextVersion(userId, now) })
    .where('id', '=', id)
    .execute();
}

export async function insertSituation(
  db: WritableDb,
  personId: number,
  s: SituationInput,
  now: string,
  userId: number | null,
) {
  await db
    .insertInto('personSituations')
    .values({
      personId,
      observedOn: s.observedOn,
      resources: s.resources,
      rsaMonths: s.rsaMonths,
      franceTravailSince: s.franceTravailSince,
      educationLevel: s.educationLevel,
      rqth: s.rqth,
      housing: s.housing ?? '',
      drivingLicence: toFlag(s.drivingLicence),
      vehicle: toFlag(s.vehicle),
      publicTransport: toFlag(s.publicTransport),
      createdAt: now,
      createdBy: userId,
    })
    .execute();
}

/**
 * Possible duplicates: same folded first names, same folded last or birth
 * name (either way round) and same birth date — or the same NIR. Each says
 * whether the caller reaches it: one out of reach may be mentioned, never named.
 */
export async function findDuplicates(
  db: Db,
  candidate: { lastName: string; birthName: string; firstNames: string; birthDate: string; nir: string },
  exceptId: number | null,
  reach: Reach = { kind: 'all', userId: null },
): Promise<(PersonSummary & { inReach: boolean; sameNir: boolean })[]> {
  const names = new Set([candidate.lastName, candidate.birthName].map((n) => nameSearchKey(n)).filter(Boolean));
  const first = nameSearchKey(candidate.firstNames);
  const sameNir = candidate.nir ? sql`or p.nir = ${candidate.nir}` : sql``;
  const { rows } = await sql<
    Parameters<typeof toSummary>[0] & { nir: string | null; inReach: number }
  >`select ${SUMMARY_SQL}, p.nir,
    case when ${inScope(reach)} then 1 else 0 end as in_reach ${SEARCH_FROM}
    where p.birth_date = ${candidate.birthDate} ${sameNir}`.execute(db);
  return rows
    .filter((r) => r.id !== exceptId)
    .filter((r) => {
      if (candidate.nir && r.nir === candidate.nir) return true;
      const theirs = [r.lastName, r.birthName].map((n) => nameSearchKey(n)).filter(Boolean);
      return (
        r.birthDate === candidate.birthDate && nameSearchKey(r.firstNames) === first && theirs.some((n) => names.has(n))
      );
    })
    .map((r) => ({
      ...toSummary(r),
      inReach: r.inReach === 1,
      sameNir: candidate.nir !== '' && r.nir === candidate.nir,
    }));
}

export async function personExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The person's row as stored, with what the forms never receive in clear (the NIR). */
export async function storedPerson(db: Db, id: number) {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Whether the structure records a nationality group (a setting, off by default). */
export async function collectsNationality(db: Db): Promise<boolean> {
  const row = await db.selectFrom('structure').select('collectNationality').executeTakeFirst();
  return row !== undefined && fromFlag(row.collectNationality);
}
