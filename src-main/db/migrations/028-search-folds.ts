import { sql, type Kysely } from 'kysely';
import { foldForSearch } from '../../shared/text';

/**
 * Search from anywhere without folding every row at each keystroke (issue
 * 28, item 6): the accent- and case-folded text it looks in, stored beside
 * what it folds and kept up to date by the repositories on every write.
 * Folding 600 worksite names, 5,000 people and 20,000 documents with
 * `fr_fold` (a regular expression per row on PostgreSQL, a JavaScript call
 * per row on SQLite) cost more than the search itself.
 * - `persons.name_folded`: first names and last name, as shown;
 * - `worksites.name_folded`, `employers.name_folded`: the name;
 * - `documents.title_folded`: the title then the number.
 * The values are `foldForSearch` (shared/text.ts), the very function the
 * repositories use. No index: a contains search (`like '%mar%'`) cannot use a
 * B-tree, and a trigram index (pg_trgm) would make the schema depend on an
 * extension the server may lack; a scan of these short columns is a few
 * milliseconds at this size (BENCHMARKS.md).
 * Frozen in time.
 */
const FOLDS = [
  { table: 'persons', column: 'name_folded', from: ['first_names', 'last_name'] },
  { table: 'worksites', column: 'name_folded', from: ['name'] },
  { table: 'employers', column: 'name_folded', from: ['name'] },
  { table: 'documents', column: 'title_folded', from: ['title', 'number'] },
] as const;

/** Rows per UPDATE of the backfill (two parameters each: well under both engines' limits). */
const BATCH = 400;

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, column, from } of FOLDS) {
    await db.schema
      .alterTable(table)
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    // Aliases of one word: the app's CamelCasePlugin leaves them as they are.
    const rows = (
      await sql<{ id: number; source: string | null }>`select id, ${sql.raw(from.join(" || ' ' || "))} as source
        from ${sql.table(table)} order by id`.execute(db)
    ).rows;
    for (let start = 0; start < rows.length; start += BATCH) {
      const values = rows
        .slice(start, start + BATCH)
        .map((row) => sql`(cast(${row.id} as integer), cast(${foldForSearch(row.source ?? '')} as text))`);
      // One statement per batch, on both engines (SQLite 3.33+ and PostgreSQL: UPDATE … FROM).
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = v.folded
        from (select column1 as id, column2 as folded from (values ${sql.join(values)})) as v
        where ${sql.ref(`${table}.id`)} = v.id`.execute(db);
    }
  }
}
