import type { Kysely } from 'kysely';

/** Documents of a worksite's week (the attendance sheet): which week. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('week_of', 'text').execute();
}
