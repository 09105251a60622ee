/**
 * Every statistic as SQL aggregations over the period's parcours, never a
 * loop over rows in JavaScript. The counting rules are those of
 * `domain/statistics.ts` (a test compares the two on a generated dataset).
 */
import { sql, type RawBuilder } from 'kysely';
import type { ACTIVITIES, WORKSITE_KINDS } from '../../shared/contract/worksites';
import type { ReadableDb } from '../access';
import { amongIds, asFlag, greatestOf, integerParam, leastOf, textParam } from '../engine';

type Db = ReadableDb;

export interface Filter {
  from: string;
  to: string;
  kind: (typeof WORKSITE_KINDS)[number] | null;
  funderId: number | null;
  activity: (typeof ACTIVITIES)[number] | null;
}

/** Every funder a filter may name, archived ones included (past periods name them), by name. */
export async function funderChoices(db: Db) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'financeur')
    .orderBy('name')
    .execute();
}

/**
 * `sites`: the worksites the filters keep. `parts`: their participations
 * overlapping the period (end = early end when there is one). `counted`: each
 * person once, entered on the start of their first parcours in the period.
 * `at_entry`: the situation they were in then: the latest recorded on or
 * before that day, else the first one after (the last entered of a day).
 * `facts`: what is known of them at entry (age, that situation).
 */
function scope(db: Db, f: Filter): RawBuilder<unknown> {
  return sql`
    sites as materialized (
      select w.id from worksites w
      where (${textParam(f.kind)} is null or w.kind = ${f.kind})
        and (${textParam(f.activity)} is null or w.activity = ${f.activity})
        and (${integerParam(f.funderId)} is null or exists (select 1 from worksite_funders wf where wf.worksite_id = w.id and wf.organisation_id = ${f.funderId}))
    ),
    parts as materialized (
      select pa.id, pa.person_id, pa.worksite_id, pa.journey_id, pa.start_date, coalesce(pa.early_end_date, pa.end_date) as end_date
      from participations pa
      where pa.worksite_id in (select id from sites) and pa.start_date <= ${f.to} and coalesce(pa.early_end_date, pa.end_date) >= ${f.from}
        -- A period wholly after today is counted up to a day before it starts: nothing.
        and ${textParam(f.from)} <= ${textParam(f.to)}
    ),
    counted as materialized (select person_id, min(start_date) as entry from parts group by person_id),
    -- Each one's situation at entry, found once by the (person, date) index, then read by its key: the lookup
    -- made inside the join's condition, PostgreSQL ran it twice a person and hashed every situation beside it.
    at_entry as materialized (
      select c.person_id, c.entry, coalesce(
        (select s.id from person_situations s where s.person_id = c.person_id and s.observed_on <= c.entry order by s.observed_on desc, s.id desc limit 1),
        (select s.id from person_situations s where s.person_id = c.person_id and s.observed_on > c.entry order by s.observed_on, s.id desc limit 1)
      ) as situation_id
      from counted c
    ),
    facts as materialized (
      select c.person_id, c.entry, p.sex, p.priority_area, coalesce(o.name, '') as prescriber,
        cast(substr(c.entry, 1, 4) as integer) - cast(substr(p.birth_date, 1, 4) as integer) - ${asFlag(db, sql`substr(c.entry, 6) < substr(p.birth_date, 6)`)} as age,
        s.resources, s.education_level, s.rqth
      from at_entry c
      join persons p on p.id = c.person_id
      left join organisations o on o.id = p.prescriber_id
      left join person_situations s on s.id = c.situation_id
      -- The counted people read by their key (\`amongIds\`), then their situations by theirs: else PostgreSQL hashed
      -- every person and every situation of the file to join a few hundred.
      where ${amongIds(db, sql`p.id`, sql`select person_id from counted`)}
    )`;
}

const AGE = sql`case when age < 26 then 'moins_26' when age < 50 then '26_49' else '50_plus' end`;
const FINE_AGE = sql`case when age < 21 then 'moins_21' when age < 26 then '21_25' when age < 35 then '26_34' when age < 45 then '35_44' when age < 50 then '45_49' when age < 55 then '50_54' else '55_plus' end`;

/** The expression that puts a person in a category of each person breakdown. */
export const PERSON_DIMENSIONS: Record<string, RawBuilder<string>> = {
  sex: sql<string>`sex`,
  age: AGE as RawBuilder<string>,
  ageFine: FINE_AGE as RawBuilder<string>,
  resources: sql<string>`coalesce(resources, 'inconnu')`,
  education: sql<string>`coalesce(education_level, 'inconnu')`,
  priorityArea: sql<string>`priority_area`,
  rqth: sql<string>`coalesce(rqth, 'inconnu')`,
  prescriber: sql<string>`prescriber`,
};

