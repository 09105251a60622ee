import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { configured, fakeClock, valueOf } from './support/services';
import { admitted, mesp, mespContract, oneMespContract } from './support/worksites';

/**
 * Every write that changes someone's hours goes through one rule
 * (domain/payroll-month-changes.ts, app/hours-change.ts). A MESP from Monday
 * 15 June to Thursday 9 July 2026, Monday–Thursday mornings; Élodie's
 * contract runs from 15 June to 12 July. June is sent to the portage employer
 * on 2 July, July is open: each path is tried on Tuesday 30 June, the last day
 * of the sent month, and on Wednesday 1 July, the first day of the next.
 */
const printer = nodePdfPrinter();
afterAll(() => printer.close());
const june = { month: '2026-06', employerId: 1 };
const SENT = 'Le mois de juin 2026 a été transmis à l’employeur de portage le 02/07/2026';
const PLANNING_REFUSED = (day: string) =>
  `${SENT} : ses demi-journées ne se changent plus. Pour changer ces heures, corrigez les présences du ${day} dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.`;

async function sentJune(
  beforeSending: (
    call: Awaited<ReturnType<typeof configured>>['call'],
    session: (date: string) => number,
  ) => Promise<void> = async () => {},
) {
  const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
  const { call, services } = setup;
  const { worksite, sessions, session, participationId } = await oneMespContract(call, {
    from: '2026-06-15',
    to: '2026-07-12',
  });
  valueOf(
    await call('attendance/save', {
      worksiteId: worksite.id,
      entries: sessions
        .filter((s) => s.date <= '2026-07-01')
        .map((s) => ({ sessionId: s.id, participationId, mark: { mark: 'present' as const } })),
    }),
  );
  valueOf(
    await call('worksites/addAnnexTime', {
      participationId,
      annexTime: { kind: 'bilan_mi_parcours', date: '2026-06-29', start: '14:00', end: '16:00', paid: true },
    }),
  );
  await beforeSending(call, session);
  valueOf(await call('payroll/validate', { ...june, confirmChecks: true }));
  valueOf(await call('payroll/transmit', june));
  const regularisations = () =>
    services.db
      .selectFrom('regularisations')
      .select(['participationId', 'date', 'dateTo', 'item', 'minutes', 'paidDelta', 'reason'])
      .orderBy('id')
      .execute();
  return { ...setup, worksiteId: worksite.id, participationId, session, regularisations };
}

const refused = (message: string) => ({ ok: false, error: { code: 'CONFLICT', message } });

describe('a sent month’s half-days stay as sent; the next month’s change freely', () => {
  it('moving a half-day: out of, into, and within the next month', async () => {
    const { call, session, regularisations } = await sentJune();
    expect(
      await call('worksites/moveSession', {
        sessionId: session('2026-06-30'),
        to: { date: '2026-07-03', halfDay: 'morning' },
      }),
    ).toMatchObject({ ...refused(PLANNING_REFUSED('30/06/2026')), error: { field: 'to.date' } });
    expect(
      await call('worksites/moveSession', {
        sessionId: session('2026-07-01'),
        to: { date: '2026-06-30', halfDay: 'afternoon' },
      }),
    ).toMatchObject(refused(PLANNING_REFUSED('30/06/2026')));
    valueOf(
      await call('worksites/moveSession', {
        sessionId: session('2026-07-01'),
        to: { date: '2026-07-03', halfDay: 'morning' },
      }),
    );
    expect(await regularisations()).toEqual([]);
  });

  it('cancelling, adding a half-day or a make-up, adding an annex time', async () => {
    const { call, worksiteId, participationId, session, regularisations } = await sentJune();
    const cancel = (date: string) =>
      call('worksites/cancelSession', { sessionId: session(date), reason: 'Atelier fermé (fuite)', kind: 'structure' });
    expect(await cancel('2026-06-30')).toMatchObject(refused(PLANNING_REFUSED('30/06/2026')));
    valueOf(await cancel('2026-07-01'));

    const add = (date: string) =>
      call('worksites/addSession', { id: worksiteId, session: { date, halfDay: 'afternoon' } });
    expect(await add('2026-06-30')).toMatchObject(refused(PLANNING_REFUSED('30/06/2026')));
    valueOf(await add('2026-07-02'));

    expect(
      await call('worksites/generateSessions', {
        id: worksiteId,
        makeUps: [{ date: '2026-06-29', halfDay: 'afternoon' }],
      }),
    ).toMatchObject(refused(PLANNING_REFUSED('29/06/2026')));
    valueOf(
      await call('worksites/generateSessions', {
        id: worksiteId,
        makeUps: [{ date: '2026-07-06', halfDay: 'afternoon' }],
      }),
    );

    const annex = (date: string) =>
      call('worksites/addAnnexTime', {
        participationId,
        annexTime: { kind: 'visite_medicale', date, start: '14:00', end: '15:00', paid: true },
      });
    expect(await annex('2026-06-30')).toMatchObject({
      ...refused(PLANNING_REFUSED('30/06/2026')),
      error: { field: 'annexTime.date' },
    });
    valueOf(await annex('2026-07-01'));
    expect(await regularisations()).toEqual([]);
  });
});

