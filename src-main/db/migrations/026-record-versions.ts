import type { Kysely } from 'kysely';

/**
 * Record versions, so that two people editing the same record never overwrite
 * each other (issue 29, item 3). Each record a form edits (person, worksite,
 * contract, the structure's identity, employer) gets:
 * - `version`: an integer moved by one at every write of the record. The
 *   token a form sends back with its save. Not `updated_at`: the clock of the
 *   PC may go back (time change by hand, a restored session on another PC) and
 *   two writes may share the same millisecond, so a timestamp is not strictly
 *   increasing; an integer moved inside the writing transaction is.
 * - `changed_by` / `changed_at`: who made that version and when, for the
 *   message shown to whoever held an older one (« modifiée par Marie Durand le
 *   02/12/2026 à 10 h 31 »). Stored on the row rather than searched in the
 *   journal, whose entries name records but are not indexed by them.
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['persons', 'worksites', 'participations', 'structure', 'employers']) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('changed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .execute();
    await db.schema.alterTable(table).addColumn('changed_at', 'text').execute();
  }
}
