import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { ASP_CSV_HEADER } from '../../src-main/exports/asp-monthly-state';
import { keep, pdfFonts, pdfInfo, pdfText } from './support/pdf';
import { caller, configured, fakeClock, sessionAs, tempDir, valueOf } from './support/services';
import { person, situation } from './support/people';
import { mesp } from './support/worksites';

/**
 * June 2026 (no public holiday), an ACI worksite from Monday 2 March, Monday
 * to Thursday, morning 08:30–12:00 and afternoon 13:30–17:00 (7 h a day, 28 h
 * a week), two CDDI at 12,02 € from 2 March to 30 September. Today is 2 July.
 * - Élodie LEFÈVRE works every half-day of June but one, 10 June in the
 *   morning, absent without justification (unpaid); a frein « logement » open.
 * - Maëlys LE GALL leaves early on Friday 12 June for a CDI (her exit recorded:
 *   emploi durable); she works every half-day until then.
 * Counted by hand: June holds 5 Mondays, 5 Tuesdays, 4 Wednesdays, 4 Thursdays
 * = 18 days × 7 h = 126 h for Élodie, less 3 h 30 unpaid = 122 h 30 paid (7 350
 * minutes, 123 whole hours); Maëlys: 1–4 and 8–11 June = 8 days × 7 h = 56 h
 * (3 360 minutes). Together 178 h 30 (10 710 minutes).
 */
const printer = nodePdfPrinter();
afterAll(() => printer.close());
const target = { month: '2026-06', employerId: 1 };

function nirOf(body13: string): string {
  return `${body13}${String(97 - Number(BigInt(body13) % 97n)).padStart(2, '0')}`;
}

