import { sql, type Kysely } from 'kysely';

/**
 * An account whose password an administrator typed (created or reset for
 * someone else) must choose its own before doing anything else: otherwise the
 * administrator could sign in as that person and be journaled under their
 * name. Accounts that existed before keep working as they are. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`must_change_password in (0, 1)`),
    )
    .execute();
}
