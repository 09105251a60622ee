import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/** A MESP of 4 weeks from Monday 1 June 2026 (no holiday), Monday–Thursday mornings 08:30–12:00: 16 half-days. */
async function juneMesp() {
  // Today: 1 July 2026, after the worksite.
  const setup = await configured({ clock: fakeClock('2026-07-01T09:00:00.000Z') });
  const { call } = setup;
  const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
  const generated = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const personId = await admitted(call, 'Élodie');
  const joined = valueOf(
    await call('worksites/addParticipant', {
      id: worksite.id,
      personId,
      contract: mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' }),
    }),
  );
  const sessionOn = (date: string) => generated.sessions.find((s) => s.date === date)!.id;
  return {
    ...setup,
    worksiteId: worksite.id,
    personId,
    participationId: joined.participants[0]!.id,
    sessions: generated.sessions,
    sessionOn,
  };
}

async function markCount(db: Parameters<ReturnType<typeof sql>['execute']>[0]) {
  return (await sql<{ n: number }>`select count(*) as n from attendance`.execute(db)).rows[0]!.n;
}

describe('attendance and hours', () => {
  it('gives the hand-counted figures: 56 h planned, 45 h worked, 48 h 30 paid, 51 h with the health check and the final bilan', async () => {
    const { call, worksiteId, participationId, sessions, sessionOn, personId } = await juneMesp();
    expect(sessions).toHaveLength(16);
    valueOf(
      await call('worksites/cancelSession', {
        sessionId: sessionOn('2026-06-08'),
        reason: 'Atelier fermé (panne électrique)',
        kind: 'structure',
      }),
    );
    const special: Record<string, object> = {
      '2026-06-02': { mark: 'retard', actualStart: '09:00' },
      '2026-06-03': { mark: 'maladie', proofReceived: true, proofDate: '2026-06-05' },
      '2026-06-04': { mark: 'non_justifiee' },
    };
    const entries = sessions
      .filter((s) => s.date !== '2026-06-08')
      .map((s) => ({
        sessionId: s.id,
        participationId,
        mark: (special[s.date] ?? { mark: 'present' }) as { mark: 'present' },
      }));
    expect(valueOf(await call('attendance/save', { worksiteId, entries }))).toEqual({ saved: 15 });
    const before = valueOf(await call('attendance/hours', { worksiteId }));
    expect(before.rows[0]).toMatchObject({
      planned: 56 * 60,
      worked: 45 * 60,
      paid: 48 * 60 + 30,
      attended: 13,
      held: 15,
      complementary: 0,
      warnings: [],
    });

    const worksite = valueOf(
      await call('worksites/addAnnexTime', {
        participationId,
        annexTime: { kind: 'visite_medicale', date: '2026-06-01', start: '14:00', end: '15:00', paid: true },
      }),
    );
    valueOf(
      await call('worksites/addAnnexTime', {
        participationId,
        annexTime: { kind: 'bilan_fin', date: '2026-06-25', start: '14:00', end: '15:30', paid: true },
      }),
    );
    const annexIds = valueOf(await call('worksites/get', { id: worksiteId })).participants[0]!.annexTimes.map(
      (a) => a.id,
    );
    expect(worksite.participants[0]!.annexTimes).toHaveLength(1);
    // Planned but not yet marked done: not paid yet.
    expect(valueOf(await call('attendance/hours', { worksiteId })).rows[0]!.paid).toBe(48 * 60 + 30);
    for (const annexTimeId of annexIds) valueOf(await call('attendance/markAnnexTime', { annexTimeId, done: true }));
    const mine = valueOf(await call('attendance/hours', { personId })).rows[0]!;
    expect(mine).toMatchObject({ paid: 51 * 60, worksiteName: 'Menuiserie du port' });
    expect(mine.months).toEqual([{ month: '2026-06', planned: 56 * 60, worked: 45 * 60, paid: 51 * 60 }]);
    // Week of 8 June: the Monday cancelled by the structure is paid, not worked.
    expect(mine.weeks[1]).toEqual({
      weekOf: '2026-06-08',
      planned: 14 * 60,
      worked: 10 * 60 + 30,
      paid: 14 * 60,
      complementary: 0,
    });

    // The week grid shows what was recorded.
    const week = valueOf(await call('attendance/week', { worksiteId, weekOf: '2026-06-03' }));
    expect(week.weekOf).toBe('2026-06-01');
    expect(week.sessions.map((s) => [s.date, s.cancelled])).toEqual([
      ['2026-06-01', null],
      ['2026-06-02', null],
      ['2026-06-03', null],
      ['2026-06-04', null],
    ]);
    expect(week.marks.find((m) => m.sessionId === sessionOn('2026-06-02'))).toMatchObject({
      mark: 'retard',
      actualStart: '09:00',
      actualEnd: null,
      paid: true,
    });
    expect(week.marks.find((m) => m.sessionId === sessionOn('2026-06-03'))).toMatchObject({
      mark: 'maladie',
      paid: false,
      proofReceived: true,
      proofDate: '2026-06-05',
    });
    expect(week.annexTimes.map((a) => [a.date, a.done])).toEqual([['2026-06-01', true]]);
  });

  it('pays a half-day cancelled for weather only once the structure says so in its settings', async () => {
    const { call, worksiteId, sessionOn } = await juneMesp();
    valueOf(
      await call('worksites/cancelSession', {
        sessionId: sessionOn('2026-06-01'),
        reason: 'Tempête',
        kind: 'force_majeure',
      }),
    );
    expect(valueOf(await call('attendance/hours', { worksiteId })).rows[0]!.paid).toBe(0);
    const settings = valueOf(
      await call('settings/updateCalendar', {
        effectiveFrom: '2026-06-01',
        region: 'metropole',
        whitMondayWorked: false,
        forceMajeurePaid: true,
      }),
    );
    expect(settings.calendar.forceMajeurePaid).toBe(true);
    expect(valueOf(await call('attendance/hours', { worksiteId })).rows[0]!.paid).toBe(3 * 60 + 30);
  });

  it('corrects and clears a cell', async () => {
    const { call, services, worksiteId, participationId, sessionOn } = await juneMesp();
    const sessionId = sessionOn('2026-06-01');
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: [{ sessionId, participationId, mark: { mark: 'present' } }],
      }),
    );
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: [{ sessionId, participationId, mark: { mark: 'retard', actualStart: '08:45' } }],
      }),
    );
    expect(valueOf(await call('attendance/hours', { worksiteId })).rows[0]!.worked).toBe(3 * 60 + 15);
    valueOf(await call('attendance/save', { worksiteId, entries: [{ sessionId, participationId, mark: null }] }));
    expect(await markCount(services.db)).toBe(0);
  });

  it('refuses, in French and writing nothing: a person not on the worksite, times the wrong way round, a code that does not exist, a cancelled half-day', async () => {
    const { call, services, worksiteId, participationId, sessionOn } = await juneMesp();
    const other = valueOf(
      await call('worksites/save', { worksite: mesp({ name: 'Espaces verts', startDate: '2026-06-01' }) }),
    );
    const good = { sessionId: sessionOn('2026-06-01'), participationId, mark: { mark: 'present' as const } };
    const cases: [unknown, RegExp][] = [
      [{ worksiteId: other.id, entries: [good] }, /n’appartient pas à ce chantier/],
      [{ worksiteId, entries: [good, { ...good, participationId: 999 }] }, /ne participe pas à ce chantier/],
      [
        { worksiteId, entries: [{ ...good, mark: { mark: 'retard', actualStart: '11:00', actualEnd: '10:00' } }] },
        /départ doit venir après/,
      ],
      [{ worksiteId, entries: [{ ...good, mark: { mark: 'retard' } }] }, /heure d’arrivée ou de départ/],
      [{ worksiteId, entries: [{ ...good, mark: { mark: 'retard', actualStart: '07:00' } }] }, /entre 08:30 et 12:00/],
      [
        { worksiteId, entries: [{ ...good, mark: { mark: 'vacances' } }] },
        /code de présence ou d’absence n’existe pas/,
      ],
      [{ worksiteId, entries: [] }, /Rien à enregistrer/],
    ];
    for (const [input, message] of cases) {
      const result = await call('attendance/save', input as never);
      expect(result.ok, String(message)).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    valueOf(
      await call('worksites/cancelSession', {
        sessionId: sessionOn('2026-06-02'),
        reason: 'Tempête',
        kind: 'force_majeure',
      }),
    );
    expect(
      await call('attendance/save', { worksiteId, entries: [good, { ...good, sessionId: sessionOn('2026-06-02') }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'La demi-journée du 02/06/2026 est annulée : rien à émarger.' },
    });
    expect(await markCount(services.db)).toBe(0);
  });

  it('lets the encadrant of the worksite fill it, and no one else’s', async () => {
    const { services, call, worksiteId, participationId, sessionOn } = await juneMesp();
    const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
    const asEncadrant = caller(services, encadrant);
    const entry = { sessionId: sessionOn('2026-06-01'), participationId, mark: { mark: 'present' as const } };
    expect(await asEncadrant('attendance/save', { worksiteId, entries: [entry] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    valueOf(
      await call('worksites/save', {
        id: worksiteId,
        worksite: mesp({ startDate: '2026-06-01', supervisorId: encadrant.user!.id }),
      }),
    );
    expect(valueOf(await asEncadrant('attendance/save', { worksiteId, entries: [entry] }))).toEqual({ saved: 1 });
  });
});
