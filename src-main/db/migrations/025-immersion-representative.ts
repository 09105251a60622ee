import { type Kysely } from 'kysely';

/**
 * A minor's immersion: the convention is also signed by their legal
 * representative (Code civil, articles 388-1-1 and 408: a minor is
 * represented by those who hold parental authority, or their guardian), whose
 * name the convention prints. Empty for an adult. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('immersions')
    .addColumn('representative_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
