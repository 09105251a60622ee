import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { ReadableDb } from '../access';

export async function findMapping(db: ReadableDb, signature: string): Promise<(string | null)[] | null> {
  const row = await db
    .selectFrom('importMappings')
    .select('mapping')
    .where('signature', '=', signature)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as (string | null)[]) : null;
}

export async function saveMapping(db: Kysely<Database>, signature: string, mapping: (string | null)[], now: string) {
  await db
    .insertInto('importMappings')
    .values({ signature, mapping: JSON.stringify(mapping), updatedAt: now })
    .onConflict((oc) => oc.column('signature').doUpdateSet({ mapping: JSON.stringify(mapping), updatedAt: now }))
    .execute();
}
