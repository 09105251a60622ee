import { sql, type Insertable } from 'kysely';
import type { DocumentsTable, AttachmentsTable } from '../schema';
import { foldForSearch } from '../../shared/text';
import { escapeLike } from './like';
import { DOCUMENT_OPTIONS, type DocumentOption, type DocumentKind } from '../../shared/contract/document-kinds';
import type { ReadableDb, WritableDb } from '../access';
import { jsonArrayOf, jsonFlag } from '../engine';

type Db = ReadableDb;

/** What a document is about: one participation, a worksite (and a week of it), or a person. */
export type DocumentSubject =
  { participationId: number } | { worksiteId: number; weekOf: string | null } | { personId: number };

/** The number a document already has and its next version, or the next number of its kind in the year ("CT-2026-0007"). */
export async function nextNumber(db: Db, kind: DocumentKind, prefix: string, year: string, subject: DocumentSubject) {
  let query = db
    .selectFrom('documents')
    .select(['number', (eb) => eb.fn.max('version').as('version')])
    .where('kind', '=', kind);
  if ('participationId' in subject) query = query.where('participationId', '=', subject.participationId);
  else if ('personId' in subject)
    query = query
      .where('personId', '=', subject.personId)
      .where('participationId', 'is', null)
      .where('worksiteId', 'is', null);
  else {
    query = query.where('worksiteId', '=', subject.worksiteId).where('participationId', 'is', null);
    query = subject.weekOf === null ? query.where('weekOf', 'is', null) : query.where('weekOf', '=', subject.weekOf);
  }
  const existing = await query.groupBy('number').executeTakeFirst();
  if (existing) return { number: existing.number, version: Number(existing.version) + 1 };
  return freshNumber(db, prefix, year);
}

/** The next version of a number already issued, or the next number of the kind in the year when there is none yet. */
export async function nextVersionOf(db: Db, number: string | null, prefix: string, year: string) {
  if (number !== null) {
    const existing = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('number', '=', number)
      .executeTakeFirst();
    if (existing?.version) return { number, version: Number(existing.version) + 1 };
  }
  return freshNumber(db, prefix, year);
}

async function freshNumber(db: Db, prefix: string, year: string) {
  const stem = `${prefix}-${year}-`;
  const last = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('number', 'like', `${stem}%`)
    .executeTakeFirst();
  const n = last?.number ? Number(last.number.slice(stem.length)) + 1 : 1;
  return { number: `${stem}${String(n).padStart(4, '0')}`, version: 1 };
}

