import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * The structure's calendar settings that count paid hours, dated
 * (domain/calendar-settings.ts): which public holidays apply, whether Whit
 * Monday is worked, whether half-days cancelled for force majeure are paid.
 * One row per date a change applies from (`effective_from`; null: from the
 * beginning), with the settings it sets (null: unchanged from the values
 * before). The structure's three columns become the row from the beginning
 * and leave the `structure` table: the history is the one source. Nothing
 * about a person. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_settings')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('effective_from', 'text', (c) => c.unique())
    .addColumn('holiday_region', 'text')
    .addColumn('whit_monday_worked', 'integer', (c) => c.check(sql`whit_monday_worked in (0, 1)`))
    .addColumn('force_majeure_paid', 'integer', (c) => c.check(sql`force_majeure_paid in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await sql`insert into calendar_settings (effective_from, holiday_region, whit_monday_worked, force_majeure_paid, created_at)
    select null, holiday_region, whit_monday_worked, force_majeure_paid, updated_at from structure`.execute(db);
  for (const column of ['holiday_region', 'whit_monday_worked', 'force_majeure_paid'])
    await db.schema.alterTable('structure').dropColumn(column).execute();
}
