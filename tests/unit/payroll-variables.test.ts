import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { configured, fakeClock, tempDir, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/** June 2026, a 4-week MESP, Élodie present every time at 12,02 €, a SMIC of 12,30 € from 15 June, an annex time done; today is 2 July. */
const printer = nodePdfPrinter();
afterAll(() => printer.close());

async function june() {
  const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
  const { call } = setup;
  valueOf(await call('settings/addWageRate', { effectiveFrom: '2026-06-15', hourlyCents: 1230 }));
  const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
  const generated = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const personId = await admitted(call, 'Élodie');
  const contract = mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' });
  const joined = valueOf(
    await call('worksites/addParticipant', { id: worksite.id, personId, contract, confirmWarnings: true }),
  );
  const participationId = joined.participants[0]!.id;
  valueOf(
    await call('attendance/save', {
      worksiteId: worksite.id,
      entries: generated.sessions.map((s) => ({
        sessionId: s.id,
        participationId,
        mark: { mark: 'present' as const },
      })),
    }),
  );
  valueOf(
    await call('worksites/addAnnexTime', {
      participationId,
      annexTime: { kind: 'bilan_mi_parcours', date: '2026-06-17', start: '14:00', end: '16:00', paid: true },
    }),
  );
  const annexTimeId = valueOf(await call('worksites/get', { id: worksite.id })).participants[0]!.annexTimes[0]!.id;
  valueOf(await call('attendance/markAnnexTime', { annexTimeId, done: true }));
  return { ...setup, personId };
}

const parse = (csv: string) => {
  const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
  const names = header!.split(';');
  return rows.map((r) => Object.fromEntries(r.split(';').map((v, i) => [names[i], v])));
};
const num = (text: string) => Number(text.replace(',', '.'));

describe('the variables de paie file', () => {
  it('keys each line by matricule and rubrique code; every amount is quantity × rate; the gross is their sum', async () => {
    const { call, personId } = await june();
    const before = valueOf(await call('payroll/get', { month: '2026-06', employerId: 1 }));
    expect(before.checks.map((c) => c.message)).toContain(
      'Élodie Lefèvre : matricule chez Relais Emploi Iroise non renseigné (fiche de la personne).',
    );

    expect(valueOf(await call('payroll/setMatricule', { personId, employerId: 1, matricule: 'E0042' }))).toEqual([
      { employerId: 1, employerName: 'Relais Emploi Iroise', matricule: 'E0042' },
    ]);
    const other = await admitted(call, 'Karim');
    expect(await call('payroll/setMatricule', { personId: other, employerId: 1, matricule: 'E0042' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await call('payroll/setPayItemCodes', { employerId: 1, codes: [{ item: 'hc_25', code: '=1+1' }] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const codes = valueOf(
      await call('payroll/setPayItemCodes', { employerId: 1, codes: [{ item: 'heures_normales', code: '1000' }] }),
    );
    expect(codes.find((c) => c.item === 'heures_normales')).toEqual({
      item: 'heures_normales',
      code: '1000',
      description: 'Heures normales travaillées (au taux en vigueur chaque jour)',
      isDefault: false,
    });
    expect(codes.find((c) => c.item === 'hc_10')).toMatchObject({ code: 'HC10', isDefault: true });

    const validated = valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    const gross = validated.lines[0]!.grossCents;
    const folder = tempDir();
    const rows = parse(
      readFileSync(
        valueOf(await call('payroll/export', { month: '2026-06', employerId: 1, format: 'variables', folder })).path,
        'utf8',
      ),
    );
    // Week of 15 June: 14 h worked + 2 h annex time = 2 h complementary, the week's last minutes (Thursday 18), at the SMIC of 12,30 €.
    expect(rows.map((r) => [r['Rubrique'], r['Quantité'], r['Taux'], r['Montant']])).toEqual([
      ['1000', '28,00', '12,02', '336,56'],
      ['1000', '26,00', '12,30', '319,80'],
      ['HC10', '1,40', '13,53', '18,94'],
      ['HC25', '0,60', '15,375', '9,23'],
      ['ANNEXE', '2,00', '12,30', '24,60'],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({
        'Début de période': '01/06/2026',
        'Fin de période': '30/06/2026',
        Matricule: 'E0042',
        Nom: 'Lefèvre',
      });
      expect(r['Contrat']).not.toMatch(/ v\d/);
      expect(Math.round(num(r['Quantité']!) * num(r['Taux']!) * 100)).toBe(Math.round(num(r['Montant']!) * 100));
    }
    expect(rows.reduce((sum, r) => sum + Math.round(num(r['Montant']!) * 100), 0)).toBe(gross);
  });

  it('is refused while someone of the month has no matricule, naming them; the control sheet is not; a matricule then a new validation makes it', async () => {
    const { call, personId } = await june();
    valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    const folder = tempDir();
    expect(
      await call('payroll/export', { month: '2026-06', employerId: 1, format: 'variables', folder }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('le matricule d’Élodie Lefèvre chez Relais Emploi Iroise n’est pas renseigné'),
      },
    });
    expect((await call('payroll/export', { month: '2026-06', employerId: 1, format: 'csv', folder })).ok).toBe(true);
    // Entered after the validation: the kept file still lacks it, until the month is validated again.
    valueOf(await call('payroll/setMatricule', { personId, employerId: 1, matricule: 'E0042' }));
    expect((await call('payroll/export', { month: '2026-06', employerId: 1, format: 'variables', folder })).ok).toBe(
      false,
    );
    valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    const rows = parse(
      readFileSync(
        valueOf(await call('payroll/export', { month: '2026-06', employerId: 1, format: 'variables', folder })).path,
        'utf8',
      ),
    );
    expect(new Set(rows.map((r) => r['Matricule']))).toEqual(new Set(['E0042']));
  });
});
