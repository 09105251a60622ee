import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { JournalFilter } from '../shared/contract/journal';
import { addDays } from '../shared/dates';
import { parisDayStart } from '../shared/paris-time';

type JournalQuery = SelectQueryBuilder<Database, 'journal', object>;

/**
 * The entries a filter keeps. A person's entries are those naming their
 * record or their social security number; days are days in France, both ends
 * included (entries are stored in UTC).
 */
export function filteredJournal(db: Kysely<Database>, filter: JournalFilter): JournalQuery {
  let query: JournalQuery = db.selectFrom('journal');
  if (filter.userId !== undefined) query = query.where('journal.userId', '=', filter.userId);
  if (filter.method !== undefined) query = query.where('journal.method', '=', filter.method);
  if (filter.from !== undefined) query = query.where('journal.at', '>=', parisDayStart(filter.from));
  if (filter.to !== undefined) query = query.where('journal.at', '<', parisDayStart(addDays(filter.to, 1)));
  if (filter.personId !== undefined) {
    const refs = [`person:${filter.personId}`, `nir:${filter.personId}`];
    query = query.where(sql<boolean>`exists (select 1 from json_each(journal.records) where json_each.value in (${sql.join(refs)}))`);
  }
  return query;
}
