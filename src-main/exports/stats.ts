/**
 * What leaves the structure: the statistics with statistical secrecy applied
 * (`domain/secrecy.ts`), as tables for the funder report and as an .xlsx
 * workbook, one sheet per table.
 */
import { loadExcel } from '../imports/table';
import { protect, SECRECY_NOTE, shownValue } from '../domain/secrecy';
import type { BreakdownTable, StatsFigures } from '../shared/contract/stats';
import { formatDuration } from '../shared/time';

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

const cell = (value: number, state: ReturnType<typeof protect>[number][number]): ShownCell => ({ text: shownValue(value, state), value: state === 'shown' ? value : null });

/** One breakdown: a single row of counts with its total shown. */
export function shownBreakdown(b: BreakdownTable): ShownTable {
  const [states] = protect([b.rows.map((r) => r.count)], { columnTotals: false });
  return {
    title: b.label,
    info: b.info,
    columns: ['Effectif'],
    rows: [...b.rows.map((r, i) => ({ label: r.label, cells: [cell(r.count, states![i]!)] })), { label: 'Total', cells: [cell(b.total, b.total > 0 && b.total < 5 ? 'primary' : 'shown')] }],
  };
}

/** Sex × age: rows and columns with their totals, secrecy on both directions. */
export function shownCross(cross: StatsFigures['cross']): ShownTable {
  const states = protect(cross.cells, { columnTotals: true });
  const rowTotal = (r: number) => cross.cells[r]!.reduce((a, b) => a + b, 0);
  const columnTotal = (c: number) => cross.cells.reduce((sum, row) => sum + row[c]!, 0);
  const total = (v: number) => cell(v, v > 0 && v < 5 ? 'primary' : 'shown');
  return {
    title: "Sexe et âge à l'entrée",
    info: "Âge au début du premier contrat compté dans la période.",
    columns: [...cross.columns, 'Total'],
    rows: [
      ...cross.rows.map((label, r) => ({ label, cells: [...cross.cells[r]!.map((v, c) => cell(v, states[r]![c]!)), total(rowTotal(r))] })),
      { label: 'Total', cells: [...cross.columns.map((_, c) => total(columnTotal(c))), total(cross.cells.flat().reduce((a, b) => a + b, 0))] },
    ],
  };
}

export function keyFigureText(f: StatsFigures['figures'][number], secret: boolean): string {
  if (f.unit === 'minutes') return formatDuration(f.value);
  if (f.unit === 'percent') return `${f.value} %`;
  return secret && f.value > 0 && f.value < 5 ? '< 5' : String(f.value);
}

export async function statsXlsx(figures: StatsFigures, meta: { structureName: string; period: string; filters: string }): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Passerelle';
  const summary = book.addWorksheet('Chiffres clés');
  summary.addRow([`${meta.structureName} — statistiques du ${meta.period}`]).font = { bold: true };
  summary.addRow([meta.filters]);
  summary.addRow([]);
  summary.addRow(['Indicateur', 'Valeur', 'Mode de calcul']).font = { bold: true };
  for (const f of figures.figures) {
    const text = keyFigureText(f, true);
    // Counts stay numbers a spreadsheet can add, unless secrecy hides them.
    summary.addRow([f.label, f.unit === 'count' && text !== '< 5' ? f.value : text, f.info]);
  }
  summary.addRow([]);
  summary.addRow([SECRECY_NOTE]);
  summary.getColumn(1).width = 48;
  summary.getColumn(2).width = 14;
  summary.getColumn(3).width = 100;
  const used = new Set<string>();
  for (const t of [shownCross(figures.cross), ...figures.breakdowns.map(shownBreakdown)]) {
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
