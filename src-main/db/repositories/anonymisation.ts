/**
 * What the anonymisation reads and writes (`app/anonymise.ts` orchestrates).
 * The plain scrubs — emptying free texts, deleting rows — run from the list
 * in `db/personal-data.ts`; the rewrites it describes are the named
 * functions below.
 */
import { sql } from 'kysely';
import { isOwnerColumn, PERSONAL_DATA, type OwnerColumn } from '../personal-data';
import { forIds } from './in-list';
import type { ReadableDb, WritableDb } from '../access';
import { nextVersion } from './record-versions';
import { foldForSearch } from '../../shared/text';

/** What a withdrawn document is called from then on. */
const WITHDRAWN_TITLE = 'Document retiré (anonymisation)';

type Db = ReadableDb;

export async function peopleToAnonymise(db: Db, ids: readonly number[]) {
  return forIds(ids, (ids) =>
    db
      .selectFrom('persons')
      .select(['id', 'firstNames', 'lastName', 'birthDate', 'anonymisedOn'])
      .where('id', 'in', ids)
      .execute(),
  );
}

export async function participationsOf(db: Db, personIds: readonly number[]) {
  return forIds(personIds, (ids) =>
    db
      .selectFrom('participations')
      .select(['id', 'personId', 'worksiteId', 'startDate'])
      .where('personId', 'in', ids)
      .execute(),
  );
}

const theirParticipations = (db: Db, personIds: readonly number[]) =>
  db.selectFrom('participations').select('id').where('personId', 'in', personIds);

/** Documents made for these people or one of their contracts. */
export async function ownDocumentsOf(db: Db, personIds: readonly number[]) {
  return forIds(personIds, (ids) =>
    db
      .selectFrom('documents')
      .select(['id', 'storedFile'])
      .where((eb) => eb.or([eb('personId', 'in', ids), eb('participationId', 'in', theirParticipations(db, ids))]))
      .execute(),
  );
}

/** Scans kept for these people or one of their contracts. */
export async function attachmentsOf(db: Db, personIds: readonly number[]) {
  return forIds(personIds, (ids) =>
    db
      .selectFrom('attachments')
      .select(['id', 'storedFile'])
      .where((eb) => eb.or([eb('personId', 'in', ids), eb('participationId', 'in', theirParticipations(db, ids))]))
      .execute(),
  );
}

/** Documents of a whole worksite (an attendance sheet, a planning, a bilan): they may name anyone on it. */
export async function worksiteDocumentsOf(db: Db, worksiteIds: readonly number[]) {
  return forIds(worksiteIds, (ids) =>
    db
      .selectFrom('documents')
      .selectAll()
      .where('worksiteId', 'in', ids)
      .where('participationId', 'is', null)
      .where('personId', 'is', null)
      .execute(),
  );
}

/** Every payroll hand-off: whom each names is in its content. */
export async function allHandoffs(db: Db) {
  return db.selectFrom('payrollHandoffs').selectAll().execute();
}

/** The rows each owner column points at for these people, as a subquery. */
function ownedBy(db: Db, column: OwnerColumn, personIds: readonly number[]) {
  const participations = theirParticipations(db, personIds);
  const queries = {
    personId: db.selectFrom('persons').select('id').where('id', 'in', personIds),
    participationId: participations,
    journeyId: db.selectFrom('journeys').select('id').where('personId', 'in', personIds),
    evaluationId: db.selectFrom('evaluations').select('id').where('participationId', 'in', participations),
    annexTimeId: db.selectFrom('annexTimes').select('id').where('participationId', 'in', participations),
  } satisfies Record<OwnerColumn, unknown>;
  return queries[column];
}

/** Empties the free texts and deletes the rows `db/personal-data.ts` declares so, for these people. */
export async function scrubDeclared(db: Db, personIds: readonly number[]) {
  for (const { table, key, scrub } of PERSONAL_DATA) {
    if (!isOwnerColumn(key)) continue;
    const owned = ownedBy(db, key, personIds);
    if ('blank' in scrub) {
      const emptied = sql.join(scrub.blank.map((column: string) => sql`${sql.ref(column)} = ''`));
      await forIds(personIds, async () => {
        await sql`update ${sql.table(table)} set ${emptied} where ${sql.ref(key)} in (${owned})`.execute(db);
      });
    } else if ('delete' in scrub) {
      await forIds(personIds, async () => {
        await sql`delete from ${sql.table(table)} where ${sql.ref(key)} in (${owned})`.execute(db);
      });
    }
  }
}

/** The person's row keeps what statistics count; identity, contact details, NIR and referent go. */
export async function rewriteIdentity(
  db: WritableDb,
  id: number,
  anonymous: { lastName: string; firstNames: string; birthDate: string; searchKey: string },
  at: { today: string; now: string },
) {
  await db
    .updateTable('persons')
    .set({
      ...nextVersion(null, at.now),
      civility: null,
      lastName: anonymous.lastName,
      birthName: '',
      firstNames: anonymous.firstNames,
      birthDate: anonymous.birthDate,
      address: '',
      postcode: '',
      town: '',
      phone: '',
      email: '',
      emergencyContact: '',
      nir: null,
      referentId: null,
      archived: 1,
      searchKey: anonymous.searchKey,
      nameFolded: foldForSearch(`${anonymous.firstNames} ${anonymous.lastName}`),
      anonymisedOn: at.today,
      retentionUntil: null,
      retentionReason: '',
      updatedAt: at.now,
    })
    .where('id', '=', id)
    .execute();
}

/** Free texts go; "known at 3/6 months" stays countable. */
export async function summariseOutcomes(db: WritableDb, personIds: readonly number[]) {
  await forIds(personIds, (ids) =>
    db
      .updateTable('outcomes')
      .set((eb) => ({
        detail: '',
        afterThreeMonths: eb.case().when('afterThreeMonths', '<>', '').then('connue').else('').end(),
        afterSixMonths: eb.case().when('afterSixMonths', '<>', '').then('connue').else('').end(),
      }))
      .where('journeyId', 'in', ownedBy(db, 'journeyId', ids))
      .execute(),
  );
}

export async function withdrawDocuments(db: WritableDb, documentIds: readonly number[]) {
  await forIds(documentIds, (ids) =>
    db
      .updateTable('documents')
      .set({
        title: WITHDRAWN_TITLE,
        // The number is the registry's own (ASCII): `lower` folds it as `foldForSearch` does.
        titleFolded: sql<string>`${foldForSearch(WITHDRAWN_TITLE)} || ' ' || lower(number)`,
        fileName: '',
        storedFile: '',
        sha256: '',
        size: 0,
        snapshot: '{}',
      })
      .where('id', 'in', ids)
      .execute(),
  );
}

export async function deleteAttachments(db: WritableDb, attachmentIds: readonly number[]) {
  await forIds(attachmentIds, (ids) => db.deleteFrom('attachments').where('id', 'in', ids).execute());
}

/** A worksite document printed again without the names. */
export async function replaceDocumentFile(
  db: WritableDb,
  id: number,
  file: { storedFile: string; sha256: string; size: number; snapshot: string },
) {
  await db.updateTable('documents').set(file).where('id', '=', id).execute();
}

/** A payroll hand-off made again without the names. */
export async function replaceHandoff(
  db: WritableDb,
  id: number,
  values: {
    content: string;
    xlsxFile: string;
    xlsxSha256: string;
    csvFile: string;
    csvSha256: string;
    pdfFile: string;
    pdfSha256: string;
    variablesFile: string | null;
    variablesSha256: string | null;
  },
) {
  await db.updateTable('payrollHandoffs').set(values).where('id', '=', id).execute();
}
