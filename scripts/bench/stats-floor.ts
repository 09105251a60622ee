/**
 * The floor the yearly statistics are measured against: every figure of the
 * screen written by hand as its own SQL query, for one period over all
 * worksites (no filter machinery), run as raw prepared statements. Each query
 * applies the same counting rules as the app (entry on the first parcours of
 * the period, age and situation at entry, hours of the contract's half-days),
 * and `sameFigures` checks the answers equal the app's (small figures shown)
 * before any timing. `:until` is where counting stops: the period's end, or
 * today when the period ends later; `:to` is the period's end.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { StatsFigures } from '../../src-main/shared/contract/stats';

/** The period's parcours: participations overlapping it (the end is the early end when there is one). */
const PARTS = `select id, person_id, worksite_id, journey_id, start_date, coalesce(early_end_date, end_date) as end_date
  from participations where start_date <= :until and coalesce(early_end_date, end_date) >= :from and :from <= :until`;
/** Each person counted once, entered on the start of their first parcours of the period. */
const ENTRY = `select person_id, min(start_date) as entry from (${PARTS}) group by person_id`;
const AGE = `cast(substr(e.entry, 1, 4) as integer) - cast(substr(p.birth_date, 1, 4) as integer) - (substr(e.entry, 6) < substr(p.birth_date, 6))`;
const BRACKET = `case when age < 26 then 'moins_26' when age < 50 then '26_49' else '50_plus' end`;
/** The situation recorded on or before the entry, else the first one after. */
const SITUATION = `(select s.%COLUMN% from person_situations s where s.person_id = e.person_id
  order by s.observed_on > e.entry, case when s.observed_on <= e.entry then s.observed_on end desc, s.observed_on, s.id desc limit 1)`;
/** The marks of the period's half-days held, each within its contract. */
const MARKS = `from attendance a join sessions h on h.id = a.session_id join participations p on p.id = a.participation_id
  where h.cancelled_reason is null and h.date between :from and :until and h.date between p.start_date and coalesce(p.early_end_date, p.end_date)`;
const WORKED = `sum(case a.mark when 'present' then h.end_minutes - h.start_minutes
  when 'retard' then max(0, coalesce(a.actual_end, h.end_minutes) - coalesce(a.actual_start, h.start_minutes)) else 0 end)`;

const situation = (column: string) =>
  `select coalesce(${SITUATION.replace('%COLUMN%', column)}, 'inconnu') as cat, count(*) as n from (${ENTRY}) e group by 1`;

/** One query per figure of the screen. */
const FIGURES = {
  people: `select count(distinct person_id) as n from (${PARTS})`,
  upcoming: `select count(distinct person_id) as n from participations
    where start_date <= :to and coalesce(early_end_date, end_date) >= :from
      and person_id not in (select person_id from (${PARTS}))`,
  newEntries: `select count(*) as n from (select person_id from participations group by person_id having min(start_date) between :from and :until)`,
  worksites: `select count(distinct worksite_id) as n from sessions where date between :from and :until and cancelled_reason is null`,
  sessions: `select count(*) as n from sessions where date between :from and :until and cancelled_reason is null`,
  hoursWorked: `select coalesce(${WORKED}, 0) as n ${MARKS}`,
  hoursPaid: `select coalesce((select ${WORKED} + sum(case when a.mark not in ('present', 'retard') and a.paid = 1 then h.end_minutes - h.start_minutes else 0 end) ${MARKS}), 0)
    + coalesce((select sum(h.end_minutes - h.start_minutes) from (${PARTS}) p join sessions h on h.worksite_id = p.worksite_id
        and h.date between max(p.start_date, :from) and min(p.end_date, :until)
      where h.cancelled_reason is not null and (coalesce(h.cancel_kind, 'structure') = 'structure' or (select force_majeure_paid from calendar_settings where effective_from is null) = 1)), 0)
    + coalesce((select sum(an.end_minutes - an.start_minutes) from annex_times an join (${PARTS}) p on p.id = an.participation_id
      where an.date between :from and :until and an.date between p.start_date and p.end_date and an.paid = 1 and an.done = 1), 0) as n`,
  attendanceRate: `select case when count(*) = 0 then 0 else round(100.0 * sum(a.mark in ('present', 'retard')) / count(*)) end as n ${MARKS}`,
  outcomes3: `select count(*) as n from outcomes where exited_on between :from and :until and after_three_months <> '' and journey_id in (select journey_id from (${PARTS}))`,
  outcomes6: `select count(*) as n from outcomes where exited_on between :from and :until and after_six_months <> '' and journey_id in (select journey_id from (${PARTS}))`,
} as const;

