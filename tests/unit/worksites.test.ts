import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { WorksiteInput } from '../../src-main/shared/contract/worksites';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';
import { admitted, mesp, mespContract } from './support/worksites';

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
    expect(preview.makeUps).toMatchObject([
      { date: '2026-05-15', halfDay: 'morning' },
      { date: '2026-05-29', halfDay: 'morning' },
    ]);
    const generated = valueOf(await call('worksites/generateSessions', { id: created.id, makeUps: preview.makeUps }));
    expect(generated.sessions).toHaveLength(16);
    expect(generated.sessions[0]).toMatchObject({
      date: '2026-05-04',
      start: '08:30',
      end: '12:00',
      origin: 'pattern',
    });
    // Again: nothing more to create, no make-up owed.
    const again = valueOf(await call('worksites/previewSchedule', { id: created.id }));
    expect(again).toMatchObject({ toCreate: [], makeUps: [] });
    valueOf(await call('worksites/generateSessions', { id: created.id, makeUps: [] }));
    expect(await countSessions(services.db)).toBe(16);
  });

  it('refuses a make-up on a holiday, outside the dates, or twice', async () => {
    const { services, call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    expect(
      await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-05-08', halfDay: 'morning' }] }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Le 08/05/2026 est férié (Victoire 1945).' },
    });
    expect(
      await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-06-05', halfDay: 'morning' }] }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Le 05/06/2026 est en dehors des dates du chantier (du 04/05/2026 au 31/05/2026).' },
    });
    expect(
      await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-05-04', halfDay: 'morning' }] }),
    ).toMatchObject({
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
    [
      'an afternoon ending before it starts',
      { hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '13:00' } },
      'worksite.hours.afternoonEnd',
    ],
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
    const added = valueOf(
      await call('worksites/addSession', { id, session: { date: '2026-05-05', halfDay: 'afternoon' } }),
    );
    const session = added.sessions.find((s) => s.halfDay === 'afternoon')!;
    expect(session).toMatchObject({ start: '13:30', end: '17:00', origin: 'added' });
    expect(
      await call('worksites/addSession', { id, session: { date: '2026-05-14', halfDay: 'morning' } }),
    ).toMatchObject({ ok: false, error: { field: 'session.date' } });
    const cancelled = valueOf(await call('worksites/cancelSession', { sessionId: session.id, reason: 'Intempéries' }));
    expect(cancelled.sessions[0]!.cancelledReason).toBe('Intempéries');
    expect(await call('worksites/cancelSession', { sessionId: session.id, reason: 'Encore' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('moves a half-day, never onto a holiday or another half-day', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const generated = valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
    const monday = generated.sessions.find((s) => s.date === '2026-05-04')!;
    const moved = valueOf(
      await call('worksites/moveSession', { sessionId: monday.id, to: { date: '2026-05-05', halfDay: 'afternoon' } }),
    );
    expect(moved.sessions.find((s) => s.id === monday.id)).toMatchObject({
      date: '2026-05-05',
      halfDay: 'afternoon',
      start: '13:30',
      end: '17:00',
    });
    expect(
      await call('worksites/moveSession', { sessionId: monday.id, to: { date: '2026-05-08', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Le 08/05/2026 n’est pas travaillé (Victoire 1945).' },
    });
    expect(
      await call('worksites/moveSession', { sessionId: monday.id, to: { date: '2026-05-06', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('after the worksite is shortened, removes its future half-days only when asked, never past ones', async () => {
    const clock = fakeClock();
    const { services, call } = await configured({ clock });
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
    valueOf(await call('worksites/save', { id, worksite: mesp({ weeks: 3 }) }));
    const preview = valueOf(await call('worksites/previewSchedule', { id }));
    expect(preview.outside.map((s) => s.date)).toEqual(['2026-05-26', '2026-05-27', '2026-05-28']);
    // Generating without asking keeps them…
    valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
    expect(await countSessions(services.db)).toBe(14);
    // …asking removes them.
    valueOf(await call('worksites/generateSessions', { id, makeUps: [], removeOutside: true }));
    expect(await countSessions(services.db)).toBe(11);
    // Once the worksite has started (today 20 May), shortening again leaves the past alone.
    clock.set('2026-05-20T09:00:00.000Z');
    valueOf(await call('worksites/save', { id, worksite: mesp({ weeks: 1 }) }));
    const later = valueOf(await call('worksites/previewSchedule', { id }));
    expect(later.outside.map((s) => s.date)).toEqual(['2026-05-21']);
  });

  it('shows an encadrant only the worksites they supervise', async () => {
    const { services, call } = await configured();
    const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
    const mine = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: encadrant.user!.id }) }));
    const other = valueOf(await call('worksites/save', { worksite: mesp({ name: 'Espaces verts' }) }));
    const asEncadrant = caller(services, encadrant);
    expect(valueOf(await asEncadrant('worksites/list')).map((w) => w.id)).toEqual([mine.id]);
    expect(await asEncadrant('worksites/get', { id: other.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // A supervisor must be an encadrant.
    expect(await call('worksites/save', { worksite: mesp({ supervisorId: 1 }) })).toMatchObject({
      ok: false,
      error: { field: 'worksite.supervisorId' },
    });
  });
});

describe('participants and their contracts', () => {
  const contract = mespContract;

  it('puts admitted people on the worksite with a contract record, trial period computed, parcours moved on', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const personId = await admitted(call, 'Élodie');
    const worksite = valueOf(await call('worksites/addParticipant', { id, personId, contract: contract() }));
    expect(worksite.participants).toEqual([
      expect.objectContaining({
        personId,
        name: 'Élodie Lefèvre',
        trialDays: 4,
        weeklyHours: '14\u00a0h',
        handOverLate: false,
      }),
    ]);
    expect(valueOf(await call('people/get', { id: personId })).journeys[0]!.status).toBe('en_chantier');
    expect(await call('worksites/addParticipant', { id, personId, contract: contract() })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refuses a person not admitted, a wage under the SMIC on the start date, and a CDDI that breaks the rules', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const oriented = valueOf(
      await call('people/create', { person: person({ firstNames: 'Anne' }), situation: situation() }),
    ).id;
    expect(await call('worksites/addParticipant', { id, personId: oriented, contract: contract() })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Seule une personne admise ou déjà en chantier peut rejoindre un chantier (Anne Lefèvre : aucun parcours).',
      },
    });
    const personId = await admitted(call, 'Élodie');
    expect(
      await call('worksites/addParticipant', { id, personId, contract: contract({ hourlyCents: 1190 }) }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'contract.hourlyCents',
        message: 'Le taux horaire est inférieur au SMIC en vigueur le 04/05/2026 (12,02\u00a0€).',
      },
    });
    expect(
      await call('worksites/addParticipant', { id, personId, contract: contract({ type: 'cddi' }) }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'contract.type',
        message:
          'Un CDDI dure au moins 4 mois (Code du travail, art. L5132-15-1) : commencé le 04/05/2026, il finit au plus tôt le 03/09/2026.',
      },
    });
    expect(
      await call('worksites/addParticipant', { id, personId, contract: contract({ endDate: '2026-05-01' }) }),
    ).toMatchObject({
      ok: false,
      error: { field: 'contract.endDate' },
    });
    expect(await call('worksites/addParticipant', { id, personId: 999, contract: contract() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('warns above capacity and on a clash with another worksite, until confirmed', async () => {
    const { call } = await configured();
    const small = valueOf(await call('worksites/save', { worksite: mesp({ capacity: 1 }) }));
    const other = valueOf(await call('worksites/save', { worksite: mesp({ name: 'Espaces verts' }) }));
    for (const w of [small, other]) valueOf(await call('worksites/generateSessions', { id: w.id, makeUps: [] }));
    const first = await admitted(call, 'Élodie');
    const second = await admitted(call, 'Awa');
    valueOf(await call('worksites/addParticipant', { id: small.id, personId: first, contract: contract() }));
    expect(
      await call('worksites/addParticipant', { id: small.id, personId: second, contract: contract() }),
    ).toMatchObject({
      ok: false,
      error: { field: 'capacity', message: 'Le chantier est complet (1 places). Confirmez pour dépasser sa capacité.' },
    });
    valueOf(
      await call('worksites/addParticipant', {
        id: small.id,
        personId: second,
        contract: contract(),
        confirmWarnings: true,
      }),
    );
    // Élodie is on the first worksite every morning: the second one, on the same mornings, clashes.
    const clash = await call('worksites/addParticipant', { id: other.id, personId: first, contract: contract() });
    expect(clash).toMatchObject({ ok: false, error: { field: 'clash' } });
    if (!clash.ok)
      expect(clash.error.message).toMatch(
        /^Élodie Lefèvre est déjà sur un autre chantier le 04\/05\/2026 \(Menuiserie du port\), 05\/05\/2026/,
      );
    valueOf(
      await call('worksites/addParticipant', {
        id: other.id,
        personId: first,
        contract: contract(),
        confirmWarnings: true,
      }),
    );
  });

  it('gives an encadrant the people of the worksites they supervise', async () => {
    const { services, call } = await configured();
    const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
    const { id } = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: encadrant.user!.id }) }));
    const onSite = await admitted(call, 'Élodie');
    const elsewhere = await admitted(call, 'Awa');
    valueOf(await call('worksites/addParticipant', { id, personId: onSite, contract: contract() }));
    const asEncadrant = caller(services, encadrant);
    expect(valueOf(await asEncadrant('people/search', {})).rows.map((r) => r.id)).toEqual([onSite]);
    const record = valueOf(await asEncadrant('people/get', { id: onSite }));
    expect(record).toMatchObject({ firstNames: 'Élodie', situations: null, obstacles: null });
    expect(await asEncadrant('people/get', { id: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('structure calendar', () => {
  it('skips closure days and the holidays of the structure’s region when generating', async () => {
    const { call } = await configured();
    const settings = valueOf(await call('settings/addClosure', { date: '2026-05-06', reason: 'Fermeture du CCAS' }));
    expect(settings.calendar).toMatchObject({
      region: 'metropole',
      whitMondayWorked: false,
      forceMajeurePaid: false,
      closures: [{ date: '2026-05-06', reason: 'Fermeture du CCAS' }],
    });
    expect(await call('settings/addClosure', { date: '2026-05-06', reason: 'Encore' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    valueOf(
      await call('settings/updateCalendar', {
        effectiveFrom: '2026-01-01',
        region: 'metropole',
        whitMondayWorked: true,
        forceMajeurePaid: false,
      }),
    );
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const preview = valueOf(await call('worksites/previewSchedule', { id }));
    expect(preview.skipped.map((s) => [s.date, s.label])).toEqual([
      ['2026-05-06', 'Fermeture du CCAS'],
      ['2026-05-14', 'Ascension'],
    ]);
    expect(
      await call('worksites/addSession', { id, session: { date: '2026-05-06', halfDay: 'afternoon' } }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Le 06/05/2026 n’est pas travaillé (Fermeture du CCAS).' },
    });
    valueOf(await call('settings/removeClosure', { date: '2026-05-06' }));
    valueOf(
      await call('settings/updateCalendar', {
        effectiveFrom: '2026-01-01',
        region: 'alsace_moselle',
        whitMondayWorked: false,
        forceMajeurePaid: false,
      }),
    );
    const easter = valueOf(
      await call('worksites/save', {
        worksite: mesp({
          name: 'Pâques',
          startDate: '2026-03-30',
          weeks: 1,
          slots: [{ weekday: 4, halfDay: 'morning' }],
        }),
      }),
    );
    expect(valueOf(await call('worksites/previewSchedule', { id: easter.id })).skipped.map((s) => s.label)).toEqual([
      'Vendredi saint',
    ]);
  });
});

describe('people list by worksite', () => {
  it('filters the people taking part in a worksite', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const ids = [await admitted(call, 'Élodie'), await admitted(call, 'Awa')];
    valueOf(
      await call('worksites/addParticipant', {
        id,
        personId: ids[0]!,
        contract: {
          type: 'cdd_usage',
          startDate: '2026-05-04',
          endDate: '2026-05-31',
          position: 'Agent',
          hourlyCents: 1202,
          handedOn: null,
          signedOn: null,
          derogationUntil: null,
        },
      }),
    );
    expect(valueOf(await call('people/search', { worksiteId: id })).rows.map((r) => r.id)).toEqual([ids[0]]);
  });
});

describe('paid annex times', () => {
  it('records a health check during the contract, hidden as a plain annex time from the encadrant', async () => {
    const { services, call } = await configured();
    const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
    const { id } = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: encadrant.user!.id }) }));
    const personId = await admitted(call, 'Élodie');
    const worksite = valueOf(
      await call('worksites/addParticipant', {
        id,
        personId,
        contract: {
          type: 'cdd_usage',
          startDate: '2026-05-04',
          endDate: '2026-05-31',
          position: 'Agent',
          hourlyCents: 1202,
          handedOn: null,
          signedOn: null,
          derogationUntil: null,
        },
      }),
    );
    const participationId = worksite.participants[0]!.id;
    const annex = { kind: 'visite_medicale' as const, date: '2026-05-05', start: '14:00', end: '15:30', paid: true };
    expect(
      await call('worksites/addAnnexTime', { participationId, annexTime: { ...annex, date: '2026-06-10' } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'annexTime.date' },
    });
    expect(
      await call('worksites/addAnnexTime', { participationId, annexTime: { ...annex, end: '13:00' } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'annexTime.end', message: 'La fin doit venir après le début.' },
    });
    const saved = valueOf(await call('worksites/addAnnexTime', { participationId, annexTime: annex }));
    expect(saved.participants[0]!.annexTimes).toEqual([
      {
        id: expect.any(Number),
        participationId: saved.participants[0]!.id,
        kind: 'visite_medicale',
        date: '2026-05-05',
        start: '14:00',
        end: '15:30',
        paid: true,
        done: null,
      },
    ]);
    const seenBySupervisor = valueOf(await caller(services, encadrant)('worksites/get', { id }));
    expect(seenBySupervisor.participants[0]!.annexTimes[0]!.kind).toBe('autre');
  });
});

describe('planning across worksites', () => {
  it('lists the half-days of the worksites the caller reaches, with the people under contract that day', async () => {
    const { services, call } = await configured();
    const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
    const mine = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: encadrant.user!.id }) }));
    const other = valueOf(
      await call('worksites/save', {
        worksite: mesp({ name: 'Espaces verts', slots: [{ weekday: 0, halfDay: 'afternoon' }] }),
      }),
    );
    for (const w of [mine, other]) valueOf(await call('worksites/generateSessions', { id: w.id, makeUps: [] }));
    const week = valueOf(await call('worksites/planning', { from: '2026-05-04', to: '2026-05-08' }));
    expect(week.map((e) => [e.date, e.halfDay, e.worksiteName])).toEqual([
      ['2026-05-04', 'morning', 'Menuiserie du port'],
      ['2026-05-04', 'afternoon', 'Espaces verts'],
      ['2026-05-05', 'morning', 'Menuiserie du port'],
      ['2026-05-06', 'morning', 'Menuiserie du port'],
      ['2026-05-07', 'morning', 'Menuiserie du port'],
    ]);
    expect(week[0]!.participants).toBe(0);
    const asEncadrant = caller(services, encadrant);
    expect(
      valueOf(await asEncadrant('worksites/planning', { from: '2026-05-04', to: '2026-05-08' })).map(
        (e) => e.worksiteName,
      ),
    ).not.toContain('Espaces verts');
    expect(await call('worksites/planning', { from: '2026-05-08', to: '2026-05-04' })).toMatchObject({
      ok: false,
      error: { field: 'to' },
    });
    expect(await call('worksites/planning', { from: '2026-01-01', to: '2026-12-31' })).toMatchObject({
      ok: false,
      error: { message: 'Affichez au plus trois mois à la fois.' },
    });
  });
});

describe('a person’s agenda', () => {
  it('lists their half-days within the contract and their annex times, in order', async () => {
    const { services, call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
    const created = { id: await admitted(call, 'Élodie') };
    const worksite = valueOf(
      await call('worksites/addParticipant', {
        id,
        personId: created.id,
        contract: {
          type: 'cdd_usage',
          startDate: '2026-05-11',
          endDate: '2026-05-13',
          position: 'Agent',
          hourlyCents: 1202,
          handedOn: null,
          signedOn: null,
          derogationUntil: null,
        },
      }),
    );
    valueOf(
      await call('worksites/addAnnexTime', {
        participationId: worksite.participants[0]!.id,
        annexTime: { kind: 'pose_chantier', date: '2026-05-11', start: '14:00', end: '15:00', paid: true },
      }),
    );
    const agenda = valueOf(await call('worksites/personAgenda', { personId: created.id }));
    expect(agenda.map((e) => [e.date, e.kind, e.start])).toEqual([
      ['2026-05-11', 'morning', '08:30'],
      ['2026-05-11', 'pose_chantier', '14:00'],
      ['2026-05-12', 'morning', '08:30'],
      ['2026-05-13', 'morning', '08:30'],
    ]);
    const asTs = caller(services, await sessionAs(services, 'travailleur_social'));
    expect(await asTs('worksites/personAgenda', { personId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