/**
 * Every breakdown in one query: (dimension, category, count) rows. With them,
 * the minutes of the half-days lost to weather or force majeure under the
 * contracts counted, by day (dimension « forceMajeure », the day, its
 * minutes): paid or not by the setting in force that day
 * (domain/calendar-settings.ts), which the caller asks. One statement for
 * both: on PostgreSQL each statement is planned, and these share the period's
 * contracts.
 */
export async function breakdownCounts(db: Db, f: Filter) {
  const personParts = Object.entries(PERSON_DIMENSIONS).map(
    ([dim, expr]) => sql`select ${textParam(dim)} as dim, ${expr} as cat, count(*) as n from facts group by 2`,
  );
  const query = sql<{ dim: string; cat: string; n: number }>`
    with ${scope(db, f)}
    ${sql.join(personParts, sql` union all `)}
    union all select 'cross', sex || '|' || ${AGE}, count(*) from facts group by 2
    union all select 'obstaclesIdentified', ob.kind, count(*) from obstacles ob where ob.person_id in (select person_id from counted) and ob.identified_on between ${f.from} and ${f.to} group by 2
    union all select 'obstaclesLifted', ob.kind, count(*) from obstacles ob where ob.person_id in (select person_id from counted) and ob.resolved_on between ${f.from} and ${f.to} group by 2
    union all select 'outcomes', oc.category, count(*) from outcomes oc where oc.journey_id in (select journey_id from parts) and oc.exited_on between ${f.from} and ${f.to} group by 2
    union all select 'outcomes3', oc.category, count(*) from outcomes oc where oc.journey_id in (select journey_id from parts) and oc.exited_on between ${f.from} and ${f.to} and oc.after_three_months <> '' group by 2
    union all select 'outcomes6', oc.category, count(*) from outcomes oc where oc.journey_id in (select journey_id from parts) and oc.exited_on between ${f.from} and ${f.to} and oc.after_six_months <> '' group by 2
    -- The period's dates said again (the contract's bound them already): PostgreSQL reads the date index, not every
    -- half-day of every year.
    union all select 'forceMajeure', h.date, sum(h.end_minutes - h.start_minutes) from parts p join sessions h on h.worksite_id = p.worksite_id
        and h.date between ${greatestOf(db, [sql`p.start_date`, textParam(f.from)])} and ${leastOf(db, [sql`p.end_date`, textParam(f.to)])}
      where h.cancelled_reason is not null and h.cancel_kind = 'force_majeure' and h.date between ${f.from} and ${f.to}
      group by 2`;
  return (await query.execute(db)).rows;
}

/** The key figures in one query. Minutes for hours. */
export async function keyFigures(db: Db, f: Filter) {
  const query = sql<{
    people: number;
    newEntries: number;
    worksites: number;
    sessions: number;
    worked: number | null;
    paidMarks: number | null;
    attended: number | null;
    marked: number;
    /** Half-days cancelled by the structure: always paid (those lost to force majeure: `breakdownCounts`). */
    paidCancelled: number | null;
    paidAnnex: number | null;
  }>`
    with ${scope(db, f)},
    -- The half-days of the kept worksites in the period, cancelled ones included (the structure's are paid).
    held as materialized (
      select s.id, s.worksite_id, s.date, s.start_minutes, s.end_minutes, s.cancelled_reason, s.cancel_kind
      from sessions s where s.worksite_id in (select id from sites) and s.date between ${f.from} and ${f.to}
    ),
    -- From the period's contracts to their marks (attendance by participation), then each half-day by its key.
    -- PostgreSQL reads every mark of the file to join them. Reading only these contracts' marks (\`amongIds\`) made a
    -- year a quarter faster but ten years twice as slow: guessing few marks, it looked each half-day up by its key.
    marks as (
      select a.mark, a.paid, a.actual_start, a.actual_end, h.start_minutes, h.end_minutes
      from parts p join attendance a on a.participation_id = p.id join sessions h on h.id = a.session_id
      where h.cancelled_reason is null and h.date between ${f.from} and ${f.to} and h.date between p.start_date and p.end_date
    ),
    firsts as (select pa.person_id, min(pa.start_date) as first from participations pa where pa.worksite_id in (select id from sites) group by pa.person_id),
    -- Every sum over the marks in one pass (a subquery per sum read them four times).
    tally as (
      select sum(case mark when 'present' then end_minutes - start_minutes
                           when 'retard' then ${greatestOf(db, [sql`0`, sql`coalesce(actual_end, end_minutes) - coalesce(actual_start, start_minutes)`])}
                           else 0 end) as worked,
        sum(case when mark not in ('present', 'retard') and paid = 1 then end_minutes - start_minutes else 0 end) as "paidMarks",
        sum(case when mark in ('present', 'retard') then 1 else 0 end) as attended,
        count(*) as marked
      from marks
    )
    select
      (select count(*) from counted) as people,
      (select count(*) from firsts where first between ${f.from} and ${f.to}) as "newEntries",
      (select count(distinct worksite_id) from held where cancelled_reason is null) as worksites,
      (select count(*) from held where cancelled_reason is null) as sessions,
      tally.worked, tally."paidMarks", tally.attended, tally.marked,
      -- From \`held\`: the half-days of the contracts' worksites in the period, all that a contract of \`parts\` can cover.
      (select sum(h.end_minutes - h.start_minutes) from parts p join held h on h.worksite_id = p.worksite_id
          and h.date between ${greatestOf(db, [sql`p.start_date`, textParam(f.from)])} and ${leastOf(db, [sql`p.end_date`, textParam(f.to)])}
        where h.cancelled_reason is not null and coalesce(h.cancel_kind, 'structure') = 'structure') as "paidCancelled",
      (select sum(an.end_minutes - an.start_minutes) from annex_times an join parts p on p.id = an.participation_id
        where an.date between ${f.from} and ${f.to} and an.date between p.start_date and p.end_date and an.paid = 1 and an.done = 1) as "paidAnnex"
    from tally`;
  return (await query.execute(db)).rows[0]!;
}

