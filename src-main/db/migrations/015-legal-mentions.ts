import { sql, type Kysely } from 'kysely';

/**
 * What the contracts and the mise à disposition must state and could not:
 * - employers: the collective agreement becomes a code chosen from a list
 *   (its IDCC, or "aucune"); the pension fund's and provident body's
 *   addresses (L1242-12, 8°); the hourly price of a mise à disposition (L5132-7).
 * - participations: the classification, the tasks, whether the post is on the
 *   list of posts with particular risks (L4154-2), the PASS IAE reference.
 *
 * A free-text agreement is kept only when it names an IDCC the employer's kind
 * may apply; one that named none becomes "aucune" (as it printed); any other
 * (e.g. an association intermédiaire set to the ACI agreement, IDCC 3016) is
 * left to choose again: documents ask for it. Frozen in time: the list below
 * is the one of this version.
 */
const ALLOWED: Record<string, readonly string[]> = {
  '3016': ['ccas', 'autre'],
  '3105': ['association_intermediaire', 'ccas', 'autre'],
  '2941': ['association_intermediaire', 'autre'],
  '1261': ['association_intermediaire', 'autre'],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('employers')
    .addColumn('pension_fund_address', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('employers')
    .addColumn('provident_body_address', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('employers')
    .addColumn('hourly_price_cents', 'integer', (c) => c.check(sql`hourly_price_cents > 0`))
    .execute();

  // Aliased: the connection may rename result columns to camelCase.
  const employers = await db
    .selectFrom('employers')
    .select(['id', 'kind', 'collective_agreement as agreement'])
    .execute();
  for (const e of employers as { id: number; kind: string; agreement: string | null }[]) {
    const text = (e.agreement ?? '').trim();
    const idcc = /\b(\d{4})\b/.exec(text)?.[1];
    const code = text === '' ? 'aucune' : idcc && ALLOWED[idcc]?.includes(e.kind) ? idcc : null;
    await db.updateTable('employers').set({ collective_agreement: code }).where('id', '=', e.id).execute();
  }

  await db.schema
    .alterTable('participations')
    .addColumn('classification', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('participations')
    .addColumn('tasks', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('participations')
    .addColumn('particular_risk', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`particular_risk in (0, 1)`),
    )
    .execute();
  await db.schema
    .alterTable('participations')
    .addColumn('pass_iae', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
