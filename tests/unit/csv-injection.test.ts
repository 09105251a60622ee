import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { neutraliseFormula, toCsv } from '../../src-main/exports/csv';
import { parseCsv } from '../../src-main/imports/table';
import { person, situation } from './support/people';
import { caller, configured, fakeClock, PASSWORD, tempDir, valueOf } from './support/services';
import { mesp, mespContract } from './support/worksites';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/** What a spreadsheet would run as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const HOSTILE: [string, string, string, string, string, string] = [
  '=HYPERLINK("http://x";"y"&D2)',
  '+33 6 12',
  '-2',
  '@SUM(1)',
  '\tX',
  '\r=1+1',
];

/** Re-reads a written CSV the way the app reads one, without its byte-order mark. */
function reread(csv: string): string[][] {
  expect(csv.startsWith('\ufeff')).toBe(true);
  return parseCsv(csv.slice(1).replace(/\r\n$/, ''));
}

describe('the CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
    ['+33', "'+33"],
    ['-2', "'-2"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tX', `"'\tX"`],
    // Opened with commas or tabs as separators, these would split into a cell starting with `=`.
    ['Dupont,=HYPERLINK("http://x")', `"Dupont,=HYPERLINK(""http://x"")"`],
    ['Dupont\t=1+1', '"Dupont\t=1+1"'],
    ['\rX', `"'\rX"`],
    ['Lefèvre', 'Lefèvre'],
    ['a=b', 'a=b'], // only the first character matters
    [' =1', ' =1'], // a leading space is text for every spreadsheet
    ['', ''],
  ])('writes the text %j as %j', (text, written) => {
    expect(toCsv([[text]])).toBe(`\ufeff${written}\r\n`);
  });

  it.each([
    [-2, {}, '-2'],
    [-3.5, { decimals: 2 }, '-3,50'],
    [0, { decimals: 2 }, '0,00'],
    [673.12, { decimals: 2 }, '673,12'],
    [12, {}, '12'],
  ])('keeps the number %d a plain number', (value, options, written) => {
    expect(toCsv([[value]], options)).toBe(`\ufeff${written}\r\n`);
  });

  it('reads back every text unchanged but for the apostrophe, and no text cell starts with a formula character (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows) => {
          // A last column so that a row of one empty text still reads back as a row.
          const read = reread(toCsv(rows.map((row) => [...row, 'fin'])));
          expect(read).toEqual(rows.map((row) => [...row.map(neutraliseFormula), 'fin']));
          for (const cell of read.flat()) expect(cell).not.toMatch(FORMULA_START);
        },
      ),
    );
  });
});

/** Reads a CSV as a spreadsheet set to another list separator would (quotes honoured). */
function readWith(csv: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator || c === ';' || c === '\n' || c === '\r') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  return [...cells, cell];
}

describe('the CSV writer, opened with another separator', () => {
  it.each([',', '\t'])(
    'leaves no cell starting with a formula character when read with %j as a separator too (property)',
    (separator) => {
      fc.assert(
        fc.property(
          fc.array(
            fc.array(
              fc.oneof(
                fc.string({ unit: 'grapheme', maxLength: 12 }),
                fc.constantFrom(...HOSTILE.map((h) => `Dupont${separator}${h}`)),
              ),
              { minLength: 1, maxLength: 4 },
            ),
            {
              minLength: 1,
              maxLength: 4,
            },
          ),
          (rows) => {
            for (const cell of readWith(toCsv(rows).slice(1), separator)) expect(cell).not.toMatch(FORMULA_START);
          },
        ),
      );
    },
  );
});

describe('every CSV export, re-read with hostile names', () => {
  it('payroll: names stay text, a negative régularisation stays a number', async () => {
    const { call } = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
    const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
    const generated = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
    const { id: personId } = valueOf(
      await call('people/create', {
        person: person({ lastName: HOSTILE[0], firstNames: HOSTILE[3] }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    const joined = valueOf(
      await call('worksites/addParticipant', {
        id: worksite.id,
        personId,
        contract: mespContract({ startDate: '2026-06-01', endDate: '2026-06-28', position: HOSTILE[1] }),
      }),
    );
    const participationId = joined.participants[0]!.id;
    const mark = (sessionId: number, m: 'present' | 'non_justifiee') => ({
      sessionId,
      participationId,
      mark: { mark: m },
    });
    valueOf(
      await call('attendance/save', {
        worksiteId: worksite.id,
        entries: generated.sessions.map((s) => mark(s.id, 'present')),
      }),
    );
    valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    valueOf(await call('payroll/transmit', { month: '2026-06', employerId: 1 }));
    valueOf(
      await call('attendance/save', {
        worksiteId: worksite.id,
        entries: [mark(generated.sessions.at(-1)!.id, 'non_justifiee')],
        regularisation: { reason: HOSTILE[2] },
      }),
    );
    valueOf(await call('payroll/validate', { month: '2026-07', employerId: 1, confirmChecks: true }));

    const folder = tempDir('passerelle-paie-');
    const [header, line] = reread(
      readFileSync(
        valueOf(await call('payroll/export', { month: '2026-07', employerId: 1, format: 'csv', folder })).path,
        'utf8',
      ),
    );
    const cells = Object.fromEntries(header!.map((h, i) => [h, line![i]!]));
    expect(cells).toMatchObject({
      Nom: `'${HOSTILE[0]}`,
      Prénoms: `'${HOSTILE[3]}`,
      'Heures payées': '0,00',
      'Brut estimé': '-42,07',
    });
    for (const [name, value] of Object.entries(cells)) {
      if (/^-?\d+,\d\d$/.test(value)) continue; // a number
      expect(value, name).not.toMatch(FORMULA_START);
    }
  });

  it('journal: an account named like a formula stays text', async () => {
    const { services, call } = await configured();
    // Each account signs in once, so that its name is in the journal.
    for (const displayName of HOSTILE.filter((name) => name.trim() === name)) {
      const { id } = valueOf(await call('users/create', { displayName, role: 'encadrant', password: PASSWORD }));
      valueOf(await caller(services)('auth/login', { userId: id, password: PASSWORD }));
    }
    valueOf(await call('journal/export', { folder: services.homeDir }));
    const file = readFileSync(`${services.homeDir}/journal-passerelle-2026-03-02.csv`, 'utf8');
    const rows = reread(file);
    expect(rows.length).toBeGreaterThan(HOSTILE.length);
    expect(rows.flat()).toContain(`'${HOSTILE[0]}`);
    for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START);
    expect(rows.slice(1).every((row) => /^\d+$/.test(row[0]!))).toBe(true);
  });
});
