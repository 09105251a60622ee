import { sql, type Selectable } from 'kysely';
import type { EvaluationCriteriaTable } from '../schema';
import { participationInReach, type Reach } from '../reach';
import type { BilanInput, WorksiteBilanInput } from '../../shared/contract/bilans';
import type {
  CriterionInput,
  EvaluationInput,
  EvaluationLevel,
  HealthCheckInput,
  ObservationInput,
} from '../../shared/contract/evaluations';
import { fromFlag, fromOptionalFlag, toFlag } from '../flags';
import type { Activity } from '../../shared/contract/worksites';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

/** A participation the caller follows (reach), with who it concerns, for headers. */
export async function findFollowed(db: Db, participationId: number, reach: Reach) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .leftJoin('contacts as referent', 'referent.id', 'p.referentId')
    .select([
      'pa.id',
      'pa.personId',
      'pa.worksiteId',
      'pa.journeyId',
      'pa.startDate',
      'pa.weeklyMinutes',
      sql<string>`coalesce(pa.early_end_date, pa.end_date)`.as('end'),
      'p.firstNames',
      'p.lastName',
      'w.name as worksiteName',
      'w.activity',
      'w.supervisorId',
      'referent.userId as referentUserId',
    ])
    .where('pa.id', '=', participationId)
    .where(participationInReach(reach))
    .executeTakeFirst();
}

const criterion = (c: Selectable<EvaluationCriteriaTable>) => ({ ...c, archived: fromFlag(c.archived) });

export async function listCriteria(db: Db) {
  return (
    await db.selectFrom('evaluationCriteria').selectAll().orderBy('section').orderBy('position').orderBy('id').execute()
  ).map(criterion);
}

export async function insertCriterion(db: WritableDb, c: Required<CriterionInput>, now: string) {
  const last = await db
    .selectFrom('evaluationCriteria')
    .select(sql<number>`coalesce(max(position), -1)`.as('n'))
    .where('section', '=', c.section)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('evaluationCriteria')
    .values({ section: c.section, label: c.label, position: last.n + 1, archived: toFlag(c.archived), createdAt: now })
    .execute();
}

export async function findCriterion(db: Db, id: number) {
  const row = await db.selectFrom('evaluationCriteria').selectAll().where('id', '=', id).executeTakeFirst();
  return row && criterion(row);
}

export async function updateCriterion(db: WritableDb, id: number, c: Required<CriterionInput>) {
  await db
    .updateTable('evaluationCriteria')
    .set({ label: c.label, archived: toFlag(c.archived) })
    .where('id', '=', id)
    .execute();
}

/** Savoir-être and the activity's savoir-faire in use, plus archived lines this participation was already evaluated on. */
export async function criteriaFor(db: Db, activity: Activity, participationId: number) {
  const rows = await db
    .selectFrom('evaluationCriteria as c')
    .selectAll('c')
    .where('c.section', 'in', ['savoir_etre', activity])
    .where((eb) =>
      eb.or([
        eb('c.archived', '=', 0),
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('evaluationItems as i')
            .innerJoin('evaluations as e', 'e.id', 'i.evaluationId')
            .select('i.criterionId')
            .where('e.participationId', '=', participationId),
        ),
      ]),
    )
    .orderBy(sql`c.section <> 'savoir_etre'`)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
  return rows.map(criterion);
}

export async function evaluationsOf(db: Db, participationId: number) {
  const rows = await db
    .selectFrom('evaluations as e')
    .leftJoin('users as u', 'u.id', 'e.authorId')
    .select(['e.id', 'e.moment', 'e.evaluator', 'e.evaluatedOn', 'u.displayName as authorName'])
    .where('e.participationId', '=', participationId)
    // The order of the unique key (participation, moment, evaluator), which SQLite read them by.
    .orderBy('e.moment')
    .orderBy('e.evaluator')
    .execute();
  const items = rows.length
    ? await db
        .selectFrom('evaluationItems')
        .selectAll()
        .where(
          'evaluationId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('evaluationId')
        .orderBy('criterionId')
        .execute()
    : [];
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.evaluationId === r.id) }));
}

