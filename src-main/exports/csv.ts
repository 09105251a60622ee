/**
 * The one CSV writer of the app, as French office software reads it (Excel,
 * LibreOffice, payroll tools): `;` separator, CRLF line ends, UTF-8 with a
 * byte-order mark, decimal comma.
 *
 * Cells are typed: a number is written as a number (a negative régularisation
 * stays -3,50 and sums in the spreadsheet), text is always text. Text that a
 * spreadsheet would run as a formula (a name typed as `=HYPERLINK(…)`) gets a
 * leading apostrophe, per OWASP's CSV injection guidance: cells starting with
 * = + - @, tab or carriage return; and text holding any separator a
 * spreadsheet may be set to (`;`, `,`, tab) is quoted, so that no other
 * separator setting splits it into a cell that starts a formula.
 */

/** A number written with a fixed count of decimals, whatever the file's default (hours and euros: 56,00; a rate: 13,2220). */
export interface Fixed {
  fixed: number;
  places: number;
}

export type CsvCell = string | number | Fixed | null;

export function fixed(value: number, places = 2): Fixed {
  return { fixed: value, places };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would not run: a formula-looking start is prefixed with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function numberCell(value: number, decimals: number | undefined): string {
  if (!Number.isFinite(value)) throw new RangeError('CSV numbers must be finite');
  return (decimals === undefined ? String(value) : value.toFixed(decimals)).replace('.', ',');
}

function cell(value: CsvCell, decimals: number | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberCell(value, decimals);
  if (typeof value === 'object') return numberCell(value.fixed, value.places);
  const text = neutraliseFormula(value);
  // Quoted as soon as it holds any separator a spreadsheet may be set to (`,` and tab too, not only ours):
  // unquoted, « Dupont,=HYPERLINK(…) » would start a second cell with `=` for whoever opens it with commas.
  return /[";,\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `decimals`: every number written with that many decimals (money and hours: 2). */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { decimals?: number } = {}): string {
  return (
    '\ufeff' + rows.map((row) => row.map((value) => cell(value, options.decimals)).join(';')).join('\r\n') + '\r\n'
  );
}