async function june() {
  const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
  const { call } = setup;
  const worksite = valueOf(
    await call('worksites/save', {
      worksite: mesp({
        name: 'Ressourcerie du Moulin',
        kind: 'aci',
        activity: 'ressourcerie',
        startDate: '2026-03-02',
        weeks: 30,
        slots: [0, 1, 2, 3].flatMap((weekday) => [
          { weekday, halfDay: 'morning' as const },
          { weekday, halfDay: 'afternoon' as const },
        ]),
      }),
    }),
  );
  const sessions = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] })).sessions;
  const hire = async (lastName: string, firstNames: string, body: string, passIae: string) => {
    const { id: personId } = valueOf(
      await call('people/create', {
        person: person({ lastName, firstNames, nir: nirOf(body) }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    const participants = valueOf(
      await call('worksites/addParticipant', {
        id: worksite.id,
        personId,
        contract: {
          type: 'cddi',
          startDate: '2026-03-02',
          endDate: '2026-09-30',
          position: 'Valoriste',
          hourlyCents: 1202,
          handedOn: '2026-03-02',
          signedOn: '2026-03-02',
          derogationUntil: null,
          passIae,
        },
        confirmWarnings: true,
      }),
    ).participants;
    return { personId, journeyId, participationId: participants.find((p) => p.personId === personId)!.id };
  };
  const elodie = await hire('Lefèvre', 'Élodie', '2850529019123', '999992612345');
  const maelys = await hire('Le Gall', 'Maëlys', '2850529019456', '');
  valueOf(
    await call('contracts/endEarly', {
      participationId: maelys.participationId,
      earlyEnd: { date: '2026-06-12', reason: 'embauche_cdi' },
    }),
  );
  valueOf(
    await call('people/recordOutcome', {
      journeyId: maelys.journeyId,
      outcome: {
        category: 'emploi_durable',
        detail: 'CDI de valoriste',
        exitedOn: '2026-06-12',
        afterThreeMonths: '',
        afterSixMonths: '',
      },
    }),
  );
  valueOf(
    await call('people/saveObstacle', {
      personId: elodie.personId,
      obstacle: { kind: 'logement', identifiedOn: '2026-03-02', actions: '', resolvedOn: null },
    }),
  );
  const inJune = sessions.filter((s) => s.date >= '2026-06-01' && s.date <= '2026-06-30');
  const entries = [
    ...inJune.map((s) => ({
      sessionId: s.id,
      participationId: elodie.participationId,
      mark:
        s.date === '2026-06-10' && s.halfDay === 'morning'
          ? { mark: 'non_justifiee' as const, proofReceived: false, proofDate: null }
          : { mark: 'present' as const },
    })),
    ...inJune
      .filter((s) => s.date <= '2026-06-12')
      .map((s) => ({ sessionId: s.id, participationId: maelys.participationId, mark: { mark: 'present' as const } })),
  ];
  valueOf(await call('attendance/save', { worksiteId: worksite.id, entries }));
  return { ...setup, elodie, maelys, sessions: inJune, worksiteId: worksite.id };
}

describe('the ASP monthly state of an ACI, June 2026', () => {
  it('counts each contract’s hours from the payroll’s pay lines, says what to fix, validates, and sees a later change', async () => {
    const { call, elodie, maelys, sessions, worksiteId } = await june();

    const preview = valueOf(await call('asp/preview', target));
    expect(preview.status).toBe('a_valider');
    const rowOf = (rows: typeof preview.rows, participationId: number) =>
      rows.find((r) => r.participationId === participationId)!;
    const e = rowOf(preview.rows, elodie.participationId);
    const m = rowOf(preview.rows, maelys.participationId);
    // Names as the ASP wants them, sorted by name.
    expect(preview.rows.map((r) => `${r.lastName} ${r.firstNames}`)).toEqual(['LE GALL MAELYS', 'LEFEVRE ELODIE']);
    expect([e.paidMinutes, e.workedMinutes, e.hours, e.centiHours]).toEqual([7350, 7350, 123, 12250]);
    expect([e.stillAccompanied, e.actualEndDate, e.exitCategory, e.difficulties]).toEqual([
      true,
      null,
      null,
      ['hebergement'],
    ]);
    expect([m.paidMinutes, m.hours]).toEqual([3360, 56]);
    expect([m.stillAccompanied, m.actualEndDate, m.exitCategory]).toEqual([false, '2026-06-12', 'emploi_durable']);
    expect(preview.totalPaidMinutes).toBe(10710);

    // The same pay lines as the payroll hand-off: its paid lines of the month, summed.
    const payroll = valueOf(await call('payroll/get', target));
    const paidOf = (participationId: number) =>
      payroll.lines
        .find((l) => l.participationId === participationId)!
        .payLines!.filter((p) => p.rateCentiCents > 0 && !p.regularisation)
        .reduce((s, p) => s + p.minutes, 0);
    expect(paidOf(elodie.participationId)).toBe(e.paidMinutes);
    expect(paidOf(maelys.participationId)).toBe(m.paidMinutes);

    // Maëlys has no PASS IAE: validation is refused, the row says what to fix.
    expect(m.problems.map((p) => p.field)).toEqual(['pass_iae']);
    expect(m.problems[0]!.message).toContain('saisissez-le sur le contrat');
    const refused = await call('asp/validate', target);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect([refused.error.code, refused.error.message]).toEqual([
        'CONFLICT',
        '1 point(s) à corriger avant de valider l’état de juin 2026 : chaque ligne dit quoi corriger.',
      ]);
    valueOf(
      await call('contracts/update', {
        participationId: maelys.participationId,
        contract: {
          position: 'Valoriste',
          handedOn: '2026-03-02',
          signedOn: '2026-03-02',
          derogationUntil: null,
          passIae: '999992612346',
        },
      }),
    );

    const validated = valueOf(await call('asp/validate', target));
    expect([validated.status, validated.stale, validated.validatedBy]).toEqual(['valide', false, 'Élodie Le Gall']);
    expect(validated.rows.map((r) => [r.lastName, r.passIae, r.hours])).toEqual([
      ['LE GALL', '999992612346', 56],
      ['LEFEVRE', '999992612345', 123],
    ]);

    // Files of the validated month.
    const folder = tempDir('passerelle-asp-');
    const csv = readFileSync(valueOf(await call('asp/export', { ...target, format: 'csv', folder })).path, 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(ASP_CSV_HEADER.join(';'));
    expect(lines.slice(1, -1)).toEqual([
      '06;2026;LE GALL;MAELYS;999992612346;02/03/2026;56;56,00;N;12/06/2026;Emploi durable;',
      '06;2026;LEFEVRE;ELODIE;999992612345;02/03/2026;123;122,50;O;;;Hébergement',
    ]);
    const pdfPath = valueOf(await call('asp/export', { ...target, format: 'pdf', folder })).path;
    const kept = keep('asp-etat-mensuel', readFileSync(pdfPath));
    expect(pdfInfo(kept)).toEqual({ pages: 1, a4: true });
    expect(pdfFonts(kept).filter((f) => f.type === 'Type 3' || !f.embedded)).toEqual([]);
    const text = pdfText(kept);
    for (const expected of [
      'État mensuel ASP de juin 2026',
      'Période du 01/06/2026 au 30/06/2026',
      'LE GALL',
      'MAELYS',
      '999992612346',
      '12/06/2026',
      'Emploi durable',
      'LEFEVRE',
      '122 h 30',
      '123',
      'Total (2 contrats)',
      '178 h 30',
      '179',
      'LEFEVRE ELODIE : Hébergement',
      'État certifié exact',
    ])
      expect(text, expected).toContain(expected);

    // A later change of attendance: the validated month reads « à revalider », and is not exported until validated again.
    const lastDay = sessions.find((s) => s.date === '2026-06-30' && s.halfDay === 'afternoon')!;
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: [
          {
            sessionId: lastDay.id,
            participationId: elodie.participationId,
            mark: { mark: 'non_justifiee', proofReceived: false, proofDate: null },
          },
        ],
      }),
    );
    const stale = valueOf(await call('asp/get', target));
    expect([stale.status, stale.stale]).toEqual(['valide', true]);
    // The kept rows stay as validated.
    expect(stale.rows.find((r) => r.participationId === elodie.participationId)!.paidMinutes).toBe(7350);
    const blocked = await call('asp/export', { ...target, format: 'csv', folder });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error.message).toContain('validez l’état à nouveau');
    const again = valueOf(await call('asp/validate', target));
    expect(again.stale).toBe(false);
    expect(again.rows.find((r) => r.participationId === elodie.participationId)!.paidMinutes).toBe(7350 - 210);
  });

  it('refuses a month with no CDDI of an ACI, and an export before validation', async () => {
    const { call } = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
    const none = await call('asp/validate', target);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('Aucun contrat CDDI d’un chantier ACI');
    const early = await call('asp/export', { ...target, format: 'pdf', folder: tempDir('passerelle-asp-') });
    expect(early.ok).toBe(false);
    if (!early.ok)
      expect(early.error.message).toBe('Validez d’abord l’état du mois : seul un état validé est exporté.');
  });

  it('is not the encadrant’s', async () => {
    const { services } = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
    const asEncadrant = caller(services, await sessionAs(services, 'encadrant'));
    const answer = await asEncadrant('asp/preview', target);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
  });
});
