import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * Immersions (périodes de mise en situation en milieu professionnel,
 * L5135-1 and following): one row per convention, a renewal pointing at the
 * convention it renews; the weekly hours as JSON (weekday → start, end, pause
 * in minutes); the bilan on the same row once written; the registry numbers
 * of its convention and bilan, so a reprint is a new version of the same number. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('immersions')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('renewal_of', 'integer', (c) => c.references('immersions.id').unique())
    .addColumn('host_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('host_siret', 'text', (c) => c.notNull())
    .addColumn('host_activity', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('tutor_name', 'text', (c) => c.notNull())
    .addColumn('tutor_function', 'text', (c) => c.notNull())
    .addColumn('tutor_phone', 'text', (c) => c.notNull())
    .addColumn('tutor_email', 'text', (c) => c.notNull())
    .addColumn('objective', 'text', (c) => c.notNull().check(sql`objective in ('decouvrir', 'confirmer', 'recruter')`))
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('tasks', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('risks', 'text', (c) => c.notNull())
    .addColumn('equipment', 'text', (c) => c.notNull())
    .addColumn('prescriber_kind', 'text', (c) => c.notNull())
    .addColumn('prescriber_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('prescriber_contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('referent_name', 'text', (c) => c.notNull())
    .addColumn('referent_function', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('realisee', 'partielle', 'non_realisee')`))
    .addColumn('missed_minutes', 'integer')
    .addColumn('skills_observed', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('bilan_comment', 'text')
    .addColumn('bilan_on', 'text')
    .addColumn('convention_number', 'text')
    .addColumn('bilan_number', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('immersions_dates', sql`end_date >= start_date`)
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('immersions_person').on('immersions').columns(['person_id', 'start_date']).execute();
}