const BREAKDOWNS = {
  sex: `select p.sex as cat, count(*) as n from (${ENTRY}) e join persons p on p.id = e.person_id group by 1`,
  age: `select ${BRACKET} as cat, count(*) as n from (select ${AGE} as age from (${ENTRY}) e join persons p on p.id = e.person_id) group by 1`,
  ageFine: `select case when age < 21 then 'moins_21' when age < 26 then '21_25' when age < 35 then '26_34' when age < 45 then '35_44' when age < 50 then '45_49' when age < 55 then '50_54' else '55_plus' end as cat, count(*) as n
    from (select ${AGE} as age from (${ENTRY}) e join persons p on p.id = e.person_id) group by 1`,
  resources: situation('resources'),
  education: situation('education_level'),
  priorityArea: `select p.priority_area as cat, count(*) as n from (${ENTRY}) e join persons p on p.id = e.person_id group by 1`,
  rqth: situation('rqth'),
  prescriber: `select coalesce(o.name, '') as cat, count(*) as n from (${ENTRY}) e join persons p on p.id = e.person_id left join organisations o on o.id = p.prescriber_id group by 1`,
  obstaclesIdentified: `select kind as cat, count(*) as n from obstacles where identified_on between :from and :until and person_id in (select person_id from (${PARTS})) group by 1`,
  obstaclesLifted: `select kind as cat, count(*) as n from obstacles where resolved_on between :from and :until and person_id in (select person_id from (${PARTS})) group by 1`,
  outcomes: `select category as cat, count(*) as n from outcomes where exited_on between :from and :until and journey_id in (select journey_id from (${PARTS})) group by 1`,
  cross: `select sex || '|' || ${BRACKET} as cat, count(*) as n from (select p.sex, ${AGE} as age from (${ENTRY}) e join persons p on p.id = e.person_id) group by 1`,
} as const;

export interface FloorFigures {
  figures: Record<string, number>;
  breakdowns: Record<string, Record<string, number>>;
}

/** The statements, prepared once; `run` answers every figure for a period. */
export function handWrittenStats(sqlite: SqliteDatabase.Database) {
  const figures = Object.entries(FIGURES).map(([key, text]) => [key, sqlite.prepare(text)] as const);
  const breakdowns = Object.entries(BREAKDOWNS).map(([key, text]) => [key, sqlite.prepare(text)] as const);
  return (period: { from: string; to: string; until: string }): FloorFigures => ({
    figures: Object.fromEntries(
      figures.map(([key, statement]) => [key, Number((statement.get(period) as { n: number }).n)]),
    ),
    breakdowns: Object.fromEntries(
      breakdowns.map(([key, statement]) => [
        key,
        Object.fromEntries((statement.all(period) as { cat: string; n: number }[]).map((r) => [r.cat, r.n])),
      ]),
    ),
  });
}

/** Throws unless the floor answers exactly what the app shows: a floor computing less would flatter the ratio. */
export function sameFigures(app: StatsFigures, floor: FloorFigures): void {
  const differences: string[] = [];
  for (const figure of app.figures) {
    if (floor.figures[figure.key] !== figure.value)
      differences.push(`${figure.key} : ${figure.value} ≠ ${floor.figures[figure.key]}`);
  }
  for (const table of app.breakdowns) {
    for (const row of table.rows) {
      if ((floor.breakdowns[table.key]?.[row.key] ?? 0) !== row.count)
        differences.push(`${table.key}/${row.key} : ${row.count} ≠ ${floor.breakdowns[table.key]?.[row.key] ?? 0}`);
    }
    for (const key of Object.keys(floor.breakdowns[table.key] ?? {})) {
      if (!table.rows.some((row) => row.key === key)) differences.push(`${table.key}/${key} : absent de l’écran`);
    }
  }
  app.cross.rowKeys.forEach((sex, i) =>
    app.cross.columnKeys.forEach((age, j) => {
      const shown = app.cross.cells[i]![j]!.count;
      if ((floor.breakdowns.cross?.[`${sex}|${age}`] ?? 0) !== shown)
        differences.push(`cross/${sex}|${age} : ${shown} ≠ ${floor.breakdowns.cross?.[`${sex}|${age}`] ?? 0}`);
    }),
  );
  if (differences.length > 0)
    throw new Error(`Le plancher des statistiques ne donne pas les chiffres de l’écran : ${differences.join(', ')}`);
}
