import type { Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/** The document registry, attachments, and where each user saves copies. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  // Every generated PDF: what, about whom, by whom, the data it was made from, and its stored bytes.
  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    // "CT-2026-0007": per kind and year; versions of the same document share it.
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('worksite_id', 'integer', (c) => c.references('worksites.id'))
    .addColumn('participation_id', 'integer', (c) => c.references('participations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    // Name inside the data folder's documents directory.
    .addColumn('stored_file', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('documents_version', ['number', 'version'])
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('documents_person').on('documents').column('person_id').execute();
  await db.schema.createIndex('documents_worksite').on('documents').column('worksite_id').execute();

  // Scans kept with the records: the signed contract, the signed attendance sheet…
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('worksite_id', 'integer', (c) => c.references('worksites.id'))
    .addColumn('participation_id', 'integer', (c) => c.references('participations.id'))
    // Monday of the attendance week the scan belongs to, if any.
    .addColumn('week_of', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_file', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('attachments_person').on('attachments').column('person_id').execute();
  await db.schema.createIndex('attachments_worksite').on('attachments').column('worksite_id').execute();

  await db.schema.alterTable('users').addColumn('documents_folder', 'text').execute();
}
