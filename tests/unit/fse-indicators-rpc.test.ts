import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { FSE_COLUMNS, cellId, fseSecrecyReport } from '../../src-main/domain/fse-plus-indicators';
import { exposedCells, type States } from '../../src-main/domain/secrecy';
import { FSE_CSV_COLUMNS } from '../../src-main/exports/fse-indicators';
import type { Services } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import { caller, configured, fakeClock, sessionAs, shared, tempDir, valueOf } from './support/services';
import { person, situation } from './support/people';
import { HAND_COUNTED, PERIOD, TODAY, TWELVE } from './support/fse-twelve';
import { keep, pdfText } from './support/pdf';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/** Born on the entry day, `age` years before: exactly that age at entry. */
const bornFor = (enteredOn: string, age: number) => `${Number(enteredOn.slice(0, 4)) - age}${enteredOn.slice(4)}`;

let services: Services;
let call: ReturnType<typeof caller>;
let operationId: number;
const personIds: number[] = [];

/** The twelve participants recorded through the data capture's own methods, as the administrator. */
beforeAll(async () => {
  const setup = await shared(() => configured({ clock: fakeClock(`${TODAY}T09:00:00.000Z`), printer }));
  services = setup.services;
  call = setup.call;
  const funder = valueOf(
    await call('funders/save', { funder: { name: 'Conseil départemental', logoFile: null, fundingMention: '' } }),
  );
  operationId = valueOf(
    await call('fse/saveOperation', {
      operation: {
        name: 'Chantiers d’insertion 2026',
        funderId: funder.id,
        startDate: '2025-01-01',
        endDate: '2026-12-31',
      },
    }),
  ).id;
  for (const [i, p] of TWELVE.entries()) {
    const { id } = valueOf(
      await call('people/create', {
        person: person({
          lastName: `Participant${String.fromCharCode(65 + i)}`,
          firstNames: `N${i + 1}`,
          sex: p.sex,
          civility: p.sex === 'F' ? 'madame' : 'monsieur',
          birthDate: bornFor(p.entry.enteredOn, p.entry.ageAtEntry),
        }),
        situation: situation({ observedOn: '2025-01-01' }),
        confirmedNotDuplicate: true,
      }),
    );
    personIds.push(id);
    const { ageAtEntry: _age, ...entry } = p.entry;
    valueOf(await call('fse/saveEntry', { personId: id, operationId, entry }));
    if (p.exit) valueOf(await call('fse/saveExit', { personId: id, operationId, exit: p.exit }));
    if (p.sixMonths) valueOf(await call('fse/saveSixMonths', { personId: id, operationId, sixMonths: p.sixMonths }));
  }
}, 60_000);

const query = () => ({ operationId, ...PERIOD });

describe('fse/indicators', () => {
  it('publishes the hand-counted figures of the twelve, every small count hidden and none recoverable', async () => {
    const table = valueOf(await call('fse/indicators', query()));
    expect(table.operation).toMatchObject({ name: 'Chantiers d’insertion 2026', funderName: 'Conseil départemental' });
    expect(table.asOf).toBeNull();
    const counts = Object.fromEntries(
      Object.entries(HAND_COUNTED).map(([key, [F, M, total]]) => [key, { F, M, total }]),
    );
    const states: States = new Map();
    for (const line of table.lines) {
      for (const column of FSE_COLUMNS) {
        const value = counts[line.key]![column];
        const cell = line.cells[column];
        if (cell.count === null) expect(cell.masked).toBe(value < 5 ? '< 5' : 's');
        else expect({ key: line.key, column, count: cell.count }).toEqual({ key: line.key, column, count: value });
        if (value > 0 && value < 5) expect(cell.count).toBeNull();
        states.set(cellId(line.key, column), cell.count === null ? 'primary' : 'shown');
      }
    }
    expect(exposedCells(fseSecrecyReport(counts), states)).toEqual([]);
    // Shown where they protect nothing: 5 unemployed and 5 exits.
    expect(table.lines.find((l) => l.key === 'chomeurs')!.cells.total).toEqual({ count: 5, masked: null });
    expect(table.lines.find((l) => l.key === 'sortis')!.cells.total).toEqual({ count: 5, masked: null });
  });

  it('a running period counts up to today only', async () => {
    const table = valueOf(await call('fse/indicators', { operationId, from: '2026-07-01', to: '2026-12-31' }));
    expect(table.asOf).toBe(TODAY);
    // Entered 01/07 (4); left 01/07 (6); observed 01/07 (3); 11's observation of 30/11 is after today.
    expect(table.lines.find((l) => l.key === 'observes_6_mois')!.cells.total.masked).toBe('< 5');
  });

  it('says in French what is wrong', async () => {
    expect(await call('fse/indicators', { operationId: 999, ...PERIOD })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', message: 'Cette opération FSE+ est introuvable.' }),
    });
    const reversed = await call('fse/indicators', { operationId, from: '2026-06-30', to: '2026-01-01' });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.message).toContain('La fin de la période est avant son début.');
  });
});