/** Whether a number's version is in the registry already (another document took it since it was read). */
export async function numberIssued(db: Db, number: string, version: number): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('number', '=', number)
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDocument(db: WritableDb, values: Omit<Insertable<DocumentsTable>, 'id'>): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values({ ...values, titleFolded: foldForSearch(`${values.title} ${values.number}`) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAttachment(
  db: WritableDb,
  values: Omit<Insertable<AttachmentsTable>, 'id'>,
): Promise<number> {
  const row = await db.insertInto('attachments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const documentColumns = [
  'd.id',
  'd.kind',
  'd.number',
  'd.version',
  'd.title',
  'd.fileName',
  'd.personId',
  'd.worksiteId',
  'd.participationId',
  'd.weekOf',
  'd.sha256',
  'd.size',
  'd.storedFile',
  'd.createdAt',
  'u.displayName as authorName',
  'w.name as worksiteName',
] as const;

/**
 * The options a document was made with, as its snapshot records them (the
 * data's own `draft` and `named` flags), in the order of `DOCUMENT_OPTIONS`:
 * "[1,0]". Read in SQL so a listing does not carry whole snapshots.
 */
const optionsColumn = (db: Db) =>
  jsonArrayOf(
    db,
    DOCUMENT_OPTIONS.map((o) => jsonFlag(db, sql`d.snapshot`, o)),
  ).as('optionFlags');

/** `optionFlags` as the contract's `options`. */
export function optionsOfRow(optionFlags: string): Record<DocumentOption, boolean> {
  const flags = JSON.parse(optionFlags) as number[];
  return Object.fromEntries(DOCUMENT_OPTIONS.map((o, i) => [o, flags[i] === 1])) as Record<DocumentOption, boolean>;
}

function documentsQuery(db: Db) {
  return db
    .selectFrom('documents as d')
    .leftJoin('users as u', 'u.id', 'd.authorId')
    .leftJoin('worksites as w', 'w.id', 'd.worksiteId')
    .leftJoin('persons as p', 'p.id', 'd.personId')
    .select([
      ...documentColumns,
      sql<string | null>`p.first_names || ' ' || p.last_name`.as('personName'),
      optionsColumn(db),
    ]);
}

export async function listDocuments(db: Db, where: { personId?: number; worksiteId?: number }) {
  let query = documentsQuery(db);
  if (where.personId !== undefined) query = query.where('d.personId', '=', where.personId);
  if (where.worksiteId !== undefined) query = query.where('d.worksiteId', '=', where.worksiteId);
  return query.orderBy('d.id', 'desc').execute();
}

export async function findDocument(db: Db, id: number) {
  return documentsQuery(db).where('d.id', '=', id).executeTakeFirst();
}

function attachmentsQuery(db: Db) {
  return db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.authorId')
    .selectAll('a')
    .select('u.displayName as authorName');
}

export async function listAttachments(db: Db, where: { personId?: number; worksiteId?: number }) {
  let query = attachmentsQuery(db);
  if (where.personId !== undefined) {
    const personId = where.personId;
    // A person's scans, and those of their contracts.
    query = query.where((eb) =>
      eb.or([
        eb('a.personId', '=', personId),
        eb('a.participationId', 'in', eb.selectFrom('participations').select('id').where('personId', '=', personId)),
      ]),
    );
  }
  if (where.worksiteId !== undefined) {
    const worksiteId = where.worksiteId;
    query = query.where((eb) =>
      eb.or([
        eb('a.worksiteId', '=', worksiteId),
        eb(
          'a.participationId',
          'in',
          eb.selectFrom('participations').select('id').where('worksiteId', '=', worksiteId),
        ),
      ]),
    );
  }
  return query.orderBy('a.id', 'desc').execute();
}

export async function findAttachment(db: Db, id: number) {
  return attachmentsQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export async function documentsFolder(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('documentsFolder').where('id', '=', userId).executeTakeFirst();
  return row?.documentsFolder ?? null;
}

export async function rememberDocumentsFolder(db: WritableDb, userId: number, folder: string) {
  await db.updateTable('users').set({ documentsFolder: folder }).where('id', '=', userId).execute();
}

export async function personParticipations(db: Db, personId: number) {
  return db
    .selectFrom('participations as pa')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .select(['pa.id', 'w.name as worksiteName', 'w.kind as worksiteKind', 'pa.startDate'])
    .where('pa.personId', '=', personId)
    .orderBy('pa.startDate', 'desc')
    .execute();
}

export interface DocumentFilter {
  text: string;
  worksiteId: number | null;
  kind?: DocumentKind | null;
  from: string | null;
  to: string | null;
}

/** Documents by person (name, accents folded), worksite, type and date, newest first. */
export async function searchDocuments(db: Db, f: DocumentFilter, limit: number, offset: number) {
  let query = documentsQuery(db);
  if (f.text.trim() !== '')
    query = query.where(
      // The stored folds (migration 028), joined as `fr_fold` of the whole text would have folded it.
      sql<boolean>`(coalesce(p.name_folded || ' ', '') || d.title_folded) like ${`%${escapeLike(foldForSearch(f.text.trim()))}%`} escape '\\'`,
    );
  if (f.worksiteId !== null) query = query.where('d.worksiteId', '=', f.worksiteId);
  if (f.kind) query = query.where('d.kind', '=', f.kind);
  if (f.from) query = query.where('d.createdAt', '>=', f.from);
  if (f.to) query = query.where('d.createdAt', '<', `${f.to}T99`);
  const rows = await query.orderBy('d.id', 'desc').limit(limit).offset(offset).execute();
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function searchAttachments(db: Db, f: DocumentFilter, limit: number) {
  let query = db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.authorId')
    .leftJoin('persons as p', 'p.id', 'a.personId')
    .leftJoin('worksites as w', 'w.id', 'a.worksiteId')
    .selectAll('a')
    .select([
      'u.displayName as authorName',
      'w.name as worksiteName',
      sql<string | null>`p.first_names || ' ' || p.last_name`.as('personName'),
    ]);
  if (f.text.trim() !== '')
    query = query.where(
      sql<boolean>`fr_fold(coalesce(p.first_names || ' ' || p.last_name, '') || ' ' || a.label) like ${`%${escapeLike(foldForSearch(f.text.trim()))}%`} escape '\\'`,
    );
  if (f.worksiteId !== null) query = query.where('a.worksiteId', '=', f.worksiteId);
  if (f.from) query = query.where('a.createdAt', '>=', f.from);
  if (f.to) query = query.where('a.createdAt', '<', `${f.to}T99`);
  return query.orderBy('a.id', 'desc').limit(limit).execute();
}
