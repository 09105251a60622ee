/**
 * Reads the spreadsheets CCAS already keep into a plain table of texts:
 * .xlsx (exceljs) and .csv (UTF-8 with or without BOM, or Windows-1252;
 * `;` or `,`). Dates become `JJ/MM/AAAA` texts so that one parser reads both.
 * Other formats are refused with a French explanation.
 */
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

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
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

/** What a table file is, from its first bytes (never from its name alone). */
export type TableContent = 'xlsx' | 'ods' | 'xls' | 'text' | 'other';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: Excel 97–2003 (.xls). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * ZIP (an .xlsx, or an OpenDocument sheet whose first entry is its `mimetype`,
 * ISO/IEC 26300 §3.3), OLE2 (.xls), or text: no NUL byte in the first 64 Ko
 * (UTF-8 and Windows-1252 CSV never hold one; PDF, images and other binaries do).
 */
export function sniffTable(bytes: Uint8Array): TableContent {
  if (startsWith(bytes, ZIP)) {
    const head = Buffer.from(bytes.subarray(0, 120)).toString('latin1');
    return head.includes('mimetype') && head.includes('opendocument') ? 'ods' : 'xlsx';
  }
  if (startsWith(bytes, OLE2)) return 'xls';
  return bytes.subarray(0, 64 * 1024).includes(0) ? 'other' : 'text';
}

const convert = (extension: string) =>
  new AppError(
    'INVALID_INPUT',
    `Les fichiers ${extension} ne sont pas lus par Passerelle. Ouvrez-le dans votre tableur et choisissez « Enregistrer sous… » au format Excel (.xlsx), puis importez ce nouveau fichier.`,
    { field: 'path' },
  );

const NOT_A_TABLE = 'Choisissez un fichier Excel (.xlsx) ou CSV (.csv).';

/**
 * The people table in a file, read from its bytes: its name must say .xlsx,
 * .csv or .txt and its content must be what the name says (an .xlsx is a ZIP,
 * a CSV is text). On main's PC or sent by a client PC (`app/client-files.ts`).
 */
export async function readTable(name: string, bytes: Buffer): Promise<Table> {
  const extension = path.extname(name).toLowerCase();
  const content = sniffTable(bytes);
  let raw: string[][];
  if (extension === '.xls' || extension === '.ods') throw convert(extension);
  if (content === 'xls' || content === 'ods') throw convert(`.${content}`);
  if (extension === '.csv' || extension === '.txt') {
    if (content !== 'text')
      throw new AppError(
        'INVALID_INPUT',
        `Ce fichier n’est pas un fichier CSV (ce n’est pas du texte). ${NOT_A_TABLE}`,
        {
          field: 'path',
        },
      );
    raw = parseCsv(decodeText(bytes));
  } else if (extension === '.xlsx') {
    // Not a ZIP: exceljs refuses it with the same advice as a damaged workbook.
    raw = await readXlsx(bytes);
  } else {
    throw new AppError('INVALID_INPUT', NOT_A_TABLE, { field: 'path' });
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