/**
 * People « à venir »: a contract in the period, and none counted up to
 * `until` (today; before the period's start when it has not begun). `f` is
 * the whole period.
 */
export async function upcomingPeople(db: Db, f: Filter, until: string) {
  const query = sql<{ n: number }>`
    with ${scope(db, f)}
    select count(distinct person_id) as n from parts
    where person_id not in (select person_id from parts where start_date <= ${until} and ${textParam(until)} >= ${textParam(f.from)})`;
  return Number((await query.execute(db)).rows[0]!.n);
}

/** The people of one cell (or all of them), for the drill-down. */
export async function peopleOf(db: Db, f: Filter, dimension: string | null, category: string | null) {
  const newEntries = sql`person_id in (select pa.person_id from participations pa where pa.worksite_id in (select id from sites) group by pa.person_id having min(pa.start_date) between ${f.from} and ${f.to})`;
  const where =
    dimension === 'newEntries'
      ? sql`where ${newEntries}`
      : dimension === 'cross'
        ? sql`where sex || '|' || ${AGE} = ${category}`
        : dimension && PERSON_DIMENSIONS[dimension]
          ? sql`where ${PERSON_DIMENSIONS[dimension]} = ${category}`
          : sql``;
  // The cell is chosen inside `facts` (its column names), the names are read after.
  const query = sql<{ id: number; firstNames: string; lastName: string; entry: string }>`
    with ${scope(db, f)},
    cell as (select person_id, entry from facts ${where})
    select p.id, p.first_names as "firstNames", p.last_name as "lastName", cell.entry
    from cell join persons p on p.id = cell.person_id
    order by p.search_key, p.id`;
  return (await query.execute(db)).rows;
}

/**
 * Immersions (PMSMP) begun in the period up to `f.to` (the counting end: never
 * after today), renewals included, by object and by where their bilan stands
 * today: its outcome; « en_cours » when it has none and has not ended (or
 * when a bilan says « réalisée » before its last day: never counted done
 * ahead of time); « bilan_a_faire » when it has ended without one. With a
 * worksite filter, only those of the people counted (a contract on those
 * worksites in the period).
 */
export async function immersionCounts(db: Db, f: Filter, today: string) {
  const filtered = f.kind !== null || f.activity !== null || f.funderId !== null;
  const query = sql<{ objective: string; status: string; n: number }>`
    with ${scope(db, f)}
    select i.objective,
      case
        when i.outcome is not null and (i.outcome <> 'realisee' or i.end_date <= ${today}) then i.outcome
        when i.end_date >= ${today} then 'en_cours'
        else 'bilan_a_faire'
      end as status,
      count(*) as n
    from immersions i
    where i.start_date between ${f.from} and ${f.to}
      and (${integerParam(filtered ? 1 : 0)} = 0 or i.person_id in (select person_id from counted))
    group by 1, 2`;
  return (await query.execute(db)).rows;
}

/** The funder a statistics filter names, if it exists. */
export async function funderName(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
