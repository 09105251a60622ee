/**
 * Reads the spreadsheets CCAS already keep into a plain table of texts:
 * .xlsx (exceljs) and .csv (UTF-8 with or without BOM, or Windows-1252;
 * `;` or `,`). Dates become `JJ/MM/AAAA` texts so that one parser reads both.
 * Other formats are refused with a French explanation.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';

/** exceljs is big: loaded the first time a spreadsheet is read or written, not at start. */
export const loadExcel = async () => (await import('exceljs')).default;
import { AppError } from '../shared/errors';

export interface Table {
  headers: string[];
  rows: string[][];
}

const MAX_ROWS = 5000;

/**
 * Windows-1252's 0x80–0x9F (€, œ, ’, «…). Node's TextDecoder treats the label
 * as Latin-1 and turns these into control characters, so they are mapped here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);
  return text;
}

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel "CSV (séparateur : point-virgule)" on Windows writes Windows-1252.
    return decodeWindows1252(bytes);
  }
}

function detectSeparator(firstLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons >= commas ? ';' : ',';
}

/** RFC 4180 parsing: quoted fields may hold separators, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const separator = detectSeparator(text.split(/\r?\n/, 1)[0] ?? '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function two(n: number) {
  return String(n).padStart(2, '0');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readXlsx(file: string): Promise<string[][]> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new AppError(
      'FILE_ERROR',
      'Ce fichier Excel n’a pas pu être lu. Ouvrez-le dans Excel et enregistrez-le à nouveau au format .xlsx.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export async function readTable(file: string): Promise<Table> {
  const extension = path.extname(file).toLowerCase();
  let raw: string[][];
  if (extension === '.csv' || extension === '.txt') {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new AppError('FILE_ERROR', 'Le fichier choisi n’a pas pu être lu.');
    }
    raw = parseCsv(decodeText(bytes));
  } else if (extension === '.xlsx') {
    raw = await readXlsx(file);
  } else if (extension === '.xls' || extension === '.ods') {
    throw new AppError(
      'INVALID_INPUT',
      `Les fichiers ${extension} ne sont pas lus par Passerelle. Ouvrez-le dans votre tableur et choisissez « Enregistrer sous… » au format Excel (.xlsx), puis importez ce nouveau fichier.`,
      { field: 'path' },
    );
  } else {
    throw new AppError('INVALID_INPUT', 'Choisissez un fichier Excel (.xlsx) ou CSV (.csv).', { field: 'path' });
  }
  const nonEmpty = raw.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length < 2)
    throw new AppError(
      'INVALID_INPUT',
      'Ce fichier ne contient pas de ligne de titres suivie d’au moins une personne.',
      { field: 'path' },
    );
  if (nonEmpty.length - 1 > MAX_ROWS)
    throw new AppError('INVALID_INPUT', `Ce fichier compte plus de ${MAX_ROWS} lignes : découpez-le.`, {
      field: 'path',
    });
  const width = Math.max(...nonEmpty.map((r) => r.length));
  const [header, ...rows] = nonEmpty.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()));
  return { headers: header!.map((h, i) => h || `Colonne ${columnLetter(i)}`), rows };
}