describe('fse/indicatorsReport, fse/indicatorsExport', () => {
  it('prints the same published table as a PDF and a workbook', async () => {
    const folder = tempDir();
    const report = valueOf(await call('fse/indicatorsReport', { query: query(), folder }));
    expect(report.path).toMatch(/Indicateurs_FSE_Chantiers_d.insertion_2026_2026-01-01_2026-06-30\.pdf$/);
    const file = keep('fse-indicateurs-rpc', Buffer.from(report.pdfBase64, 'base64'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toMatch(/EECO01 Chômeurs, y compris chômeurs de longue durée < ?5 < ?5 5 /);
    expect(text).toContain('CCAS de Kerbrénou');
    const xlsx = valueOf(await call('fse/indicatorsExport', { query: query(), folder }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx.path) as never);
    const rows: unknown[][] = [];
    book.getWorksheet('Indicateurs FSE+')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === 'EECO01')!.slice(2)).toEqual(['< 5', '< 5', 5]);
  });
});

describe('fse/participantsCsv', () => {
  it('writes one line per participant counted in the period, in the documented layout', async () => {
    const folder = tempDir();
    const made = valueOf(await call('fse/participantsCsv', { query: query(), folder }));
    expect(made.rows).toBe(11);
    const text = readFileSync(made.path, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(FSE_CSV_COLUMNS.join(';'));
    // Participant 1 (the first created): F, entered 01/01, long-term unemployed, 17, disability yes, foreign background refused.
    expect(lines.find((l) => l.split(';')[1] === String(personIds[0]))).toBe(
      `Chantiers d’insertion 2026;${personIds[0]};F;01/01/2026;1;chomeur_longue_duree;17;moins_18;infra3;cite_0_2;oui;non;refus;non;1;0;31/03/2026;1;1;0;0;0;;0;;`,
    );
    // Participant 4 (entered the day after the period) is not in it.
    expect(lines.some((l) => l.split(';')[1] === String(personIds[3]))).toBe(false);
  });

  it('is refused to the coordination, which sees the aggregated table only', async () => {
    const coordination = caller(services, await sessionAs(services, 'coordination'));
    expect((await coordination('fse/indicators', query())).ok).toBe(true);
    expect(await coordination('fse/participantsCsv', { query: query(), folder: tempDir() })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('is journaled with every person it names', async () => {
    const admin: Session = await sessionAs(services, 'administrateur', 'Admin journal');
    valueOf(await caller(services, admin)('fse/participantsCsv', { query: query(), folder: tempDir() }));
    const entries = valueOf(await call('journal/list', {}));
    const entry = entries.entries.find((e) => e.method === 'fse/participantsCsv' && e.userName === 'Admin journal')!;
    const refs = entry.records.map((r) => r.ref);
    expect(refs).toContain(`fseOperation:${operationId}`);
    for (const n of [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]) expect(refs).toContain(`person:${personIds[n - 1]}`);
    expect(refs).not.toContain(`person:${personIds[3]}`);
  });
});
