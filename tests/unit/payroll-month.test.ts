import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { keep, pdfText } from './support/pdf';
import { configured, fakeClock, tempDir, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/**
 * May 2026, a MESP Monday to Friday mornings (08:30–12:00, 17 h 30 a week) from
 * 27 April to 29 May, at 12,02 €, with every kind of pay line: a SMIC of
 * 12,30 € from 15 May (two rates in the month), 1 May off and paid (L3133-5),
 * a half-day cancelled by the structure, a 3-hour annex time done in the week
 * of 18 May (1 h 45 at +10 %, 1 h 15 at +25 %), a paid absence (medical
 * appointment) and an unpaid one. Today is 2 June.
 */
const printer = nodePdfPrinter();
afterAll(() => printer.close());
const target = { month: '2026-05', employerId: 1 };

async function may() {
  const setup = await configured({ clock: fakeClock('2026-06-02T09:00:00.000Z'), printer });
  const { call } = setup;
  valueOf(await call('settings/addWageRate', { effectiveFrom: '2026-05-15', hourlyCents: 1230 }));
  const worksite = valueOf(
    await call('worksites/save', {
      worksite: mesp({
        startDate: '2026-04-27',
        weeks: 5,
        slots: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, halfDay: 'morning' as const })),
      }),
    }),
  );
  const sessions = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] })).sessions;
  const personId = await admitted(call, 'Élodie');
  const contract = mespContract({ startDate: '2026-04-27', endDate: '2026-05-29' });
  const participationId = valueOf(
    await call('worksites/addParticipant', { id: worksite.id, personId, contract, confirmWarnings: true }),
  ).participants[0]!.id;
  const session = (date: string) => sessions.find((s) => s.date === date)!.id;
  valueOf(
    await call('worksites/cancelSession', {
      sessionId: session('2026-05-06'),
      reason: 'Atelier fermé (coupure de courant)',
      kind: 'structure',
    }),
  );
  const mark = (date: string) =>
    date === '2026-05-12'
      ? { mark: 'rdv_autorise' as const, proofReceived: true, proofDate: '2026-05-12' }
      : date === '2026-05-27'
        ? { mark: 'non_justifiee' as const, proofReceived: false, proofDate: null }
        : { mark: 'present' as const };
  const held = sessions.filter((s) => s.date !== '2026-05-06');
  valueOf(
    await call('attendance/save', {
      worksiteId: worksite.id,
      entries: held.map((s) => ({ sessionId: s.id, participationId, mark: mark(s.date) })),
    }),
  );
  valueOf(
    await call('worksites/addAnnexTime', {
      participationId,
      annexTime: { kind: 'bilan_mi_parcours', date: '2026-05-20', start: '14:00', end: '17:00', paid: true },
    }),
  );
  const annexTimeId = valueOf(await call('worksites/get', { id: worksite.id })).participants[0]!.annexTimes[0]!.id;
  valueOf(await call('attendance/markAnnexTime', { annexTimeId, done: true }));
  valueOf(await call('payroll/setMatricule', { personId, employerId: 1, matricule: 'AI-0042' }));
  valueOf(await call('payroll/setPayItemCodes', { employerId: 1, codes: [{ item: 'heures_normales', code: '1000' }] }));
  valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
  return { ...setup, participationId };
}

const csvRows = (text: string) => {
  expect(text.startsWith('\ufeff')).toBe(true);
  const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
  const names = header!.split(';');
  // No cell of these files holds a « ; » (names and labels here have none).
  return rows.map((r) => Object.fromEntries(r.split(';').map((v, i) => [names[i]!, v])));
};
const cents = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);
const money = (centiHours: number, rateCentiCents: number) =>
  Math.sign(centiHours * rateCentiCents) * Math.round(Math.abs(centiHours * rateCentiCents) / 10000);

async function exportsOf(call: Awaited<ReturnType<typeof may>>['call']) {
  const folder = tempDir('passerelle-paie-');
  const file = async (format: 'variables' | 'csv' | 'xlsx' | 'pdf') =>
    readFileSync(valueOf(await call('payroll/export', { ...target, format, folder })).path);
  return {
    variables: csvRows((await file('variables')).toString('utf8')),
    control: csvRows((await file('csv')).toString('utf8')),
    xlsx: await file('xlsx'),
    pdf: await file('pdf'),
  };
}

