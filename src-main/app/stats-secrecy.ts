/**
 * One statistics report as statistical secrecy sees it (`domain/secrecy.ts`):
 * every count of people it prints, once per figure however many tables print
 * it, and the sums that tie them — each person breakdown adds up to the people
 * accompanied, the sex × age table's rows to the sex breakdown and its columns
 * to the age breakdown, the fine age brackets to the broad ones; the
 * immersions table, object × bilan, its rows and columns to its totals. The screen,
 * the PDF and the xlsx all print what `publish` returns, so they hide the same.
 */
import { maskOf, protectReport, type SecrecyReport, type States, type SumRule } from '../domain/secrecy';
import { AGE_BRACKETS, BROAD_BRACKET_OF, FINE_AGE_BRACKETS } from '../domain/statistics';
import {
  PERSON_BREAKDOWNS,
  type Breakdown,
  type KeyFigure,
  type ShownCount,
  type StatsFigures,
} from '../shared/contract/stats';

export interface RawFigure {
  key: string;
  label: string;
  value: number;
  unit: KeyFigure['unit'];
  info: string;
}

export interface RawBreakdown {
  key: Breakdown;
  label: string;
  info: string;
  rows: { key: string; label: string; count: number }[];
  total: number;
  /** Its total is the people accompanied (a person breakdown). */
  people: boolean;
}

export interface RawCross {
  rows: string[];
  rowKeys: string[];
  columns: string[];
  columnKeys: string[];
  cells: number[][];
}

export interface RawFigures {
  figures: RawFigure[];
  breakdowns: RawBreakdown[];
  cross: RawCross;
  /** Immersions (PMSMP) begun: object × where the bilan stands. Counts of immersions, each one person's: protected alike. */
  immersions: RawCross;
}

/** Key figures that count people; worksites, half-days, hours and rates are never hidden. */
const PEOPLE_FIGURES = new Set(['people', 'upcoming', 'newEntries', 'outcomes3', 'outcomes6']);

const PEOPLE = 'people';
const rowId = (breakdown: string, key: string) => `${breakdown}:${key}`;
const totalId = (b: RawBreakdown) => (b.people ? PEOPLE : `${b.key}:total`);
const figureId = (key: string) => (key === 'people' ? PEOPLE : `figure:${key}`);
const crossId = (sex: string, age: string) => `cross:${sex}|${age}`;
const immersionId = (objective: string, status: string) => `immersions:${objective}|${status}`;
const immersionRowId = (objective: string) => `immersions:row:${objective}`;
const immersionColumnId = (status: string) => `immersions:column:${status}`;
const IMMERSIONS_TOTAL = 'immersions:total';

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The report's counts of people and the sums between them. */
export function secrecyReport(raw: RawFigures): SecrecyReport {
  const cells = new Map<string, number>();
  const sums: SumRule[] = [];
  for (const f of raw.figures) if (PEOPLE_FIGURES.has(f.key)) cells.set(figureId(f.key), f.value);
  for (const b of raw.breakdowns) {
    for (const r of b.rows) cells.set(rowId(b.key, r.key), r.count);
    cells.set(totalId(b), b.total);
    sums.push({ total: totalId(b), parts: b.rows.map((r) => rowId(b.key, r.key)) });
  }
  for (const broad of AGE_BRACKETS)
    sums.push({
      total: rowId('age', broad),
      parts: FINE_AGE_BRACKETS.filter((f) => BROAD_BRACKET_OF[f] === broad).map((f) => rowId('ageFine', f)),
    });
  const { rowKeys, columnKeys, cells: cross } = raw.cross;
  rowKeys.forEach((sex, r) => columnKeys.forEach((age, c) => cells.set(crossId(sex, age), cross[r]![c]!)));
  for (const sex of rowKeys) sums.push({ total: rowId('sex', sex), parts: columnKeys.map((age) => crossId(sex, age)) });
  for (const age of columnKeys) sums.push({ total: rowId('age', age), parts: rowKeys.map((sex) => crossId(sex, age)) });
  const im = raw.immersions;
  im.rowKeys.forEach((o, r) => im.columnKeys.forEach((st, c) => cells.set(immersionId(o, st), im.cells[r]![c]!)));
  im.rowKeys.forEach((o, r) => cells.set(immersionRowId(o), sumOf(im.cells[r]!)));
  im.columnKeys.forEach((st, c) => cells.set(immersionColumnId(st), sumOf(im.cells.map((row) => row[c]!))));
  cells.set(IMMERSIONS_TOTAL, sumOf(im.cells.flat()));
  for (const o of im.rowKeys)
    sums.push({ total: immersionRowId(o), parts: im.columnKeys.map((st) => immersionId(o, st)) });
  for (const st of im.columnKeys)
    sums.push({ total: immersionColumnId(st), parts: im.rowKeys.map((o) => immersionId(o, st)) });
  sums.push({ total: IMMERSIONS_TOTAL, parts: im.rowKeys.map(immersionRowId) });
  sums.push({ total: IMMERSIONS_TOTAL, parts: im.columnKeys.map(immersionColumnId) });
  return { cells: [...cells].map(([id, value]) => ({ id, value })), sums };
}