/** One evaluation per moment and evaluator: a second save replaces its lines. */
export async function saveEvaluation(
  db: WritableDb,
  participationId: number,
  e: Required<Omit<EvaluationInput, 'items'>> & {
    items: { criterionId: number; level: EvaluationLevel; comment: string }[];
  },
  authorId: number | null,
  now: string,
) {
  const existing = await db
    .selectFrom('evaluations')
    .select('id')
    .where('participationId', '=', participationId)
    .where('moment', '=', e.moment)
    .where('evaluator', '=', e.evaluator)
    .executeTakeFirst();
  let id: number;
  if (existing) {
    id = existing.id;
    await db
      .updateTable('evaluations')
      .set({ evaluatedOn: e.evaluatedOn, authorId, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('evaluationItems').where('evaluationId', '=', id).execute();
  } else {
    id = (
      await db
        .insertInto('evaluations')
        .values({
          participationId,
          moment: e.moment,
          evaluator: e.evaluator,
          evaluatedOn: e.evaluatedOn,
          authorId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await db
    .insertInto('evaluationItems')
    .values(e.items.map((i) => ({ evaluationId: id, ...i })))
    .execute();
  return id;
}

export async function observationsOf(db: Db, participationId: number, authorId: number | null) {
  let query = db
    .selectFrom('observations as o')
    .leftJoin('users as u', 'u.id', 'o.authorId')
    .select(['o.id', 'o.observedOn', 'o.kind', 'o.text', 'o.obstacleId', 'o.authorId', 'u.displayName as authorName'])
    .where('o.participationId', '=', participationId);
  if (authorId !== null) query = query.where('o.authorId', '=', authorId);
  return query.orderBy('o.observedOn', 'desc').orderBy('o.id', 'desc').execute();
}

export async function insertObservation(
  db: WritableDb,
  participationId: number,
  o: ObservationInput,
  authorId: number | null,
  now: string,
) {
  return (
    await db
      .insertInto('observations')
      .values({
        participationId,
        observedOn: o.observedOn,
        kind: o.kind,
        text: o.text,
        authorId,
        obstacleId: null,
        createdAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function findObservation(db: Db, id: number) {
  return db.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function linkObstacle(db: WritableDb, observationId: number, obstacleId: number) {
  await db.updateTable('observations').set({ obstacleId }).where('id', '=', observationId).execute();
}

export async function countIncidents(db: Db, worksiteId: number) {
  const row = await db
    .selectFrom('observations as o')
    .innerJoin('participations as pa', 'pa.id', 'o.participationId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pa.worksiteId', '=', worksiteId)
    .where('o.kind', '=', 'incident')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function healthChecksOf(db: Db, participationId: number) {
  const rows = await db
    .selectFrom('healthChecks')
    .selectAll()
    .where('participationId', '=', participationId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((c) => ({ ...c, paperReceived: fromFlag(c.paperReceived), inaptitude: fromFlag(c.inaptitude) }));
}

export async function saveHealthCheck(
  db: WritableDb,
  participationId: number,
  id: number | undefined,
  c: Required<HealthCheckInput>,
  now: string,
) {
  const values = {
    kind: c.kind,
    date: c.date,
    paperReceived: toFlag(c.paperReceived),
    restrictions: c.restrictions,
    inaptitude: toFlag(c.inaptitude),
    updatedAt: now,
  };
  if (id === undefined) {
    return (
      await db
        .insertInto('healthChecks')
        .values({ participationId, ...values, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const done = await db
    .updateTable('healthChecks')
    .set(values)
    .where('id', '=', id)
    .where('participationId', '=', participationId)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1 ? id : null;
}

export async function bilanOf(db: Db, participationId: number) {
  return db.selectFrom('bilans').selectAll().where('participationId', '=', participationId).executeTakeFirst();
}

export async function saveBilan(db: WritableDb, participationId: number, b: Required<BilanInput>, now: string) {
  const values = { ...b, updatedAt: now };
  await db
    .insertInto('bilans')
    .values({ participationId, ...values })
    .onConflict((oc) => oc.column('participationId').doUpdateSet(values))
    .execute();
}

export async function worksiteBilanOf(db: Db, worksiteId: number) {
  return db.selectFrom('worksiteBilans').selectAll().where('worksiteId', '=', worksiteId).executeTakeFirst();
}

export async function saveWorksiteBilan(
  db: WritableDb,
  worksiteId: number,
  b: Required<WorksiteBilanInput>,
  now: string,
) {
  const values = { ...b, updatedAt: now };
  await db
    .insertInto('worksiteBilans')
    .values({ worksiteId, ...values })
    .onConflict((oc) => oc.column('worksiteId').doUpdateSet(values))
    .execute();
}

/** The debriefs with the psychologist (annex times), with the caller's own note only. */
export async function debriefsFor(db: Db, authorId: number) {
  const rows = await db
    .selectFrom('annexTimes as a')
    .innerJoin('participations as pa', 'pa.id', 'a.participationId')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .leftJoin('psychologistNotes as n', (join) =>
      join.onRef('n.annexTimeId', '=', 'a.id').on('n.authorId', '=', authorId),
    )
    .select([
      'a.id as annexTimeId',
      'pa.personId',
      'a.date',
      'a.startMinutes',
      'a.endMinutes',
      'a.done',
      'p.firstNames',
      'p.lastName',
      'w.name as worksiteName',
      'n.note',
    ])
    .where('a.kind', '=', 'psychologue')
    .orderBy('a.date', 'desc')
    .orderBy('a.startMinutes')
    .execute();
  return rows.map((r) => ({ ...r, done: fromOptionalFlag(r.done) }));
}

export async function findDebrief(db: Db, annexTimeId: number) {
  return db
    .selectFrom('annexTimes')
    .select(['id', 'kind'])
    .where('id', '=', annexTimeId)
    .where('kind', '=', 'psychologue')
    .executeTakeFirst();
}

export async function saveNote(db: WritableDb, annexTimeId: number, authorId: number, note: string, now: string) {
  if (note === '') {
    await db
      .deleteFrom('psychologistNotes')
      .where('annexTimeId', '=', annexTimeId)
      .where('authorId', '=', authorId)
      .execute();
    return;
  }
  await db
    .insertInto('psychologistNotes')
    .values({ annexTimeId, authorId, note, updatedAt: now })
    .onConflict((oc) => oc.columns(['annexTimeId', 'authorId']).doUpdateSet({ note, updatedAt: now }))
    .execute();
}

/** Everyone who took part in a worksite, with the outcome recorded on their parcours, for the collective bilan. */
export async function worksiteParticipants(db: Db, worksiteId: number, reach: Reach) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .leftJoin('bilans as b', 'b.participationId', 'pa.id')
    .leftJoin('outcomes as o', (join) =>
      join
        .onRef('o.journeyId', '=', 'pa.journeyId')
        .on('o.id', '=', sql<number>`(select max(o2.id) from outcomes o2 where o2.journey_id = pa.journey_id)`),
    )
    .select([
      'pa.id',
      'pa.personId',
      'pa.startDate',
      'pa.weeklyMinutes',
      sql<string>`coalesce(pa.early_end_date, pa.end_date)`.as('end'),
      'p.firstNames',
      'p.lastName',
      'b.orientation',
      'o.category as outcomeCategory',
      'o.afterThreeMonths',
    ])
    .where('pa.worksiteId', '=', worksiteId)
    .where(participationInReach(reach))
    .orderBy('p.lastName')
    .orderBy('p.firstNames')
    .execute();
}

export async function obstaclesUntil(db: Db, personId: number, until: string) {
  return db
    .selectFrom('obstacles')
    .select(['kind', 'identifiedOn', 'resolvedOn'])
    .where('personId', '=', personId)
    .where('identifiedOn', '<=', until)
    .orderBy('identifiedOn')
    .execute();
}
