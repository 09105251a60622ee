import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { keep, pdfText } from './support/pdf';
import { caller, configured, fakeClock, sessionAs, tempDir, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/**
 * June 2026, a 4-week MESP of 16 half-days (Monday–Thursday, 08:30–12:00),
 * Élodie present every time at 12,02 €, an annex time on 17 June not marked
 * yet; today is 2 July. After validation every kind of input changes, and
 * again after transmission.
 */
const printer = nodePdfPrinter();
afterAll(() => printer.close());
const target = { month: '2026-06', employerId: 1 };
const july = { month: '2026-07', employerId: 1 };

async function june() {
  const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
  const { call } = setup;
  const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
  const sessions = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] })).sessions;
  const personId = await admitted(call, 'Élodie');
  const contract = mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' });
  const participationId = valueOf(
    await call('worksites/addParticipant', { id: worksite.id, personId, contract, confirmWarnings: true }),
  ).participants[0]!.id;
  valueOf(
    await call('attendance/save', {
      worksiteId: worksite.id,
      entries: sessions.map((s) => ({ sessionId: s.id, participationId, mark: { mark: 'present' as const } })),
    }),
  );
  valueOf(
    await call('worksites/addAnnexTime', {
      participationId,
      annexTime: { kind: 'bilan_mi_parcours', date: '2026-06-17', start: '14:00', end: '16:00', paid: true },
    }),
  );
  const annexTimeId = valueOf(await call('worksites/get', { id: worksite.id })).participants[0]!.annexTimes[0]!.id;
  const session = (date: string) => sessions.find((s) => s.date === date)!.id;
  const changes = {
    annexDone: (reason: string | null = null) =>
      call('attendance/markAnnexTime', {
        annexTimeId,
        done: true,
        regularisation: reason === null ? null : { reason },
      }),
    absent: (date: string, reason: string | null) =>
      call('attendance/save', {
        worksiteId: worksite.id,
        entries: [
          {
            sessionId: session(date),
            participationId,
            mark: { mark: 'non_justifiee' as const, proofReceived: false, proofDate: null },
          },
        ],
        regularisation: reason === null ? null : { reason },
      }),
    cancel: (date: string) =>
      call('worksites/cancelSession', { sessionId: session(date), reason: 'Atelier fermé (fuite)', kind: 'structure' }),
    endEarly: (date: string) =>
      call('contracts/endEarly', { participationId, earlyEnd: { date, reason: 'accord_commun' } }),
  };
  return { ...setup, worksiteId: worksite.id, participationId, changes };
}

const itemsOf = (view: { changes: { item: string }[] }) => [...new Set(view.changes.map((c) => c.item))].sort();

describe('after validation, no silent drift', () => {
  it('each kind of change makes the month « à revalider » with what changed per person and line, and transmitting waits for a new validation', async () => {
    const { call, changes, worksiteId } = await june();
    const revalidate = async () => {
      const again = valueOf(await call('payroll/validate', { ...target, confirmChecks: true }));
      expect(again).toMatchObject({ status: 'valide', stale: false, changes: [] });
      return again;
    };
    await revalidate();

    // An annex time marked done: 2 h paid, and the week's heures complémentaires.
    valueOf(await changes.annexDone());
    let view = valueOf(await call('payroll/get', target));
    expect(view.stale).toBe(true);
    expect(view.changes.find((c) => c.item === 'temps_annexe')).toMatchObject({
      name: 'Élodie Lefèvre',
      beforeMinutes: 0,
      afterMinutes: 120,
      beforeCents: 0,
      afterCents: 2404,
      afterDates: ['2026-06-17'],
    });
    expect(itemsOf(view)).toEqual(['hc_10', 'hc_25', 'heures_normales', 'temps_annexe']);
    expect(await call('payroll/transmit', target)).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Les chiffres de juin 2026 ont changé depuis la validation : validez le mois à nouveau avant de le transmettre.',
      },
    });
    await revalidate();

    // An attendance mark: present → unjustified absence.
    valueOf(await changes.absent('2026-06-02', null));
    view = valueOf(await call('payroll/get', target));
    expect(view.stale).toBe(true);
    expect(view.changes.find((c) => c.item === 'absence_non_payee_non_justifiee')).toMatchObject({
      beforeMinutes: 0,
      afterMinutes: 210,
      afterCents: 0,
      afterDates: ['2026-06-02'],
    });
    expect(view.changes.find((c) => c.item === 'heures_normales')).toMatchObject({ beforeMinutes: expect.any(Number) });
    await revalidate();

    // A half-day cancelled by the structure: paid, on another line.
    valueOf(await changes.cancel('2026-06-03'));
    view = valueOf(await call('payroll/get', target));
    expect(view.stale).toBe(true);
    expect(view.changes.find((c) => c.item === 'annulation_payee')).toMatchObject({
      beforeMinutes: 0,
      afterMinutes: 210,
      afterCents: 4207,
    });
    await revalidate();

    // The contract ends early: the last three half-days go.
    valueOf(await changes.endEarly('2026-06-22'));
    view = valueOf(await call('payroll/get', target));
    expect(view.stale).toBe(true);
    const normal = view.changes.find((c) => c.item === 'heures_normales')!;
    expect(normal.beforeMinutes - normal.afterMinutes).toBe(3 * 210);
    expect(normal.beforeDates.filter((d) => !normal.afterDates.includes(d))).toEqual([
      '2026-06-23',
      '2026-06-24',
      '2026-06-25',
    ]);
    const validated = await revalidate();

    // The payroll screen and the hours screen count the same.
    const row = valueOf(await call('attendance/hours', { worksiteId })).rows[0]!;
    expect(row.months.find((m) => m.month === '2026-06')?.paid).toBe(validated.lines[0]!.paid);
    valueOf(await call('payroll/transmit', target));
  });
});

