import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { keep, pdfText } from './support/pdf';
import { configured, fakeClock, tempDir, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/**
 * June 2026, a 4-week MESP of 16 half-days (08:30–12:00), Élodie present every
 * time, her contract at 12,02 €; today is 2 July. Figures counted by hand.
 */
const printer = nodePdfPrinter();
afterAll(() => printer.close());

async function june(options: { smicFrom?: string } = {}) {
  const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
  const { call } = setup;
  if (options.smicFrom)
    valueOf(await call('settings/addWageRate', { effectiveFrom: options.smicFrom, hourlyCents: 1230 }));
  const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
  const generated = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const personId = await admitted(call, 'Élodie');
  const add = (confirmWarnings: boolean) =>
    call('worksites/addParticipant', {
      id: worksite.id,
      personId,
      contract: mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' }),
      confirmWarnings,
    });
  const first = await add(false);
  const joined = first.ok ? first.value : valueOf(await add(true));
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
  return { ...setup, first, worksiteId: worksite.id, personId, participationId };
}

describe('the wage in force on each day, through the hand-off', () => {
  it('a SMIC of 12,30 € from 15 June: warned at hiring, then 28 h at 12,02 € and 28 h at 12,30 € = 680,96 €, shown on screen, in the CSV and the PDF', async () => {
    const { call, first } = await june({ smicFrom: '2026-06-15' });
    expect(first).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'wageRaise' } });
    expect(first.ok ? '' : first.error.message).toContain(
      'Le SMIC passe à 12,30\u00a0€ le 15/06/2026, pendant ce contrat : le taux de 12,02\u00a0€ sera porté à 12,30\u00a0€',
    );

    const draft = valueOf(await call('payroll/get', { month: '2026-06', employerId: 1 }));
    expect(draft.lines[0]).toMatchObject({
      hourlyCents: 1202,
      paid: 56 * 60,
      grossCents: 68096,
      rates: [
        {
          from: '2026-06-01',
          to: '2026-06-11',
          hourlyCents: 1202,
          smicFrom: null,
          minutes: 28 * 60,
          amountCents: 33656,
        },
        {
          from: '2026-06-15',
          to: '2026-06-25',
          hourlyCents: 1230,
          smicFrom: '2026-06-15',
          minutes: 28 * 60,
          amountCents: 34440,
        },
      ],
    });
    expect(draft.checks.map((c) => c.message)).toContain(
      'Élodie Lefèvre : SMIC revalorisé le 15/06/2026 : 12,30\u00a0€ appliqués à partir de cette date (taux du contrat : 12,02\u00a0€).',
    );

    valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    const folder = tempDir();
    const csv = readFileSync(
      valueOf(await call('payroll/export', { month: '2026-06', employerId: 1, format: 'csv', folder })).path,
      'utf8',
    );
    expect(csv).not.toMatch(/[\u202f\u00a0]/);
    const [header, line] = csv.slice(1).split('\r\n');
    const cells = Object.fromEntries(header!.split(';').map((h, i) => [h, line!.split(';')[i]]));
    expect(cells).toMatchObject({
      'Taux horaire brut': '12,02',
      'Taux horaire en vigueur (SMIC)': '12,30',
      'En vigueur à partir du': '15/06/2026',
      'Brut estimé': '680,96',
    });
    // The events cell holds a « ; » between events, so it is quoted: read it in the whole line.
    expect(line).toContain('SMIC revalorisé le 15/06/2026 : 12,30 € appliqués à partir de cette date');
    const pdf = pdfText(
      keep(
        'paie-smic.pdf',
        readFileSync(
          valueOf(await call('payroll/export', { month: '2026-06', employerId: 1, format: 'pdf', folder })).path,
        ),
      ),
    );
    expect(pdf).toMatch(
      /Élodie Lefèvre : SMIC revalorisé le 15\/06\/2026 : 12,30\s€ appliqués à partir de cette date \(taux du contrat : 12,02\s€\)/,
    );
    expect(pdf).toMatch(/\(SMIC\)\s+à/); // the rate column names the SMIC applied
    expect(pdf).toContain('680,96');
  });

  it('no SMIC above the contract: no warning at hiring, one rate, 673,12 €, no SMIC check', async () => {
    const { call, first } = await june();
    expect(first.ok).toBe(true);
    const draft = valueOf(await call('payroll/get', { month: '2026-06', employerId: 1 }));
    expect(draft.lines[0]).toMatchObject({
      grossCents: 67312,
      rates: [{ hourlyCents: 1202, smicFrom: null, minutes: 56 * 60 }],
    });
    expect(draft.checks.some((c) => c.message.includes('SMIC'))).toBe(false);
  });
});