describe('a correction of what happened in a sent month needs its reason and becomes a régularisation', () => {
  it('an attendance mark and an annex time done, on the last day of June and the first of July', async () => {
    const { call, worksiteId, participationId, session, services, regularisations } = await sentJune();
    const absent = (date: string, reason: string | null) =>
      call('attendance/save', {
        worksiteId,
        entries: [
          {
            sessionId: session(date),
            participationId,
            mark: { mark: 'non_justifiee' as const, proofReceived: false, proofDate: null },
          },
        ],
        regularisation: reason === null ? null : { reason },
      });
    expect(await absent('2026-06-30', null)).toMatchObject({
      ...refused(
        `${SENT} : pour changer les heures du 30/06/2026, indiquez le motif de la correction ; elle partira en régularisation avec le mois suivant.`,
      ),
      error: { field: 'regularisation' },
    });
    valueOf(await absent('2026-07-01', null));
    expect(await regularisations()).toEqual([]);
    valueOf(await absent('2026-06-30', 'Absence signalée après l’envoi'));

    const annexTimeId = (await services.db.selectFrom('annexTimes').select('id').executeTakeFirstOrThrow()).id;
    expect(await call('attendance/markAnnexTime', { annexTimeId, done: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'regularisation' },
    });
    valueOf(
      await call('attendance/markAnnexTime', {
        annexTimeId,
        done: true,
        regularisation: { reason: 'Bilan pointé après l’envoi' },
      }),
    );
    // Marking it again as it is changes nothing and asks nothing.
    valueOf(await call('attendance/markAnnexTime', { annexTimeId, done: true }));
    const rows = await regularisations();
    expect(
      rows.filter((r) => r.reason === 'Absence signalée après l’envoi').map((r) => [r.date, r.item, r.minutes]),
    ).toEqual([
      ['2026-06-30', 'heures_normales', -210],
      ['2026-06-30', 'absence_non_payee_non_justifiee', 210],
    ]);
    expect(
      rows.filter((r) => r.reason === 'Bilan pointé après l’envoi').map((r) => [r.item, r.minutes]),
    ).toContainEqual(['temps_annexe', 120]);
    expect(rows.every((r) => r.participationId === participationId)).toBe(true);
  });
});

describe('a fact of the contract is recorded, and a sent month carries it as a régularisation', () => {
  it('an early end on the last day of June changes nothing of June; the day before takes back 30 June, its withdrawal gives it back', async () => {
    const { call, participationId, regularisations } = await sentJune();
    const endEarly = (date: string) =>
      call('contracts/endEarly', { participationId, earlyEnd: { date, reason: 'accord_commun' } });
    const withdraw = () => call('contracts/withdrawEarlyEnd', { participationId });

    valueOf(await endEarly('2026-06-30'));
    expect(await regularisations()).toEqual([]);
    valueOf(await withdraw());
    expect(await regularisations()).toEqual([]);

    valueOf(await endEarly('2026-06-29'));
    const taken = 'Fin anticipée au 29/06/2026 (après la transmission de juin 2026)';
    expect((await regularisations()).map((r) => [r.date, r.dateTo, r.item, r.minutes, r.reason])).toEqual([
      ['2026-06-30', '2026-06-30', 'heures_normales', -210, taken],
    ]);
    valueOf(await withdraw());
    expect((await regularisations()).map((r) => [r.date, r.item, r.minutes, r.reason])).toEqual([
      ['2026-06-30', 'heures_normales', -210, taken],
      [
        '2026-06-30',
        'heures_normales',
        210,
        'Fin anticipée au 29/06/2026 retirée (après la transmission de juin 2026)',
      ],
    ]);
  });

  it('a contract entered after its first month was sent, and a renewal over the end of the sent month: recorded; their days of June are then marked with a reason', async () => {
    const { call, worksiteId, session, regularisations } = await sentJune();
    const add = async (firstNames: string, startDate: string, endDate: string) => {
      const personId = await admitted(call, firstNames);
      const contract = mespContract({ startDate, endDate, handedOn: startDate, signedOn: startDate });
      const view = valueOf(
        await call('worksites/addParticipant', { id: worksiteId, personId, contract, confirmWarnings: true }),
      );
      return view.participants.find((p) => p.personId === personId)!.id;
    };
    const present = (participationId: number, date: string, reason: string | null) =>
      call('attendance/save', {
        worksiteId,
        entries: [{ sessionId: session(date), participationId, mark: { mark: 'present' as const } }],
        regularisation: reason === null ? null : { reason },
      });
    // From the first day of July, or from the last day of June: recorded (its days of June not marked yet count no hours).
    const july = await add('Yannick', '2026-07-01', '2026-07-09');
    valueOf(await present(july, '2026-07-01', null));
    const late = await add('Maëlle', '2026-06-30', '2026-07-09');
    expect(await regularisations()).toEqual([]);
    expect(await present(late, '2026-06-30', null)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'regularisation' },
    });
    valueOf(await present(late, '2026-06-30', 'Contrat saisi après l’envoi de juin'));
    expect((await regularisations()).map((r) => [r.participationId, r.date, r.item, r.minutes, r.reason])).toEqual([
      [late, '2026-06-30', 'heures_normales', 210, 'Contrat saisi après l’envoi de juin'],
    ]);

    // A contract ending on 29 June, renewed after June was sent: 30 June comes back into it.
    const renewed = await add('Gwenaël', '2026-06-22', '2026-06-29');
    expect(await present(renewed, '2026-06-30', 'Renouvelé')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    valueOf(
      await call('contracts/renew', {
        participationId: renewed,
        renewal: { newEndDate: '2026-07-09', agreedOn: '2026-06-26' },
        confirmWarnings: true,
      }),
    );
    expect(await present(renewed, '2026-06-30', null)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'regularisation' },
    });
    valueOf(await present(renewed, '2026-06-30', 'Renouvellement saisi après l’envoi'));
    expect(
      (await regularisations()).filter((r) => r.participationId === renewed).map((r) => [r.date, r.minutes]),
    ).toEqual([['2026-06-30', 210]]);
  });
});

