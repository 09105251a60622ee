/**
 * Turns the SQL counts into the tables the screen, the report and the export
 * show: every category of a list in its usual order (zeros included), with
 * its French label and the counting rule beside it; counted up to the end of
 * the period and today, then protected by statistical secrecy as one report
 * (`stats-secrecy.ts`).
 */
import * as repo from '../db/repositories/statistics';
import { calendarHistory } from '../db/repositories/settings';
import { calendarInForce } from '../domain/calendar-settings';
import {
  AGE_BRACKET_LABELS,
  AGE_BRACKETS,
  COUNTING_RULES,
  countingEnd,
  FINE_AGE_BRACKET_LABELS,
  FINE_AGE_BRACKETS,
} from '../domain/statistics';
import {
  OBSTACLE_KIND_LABELS,
  OBSTACLE_KINDS,
  OUTCOME_CATEGORIES,
  OUTCOME_CATEGORY_LABELS,
} from '../shared/contract/journey-lists';
import {
  EDUCATION_LEVEL_LABELS,
  EDUCATION_LEVELS,
  RESOURCE_LABELS,
  RESOURCES,
  SEX_LABELS,
  SEXES,
  YES_NO_UNKNOWN,
  YES_NO_UNKNOWN_LABELS,
} from '../shared/contract/people-lists';
import {
  IMMERSION_STATUS_LABELS,
  IMMERSION_STATUSES,
  type Breakdown,
  type StatsFigures,
} from '../shared/contract/stats';
import { PMSMP_OBJECTIVE_LABELS, PMSMP_OBJECTIVES } from '../shared/contract/pmsmp';
import { attendanceRate } from '../domain/evaluations';
import { publish, type RawBreakdown, type RawFigure, type RawFigures } from './stats-secrecy';
import type { ReadableDb } from '../db/access';

const UNKNOWN = { key: 'inconnu', label: 'Non renseigné' };
const listOf = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((key) => ({ key, label: labels[key] }));

/** Each breakdown: its title, its rule and its categories in order (null: the categories found, most frequent first). */
const BREAKDOWN_SPECS: Record<
  Breakdown,
  { label: string; info: string; categories: { key: string; label: string }[] | null; people: boolean }
> = {
  sex: { label: 'Sexe', info: COUNTING_RULES.person, categories: listOf(SEXES, SEX_LABELS), people: true },
  age: {
    label: 'Âge à l’entrée',
    info: COUNTING_RULES.age,
    categories: listOf(AGE_BRACKETS, AGE_BRACKET_LABELS),
    people: true,
  },
  ageFine: {
    label: 'Âge à l’entrée (détail)',
    info: COUNTING_RULES.age,
    categories: listOf(FINE_AGE_BRACKETS, FINE_AGE_BRACKET_LABELS),
    people: true,
  },
  resources: {
    label: 'Ressources à l’entrée',
    info: COUNTING_RULES.situation,
    categories: [...listOf(RESOURCES, RESOURCE_LABELS), UNKNOWN],
    people: true,
  },
  education: {
    label: 'Niveau de formation',
    info: COUNTING_RULES.situation,
    categories: [...listOf(EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS), UNKNOWN],
    people: true,
  },
  priorityArea: {
    label: 'Résidant en QPV',
    info: COUNTING_RULES.person,
    categories: listOf(YES_NO_UNKNOWN, YES_NO_UNKNOWN_LABELS),
    people: true,
  },
  rqth: {
    label: 'RQTH',
    info: COUNTING_RULES.situation,
    categories: [...listOf(YES_NO_UNKNOWN, YES_NO_UNKNOWN_LABELS)],
    people: true,
  },
  prescriber: { label: 'Prescripteur', info: COUNTING_RULES.person, categories: null, people: true },
  obstaclesIdentified: {
    label: 'Freins repérés',
    info: COUNTING_RULES.obstacles,
    categories: listOf(OBSTACLE_KINDS, OBSTACLE_KIND_LABELS),
    people: false,
  },
  obstaclesLifted: {
    label: 'Freins levés',
    info: COUNTING_RULES.obstacles,
    categories: listOf(OBSTACLE_KINDS, OBSTACLE_KIND_LABELS),
    people: false,
  },
  outcomes: {
    label: 'Sorties',
    info: COUNTING_RULES.outcomes,
    categories: listOf(OUTCOME_CATEGORIES, OUTCOME_CATEGORY_LABELS),
    people: false,
  },
};

function table(key: Breakdown, counts: Map<string, number>, peopleTotal: number): RawBreakdown {
  const spec = BREAKDOWN_SPECS[key];
  const categories =
    spec.categories ??
    [...counts.entries()]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([k]) => (k === '' ? { key: '', label: 'Non renseigné' } : { key: k, label: k }));
  // A value outside the list (an old code) still counts, under its own name.
  const extra = [...counts.keys()]
    .filter((k) => !categories.some((c) => c.key === k))
    .map((k) => ({ key: k, label: k }));
  const rows = [...categories, ...extra].map((c) => ({ ...c, count: counts.get(c.key) ?? 0 }));
  return {
    key,
    label: spec.label,
    info: spec.info,
    rows,
    people: spec.people,
    total: spec.people ? peopleTotal : rows.reduce((sum, r) => sum + r.count, 0),
  };
}

