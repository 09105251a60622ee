/**
 * Everything held about one person, table by table as `db/personal-data.ts`
 * declares them, for the right of access (`app/person-export.ts`). Only
 * their own rows: each query starts from their id.
 */
import { withBooleans } from '../flags';
import { annexTimeRow } from './attendance';
import type { ReadableDb } from '../access';

type Db = ReadableDb;

const theirParticipations = (db: Db, personId: number) =>
  db.selectFrom('participations').select('id').where('personId', '=', personId);
const theirJourneys = (db: Db, personId: number) =>
  db.selectFrom('journeys').select('id').where('personId', '=', personId);

export async function exportedPerson(db: Db, personId: number) {
  return db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
}

/** Their contracts, with the worksite's name, first one first. */
export async function exportedParticipations(db: Db, personId: number) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .selectAll('pa')
    .select('w.name as worksiteName')
    .where('pa.personId', '=', personId)
    .orderBy('pa.startDate')
    .execute();
}

export async function exportedSituations(db: Db, personId: number) {
  const rows = await db
    .selectFrom('personSituations')
    .selectAll()
    .where('personId', '=', personId)
    .orderBy('observedOn')
    .execute();
  return rows.map((s) => withBooleans(s, 'drivingLicence', 'vehicle', 'publicTransport'));
}

export async function exportedJourneyEvents(db: Db, personId: number) {
  return db
    .selectFrom('journeyEvents')
    .selectAll()
    .where('journeyId', 'in', theirJourneys(db, personId))
    .orderBy('happenedOn')
    .execute();
}

export async function exportedOutcomes(db: Db, personId: number) {
  return db.selectFrom('outcomes').selectAll().where('journeyId', 'in', theirJourneys(db, personId)).execute();
}

export async function exportedObstacles(db: Db, personId: number) {
  return db.selectFrom('obstacles').selectAll().where('personId', '=', personId).orderBy('identifiedOn').execute();
}

export async function exportedAttendance(db: Db, personId: number) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('sessions as s', 's.id', 'a.sessionId')
    .select(['a.participationId', 'a.mark', 's.date', 's.startMinutes', 's.endMinutes', 'a.actualStart', 'a.actualEnd'])
    .where('a.participationId', 'in', theirParticipations(db, personId))
    .orderBy('s.date')
    .execute();
}

export async function exportedAnnexTimes(db: Db, personId: number) {
  return (
    await db
      .selectFrom('annexTimes')
      .selectAll()
      .where('participationId', 'in', theirParticipations(db, personId))
      .orderBy('date')
      .execute()
  ).map(annexTimeRow);
}

/** Each item of their evaluations, with its evaluation and the criterion's label. */
export async function exportedEvaluations(db: Db, personId: number) {
  return db
    .selectFrom('evaluationItems as i')
    .innerJoin('evaluations as e', 'e.id', 'i.evaluationId')
    .innerJoin('evaluationCriteria as c', 'c.id', 'i.criterionId')
    .select(['e.participationId', 'e.moment', 'e.evaluator', 'e.evaluatedOn', 'c.label', 'i.level', 'i.comment'])
    .where('e.participationId', 'in', theirParticipations(db, personId))
    .orderBy('e.evaluatedOn')
    .execute();
}

export async function exportedObservations(db: Db, personId: number) {
  return db
    .selectFrom('observations')
    .selectAll()
    .where('participationId', 'in', theirParticipations(db, personId))
    .orderBy('observedOn')
    .execute();
}

export async function exportedHealthChecks(db: Db, personId: number) {
  const rows = await db
    .selectFrom('healthChecks')
    .selectAll()
    .where('participationId', 'in', theirParticipations(db, personId))
    .orderBy('date')
    .execute();
  return rows.map((c) => withBooleans(c, 'paperReceived', 'inaptitude'));
}

export async function exportedBilans(db: Db, personId: number) {
  return db
    .selectFrom('bilans')
    .selectAll()
    .where('participationId', 'in', theirParticipations(db, personId))
    .execute();
}

export async function exportedPsychologistNotes(db: Db, personId: number) {
  return db
    .selectFrom('psychologistNotes as n')
    .innerJoin('annexTimes as a', 'a.id', 'n.annexTimeId')
    .select(['a.date', 'n.note'])
    .where('a.participationId', 'in', theirParticipations(db, personId))
    .orderBy('a.date')
    .execute();
}

/** Documents made for them, or for one of their contracts. */
export async function exportedDocuments(db: Db, personId: number) {
  return db
    .selectFrom('documents')
    .select(['number', 'version', 'title', 'createdAt'])
    .where((eb) =>
      eb.or([eb('personId', '=', personId), eb('participationId', 'in', theirParticipations(db, personId))]),
    )
    .orderBy('createdAt')
    .execute();
}

export async function exportedAttachments(db: Db, personId: number) {
  return db
    .selectFrom('attachments')
    .select(['label', 'originalName', 'createdAt'])
    .where((eb) =>
      eb.or([eb('personId', '=', personId), eb('participationId', 'in', theirParticipations(db, personId))]),
    )
    .execute();
}

export async function exportedRightsRequests(db: Db, personId: number) {
  return db.selectFrom('rightsRequests').selectAll().where('personId', '=', personId).orderBy('receivedOn').execute();
}