describe('a validated month, not sent, changes and reads « À revalider »', () => {
  it('cancelling a half-day of a validated June makes it stale, and transmitting waits', async () => {
    const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
    const { call } = setup;
    const { worksite, sessions, participationId } = await oneMespContract(call, {
      from: '2026-06-15',
      to: '2026-07-12',
    });
    const june30 = sessions.find((s) => s.date === '2026-06-30')!.id;
    valueOf(
      await call('attendance/save', {
        worksiteId: worksite.id,
        entries: [{ sessionId: june30, participationId, mark: { mark: 'present' as const } }],
      }),
    );
    valueOf(await call('payroll/validate', { ...june, confirmChecks: true }));
    valueOf(
      await call('worksites/cancelSession', {
        sessionId: june30,
        reason: 'Atelier fermé (fuite)',
        kind: 'structure',
      }),
    );
    expect(valueOf(await call('payroll/get', june))).toMatchObject({ status: 'valide', stale: true });
    expect(await call('payroll/transmit', june)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('a setting that counts hours does not rewrite a sent month', () => {
  it('paying the half-days cancelled for force majeure would change June: refused; the worksite’s hours change nothing of June: saved', async () => {
    const { call, worksiteId, regularisations } = await sentJune(async (call, session) => {
      valueOf(
        await call('worksites/cancelSession', {
          sessionId: session('2026-06-29'),
          reason: 'Tempête',
          kind: 'force_majeure',
        }),
      );
    });
    const calendar = valueOf(await call('settings/get', {}));
    const update = (forceMajeurePaid: boolean) =>
      call('settings/updateCalendar', {
        effectiveFrom: '2026-06-01',
        region: calendar.calendar.region,
        whitMondayWorked: calendar.calendar.whitMondayWorked,
        forceMajeurePaid,
      });
    expect(await update(true)).toMatchObject(
      refused(
        `${SENT} : ce réglage changerait ses heures (le 29/06/2026), déjà payées. Pour qu’il s’applique sans toucher aux mois transmis, datez-le à compter du 01/07/2026 ou d’un jour suivant. Si les heures de ce mois-là doivent elles aussi changer, corrigez les présences de ces jours dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.`,
      ),
    );
    expect(valueOf(await call('settings/get', {})).calendar.forceMajeurePaid).toBe(false);
    valueOf(await update(false)); // as it is: nothing changes

    const worksite = valueOf(await call('worksites/get', { id: worksiteId }));
    valueOf(
      await call('worksites/save', {
        id: worksiteId,
        expectedVersion: worksite.version,
        worksite: mesp({
          startDate: '2026-06-15',
          hours: { morningStart: '08:30', morningEnd: '12:30', afternoonStart: '13:30', afternoonEnd: '17:00' },
        }),
      }),
    );
    expect(await regularisations()).toEqual([]);
  });
});
