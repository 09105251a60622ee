import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/** The contacts directory and the records of the people accompanied. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  // Nationality (France / UE / hors UE) is asked only where a funder requires it.
  await db.schema
    .alterTable('structure')
    .addColumn('collect_nationality', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    /** The Passerelle account of a social worker: defines their caseload. */
    .addColumn('user_id', 'integer', (c) => c.references('users.id').unique())
    /** Set when the person left the service: their caseload must be handed over. */
    .addColumn('left_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('contacts_organisation').on('contacts').column('organisation_id').execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('civility', 'text')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('birth_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('first_names', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('F', 'M')`))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('town', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('priority_area', 'text', (c) => c.notNull().defaultTo('inconnu'))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('emergency_contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('nationality_group', 'text')
    .addColumn('nir', 'text')
    .addColumn('prescriber_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('referent_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    /** Folded "last birth first" names, for accent-insensitive search (SQLite has no ICU). */
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('persons_search').on('persons').columns(['archived', 'search_key']).execute();
  await db.schema.createIndex('persons_referent').on('persons').column('referent_id').execute();
  await db.schema.createIndex('persons_birth').on('persons').column('birth_date').execute();

  /** The situation at entry, dated and kept as history: a new one never overwrites the last. */
  await db.schema
    .createTable('person_situations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('resources', 'text', (c) => c.notNull())
    .addColumn('rsa_months', 'integer')
    .addColumn('france_travail_since', 'text')
    .addColumn('education_level', 'text', (c) => c.notNull())
    .addColumn('rqth', 'text', (c) => c.notNull().defaultTo('inconnu'))
    .addColumn('housing', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('driving_licence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vehicle', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_transport', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createIndex('person_situations_person')
    .on('person_situations')
    .columns(['person_id', 'observed_on'])
    .execute();
  await upJourneys(db);
  await upImportMappings(db);
}

/** The parcours, its dated steps, the freins and the exits. */
async function upJourneys(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journeys')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('journeys_person').on('journeys').column('person_id').execute();

  await db.schema
    .createTable('journey_events')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('journey_id', 'integer', (c) => c.notNull().references('journeys.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('happened_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('journey_events_journey').on('journey_events').column('journey_id').execute();

  await db.schema
    .createTable('obstacles')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('identified_on', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('obstacles_person').on('obstacles').column('person_id').execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('journey_id', 'integer', (c) => c.notNull().unique().references('journeys.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('exited_on', 'text', (c) => c.notNull())
    .addColumn('after_three_months', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('after_six_months', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
}

/** The column mapping chosen for a spreadsheet, found again for the next file with the same columns. */
async function upImportMappings(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
}
