/**
 * FSE+ participant data: the operations (a funder, a period, worksites) and,
 * per participant of an operation, the entry, exit and six-month answers.
 * Every query here; the handlers and the read model only orchestrate.
 */
import type { FseEntryInput, FseExitInput, FseSixMonthsInput } from '../../shared/contract/fse-plus';
import type { SensitiveAnswer } from '../../domain/fse-plus-participant';
import type { ReadableDb, WritableDb } from '../access';
import { toFlag } from '../flags';
import { personInReach, type Reach } from '../reach';

type Db = ReadableDb;

export async function listOperations(db: Db) {
  const operations = await db
    .selectFrom('fseOperations as o')
    .innerJoin('organisations as f', 'f.id', 'o.funderId')
    .select(['o.id', 'o.name', 'o.funderId', 'f.name as funderName', 'o.startDate', 'o.endDate'])
    .select((eb) =>
      eb
        .selectFrom('fseParticipants as fp')
        .whereRef('fp.operationId', '=', 'o.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('participantCount'),
    )
    .orderBy('o.startDate', 'desc')
    .orderBy('o.name')
    .execute();
  const worksites = await db
    .selectFrom('fseOperationWorksites as ow')
    .innerJoin('worksites as w', 'w.id', 'ow.worksiteId')
    .select(['ow.operationId', 'w.id', 'w.name'])
    .orderBy('w.name')
    .execute();
  return operations.map((o) => ({
    ...o,
    participantCount: Number(o.participantCount ?? 0),
    worksites: worksites.filter((w) => w.operationId === o.id).map((w) => ({ id: w.id, name: w.name })),
  }));
}

export async function findOperation(db: Db, id: number) {
  return (await listOperations(db)).find((o) => o.id === id) ?? null;
}

export async function existingWorksiteIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  return (
    await db
      .selectFrom('worksites')
      .select('id')
      .where('id', 'in', [...ids])
      .execute()
  ).map((r) => r.id);
}

interface OperationValues {
  name: string;
  funderId: number;
  startDate: string;
  endDate: string;
  worksiteIds: readonly number[];
}

