import { sql, type Kysely } from 'kysely';

/**
 * Whether the structure opens on Saturdays: a half-day may then be planned or
 * moved onto a Saturday (never a Sunday). Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('structure')
    .addColumn('open_saturday', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`open_saturday in (0, 1)`),
    )
    .execute();
}
