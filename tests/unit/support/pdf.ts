import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const OUTPUT = path.resolve(import.meta.dirname, '../../documents/output');

/** Saves the PDF and its pages as PNG in tests/documents/output, to be looked at. */
export function keep(name: string, pdf: Uint8Array): string {
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUTPUT, name)]);
  return file;
}

export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-layout', file, '-'], { encoding: 'utf8' });
}

/** The text in reading order, box by box (no -layout: two boxes side by side are not interleaved line by line). */
export function pdfFlowText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function pdfInfo(file: string): { pages: number; a4: boolean } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), a4: /Page size:.*\(A4\)/.test(info) };
}

/** Font names and types, one line each, as `pdffonts` lists them. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', ...rest] = line.trim().split(/\s+/);
      const type = line.includes('Type 3')
        ? 'Type 3'
        : line.includes('CID TrueType')
          ? 'CID TrueType'
          : (rest.slice(0, 2).join(' ') ?? '');
      return { name, type, embedded: / yes +(yes|no) +(yes|no) +\d+ +\d+\s*$/.test(line) };
    });
}

/** Text that betrays a template fed with missing or wrong values. */
export const LEAKS = /undefined|NaN|null|Invalid Date|\[object Object\]/;
