/**
 * The queries behind search from anywhere. Each adds the caller's reach
 * (`db/reach.ts`) to its WHERE clause, so an out-of-scope record never leaves
 * the database, and asks one row more than shown to say « more ».
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { foldForSearch, nameSearchKey } from '../../shared/text';
import { escapeLike } from './like';
import { personInReach, worksiteInReach, type Reach } from '../reach';
import type { ReadableDb } from '../access';

type Db = ReadableDb;

const contains = (token: string) => `%${escapeLike(token)}%`;

/**
 * Every word typed must appear, in any order, in one of the stored folded
 * columns (migration 028: nothing is folded at search time): « ecluse
 * penfeld » finds « Écluse de Penfeld ». A word has no space, so it cannot
 * straddle two columns: looking in each is looking in the text they make.
 */
function everyWord(columns: RawBuilder<string>[], text: string) {
  return foldForSearch(text)
    .split(' ')
    .filter(Boolean)
    .map(
      (word) =>
        sql<SqlBool>`(${sql.join(
          columns.map((column) => sql`${column} like ${contains(word)} escape '\\'`),
          sql` or `,
        )})`,
    );
}

/** Every word typed is in the name (folded, hyphens as spaces), as on the people list. */
export async function findPeople(db: Db, text: string, reach: Reach, limit: number) {
  const tokens = nameSearchKey(text).split(' ').filter(Boolean);
  let query = db
    .selectFrom('persons as p')
    .select(['p.id', 'p.firstNames', 'p.lastName', 'p.birthDate', 'p.sex', 'p.town', 'p.archived'])
    .where('p.anonymisedOn', 'is', null)
    .where(() => personInReach(reach, 'p.id'));
  for (const token of tokens) query = query.where(sql<boolean>`p.search_key like ${contains(token)} escape '\\'`);
  return query
    .orderBy('p.archived')
    .orderBy('p.searchKey')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
}

/** Name or employer contains the folded text. */
export async function findWorksites(db: Db, text: string, reach: Reach, limit: number) {
  return db
    .selectFrom('worksites as w')
    .innerJoin('employers as e', 'e.id', 'w.employerId')
    .select(['w.id', 'w.name', 'w.kind', 'w.startDate', 'e.name as employerName'])
    .where((eb) => eb.and(everyWord([sql`w.name_folded`, sql`e.name_folded`], text)))
    .where(() => worksiteInReach(reach, 'w'))
    .orderBy('w.startDate', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Title, number or the person's name contains the folded text; a person's document only if the person is reached. */
export async function findDocuments(db: Db, text: string, reach: Reach, limit: number) {
  return db
    .selectFrom('documents as d')
    .leftJoin('persons as p', 'p.id', 'd.personId')
    .select(['d.id', 'd.title', 'd.number', 'd.createdAt', 'd.personId', 'd.worksiteId'])
    .where((eb) => eb.and(everyWord([sql`coalesce(p.name_folded, '')`, sql`d.title_folded`], text)))
    .where((eb) => eb.or([eb('d.personId', 'is', null), personInReach(reach, 'd.personId')]))
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
}