describe('a month with every kind of pay line, exported and read back from disk', () => {
  it('every line is quantity × rate, the gross their sum, the keys present and stable across a contract regeneration', async () => {
    const { call, participationId } = await may();
    const validated = valueOf(await call('payroll/validate', { ...target, confirmChecks: true }));
    const gross = validated.lines[0]!.grossCents;
    const files = await exportsOf(call);

    // The variables de paie: each kind of line, with the employer's code where typed.
    const codes = files.variables.map((r) => r['Rubrique']);
    for (const code of ['1000', 'HC10', 'HC25', 'FERIE', 'ANNUL', 'ANNEXE', 'ABP-RDV', 'ABS-ANJ'])
      expect(codes, code).toContain(code);
    // Two rates in the month for the normal hours: before and from the SMIC of 15 May.
    expect(files.variables.filter((r) => r['Rubrique'] === '1000').map((r) => r['Taux'])).toEqual(['12,02', '12,30']);
    // The holiday and the unpaid absence, on their days.
    expect(files.variables.find((r) => r['Rubrique'] === 'FERIE')).toMatchObject({
      Du: '01/05/2026',
      Au: '01/05/2026',
      Quantité: '3,50',
      Taux: '12,02',
      Montant: '42,07',
    });
    expect(files.variables.find((r) => r['Rubrique'] === 'ABS-ANJ')).toMatchObject({
      Du: '27/05/2026',
      Quantité: '3,50',
      Taux: '0,00',
      Montant: '0,00',
    });
    // Heures complémentaires of the week of 18 May: 3 h beyond 17 h 30, the tenth is 1 h 45; at the SMIC of 12,30 €.
    expect(
      files.variables
        .filter((r) => r['Rubrique']!.startsWith('HC'))
        .map((r) => [r['Rubrique'], r['Quantité'], r['Taux']]),
    ).toEqual([
      ['HC10', '1,75', '13,53'],
      ['HC25', '1,25', '15,375'],
    ]);
    for (const r of files.variables) {
      const rate = Math.round(Number(r['Taux']!.replace(',', '.')) * 10000);
      expect(cents(r['Montant']!), `${r['Rubrique']} ${r['Du']}`).toBe(money(cents(r['Quantité']!), rate));
      expect(r).toMatchObject({
        'Début de période': '01/05/2026',
        'Fin de période': '31/05/2026',
        Matricule: 'AI-0042',
        Contrat: expect.stringMatching(/^CT-2026-\d{4}$/),
      });
    }
    expect(files.variables.reduce((sum, r) => sum + cents(r['Montant']!), 0)).toBe(gross);

    // The control sheet (.csv): the period, the keys, each family of pay line, the same gross.
    const [control] = files.control;
    expect(control).toMatchObject({
      'Début de période': '01/05/2026',
      'Fin de période': '31/05/2026',
      'Matricule employeur': 'AI-0042',
      'Brut estimé': (gross / 100).toFixed(2).replace('.', ','),
    });
    const families = Object.keys(control!).filter((h) => h.endsWith('(montant)'));
    expect(families.reduce((sum, h) => sum + cents(control![h]!), 0)).toBe(gross);
    expect(control!['Heures complémentaires +25 % (heures)']).toBe('1,25');

    // The .xlsx: the same lines as numbers, dates as dates.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(files.xlsx as never);
    const sheet = book.getWorksheet('Lignes de paie')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const at = (row: number, header: string) => sheet.getRow(row).getCell(headers.indexOf(header) + 1).value;
    let total = 0;
    for (let row = 2; row <= sheet.rowCount; row++) {
      const [quantity, rate, amount] = [at(row, 'Quantité (heures)'), at(row, 'Taux'), at(row, 'Montant')];
      expect([typeof quantity, typeof rate, typeof amount]).toEqual(['number', 'number', 'number']);
      expect(Math.round((amount as number) * 100)).toBe(
        money(Math.round((quantity as number) * 100), Math.round((rate as number) * 10000)),
      );
      expect(at(row, 'Du')).toBeInstanceOf(Date);
      total += Math.round((amount as number) * 100);
    }
    expect(sheet.rowCount - 1).toBe(files.variables.length);
    expect(total).toBe(gross);
    const summary = book.getWorksheet('Synthèse')!;
    const summaryHeaders = (summary.getRow(1).values as string[]).slice(1);
    expect(summary.getRow(2).getCell(summaryHeaders.indexOf('Début de période') + 1).value).toEqual(
      new Date('2026-05-01T00:00:00Z'),
    );
    expect(summary.getRow(2).getCell(summaryHeaders.indexOf('Heures normales (montant)') + 1).value).toEqual(
      expect.any(Number),
    );
    // The SMIC's date is a date too, not a text an import would skip.
    expect(summary.getRow(2).getCell(summaryHeaders.indexOf('En vigueur à partir du') + 1).value).toEqual(
      new Date('2026-05-15T00:00:00Z'),
    );
    expect(summary.getRow(2).getCell(summaryHeaders.indexOf('Mois') + 1).value).toBe('mai 2026');

    // The summary to sign: the period and the pay lines.
    const pdf = pdfText(keep('releve-lignes-de-paie.pdf', files.pdf)).replace(/\s+/g, ' ');
    expect(pdf).toContain('Période du 01/05/2026 au 31/05/2026');
    expect(pdf).toContain('Lignes de paie');
    expect(pdf).toContain('Heures complémentaires majorées de 25 %');

    // A regenerated contract (v2) keeps the keys: same contract number, same matricule, same figures.
    const contract = files.variables[0]!['Contrat'];
    valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    const again = valueOf(await call('payroll/validate', { ...target, confirmChecks: true }));
    expect(again.lines[0]!.grossCents).toBe(gross);
    const after = await exportsOf(call);
    expect(new Set(after.variables.map((r) => r['Contrat']))).toEqual(new Set([contract]));
    expect(after.variables.map((r) => [r['Matricule'], r['Rubrique'], r['Quantité'], r['Taux'], r['Montant']])).toEqual(
      files.variables.map((r) => [r['Matricule'], r['Rubrique'], r['Quantité'], r['Taux'], r['Montant']]),
    );
  });
});