export async function saveOperation(db: WritableDb, id: number | undefined, values: OperationValues, now: string) {
  const row = { name: values.name, funderId: values.funderId, startDate: values.startDate, endDate: values.endDate };
  let operationId = id;
  if (operationId === undefined) {
    operationId = (
      await db
        .insertInto('fseOperations')
        .values({ ...row, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  } else {
    await db
      .updateTable('fseOperations')
      .set({ ...row, updatedAt: now })
      .where('id', '=', operationId)
      .execute();
    await db.deleteFrom('fseOperationWorksites').where('operationId', '=', operationId).execute();
  }
  for (const worksiteId of new Set(values.worksiteIds)) {
    await db.insertInto('fseOperationWorksites').values({ operationId, worksiteId }).execute();
  }
  return operationId;
}

/** The person, if reached, with what the suggestions read (their latest situation on or before `on`). */
export async function personForFse(db: Db, personId: number, reach: Reach, on: string) {
  const person = await db
    .selectFrom('persons as p')
    .select(['p.id', 'p.birthDate', 'p.sex', 'p.nationalityGroup'])
    .where('p.id', '=', personId)
    .where(personInReach(reach, 'p.id'))
    .executeTakeFirst();
  if (!person) return null;
  const situation = await db
    .selectFrom('personSituations')
    .select(['resources', 'franceTravailSince', 'educationLevel', 'rqth'])
    .where('personId', '=', personId)
    .where('observedOn', '<=', on)
    .orderBy('observedOn', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { ...person, situation: situation ?? null };
}

function participantsQuery(db: Db) {
  return db
    .selectFrom('fseParticipants as fp')
    .innerJoin('fseOperations as o', 'o.id', 'fp.operationId')
    .innerJoin('organisations as f', 'f.id', 'o.funderId')
    .leftJoin('users as ue', 'ue.id', 'fp.entryRecordedBy')
    .leftJoin('users as ux', 'ux.id', 'fp.exitRecordedBy')
    .leftJoin('users as us', 'us.id', 'fp.sixMonthsRecordedBy')
    .selectAll('fp')
    .select([
      'o.name as operationName',
      'f.name as funderName',
      'ue.displayName as entryRecordedByName',
      'ux.displayName as exitRecordedByName',
      'us.displayName as sixMonthsRecordedByName',
    ]);
}
export type FseParticipantRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof participantsQuery>['executeTakeFirst']>>
>;

export async function participantsOfPerson(db: Db, personId: number): Promise<FseParticipantRow[]> {
  return participantsQuery(db).where('fp.personId', '=', personId).orderBy('fp.enteredOn', 'desc').execute();
}

export async function findParticipant(db: Db, operationId: number, personId: number) {
  return (
    (await participantsQuery(db)
      .where('fp.operationId', '=', operationId)
      .where('fp.personId', '=', personId)
      .executeTakeFirst()) ?? null
  );
}

/** The sensitive answers to write: all four, or none (kept as they are) when the caller does not see them. */
export type SensitiveValues = Record<
  'disability' | 'thirdCountryNational' | 'foreignBackground' | 'minority',
  SensitiveAnswer | null
>;

export async function saveEntry(
  db: WritableDb,
  key: { operationId: number; personId: number },
  entry: Omit<FseEntryInput, 'disability' | 'thirdCountryNational' | 'foreignBackground' | 'minority'>,
  ageAtEntry: number,
  sensitive: SensitiveValues | null,
  recorded: { at: string; by: number | null },
) {
  const values = {
    enteredOn: entry.enteredOn,
    labourStatus: entry.labourStatus,
    ageAtEntry,
    educationLevel: entry.educationLevel,
    homeless: toFlag(entry.homelessOrHousingExclusion),
    ruralArea: toFlag(entry.ruralArea),
    entryRecordedAt: recorded.at,
    entryRecordedBy: recorded.by,
    ...(sensitive ?? {}),
  };
  const existing = await db
    .selectFrom('fseParticipants')
    .select('id')
    .where('operationId', '=', key.operationId)
    .where('personId', '=', key.personId)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('fseParticipants').set(values).where('id', '=', existing.id).execute();
  } else {
    await db
      .insertInto('fseParticipants')
      .values({
        ...key,
        disability: null,
        thirdCountryNational: null,
        foreignBackground: null,
        minority: null,
        ...values,
      })
      .execute();
  }
}

export async function saveExit(
  db: WritableDb,
  id: number,
  exit: FseExitInput,
  recorded: { at: string; by: number | null },
) {
  await db
    .updateTable('fseParticipants')
    .set({
      leftOn: exit.leftOn,
      seekingWork: toFlag(exit.seekingWork),
      inEducationOrTraining: toFlag(exit.inEducationOrTraining),
      gainedQualification: toFlag(exit.gainedQualification),
      inEmploymentAtExit: toFlag(exit.inEmployment),
      exitRecordedAt: recorded.at,
      exitRecordedBy: recorded.by,
    })
    .where('id', '=', id)
    .execute();
}

export async function saveSixMonths(
  db: WritableDb,
  id: number,
  sixMonths: FseSixMonthsInput,
  recorded: { at: string; by: number | null },
) {
  await db
    .updateTable('fseParticipants')
    .set({
      observedOn: sixMonths.observedOn,
      inEmploymentAtSixMonths: toFlag(sixMonths.inEmployment),
      improvedSituation: toFlag(sixMonths.improvedSituation),
      sixMonthsRecordedAt: recorded.at,
      sixMonthsRecordedBy: recorded.by,
    })
    .where('id', '=', id)
    .execute();
}

/** Participants who left on or before `leftBy` and whose six-month situation is not recorded, within reach. */
export async function sixMonthsPending(db: Db, reach: Reach, leftBy: string) {
  return db
    .selectFrom('fseParticipants as fp')
    .innerJoin('fseOperations as o', 'o.id', 'fp.operationId')
    .innerJoin('persons as p', 'p.id', 'fp.personId')
    .select(['fp.personId', 'p.firstNames', 'p.lastName', 'fp.operationId', 'o.name as operationName', 'fp.leftOn'])
    .where('fp.leftOn', 'is not', null)
    .where('fp.leftOn', '<=', leftBy)
    .where('fp.observedOn', 'is', null)
    .where('p.anonymisedOn', 'is', null)
    .where(personInReach(reach, 'fp.personId'))
    .orderBy('fp.leftOn')
    .orderBy('p.lastName')
    .execute();
}

/** The participants of an operation present at some point of the period (entered by its end, not left before its start). */
export async function participantsOfOperation(db: Db, operationId: number, period: { from: string; to: string }) {
  return db
    .selectFrom('fseParticipants as fp')
    .innerJoin('persons as p', 'p.id', 'fp.personId')
    .selectAll('fp')
    .select('p.sex')
    .where('fp.operationId', '=', operationId)
    .where('fp.enteredOn', '<=', period.to)
    .where((eb) => eb.or([eb('fp.leftOn', 'is', null), eb('fp.leftOn', '>=', period.from)]))
    .orderBy('fp.enteredOn')
    .orderBy('fp.personId')
    .execute();
}

/** Anonymisation: the sensitive answers (GDPR art. 9) go; the rest stays, counted in the operation's figures. */
export async function scrubFseSensitive(db: WritableDb, personIds: number[]) {
  if (personIds.length === 0) return;
  await db
    .updateTable('fseParticipants')
    .set({ disability: null, thirdCountryNational: null, foreignBackground: null, minority: null })
    .where('personId', 'in', personIds)
    .execute();
}
