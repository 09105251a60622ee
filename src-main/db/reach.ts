/**
 * Which people, participations and worksites a caller reaches, as SQL
 * conditions: every query that returns people adds one of these, so an
 * out-of-scope record never leaves the database (CNIL délibération 2021-028:
 * access limited to the professionals who follow the person).
 * - `all`: everything;
 * - `ownCaseload` (travailleur social): the people whose référent is the
 *   caller's contact card, and their participations; every worksite;
 * - `ownWorksites` (encadrant): the worksites the caller supervises, their
 *   participations, and the people taking part in them — only through those
 *   worksites (never their hours or agenda elsewhere).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export interface Reach {
  kind: 'all' | 'ownCaseload' | 'ownWorksites';
  userId: number | null;
}

const EVERYTHING = sql<SqlBool>`1 = 1`;
const caseload = (reach: Reach) =>
  sql`(select c_reach.id from contacts c_reach where c_reach.user_id = ${reach.userId})`;
const supervised = (reach: Reach) =>
  sql`(select w_reach.id from worksites w_reach where w_reach.supervisor_id = ${reach.userId})`;

/** The person whose id is in `personId` (a column such as `p.id`) is reached. */
export function personInReach(reach: Reach, personId: string): RawBuilder<SqlBool> {
  const person = sql.ref(personId);
  if (reach.kind === 'ownCaseload') {
    return sql<SqlBool>`${person} in (select p_reach.id from persons p_reach where p_reach.referent_id in ${caseload(reach)})`;
  }
  if (reach.kind === 'ownWorksites') {
    return sql<SqlBool>`${person} in (select pa_reach.person_id from participations pa_reach where pa_reach.worksite_id in ${supervised(reach)})`;
  }
  return EVERYTHING;
}

/** The participation aliased `alias` (its person and its worksite) is reached. */
export function participationInReach(reach: Reach, alias = 'pa'): RawBuilder<SqlBool> {
  if (reach.kind === 'ownCaseload') return personInReach(reach, `${alias}.personId`);
  if (reach.kind === 'ownWorksites') return sql<SqlBool>`${sql.ref(`${alias}.worksiteId`)} in ${supervised(reach)}`;
  return EVERYTHING;
}

/** The worksite aliased `alias` is reached (a social worker sees every worksite, only her people on it). */
export function worksiteInReach(reach: Reach, alias = 'w'): RawBuilder<SqlBool> {
  if (reach.kind === 'ownWorksites') return sql<SqlBool>`${sql.ref(`${alias}.supervisorId`)} = ${reach.userId}`;
  return EVERYTHING;
}
