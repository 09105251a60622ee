import { sql, type Insertable } from 'kysely';
import { greatestOf } from '../engine';

/**
 * The ISO date `months` months before `today`, normalised as SQLite's
 * `date(today, '-N months')` does (the month moved, the day kept, an
 * overflowing day carried into the next month: 31/01 less 23 months is 02/03).
 */
function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}
import type { RightsRequestsTable } from '../schema';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

/**
 * People not yet anonymised whose last activity is old enough to be near
 * review (the exact rule is `domain/retention.ts`), with that date: the
 * latest of their record's creation, parcours steps and ends, attendance,
 * documents, freins, observations and exits.
 */
export async function reviewCandidates(db: Db, today: string) {
  return (
    await sql<{
      id: number;
      firstNames: string;
      lastName: string;
      retentionUntil: string | null;
      retentionReason: string;
      lastActivity: string;
    }>`
      select * from (
        select p.id, p.first_names as first_names, p.last_name as last_name, p.retention_until as retention_until, p.retention_reason as retention_reason,
          ${greatestOf(db, [
            sql`substr(p.created_at, 1, 10)`,
            sql`coalesce((select max(coalesce(pa.early_end_date, pa.end_date)) from participations pa where pa.person_id = p.id), '')`,
            sql`coalesce((select max(e.happened_on) from journey_events e join journeys j on j.id = e.journey_id where j.person_id = p.id), '')`,
            sql`coalesce((select max(s.date) from attendance a join sessions s on s.id = a.session_id join participations pa on pa.id = a.participation_id where pa.person_id = p.id), '')`,
            sql`coalesce((select max(substr(d.created_at, 1, 10)) from documents d where d.person_id = p.id), '')`,
            sql`coalesce((select max(${greatestOf(db, [sql`o.identified_on`, sql`coalesce(o.resolved_on, '')`])}) from obstacles o where o.person_id = p.id), '')`,
            sql`coalesce((select max(oc.exited_on) from outcomes oc join journeys j on j.id = oc.journey_id where j.person_id = p.id), '')`,
            sql`coalesce((select max(ob.observed_on) from observations ob join participations pa on pa.id = ob.participation_id where pa.person_id = p.id), '')`,
          ])} as last_activity
        from persons p
        where p.anonymised_on is null
      ) as candidates
      where last_activity <= ${monthsBefore(today, 23)}
      order by last_activity, last_name`.execute(db)
  ).rows;
}

export async function extendRetention(db: WritableDb, personId: number, until: string, reason: string, now: string) {
  const done = await db
    .updateTable('persons')
    .set({ retentionUntil: until, retentionReason: reason, updatedAt: now })
    .where('id', '=', personId)
    .where('anonymisedOn', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function listRequests(db: Db) {
  return db
    .selectFrom('rightsRequests as r')
    .leftJoin('persons as p', 'p.id', 'r.personId')
    .select([
      'r.id',
      'r.personId',
      'r.kind',
      'r.receivedOn',
      'r.dueOn',
      'r.answeredOn',
      'r.notes',
      'p.firstNames',
      'p.lastName',
    ])
    .orderBy('r.answeredOn', 'asc')
    .orderBy('r.dueOn')
    .execute();
}

export async function requestsOpen(db: Db, today: string) {
  const row = await db
    .selectFrom('rightsRequests')
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('dueOn', '<', today).then(1).else(0).end()).as('late'),
    ])
    .where('answeredOn', 'is', null)
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), late: Number(row.late ?? 0) };
}

type RequestValues = Omit<Insertable<RightsRequestsTable>, 'id' | 'createdBy' | 'createdAt'>;

export async function insertRequest(db: WritableDb, values: RequestValues, userId: number | null, now: string) {
  await db
    .insertInto('rightsRequests')
    .values({ ...values, createdBy: userId, createdAt: now })
    .execute();
}

/** False when there is no such request. */
export async function updateRequest(db: WritableDb, id: number, values: RequestValues): Promise<boolean> {
  const done = await db.updateTable('rightsRequests').set(values).where('id', '=', id).executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}
