import type { Kysely } from 'kysely';
import { strictTable } from '../engine';

/**
 * The keys and codes of the payroll hand-off: each employer's matricule of a
 * person, the codes ("rubriques") an employer's payroll software uses for each
 * pay item (the defaults stay in code, a row only when the employer changed
 * one), the "variables de paie" file kept with a hand-off, and the fingerprint
 * of its figures at validation (a later change makes it "à revalider").
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('employee_numbers')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('employers.id'))
    .addColumn('matricule', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('employee_numbers_pk', ['person_id', 'employer_id'])
    .addUniqueConstraint('employee_numbers_matricule', ['employer_id', 'matricule'])
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('pay_item_codes')
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('employers.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pay_item_codes_pk', ['employer_id', 'item'])
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema.alterTable('payroll_handoffs').addColumn('variables_file', 'text').execute();
  await db.schema.alterTable('payroll_handoffs').addColumn('variables_sha256', 'text').execute();
  await db.schema.alterTable('payroll_handoffs').addColumn('figures_sha256', 'text').execute();
}
