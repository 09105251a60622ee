/**
 * IAE eligibility: the criteria checked on a person with their proofs, the
 * PASS IAE and its prolongations, and the PASS ending soon for the dashboard.
 * Every query here; the handler only orchestrates.
 */
import type { Insertable } from 'kysely';
import type { ReadableDb, WritableDb } from '../access';
import type { AttachmentsTable } from '../schema';
import type { IaeCriterionCode, ProlongationReason } from '../../shared/iae-criteria';
import { personInReach, type Reach } from '../reach';

type Db = ReadableDb;

/** The person within the caller's reach: their birth date (age criteria) and name. */
export async function personInScope(db: Db, personId: number, reach: Reach) {
  return db
    .selectFrom('persons as p')
    .select(['p.id', 'p.birthDate', 'p.firstNames', 'p.lastName'])
    .where('p.id', '=', personId)
    .where(personInReach(reach, 'p.id'))
    .executeTakeFirst();
}

export async function listCriteria(db: Db, personId: number) {
  return db
    .selectFrom('iaeCriteria as c')
    .leftJoin('users as u', 'u.id', 'c.authorId')
    .leftJoin('attachments as a', 'a.id', 'c.attachmentId')
    .select([
      'c.code',
      'c.proofType',
      'c.proofDate',
      'c.validUntil',
      'c.attachmentId',
      'a.originalName as attachmentName',
      'u.displayName as authorName',
      'c.updatedAt',
    ])
    .where('c.personId', '=', personId)
    .orderBy('c.id')
    .execute();
}

export async function findCriterion(db: Db, personId: number, code: IaeCriterionCode) {
  return db
    .selectFrom('iaeCriteria')
    .selectAll()
    .where('personId', '=', personId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function upsertCriterion(
  db: WritableDb,
  values: {
    personId: number;
    code: IaeCriterionCode;
    proofType: string;
    proofDate: string;
    validUntil: string | null;
    attachmentId: number | null;
    authorId: number | null;
    now: string;
  },
) {
  const { now, ...row } = values;
  await db
    .insertInto('iaeCriteria')
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['personId', 'code']).doUpdateSet({
        proofType: row.proofType,
        proofDate: row.proofDate,
        validUntil: row.validUntil,
        attachmentId: row.attachmentId,
        authorId: row.authorId,
        updatedAt: now,
      }),
    )
    .execute();
}

/** The scan kept with a criterion checked on the person, if any. */
export async function findProofAttachment(db: Db, personId: number, code: IaeCriterionCode) {
  return db
    .selectFrom('iaeCriteria as c')
    .innerJoin('attachments as a', 'a.id', 'c.attachmentId')
    .select(['a.id', 'a.storedFile', 'a.sha256', 'a.mediaType', 'a.originalName'])
    .where('c.personId', '=', personId)
    .where('c.code', '=', code)
    .executeTakeFirst();
}

export async function deleteCriterion(db: WritableDb, personId: number, code: IaeCriterionCode) {
  const result = await db
    .deleteFrom('iaeCriteria')
    .where('personId', '=', personId)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A proof's scan, kept with the person like any other scan. */
export async function insertProofAttachment(db: WritableDb, values: Omit<Insertable<AttachmentsTable>, 'id'>) {
  const row = await db.insertInto('attachments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findPass(db: Db, personId: number) {
  return db.selectFrom('passIae').selectAll().where('personId', '=', personId).executeTakeFirst();
}

export async function listProlongations(db: Db, passId: number) {
  return db
    .selectFrom('passIaeProlongations')
    .select(['id', 'reason', 'startDate', 'endDate', 'decidedOn', 'decidedBy'])
    .where('passId', '=', passId)
    .orderBy('endDate')
    .execute();
}

export async function savePass(
  db: WritableDb,
  values: { personId: number; number: string; startDate: string; endDate: string; authorId: number | null },
  now: string,
) {
  await db
    .insertInto('passIae')
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflict((oc) =>
      oc.column('personId').doUpdateSet({
        number: values.number,
        startDate: values.startDate,
        endDate: values.endDate,
        authorId: values.authorId,
        updatedAt: now,
      }),
    )
    .execute();
}

export async function insertProlongation(
  db: WritableDb,
  values: {
    passId: number;
    personId: number;
    reason: ProlongationReason;
    startDate: string;
    endDate: string;
    decidedOn: string;
    decidedBy: string;
    authorId: number | null;
  },
  now: string,
) {
  const row = await db
    .insertInto('passIaeProlongations')
    .values({ ...values, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The PASS IAE of people in reach whose end (prolongations counted) falls
 * between `from` and `to`, both included, soonest first.
 */
export async function passesEndingBetween(db: Db, from: string, to: string, reach: Reach) {
  const rows = await db
    .selectFrom('passIae as pi')
    .innerJoin('persons as p', 'p.id', 'pi.personId')
    .leftJoin('passIaeProlongations as pr', 'pr.passId', 'pi.id')
    .select(({ fn }) => [
      'pi.personId',
      'pi.number',
      'p.firstNames',
      'p.lastName',
      'pi.endDate',
      fn.max('pr.endDate').as('prolongedTo'),
    ])
    .where('p.archived', '=', 0)
    .where(personInReach(reach, 'p.id'))
    // Grouped by both keys: PostgreSQL allows the other columns of the tables whose primary key is grouped, no more.
    .groupBy(['pi.id', 'p.id'])
    .orderBy('pi.id')
    .execute();
  return rows
    .map((r) => ({ ...r, end: r.prolongedTo !== null && r.prolongedTo > r.endDate ? r.prolongedTo : r.endDate }))
    .filter((r) => r.end >= from && r.end <= to)
    .sort((a, b) => a.end.localeCompare(b.end));
}
