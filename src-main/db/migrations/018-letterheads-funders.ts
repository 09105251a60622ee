import type { Kysely } from 'kysely';
import { strictTable } from '../engine';

/**
 * Letterheads and funders on the documents: an employer's own logo (its
 * contracts and certificates carry its letterhead, not the CCAS's); what a
 * funder prints on the documents of the worksites it co-funds (its emblem and
 * its "mention de financement", e.g. the FSE+ co-funding sentence) — the
 * funder stays an organisation of the directory, of kind « financeur », already
 * linked to worksites by `worksite_funders`; and a worksite's operation
 * reference (the funder's file number, asked for at an audit). Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('employers').addColumn('logo_file', 'text').execute();

  await db.schema
    .createTable('funders')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('logo_file', 'text')
    .addColumn('funding_mention', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .alterTable('worksites')
    .addColumn('operation_reference', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