describe('annex times and worked half-days, through the worksite and hours methods', () => {
  it('refuses an annex time overlapping a half-day, accepts an adjacent one and a health check inside, and pays worked time once', async () => {
    const { call, worksiteId, participationId } = await june();
    const addAnnex = (
      kind: 'bilan_mi_parcours' | 'visite_medicale' | 'psychologue',
      date: string,
      start: string,
      end: string,
    ) => call('worksites/addAnnexTime', { participationId, annexTime: { kind, date, start, end, paid: true } });

    const overlapping = await addAnnex('bilan_mi_parcours', '2026-06-02', '11:00', '12:30');
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'annexTime.start' } });
    expect(overlapping.ok ? '' : overlapping.error.message).toBe(
      'Ce temps annexe (11:00 à 12:30) chevauche la demi-journée (08:30 à 12:00) le 02/06/2026 : le même temps de travail serait payé deux fois. ' +
        'Placez-le avant ou après ; seul un bilan de santé ou une visite médicale peut avoir lieu pendant la demi-journée (le temps commun est alors compté une fois).',
    );
    valueOf(await addAnnex('bilan_mi_parcours', '2026-06-02', '12:00', '13:00')); // adjacent: accepted
    valueOf(await addAnnex('visite_medicale', '2026-06-03', '09:00', '10:00')); // inside, a health check: accepted
    expect(await addAnnex('psychologue', '2026-06-02', '12:30', '13:30')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    }); // over the adjacent annex time
    valueOf(await addAnnex('psychologue', '2026-06-04', '14:00', '14:30')); // disjoint: accepted

    const annexIds = valueOf(await call('worksites/get', { id: worksiteId })).participants[0]!.annexTimes.map(
      (a) => a.id,
    );
    expect(annexIds).toHaveLength(3);
    for (const annexTimeId of annexIds) valueOf(await call('attendance/markAnnexTime', { annexTimeId, done: true }));

    // 56 h worked; + 1 h (12:00–13:00) + 0 h (the health check inside a worked morning) + 30 min = 57 h 30 paid.
    // Week of 1 June: 14 h worked + 1 h 30 of annex times = 1 h 30 complementary for a 14 h contract: 1 h 24 at +10 %, 6 min at +25 %.
    const row = valueOf(await call('attendance/hours', { worksiteId })).rows[0]!;
    expect(row).toMatchObject({ worked: 56 * 60, paid: 57 * 60 + 30, complementary: 90 });
    expect(row.weeks[0]).toMatchObject({
      weekOf: '2026-06-01',
      worked: 14 * 60,
      paid: 15 * 60 + 30,
      complementary: 90,
    });
    // Durations and percentages are set with no-break spaces; the words are what is checked here.
    expect(row.warnings.map((w) => w.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      'Semaine du 01/06/2026 : 1 h 30 d’heures complémentaires (heures travaillées et temps annexes rémunérés faits), au-delà du dixième du contrat (1 h 24) : 1 h 24 à +10 %, 0 h 06 à +25 %.',
    ]);

    const line = valueOf(await call('payroll/get', { month: '2026-06', employerId: 1 })).lines[0]!;
    // The heures complémentaires are paid at their majorated rate (L3123-8, L3123-29), not at the normal rate:
    // They are the week's last working minutes (4 June), taken from that day's worked hours:
    // 54,50 h × 12,02 € + 1,40 h × 13,222 € + 0,10 h × 15,025 € + 1,50 h of annex times × 12,02 € = 655,09 + 18,51 + 1,50 + 18,03 = 693,13 €.
    expect(line).toMatchObject({
      paid: 57 * 60 + 30,
      complementary: 90,
      complementaryWithinTenth: 84,
      complementaryBeyondTenth: 6,
      grossCents: 69313,
    });
    expect(line.payLines!.map((l) => [l.item, l.centiHours, l.rateCentiCents, l.amountCents])).toEqual([
      ['heures_normales', 5450, 120200, 65509],
      ['hc_10', 140, 132220, 1851],
      ['hc_25', 10, 150250, 150],
      ['temps_annexe', 150, 120200, 1803],
    ]);
  });
});
