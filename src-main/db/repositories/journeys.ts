import type { Journey, Obstacle, ObstacleInput, OutcomeInput } from '../../shared/contract/people';
import type { JourneyStatus } from '../../shared/contract/journey-lists';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

export async function listJourneys(db: Db, personId: number): Promise<Omit<Journey, 'next'>[]> {
  const journeys = await db
    .selectFrom('journeys')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('openedOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (journeys.length === 0) return [];
  const ids = journeys.map((j) => j.id);
  const events = await db
    .selectFrom('journeyEvents')
    .selectAll()
    .where('journeyId', 'in', ids)
    .orderBy('happenedOn')
    .orderBy('id')
    .execute();
  const outcomes = await db.selectFrom('outcomes').selectAll().where('journeyId', 'in', ids).execute();
  return journeys.map((j) => {
    const outcome = outcomes.find((o) => o.journeyId === j.id);
    return {
      id: j.id,
      status: j.status,
      openedOn: j.openedOn,
      events: events
        .filter((e) => e.journeyId === j.id)
        .map((e) => ({ status: e.status, happenedOn: e.happenedOn, reason: e.reason })),
      outcome: outcome
        ? {
            category: outcome.category,
            detail: outcome.detail,
            exitedOn: outcome.exitedOn,
            afterThreeMonths: outcome.afterThreeMonths,
            afterSixMonths: outcome.afterSixMonths,
          }
        : null,
    };
  });
}

export async function findJourney(db: Db, id: number) {
  return db.selectFrom('journeys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function openJourneyOf(db: Db, personId: number) {
  return db
    .selectFrom('journeys')
    .selectAll()
    .where('personId', '=', personId)
    .where('status', 'not in', ['refusee', 'sortie'])
    .executeTakeFirst();
}

export async function insertJourney(
  db: WritableDb,
  personId: number,
  openedOn: string,
  now: string,
  userId: number | null,
): Promise<number> {
  const row = await db
    .insertInto('journeys')
    .values({ personId, status: 'orientee', openedOn, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvent(db, row.id, 'orientee', openedOn, '', now, userId);
  return row.id;
}

/** Every step is kept as a dated event; the journey row carries the current step for fast lists. */
export async function insertEvent(
  db: WritableDb,
  journeyId: number,
  status: JourneyStatus,
  happenedOn: string,
  reason: string,
  now: string,
  userId: number | null,
) {
  await db
    .insertInto('journeyEvents')
    .values({ journeyId, status, happenedOn, reason, createdAt: now, createdBy: userId })
    .execute();
  await db.updateTable('journeys').set({ status }).where('id', '=', journeyId).execute();
}

export async function saveOutcome(db: WritableDb, journeyId: number, outcome: OutcomeInput, now: string) {
  const values = {
    category: outcome.category,
    detail: outcome.detail ?? '',
    exitedOn: outcome.exitedOn,
    afterThreeMonths: outcome.afterThreeMonths ?? '',
    afterSixMonths: outcome.afterSixMonths ?? '',
    updatedAt: now,
  };
  const existing = await db.selectFrom('outcomes').select('id').where('journeyId', '=', journeyId).executeTakeFirst();
  if (existing) await db.updateTable('outcomes').set(values).where('id', '=', existing.id).execute();
  else
    await db
      .insertInto('outcomes')
      .values({ ...values, journeyId, createdAt: now })
      .execute();
}

export async function listObstacles(db: Db, personId: number): Promise<Obstacle[]> {
  const rows = await db
    .selectFrom('obstacles')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('identifiedOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    identifiedOn: r.identifiedOn,
    actions: r.actions,
    resolvedOn: r.resolvedOn,
  }));
}

export async function findObstacle(db: Db, id: number) {
  return db.selectFrom('obstacles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertObstacle(db: WritableDb, personId: number, o: ObstacleInput, now: string): Promise<number> {
  const row = await db
    .insertInto('obstacles')
    .values({
      personId,
      kind: o.kind,
      identifiedOn: o.identifiedOn,
      actions: o.actions ?? '',
      resolvedOn: o.resolvedOn,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateObstacle(db: WritableDb, id: number, o: ObstacleInput, now: string) {
  await db
    .updateTable('obstacles')
    .set({
      kind: o.kind,
      identifiedOn: o.identifiedOn,
      actions: o.actions ?? '',
      resolvedOn: o.resolvedOn,
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
}