describe('after transmission, changes become régularisations of the next month', () => {
  it('an annex time and an attendance mark with their reason, and an early end, are each carried once by July; a half-day of June no longer moves', async () => {
    const { call, changes } = await june();
    valueOf(await call('payroll/validate', { ...target, confirmChecks: true }));
    valueOf(await call('payroll/transmit', target));

    // A correction of what happened needs its reason (domain/payroll-month-changes.ts).
    expect(await changes.annexDone()).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'regularisation' },
    });
    valueOf(await changes.annexDone('Bilan pointé après l’envoi')); // +2 h paid
    expect(await changes.absent('2026-06-02', null)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'regularisation' },
    });
    valueOf(await changes.absent('2026-06-02', 'Absence signalée après coup')); // −3 h 30, recorded with its reason
    // The planning of a sent month is history: its attendance is corrected instead.
    expect(await changes.cancel('2026-06-03')).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Le mois de juin 2026 a été transmis à l’employeur de portage le 02/07/2026 : ses demi-journées ne se changent plus. Pour changer ces heures, corrigez les présences du 03/06/2026 dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.',
      },
    });
    valueOf(await changes.endEarly('2026-06-22')); // −3 × 3 h 30: a fact of the contract, recorded as such

    const juneView = valueOf(await call('payroll/get', target));
    expect(juneView).toMatchObject({ status: 'transmis', stale: false });
    expect(itemsOf(juneView)).toEqual([
      'absence_non_payee_non_justifiee',
      'hc_10',
      'hc_25',
      'heures_normales',
      'temps_annexe',
    ]);

    const expected = 120 - 210 - 3 * 210;
    const draft = valueOf(await call('payroll/get', july));
    expect(draft.lines).toHaveLength(1);
    expect(draft.lines[0]).toMatchObject({ name: 'Élodie Lefèvre', regularisationPaid: expected, paid: 0 });
    // Pay line by pay line (domain/regularisation-lines.ts): the annex time done makes 2 h of heures
    // complémentaires paid +10 % (1 h 24, the tenth of 14 h) and +25 % (36 min), not 2 h at the normal rate.
    const regularisation = draft.lines[0]!.payLines!.filter((l) => l.regularisation);
    expect(regularisation.map((l) => [l.item, l.from, l.to, l.minutes, l.rateCentiCents, l.amountCents])).toEqual([
      ['heures_normales', '2026-06-01', '2026-06-25', -120, 120200, -2404], // the annex time: 2 h of the month's normal hours become complementary
      ['heures_normales', '2026-06-02', '2026-06-02', -210, 120200, -4207], // the absence, with its reason
      ['heures_normales', '2026-06-23', '2026-06-25', -630, 120200, -12621], // the early end (23–25 June)
      ['hc_10', '2026-06-18', '2026-06-18', 84, 132220, 1851],
      ['hc_25', '2026-06-18', '2026-06-18', 36, 150250, 902],
      ['temps_annexe', '2026-06-17', '2026-06-17', 120, 120200, 2404],
      ['absence_non_payee_non_justifiee', '2026-06-02', '2026-06-02', 210, 0, 0],
    ]);
    expect(
      regularisation.filter((l) => !l.item.startsWith('absence_non_payee_')).reduce((sum, l) => sum + l.minutes, 0),
    ).toBe(expected);
    for (const l of regularisation)
      expect(l.amountCents).toBe(
        Math.sign(l.centiHours * l.rateCentiCents) * Math.round(Math.abs(l.centiHours * l.rateCentiCents) / 10000),
      );
    expect(draft.lines[0]!.grossCents).toBe(-4207 - 2404 - 12621 + 1851 + 902 + 2404);

    // Validating July records what had no régularisation; nothing is counted twice afterwards.
    const validated = valueOf(await call('payroll/validate', { ...july, confirmChecks: true }));
    expect(validated).toMatchObject({ stale: false, changes: [], lines: [{ regularisationPaid: expected }] });
    expect(valueOf(await call('payroll/get', july))).toMatchObject({
      stale: false,
      lines: [{ regularisationPaid: expected }],
    });
    // The summary to sign: the régularisation is a withdrawal of 12 h, on its row and in the total (never a bare « 12 h »).
    const pdf = pdfText(
      keep(
        'paie-regularisation.pdf',
        readFileSync(valueOf(await call('payroll/export', { ...july, format: 'pdf', folder: tempDir() })).path),
      ),
    ).replace(/\s+/g, ' ');
    expect(pdf).toMatch(/Total \(1 personne\)( 0\s?h){4} − 12 h /);
    expect(pdf.match(/− 12 h/g)).toHaveLength(2);
    // The early end names itself as the reason.
    expect(pdf).toContain(
      'régularisation du 23/06/2026 (− 10 h 30 payées), Fin anticipée au 22/06/2026 (après la transmission de juin 2026)',
    );
    // An unpaid absence changes no paid hours (never « + 0 h »).
    expect(pdf).toContain('régularisation du 02/06/2026 (heures payées inchangées), Absence signalée après coup');
    expect(pdf).toContain('régularisation du 02/06/2026 (− 3 h 30 payées), Absence signalée après coup');
    expect(valueOf(await call('payroll/get', { month: '2026-08', employerId: 1 })).lines).toEqual([]);
    const reasons = (await call('attendance/hours', { personId: (await draftPerson(call)).personId })) as {
      ok: true;
      value: { rows: { regularisations: { date: string; paidDelta: number; reason: string; sent: boolean }[] }[] };
    };
    expect(reasons.value.rows[0]!.regularisations.map((r) => [r.date, r.paidDelta, r.reason, r.sent])).toEqual([
      ['2026-06-01', -120, 'Bilan pointé après l’envoi', true],
      ['2026-06-02', -210, 'Absence signalée après coup', true],
      ['2026-06-02', 0, 'Absence signalée après coup', true], // the unpaid absence line: hours, no pay
      ['2026-06-17', 120, 'Bilan pointé après l’envoi', true],
      ['2026-06-18', 84, 'Bilan pointé après l’envoi', true],
      ['2026-06-18', 36, 'Bilan pointé après l’envoi', true],
      ['2026-06-23', -630, 'Fin anticipée au 22/06/2026 (après la transmission de juin 2026)', true],
    ]);
  });
});

