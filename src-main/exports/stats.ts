/**
 * What leaves the structure: the statistics as published (secrecy already
 * applied to the whole report, `app/stats-secrecy.ts`), as tables for the
 * funder report and as an .xlsx workbook, one sheet per table.
 */
import { loadExcel } from '../imports/table';
import { SECRECY_NOTE } from '../domain/secrecy';
import {
  SMALL_FIGURES_WARNING,
  type BreakdownTable,
  type CrossTable,
  type ShownCount,
  type StatsFigures,
} from '../shared/contract/stats';
import { formatDuration } from '../shared/time';
import { COUNTING_RULES } from '../domain/statistics';

export interface ShownCell {
  text: string;
  /** null when hidden: nothing may be drawn from it. */
  value: number | null;
}

export interface ShownTable {
  title: string;
  info: string;
  columns: string[];
  rows: { label: string; cells: ShownCell[] }[];
}

const cell = (c: ShownCount): ShownCell => ({
  text: c.count === null ? (c.masked ?? '') : String(c.count),
  value: c.count,
});

/** One breakdown: a single column of counts with its total. */
export function shownBreakdown(b: BreakdownTable): ShownTable {
  return {
    title: b.label,
    info: b.info,
    columns: ['Effectif'],
    rows: [...b.rows.map((r) => ({ label: r.label, cells: [cell(r)] })), { label: 'Total', cells: [cell(b.total)] }],
  };
}

/** Sex × age: rows and columns with their totals. */
export function shownCross(cross: StatsFigures['cross']): ShownTable {
  return shownTable(cross, 'Sexe et âge à l’entrée', 'Âge au début du premier contrat compté dans la période.');
}

/** Immersions (PMSMP) begun in the period, object × where the bilan stands. */
export function shownImmersions(immersions: StatsFigures['immersions']): ShownTable {
  return shownTable(immersions, 'Immersions (PMSMP)', COUNTING_RULES.immersions);
}

function shownTable(cross: CrossTable, title: string, info: string): ShownTable {
  return {
    title,
    info,
    columns: [...cross.columns, 'Total'],
    rows: [
      ...cross.rows.map((label, r) => ({ label, cells: [...cross.cells[r]!.map(cell), cell(cross.rowTotals[r]!)] })),
      { label: 'Total', cells: [...cross.columnTotals.map(cell), cell(cross.total)] },
    ],
  };
}

export function keyFigureText(f: StatsFigures['figures'][number]): string {
  if (f.value === null) return f.masked ?? '';
  if (f.unit === 'minutes') return formatDuration(f.value);
  if (f.unit === 'percent') return `${f.value} %`;
  return String(f.value);
}

export async function statsXlsx(
  figures: StatsFigures,
  meta: { structureName: string; period: string; filters: string },
): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Passerelle';
  const summary = book.addWorksheet('Chiffres clés');
  summary.addRow([
    `${meta.structureName} — statistiques ${meta.period}${figures.smallFiguresShown ? ` — ${SMALL_FIGURES_WARNING}` : ''}`,
  ]).font = { bold: true };
  summary.addRow([meta.filters]);
  summary.addRow([]);
  summary.addRow(['Indicateur', 'Valeur', 'Mode de calcul']).font = { bold: true };
  for (const f of figures.figures) {
    // Counts stay numbers a spreadsheet can add, unless secrecy hides them.
    summary.addRow([f.label, f.unit === 'count' && f.value !== null ? f.value : keyFigureText(f), f.info]);
  }
  summary.addRow([]);
  summary.addRow([SECRECY_NOTE]);
  summary.getColumn(1).width = 48;
  summary.getColumn(2).width = 14;
  summary.getColumn(3).width = 100;
  const used = new Set<string>();
  for (const t of [
    shownCross(figures.cross),
    ...figures.breakdowns.map(shownBreakdown),
    shownImmersions(figures.immersions),
  ]) {
    // Sheet names: 31 characters at most, unique, no ":\/?*[]".
    let name = t.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${t.title.slice(0, 27)} (${n})`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow([t.title]).font = { bold: true };
    sheet.addRow([t.info]);
    sheet.addRow([]);
    sheet.addRow(['', ...t.columns]).font = { bold: true };
    for (const row of t.rows) sheet.addRow([row.label, ...row.cells.map((c) => (c.value === null ? c.text : c.value))]);
    sheet.addRow([]);
    sheet.addRow([SECRECY_NOTE]);
    sheet.getColumn(1).width = 50;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
