/**
 * CSV as French office software reads it (Excel, payroll tools): `;`
 * separator, CRLF line ends, UTF-8 with a byte-order mark. The one CSV
 * writer of every export: numbers are written plain with a decimal comma;
 * a text that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) is neutralised by a leading apostrophe.
 */

/** A number written with a fixed count of decimals (hours and euros: 56,00). */
export interface Fixed {
  fixed: number;
  places: number;
}

export type CsvCell = string | number | Fixed | null;

export function fixed(value: number, places = 2): Fixed {
  return { fixed: value, places };
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'object') return value.fixed.toFixed(value.places).replace('.', ',');
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