/** The period's figures up to its end and `today`, protected unless `filter.showSmall`. */
export async function statsFigures(
  db: ReadableDb,
  filter: repo.Filter & { showSmall: boolean },
  today: string,
): Promise<StatsFigures> {
  const { until, asOf } = countingEnd(filter, today);
  const counted: repo.Filter = { ...filter, to: until };
  const [rows, k, upcoming, immersionRows, history] = await Promise.all([
    repo.breakdownCounts(db, counted),
    repo.keyFigures(db, counted),
    repo.upcomingPeople(db, filter, until),
    repo.immersionCounts(db, counted, today),
    calendarHistory(db),
  ]);
  // Half-days lost to force majeure count as paid on the days the setting in force pays them.
  const paidForceMajeure = rows
    .filter((r) => r.dim === 'forceMajeure' && calendarInForce(history, r.cat).forceMajeurePaid)
    .reduce((sum, r) => sum + Number(r.n), 0);
  const immersionCount = (objective: string, status: string) =>
    Number(immersionRows.find((r) => r.objective === objective && r.status === status)?.n ?? 0);
  const byDim = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const dim = byDim.get(r.dim) ?? new Map<string, number>();
    dim.set(r.cat ?? '', Number(r.n));
    byDim.set(r.dim, dim);
  }
  const counts = (dim: string) => byDim.get(dim) ?? new Map<string, number>();
  const sum = (dim: string) => [...counts(dim).values()].reduce((a, b) => a + b, 0);
  const rate = attendanceRate(Number(k.attended ?? 0), Number(k.marked));
  const worked = Number(k.worked ?? 0);
  const figures: RawFigure[] = [
    {
      key: 'people',
      label: 'Personnes accompagnées',
      value: Number(k.people),
      unit: 'count',
      info: COUNTING_RULES.people,
    },
    { key: 'upcoming', label: 'Personnes à venir', value: upcoming, unit: 'count', info: COUNTING_RULES.upcoming },
    {
      key: 'newEntries',
      label: 'Nouvelles entrées',
      value: Number(k.newEntries),
      unit: 'count',
      info: COUNTING_RULES.newEntries,
    },
    { key: 'worksites', label: 'Chantiers', value: Number(k.worksites), unit: 'count', info: COUNTING_RULES.worksites },
    {
      key: 'sessions',
      label: 'Demi-journées tenues',
      value: Number(k.sessions),
      unit: 'count',
      info: COUNTING_RULES.sessions,
    },
    {
      key: 'hoursWorked',
      label: 'Heures travaillées',
      value: worked,
      unit: 'minutes',
      info: COUNTING_RULES.hoursWorked,
    },
    {
      key: 'hoursPaid',
      label: 'Heures payées',
      value:
        worked + Number(k.paidMarks ?? 0) + Number(k.paidCancelled ?? 0) + paidForceMajeure + Number(k.paidAnnex ?? 0),
      unit: 'minutes',
      info: COUNTING_RULES.hoursPaid,
    },
    {
      key: 'attendanceRate',
      label: 'Taux de présence',
      value: rate ?? 0,
      unit: 'percent',
      info: COUNTING_RULES.attendanceRate,
    },
    {
      key: 'outcomes3',
      label: 'Sorties dont la situation à 3 mois est connue',
      value: sum('outcomes3'),
      unit: 'count',
      info: COUNTING_RULES.outcomes,
    },
    {
      key: 'outcomes6',
      label: 'Sorties dont la situation à 6 mois est connue',
      value: sum('outcomes6'),
      unit: 'count',
      info: COUNTING_RULES.outcomes,
    },
  ];
  const people = Number(k.people);
  const cross = counts('cross');
  const funders = await repo.funderChoices(db);
  const raw: RawFigures = {
    figures,
    breakdowns: (Object.keys(BREAKDOWN_SPECS) as Breakdown[]).map((key) => table(key, counts(key), people)),
    cross: {
      rows: SEXES.map((s) => SEX_LABELS[s]),
      rowKeys: [...SEXES],
      columns: AGE_BRACKETS.map((a) => AGE_BRACKET_LABELS[a]),
      columnKeys: [...AGE_BRACKETS],
      cells: SEXES.map((s) => AGE_BRACKETS.map((a) => cross.get(`${s}|${a}`) ?? 0)),
    },
    immersions: {
      rows: PMSMP_OBJECTIVES.map((o) => PMSMP_OBJECTIVE_LABELS[o]),
      rowKeys: [...PMSMP_OBJECTIVES],
      columns: IMMERSION_STATUSES.map((st) => IMMERSION_STATUS_LABELS[st]),
      columnKeys: [...IMMERSION_STATUSES],
      cells: PMSMP_OBJECTIVES.map((o) => IMMERSION_STATUSES.map((st) => immersionCount(o, st))),
    },
  };
  return { filter, asOf, funders, ...publish(raw, filter.showSmall) };
}