/** The figures as published: protected together, or in full when small figures are shown (internal use). */
export function publish(
  raw: RawFigures,
  showSmall: boolean,
): Pick<StatsFigures, 'figures' | 'breakdowns' | 'cross' | 'immersions' | 'smallFiguresShown'> {
  const report = secrecyReport(raw);
  const states: States = showSmall ? new Map(report.cells.map((c) => [c.id, 'shown'])) : protectReport(report);
  const shown = (id: string, value: number): ShownCount => {
    const state = states.get(id) ?? 'shown';
    return { count: state === 'shown' ? value : null, masked: maskOf(value, state) };
  };
  const { rows, rowKeys, columns, columnKeys, cells } = raw.cross;
  return {
    smallFiguresShown: showSmall,
    figures: raw.figures.map((f) => {
      const { count, masked } = PEOPLE_FIGURES.has(f.key)
        ? shown(figureId(f.key), f.value)
        : { count: f.value, masked: null };
      return { ...f, value: count, masked };
    }),
    breakdowns: raw.breakdowns.map((b) => ({
      key: b.key,
      label: b.label,
      info: b.info,
      rows: b.rows.map((r) => ({ key: r.key, label: r.label, ...shown(rowId(b.key, r.key), r.count) })),
      total: shown(totalId(b), b.total),
    })),
    cross: {
      rows,
      rowKeys,
      columns,
      columnKeys,
      cells: rowKeys.map((sex, r) => columnKeys.map((age, c) => shown(crossId(sex, age), cells[r]![c]!))),
      rowTotals: rowKeys.map((sex, r) =>
        shown(
          rowId('sex', sex),
          cells[r]!.reduce((a, b) => a + b, 0),
        ),
      ),
      columnTotals: columnKeys.map((age, c) =>
        shown(
          rowId('age', age),
          cells.reduce((sum, row) => sum + row[c]!, 0),
        ),
      ),
      total: shown(
        PEOPLE,
        cells.flat().reduce((a, b) => a + b, 0),
      ),
    },
    immersions: {
      ...raw.immersions,
      cells: raw.immersions.rowKeys.map((o, r) =>
        raw.immersions.columnKeys.map((st, c) => shown(immersionId(o, st), raw.immersions.cells[r]![c]!)),
      ),
      rowTotals: raw.immersions.rowKeys.map((o, r) => shown(immersionRowId(o), sumOf(raw.immersions.cells[r]!))),
      columnTotals: raw.immersions.columnKeys.map((st, c) =>
        shown(immersionColumnId(st), sumOf(raw.immersions.cells.map((row) => row[c]!))),
      ),
      total: shown(IMMERSIONS_TOTAL, sumOf(raw.immersions.cells.flat())),
    },
  };
}

/**
 * Every count of people the published figures print, with the figure it is:
 * a figure printed in several tables (« Femme » in the sex breakdown and as a
 * row total of sex × age) comes once per place, so a check can see it is
 * hidden everywhere or nowhere.
 */
export function printedCounts(
  f: Pick<StatsFigures, 'figures' | 'breakdowns' | 'cross' | 'immersions'>,
): { id: string; shown: ShownCount }[] {
  const im = f.immersions;
  const people = new Set(
    f.breakdowns.filter((b) => (PERSON_BREAKDOWNS as readonly string[]).includes(b.key)).map((b) => b.key),
  );
  return [
    ...f.figures
      .filter((x) => PEOPLE_FIGURES.has(x.key))
      .map((x) => ({ id: figureId(x.key), shown: { count: x.value, masked: x.masked } })),
    ...f.breakdowns.flatMap((b) => [
      ...b.rows.map((r) => ({ id: rowId(b.key, r.key), shown: { count: r.count, masked: r.masked } })),
      { id: people.has(b.key) ? PEOPLE : `${b.key}:total`, shown: b.total },
    ]),
    ...f.cross.rowKeys.flatMap((sex, r) =>
      f.cross.columnKeys.map((age, c) => ({ id: crossId(sex, age), shown: f.cross.cells[r]![c]! })),
    ),
    ...f.cross.rowKeys.map((sex, r) => ({ id: rowId('sex', sex), shown: f.cross.rowTotals[r]! })),
    ...f.cross.columnKeys.map((age, c) => ({ id: rowId('age', age), shown: f.cross.columnTotals[c]! })),
    { id: PEOPLE, shown: f.cross.total },
    ...im.rowKeys.flatMap((o, r) =>
      im.columnKeys.map((st, c) => ({ id: immersionId(o, st), shown: im.cells[r]![c]! })),
    ),
    ...im.rowKeys.map((o, r) => ({ id: immersionRowId(o), shown: im.rowTotals[r]! })),
    ...im.columnKeys.map((st, c) => ({ id: immersionColumnId(st), shown: im.columnTotals[c]! })),
    { id: IMMERSIONS_TOTAL, shown: im.total },
  ];
}
