import { describe, expect, it } from 'vitest';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

describe('dashboard', () => {
  it('lists what needs doing today, each for the roles that can act on it', async () => {
    // Tuesday 12 May 2026, second week of the MESP (Monday–Thursday mornings from 4 May; 8 May is a holiday).
    const setup = await configured({ clock: fakeClock('2026-05-12T07:00:00.000Z') });
    const { services, call } = setup;
    const yann = await sessionAs(services, 'encadrant', 'Yann Kervella');
    const current = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: yann.user!.id }) }));
    valueOf(await call('worksites/generateSessions', { id: current.id, makeUps: [] }));
    const elodie = await admitted(call, 'Élodie');
    const joined = valueOf(
      await call('worksites/addParticipant', { id: current.id, personId: elodie, contract: mespContract() }),
    );
    const sessions = joined.sessions.filter((s) => s.date < '2026-05-12');
    // The first week is recorded, Monday 11 May is not.
    valueOf(
      await call('attendance/save', {
        worksiteId: current.id,
        entries: sessions
          .filter((s) => s.date < '2026-05-11')
          .map((s) => ({
            sessionId: s.id,
            participationId: joined.participants[0]!.id,
            mark: { mark: 'present' as const },
          })),
      }),
    );
    const next = valueOf(
      await call('worksites/save', {
        worksite: mesp({ name: 'Lingerie', activity: 'lingerie', startDate: '2026-05-18' }),
      }),
    );
    valueOf(await call('worksites/generateSessions', { id: next.id, makeUps: [] }));
    const awa = await admitted(call, 'Awa');
    valueOf(
      await call('worksites/addParticipant', {
        id: next.id,
        personId: awa,
        contract: mespContract({ startDate: '2026-05-18', endDate: '2026-06-14' }),
      }),
    );
    await admitted(call, 'Inès');

    const summary = valueOf(await call('dashboard/summary'));
    expect(summary.inProgress.map((w) => w.name)).toEqual(['Menuiserie du port']);
    expect(summary.upcoming.map((w) => [w.name, w.startDate])).toEqual([['Lingerie', '2026-05-18']]);
    // Thursday 14 May is Ascension Day: no half-day.
    expect(summary.sessions.map((s) => s.date)).toEqual(['2026-05-12', '2026-05-13']);
    expect(summary.unrecorded).toEqual([
      {
        worksiteId: current.id,
        worksiteName: 'Menuiserie du port',
        date: '2026-05-11',
        weekOf: '2026-05-11',
        missing: 1,
      },
    ]);
    expect(summary.contractsToPrint!.map((c) => [c.name.split(' ')[0], c.startDate])).toEqual([['Awa', '2026-05-18']]);
    // Inès is admitted and on no worksite; Awa's contract is ahead, so she waits no more.
    expect(summary.waiting).toBe(1);
    expect(summary.payrollToSend).toEqual([]);

    // The supervisor: his worksite only, and nothing of documents, payroll or admissions.
    const his = valueOf(await caller(services, yann)('dashboard/summary'));
    expect(his.inProgress.map((w) => w.name)).toEqual(['Menuiserie du port']);
    expect(his.upcoming).toEqual([]);
    expect(his.unrecorded).toHaveLength(1);
    expect([his.contractsToPrint, his.payrollToSend, his.waiting]).toEqual([null, null, null]);
    const other = valueOf(await caller(services, await sessionAs(services, 'encadrant', 'Autre'))('dashboard/summary'));
    expect([other.inProgress, other.sessions, other.unrecorded]).toEqual([[], [], []]);
    expect(await caller(services, await sessionAs(services, 'lecture_seule'))('dashboard/summary')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reminds of a past month of hours not yet sent to the employer', async () => {
    const setup = await configured({ clock: fakeClock('2026-06-03T07:00:00.000Z') });
    const { call } = setup;
    const w = valueOf(await call('worksites/save', { worksite: mesp() }));
    valueOf(await call('worksites/generateSessions', { id: w.id, makeUps: [] }));
    const joined = valueOf(
      await call('worksites/addParticipant', {
        id: w.id,
        personId: await admitted(call, 'Élodie'),
        contract: mespContract(),
      }),
    );
    valueOf(
      await call('attendance/save', {
        worksiteId: w.id,
        entries: joined.sessions.map((s) => ({
          sessionId: s.id,
          participationId: joined.participants[0]!.id,
          mark: { mark: 'present' as const },
        })),
      }),
    );
    expect(valueOf(await call('dashboard/summary')).payrollToSend).toEqual([
      { month: '2026-05', employerName: expect.any(String) },
    ]);
  });
});