async function draftPerson(call: Awaited<ReturnType<typeof configured>>['call']) {
  return valueOf(await call('payroll/get', target)).lines[0]!;
}

describe('withdrawing a transmission made by mistake', () => {
  it('only an administrator, with a reason, journaled, until the next month is transmitted', async () => {
    const { call, services, changes } = await june();
    valueOf(await call('payroll/validate', { ...target, confirmChecks: true }));
    valueOf(await call('payroll/transmit', target));
    valueOf(await changes.absent('2026-06-02', 'Absence signalée après coup'));

    const coordination = caller(services, await sessionAs(services, 'coordination', 'Gaëlle Coordination'));
    expect(await coordination('payroll/withdraw', { ...target, reason: 'Erreur' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('payroll/withdraw', { ...target, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'reason' },
    });
    expect(await call('payroll/withdraw', { ...july, reason: 'Erreur' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Les heures de juillet 2026 ne sont pas marquées comme transmises : rien à retirer.',
      },
    });

    const withdrawn = valueOf(
      await call('payroll/withdraw', { ...target, reason: 'Marqué transmis par erreur, le fichier n’est pas parti' }),
    );
    expect(withdrawn).toMatchObject({
      status: 'valide',
      transmittedAt: null,
      withdrawals: [
        { reason: 'Marqué transmis par erreur, le fichier n’est pas parti', withdrawnBy: expect.any(String) },
      ],
    });
    // The month is open again: the absence is in its own figures, no longer a régularisation.
    expect(withdrawn.stale).toBe(true);
    expect(await services.db.selectFrom('regularisations').selectAll().execute()).toEqual([]);
    const journal = await services.db
      .selectFrom('journal')
      .select(['method', 'records'])
      .where('method', '=', 'payroll/withdraw')
      .execute();
    expect(journal).toHaveLength(1);
    expect(journal[0]!.records).not.toContain('erreur');
    // A day of June changes without a reason again.
    valueOf(await changes.absent('2026-06-04', null));

    // Once July is transmitted, June's transmission stays.
    valueOf(await call('payroll/validate', { ...target, confirmChecks: true }));
    valueOf(await call('payroll/transmit', target));
    valueOf(await changes.annexDone('Bilan pointé après l’envoi'));
    valueOf(await call('payroll/validate', { ...july, confirmChecks: true }));
    valueOf(await call('payroll/transmit', july));
    expect(await call('payroll/withdraw', { ...target, reason: 'Erreur' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Juillet 2026 a déjà été transmis à Relais Emploi Iroise : la transmission de juin 2026 ne peut plus être retirée. Une correction passe par une régularisation.',
      },
    });
  });
});

describe('a correction of a transmitted month keeps the heures complémentaires majoration (L3123-8, L3123-29)', () => {
  it('18 June marked absent after transmission takes back the 2 h of heures complémentaires at +10 % and +25 %, in the July files re-read from disk', async () => {
    const { call, changes } = await june();
    valueOf(await changes.annexDone()); // week of 15 June: 14 h + 2 h annex = 2 h complementary on Thursday 18
    const personId = (await draftPerson(call)).personId;
    valueOf(await call('payroll/setMatricule', { personId, employerId: 1, matricule: 'E0042' }));
    const sent = valueOf(await call('payroll/validate', { ...target, confirmChecks: true }));
    expect(sent.lines[0]!.payLines!.filter((l) => l.item.startsWith('hc_')).map((l) => [l.item, l.minutes])).toEqual([
      ['hc_10', 84],
      ['hc_25', 36],
    ]);
    valueOf(await call('payroll/transmit', target));

    valueOf(await changes.absent('2026-06-18', 'Absence signalée après l’envoi'));
    valueOf(await call('payroll/validate', { ...july, confirmChecks: true }));
    const view = valueOf(await call('payroll/get', july));
    const taken = view.lines[0]!.payLines!.map((l) => [l.item, l.minutes, l.rateCentiCents, l.amountCents]);
    // Not 3 h 30 at the normal rate: 1 h 30 normal, 1 h 24 at +10 %, 36 min at +25 %, and the unpaid absence.
    expect(taken).toEqual([
      ['heures_normales', -90, 120200, -1803],
      ['hc_10', -84, 132220, -1851],
      ['hc_25', -36, 150250, -902],
      ['absence_non_payee_non_justifiee', 210, 0, 0],
    ]);
    expect(view.lines[0]!.grossCents).toBe(-1803 - 1851 - 902);

    const folder = tempDir();
    const text = readFileSync(
      valueOf(await call('payroll/export', { ...july, format: 'variables', folder })).path,
      'utf8',
    );
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(';'));
    const column = (row: string[], name: string) => row[header!.indexOf(name)]!;
    expect(
      rows.map((r) => [
        column(r, 'Matricule'),
        column(r, 'Rubrique'),
        column(r, 'Quantité'),
        column(r, 'Taux'),
        column(r, 'Montant'),
        column(r, 'Du'),
        column(r, 'Au'),
      ]),
    ).toEqual([
      ['E0042', 'HN', '-1,50', '12,02', '-18,03', '18/06/2026', '18/06/2026'],
      ['E0042', 'HC10', '-1,40', '13,222', '-18,51', '18/06/2026', '18/06/2026'],
      ['E0042', 'HC25', '-0,60', '15,025', '-9,02', '18/06/2026', '18/06/2026'],
      ['E0042', 'ABS-ANJ', '3,50', '0,00', '0,00', '18/06/2026', '18/06/2026'],
    ]);
    expect(column(rows[1]!, 'Libellé')).toMatch(
      /^Régularisation d’un mois transmis : heures complémentaires majorées de 10 %/,
    );
    // Every line recomputes from the file alone: amount = quantity × rate, rounded once.
    const num = (s: string) => Number(s.replace(',', '.'));
    for (const r of rows) {
      const exact = Math.round(num(column(r, 'Quantité')) * 100) * Math.round(num(column(r, 'Taux')) * 10000);
      expect(Math.sign(exact) * Math.round(Math.abs(exact) / 10000)).toBe(Math.round(num(column(r, 'Montant')) * 100));
    }
    const sheet = readFileSync(valueOf(await call('payroll/export', { ...july, format: 'csv', folder })).path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(';'));
    expect(sheet[1]![sheet[0]!.indexOf('Régularisation (montant)')]).toBe('-45,56');
    expect(sheet[1]![sheet[0]!.indexOf('Heures complémentaires +10 % (heures)')]).toBe('0,00');
  });
});
