import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { WorksiteInput } from '../../src-main/shared/contract/worksites';
import { caller, configured, sessionAs, valueOf } from './support/services';

function mesp(overrides: Partial<WorksiteInput> = {}): WorksiteInput {
  return {
    name: 'Menuiserie du port',
    kind: 'mesp',
    activity: 'menuiserie',
    clientId: null,
    workAddress: 'Atelier municipal, 5 rue du Port',
    supervisorId: null,
    coordinatorId: null,
    employerId: 1,
    fundersIds: [],
    startDate: '2026-05-04',
    weeks: 4,
    slots: [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' as const })),
    capacity: 5,
    hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
    status: 'preparation',
    ...overrides,
  };
}

async function countSessions(db: Parameters<ReturnType<typeof sql>['execute']>[0]) {
  return (await sql<{ n: number }>`select count(*) as n from sessions`.execute(db)).rows[0]!.n;
}

describe('worksites', () => {
  it('generates a MESP schedule without holidays, with the make-ups accepted, idempotently', async () => {
    const { services, call } = await configured();
    const created = valueOf(await call('worksites/save', { worksite: mesp() }));
    expect(created).toMatchObject({ endDate: '2026-05-31', employerName: 'Relais Emploi Iroise', sessions: [] });
    const preview = valueOf(await call('worksites/previewSchedule', { id: created.id }));
    expect(preview.toCreate).toHaveLength(14);
    expect(preview.skipped.map((s) => s.label)).toEqual(['Ascension', 'Lundi de Pentecôte']);
    expect(preview.makeUps).toEqual([
      { date: '2026-05-15', halfDay: 'morning' },
      { date: '2026-05-29', halfDay: 'morning' },
    ]);
    const generated = valueOf(await call('worksites/generateSessions', { id: created.id, makeUps: preview.makeUps }));
    expect(generated.sessions).toHaveLength(16);
    expect(generated.sessions[0]).toMatchObject({ date: '2026-05-04', start: '08:30', end: '12:00', origin: 'pattern' });
    // Again: nothing more to create, no make-up owed.
    const again = valueOf(await call('worksites/previewSchedule', { id: created.id }));
    expect(again).toMatchObject({ toCreate: [], makeUps: [] });
    valueOf(await call('worksites/generateSessions', { id: created.id, makeUps: [] }));
    expect(await countSessions(services.db)).toBe(16);
  });

  it('refuses a make-up on a holiday, outside the dates, or twice', async () => {
    const { services, call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    expect(await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-05-08', halfDay: 'morning' }] })).toMatchObject({
      ok: false,
      error: { message: 'Le 08/05/2026 est férié (Victoire 1945).' },
    });
    expect(await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-06-05', halfDay: 'morning' }] })).toMatchObject({
      ok: false,
      error: { message: 'Le 05/06/2026 est en dehors des dates du chantier.' },
    });
    expect(await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-05-04', halfDay: 'morning' }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await countSessions(services.db)).toBe(0);
  });

  it.each([
    ['0 weeks', { weeks: 0 }, 'worksite.weeks'],
    ['capacity 0', { capacity: 0 }, 'worksite.capacity'],
    ['no half-day', { slots: [] }, 'worksite.slots'],
    ['an impossible start date', { startDate: '2026-02-30' }, 'worksite.startDate'],
    ['no employer', { employerId: null }, 'worksite.employerId'],
    ['an unknown employer', { employerId: 42 }, 'worksite.employerId'],
    ['an afternoon ending before it starts', { hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '13:00' } }, 'worksite.hours.afternoonEnd'],
  ])('refuses %s in French and writes nothing', async (_case, overrides, field) => {
    const { services, call } = await configured();
    const result = await call('worksites/save', { worksite: mesp(overrides as Partial<WorksiteInput>) });
    expect(result).toMatchObject({ ok: false, error: { field } });
    if (!result.ok) expect(result.error.message).toMatch(/[éèàa-z]{4}/);
    expect((await sql<{ n: number }>`select count(*) as n from worksites`.execute(services.db)).rows[0]!.n).toBe(0);
  });

  it('adds and cancels single half-days, never on a holiday', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const added = valueOf(await call('worksites/addSession', { id, session: { date: '2026-05-05', halfDay: 'afternoon' } }));
    const session = added.sessions.find((s) => s.halfDay === 'afternoon')!;
    expect(session).toMatchObject({ start: '13:30', end: '17:00', origin: 'added' });
    expect(await call('worksites/addSession', { id, session: { date: '2026-05-14', halfDay: 'morning' } })).toMatchObject({ ok: false, error: { field: 'session.date' } });
    const cancelled = valueOf(await call('worksites/cancelSession', { sessionId: session.id, reason: 'Intempéries' }));
    expect(cancelled.sessions[0]!.cancelledReason).toBe('Intempéries');
    expect(await call('worksites/cancelSession', { sessionId: session.id, reason: 'Encore' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('shows an encadrant only the worksites they supervise', async () => {
    const { services, call } = await configured();
    const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
    const mine = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: encadrant.user!.id }) }));
    const other = valueOf(await call('worksites/save', { worksite: mesp({ name: 'Espaces verts' }) }));
    const asEncadrant = caller(services, encadrant);
    expect(valueOf(await asEncadrant('worksites/list')).map((w) => w.id)).toEqual([mine.id]);
    expect(await asEncadrant('worksites/get', { id: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A supervisor must be an encadrant.
    expect(await call('worksites/save', { worksite: mesp({ supervisorId: 1 }) })).toMatchObject({ ok: false, error: { field: 'worksite.supervisorId' } });
  });
});
