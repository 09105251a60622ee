import { sql, type Expression, type Kysely, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { Database } from '../schema';
import type { PersonInput, PersonSummary, SearchInput, SituationInput } from '../../shared/contract/people';
import { nameSearchKey } from '../../shared/text';

type Db = Kysely<Database>;

/**
 * Which people a caller reaches. `ownCaseload`: those whose référent is the
 * caller's contact card. `ownWorksites`: those taking part in a worksite the
 * caller supervises.
 */
export interface PeopleScope {
  kind: 'all' | 'ownCaseload' | 'ownWorksites';
  userId: number | null;
}

type PersonsEb = ExpressionBuilder<Database & { p: Database['persons'] }, 'p'>;

function inScope(eb: PersonsEb, scope: PeopleScope): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.kind === 'ownCaseload') {
    return eb('p.referentId', 'in', eb.selectFrom('contacts').select('contacts.id').where('contacts.userId', '=', scope.userId));
  }
  return sql<SqlBool>`p.id in (select pa.person_id from participations pa join worksites w on w.id = pa.worksite_id where w.supervisor_id = ${scope.userId})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const latestStatus = sql<string | null>`(select j.status from journeys j where j.person_id = p.id order by j.opened_on desc, j.id desc limit 1)`;
/** What a list row shows of a person (see `toSummary`). */
const SUMMARY_COLUMNS = [
  'p.id',
  'p.lastName',
  'p.birthName',
  'p.firstNames',
  'p.birthDate',
  'p.sex',
  'p.town',
  'p.archived',
  'o.name as prescriberName',
  'c.firstName as referentFirstName',
  'c.lastName as referentLastName',
  'c.leftOn as referentLeftOn',
  latestStatus.as('status'),
] as const;

const latestResources = sql<string | null>`(select s.resources from person_situations s where s.person_id = p.id order by s.observed_on desc, s.id desc limit 1)`;

export async function searchPeople(db: Db, filters: Required<SearchInput>, scope: PeopleScope) {
  const tokens = nameSearchKey(filters.query).split(' ').filter(Boolean);
  const base = db
    .selectFrom('persons as p')
    .leftJoin('organisations as o', 'o.id', 'p.prescriberId')
    .leftJoin('contacts as c', 'c.id', 'p.referentId')
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [eb('p.archived', '=', filters.archived ? 1 : 0), inScope(eb as never, scope)];
      for (const token of tokens) conditions.push(sql<SqlBool>`p.search_key like ${`%${escapeLike(token)}%`} escape '\\'`);
      if (filters.prescriberId !== null) conditions.push(eb('p.prescriberId', '=', filters.prescriberId));
      if (filters.referentId !== null) conditions.push(eb('p.referentId', '=', filters.referentId));
      if (filters.referentLeft) conditions.push(eb('c.leftOn', 'is not', null));
      if (filters.sex !== null) conditions.push(eb('p.sex', '=', filters.sex));
      if (filters.year !== null) conditions.push(sql<SqlBool>`substr(p.created_at, 1, 4) = ${String(filters.year)}`);
      if (filters.resources !== null) conditions.push(sql<SqlBool>`${latestResources} = ${filters.resources}`);
      if (filters.status !== null) conditions.push(sql<SqlBool>`${latestStatus} = ${filters.status}`);
      if (filters.worksiteId !== null) {
        conditions.push(sql<SqlBool>`exists (select 1 from participations pa where pa.person_id = p.id and pa.worksite_id = ${filters.worksiteId})`);
      }
      return eb.and(conditions);
    });

  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const order = {
    name: 'p.searchKey',
    birthDate: 'p.birthDate',
    town: 'p.town',
    createdAt: 'p.createdAt',
  } as const;
  const rows = await base
    .select(SUMMARY_COLUMNS)
    .orderBy(order[filters.sort], filters.direction)
    .orderBy('p.id')
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return { total: total.n, rows: rows.map(toSummary) };
}

function toSummary(r: {
  id: number;
  lastName: string;
  birthName: string;
  firstNames: string;
  birthDate: string;
  sex: string;
  town: string;
  archived: number;
  prescriberName: string | null;
  referentFirstName: string | null;
  referentLastName: string | null;
  referentLeftOn: string | null;
  status: string | null;
}): PersonSummary {
  return {
    id: r.id,
    lastName: r.lastName,
    birthName: r.birthName,
    firstNames: r.firstNames,
    birthDate: r.birthDate,
    sex: r.sex as PersonSummary['sex'],
    town: r.town,
    archived: r.archived === 1,
    prescriberName: r.prescriberName,
    referentName: r.referentLastName === null ? null : `${r.referentFirstName} ${r.referentLastName}`,
    referentLeft: r.referentLeftOn !== null,
    status: r.status as PersonSummary['status'],
  };
}

export async function findPerson(db: Db, id: number, scope: PeopleScope) {
  return db
    .selectFrom('persons as p')
    .leftJoin('organisations as o', 'o.id', 'p.prescriberId')
    .leftJoin('contacts as c', 'c.id', 'p.referentId')
    .selectAll('p')
    .select(['o.name as prescriberName', 'c.firstName as referentFirstName', 'c.lastName as referentLastName'])
    .where('p.id', '=', id)
    .where((eb) => inScope(eb as never, scope))
    .executeTakeFirst();
}

export async function listSituations(db: Db, personId: number) {
  return db
    .selectFrom('personSituations')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('observedOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

type PersonValues = Omit<PersonInput, 'nir' | 'nationalityGroup'> & { nir: string; nationalityGroup?: string | null };

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
  };
}

export async function insertPerson(db: Db, person: PersonValues, now: string): Promise<number> {
  const row = await db
    .insertInto('persons')
    .values({ ...columns(person), createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(db: Db, id: number, person: PersonValues, now: string) {
  await db.updateTable('persons').set({ ...columns(person), updatedAt: now }).where('id', '=', id).execute();
}

export async function setPersonArchived(db: Db, id: number, archived: boolean, now: string) {
  await db.updateTable('persons').set({ archived: archived ? 1 : 0, updatedAt: now }).where('id', '=', id).execute();
}

export async function insertSituation(db: Db, personId: number, s: SituationInput, now: string, userId: number | null) {
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
      drivingLicence: s.drivingLicence ? 1 : 0,
      vehicle: s.vehicle ? 1 : 0,
      publicTransport: s.publicTransport ? 1 : 0,
      createdAt: now,
      createdBy: userId,
    })
    .execute();
}

/**
 * Possible duplicates: same folded first names, same folded last or birth
 * name (either way round) and same birth date — or the same NIR.
 */
export async function findDuplicates(
  db: Db,
  candidate: { lastName: string; birthName: string; firstNames: string; birthDate: string; nir: string },
  exceptId: number | null,
): Promise<PersonSummary[]> {
  const names = new Set([candidate.lastName, candidate.birthName].map((n) => nameSearchKey(n)).filter(Boolean));
  const first = nameSearchKey(candidate.firstNames);
  const rows = await db
    .selectFrom('persons as p')
    .leftJoin('organisations as o', 'o.id', 'p.prescriberId')
    .leftJoin('contacts as c', 'c.id', 'p.referentId')
    .select([...SUMMARY_COLUMNS, 'p.nir'])
    .where((eb) =>
      eb.or([
        eb('p.birthDate', '=', candidate.birthDate),
        ...(candidate.nir ? [eb('p.nir', '=', candidate.nir)] : []),
      ]),
    )
    .execute();
  return rows
    .filter((r) => r.id !== exceptId)
    .filter((r) => {
      if (candidate.nir && r.nir === candidate.nir) return true;
      const theirs = [r.lastName, r.birthName].map((n) => nameSearchKey(n)).filter(Boolean);
      return r.birthDate === candidate.birthDate && nameSearchKey(r.firstNames) === first && theirs.some((n) => names.has(n));
    })
    .map(toSummary);
}
