import type { Kysely } from 'kysely';

/**
 * A régularisation is a pay line of a transmitted month that changed: its pay
 * item (normal hours, heures complémentaires +10 % / +25 %, annex time…), its
 * signed quantity and minutes, the rate in force on the original days and the
 * days it covers (domain/regularisation-lines.ts). Rows made before keep these
 * columns empty: they were paid minutes at the normal rate of their day, and
 * are read so. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('regularisations').addColumn('item', 'text').execute();
  await db.schema.alterTable('regularisations').addColumn('minutes', 'integer').execute();
  await db.schema.alterTable('regularisations').addColumn('centi_hours', 'integer').execute();
  await db.schema.alterTable('regularisations').addColumn('rate_centi_cents', 'integer').execute();
  await db.schema.alterTable('regularisations').addColumn('date_to', 'text').execute();
}
