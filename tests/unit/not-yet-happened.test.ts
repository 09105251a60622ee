import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasBegun, wallClockOf, type WallClock } from '../../src-main/domain/not-yet-happened';
import { HOLIDAY_REGIONS } from '../../src-main/shared/contract/settings';
import { configured, fakeClock, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

describe('the structure’s wall clock', () => {
  it.each([
    ['metropole', '2026-06-01T06:29:59.999Z', '2026-06-01', '08:29'], // summer time, UTC+2
    ['metropole', '2026-06-01T06:30:00.000Z', '2026-06-01', '08:30'],
    ['alsace_moselle', '2026-01-05T07:30:00.000Z', '2026-01-05', '08:30'], // winter time, UTC+1
    ['metropole', '2026-03-29T01:00:00.000Z', '2026-03-29', '03:00'], // the night clocks go forward
    ['metropole', '2026-05-31T22:00:00.000Z', '2026-06-01', '00:00'], // already Monday in Paris
    ['guadeloupe', '2026-06-01T12:30:00.000Z', '2026-06-01', '08:30'], // UTC-4, no summer time
    ['martinique', '2026-06-01T03:59:00.000Z', '2026-05-31', '23:59'], // still Sunday in Fort-de-France
    ['guyane', '2026-06-01T11:30:00.000Z', '2026-06-01', '08:30'], // UTC-3
    ['reunion', '2026-06-01T04:30:00.000Z', '2026-06-01', '08:30'], // UTC+4
    ['mayotte', '2026-06-01T05:30:00.000Z', '2026-06-01', '08:30'], // UTC+3
    ['saint_martin', '2026-06-01T12:30:00.000Z', '2026-06-01', '08:30'],
    ['saint_barthelemy', '2026-06-01T12:29:00.000Z', '2026-06-01', '08:29'],
  ] as const)('%s at %s reads %s %s', (region, instant, date, time) => {
    const clock = wallClockOf(instant, region);
    expect(clock.date).toBe(date);
    expect(
      `${String(Math.floor(clock.minutes / 60)).padStart(2, '0')}:${String(clock.minutes % 60).padStart(2, '0')}`,
    ).toBe(time);
  });
});

describe('a half-day may be marked once it has begun', () => {
  const at = (date: string, minutes: number): WallClock => ({ date, minutes });
  // A half-day on Monday 1 June 2026 from 08:30 (510 minutes).
  it.each([
    [at('2026-05-31', 23 * 60 + 59), false, 'the evening before'],
    [at('2026-06-01', 0), false, 'midnight the same day'],
    [at('2026-06-01', 509), false, 'one minute before its start'],
    [at('2026-06-01', 510), true, 'the minute it starts'],
    [at('2026-06-01', 511), true, 'one minute after'],
    [at('2026-06-01', 23 * 60 + 59), true, 'late the same day'],
    [at('2026-06-02', 0), true, 'the next day'],
  ])('%o → %s (%s)', (now, begun) => expect(hasBegun('2026-06-01', 510, now)).toBe(begun));

  const day = fc
    .integer({ min: 0, max: 3650 })
    .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
  const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });

  it('begins exactly at its start minute: never the minute before, always from then on', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 24 * 60 - 1 }), (date, start) => {
        expect(hasBegun(date, start, at(date, start - 1))).toBe(false);
        expect(hasBegun(date, start, at(date, start))).toBe(true);
      }),
    );
  });

  it('once begun, stays begun as time goes on', () => {
    fc.assert(
      fc.property(day, minute, day, minute, day, minute, (date, start, d1, m1, d2, m2) => {
        const [early, late] = [at(d1, m1), at(d2, m2)].sort(
          (a, b) => a.date.localeCompare(b.date) || a.minutes - b.minutes,
        ) as [WallClock, WallClock];
        if (hasBegun(date, start, early)) expect(hasBegun(date, start, late)).toBe(true);
      }),
    );
  });

  it('reads the same instant differently overseas: 14:29 in Paris is 08:29 in Guadeloupe', () => {
    const instant = '2026-06-01T12:29:00.000Z';
    expect(hasBegun('2026-06-01', 510, wallClockOf(instant, 'metropole'))).toBe(true);
    expect(hasBegun('2026-06-01', 510, wallClockOf(instant, 'guadeloupe'))).toBe(false);
    for (const region of HOLIDAY_REGIONS)
      expect(hasBegun('2026-05-31', 510, wallClockOf(instant, region)), region).toBe(true);
  });
});

/** Monday 1 June 2026, a MESP from that day (Monday–Thursday 08:30–12:00), one person, the clock at `instant`. */
async function firstMorning(instant: string) {
  const clock = fakeClock(instant);
  const setup = await configured({ clock });
  const { call } = setup;
  const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
  const { sessions } = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const personId = await admitted(call, 'Élodie');
  const joined = valueOf(
    await call('worksites/addParticipant', {
      id: worksite.id,
      personId,
      contract: mespContract({
        startDate: '2026-06-01',
        endDate: '2026-06-28',
        handedOn: '2026-05-28',
        signedOn: '2026-05-28',
      }),
    }),
  );
  const participationId = joined.participants[0]!.id;
  const sessionOn = (date: string) => sessions.find((s) => s.date === date)!.id;
  const mark = (date: string, value: { mark: 'present' | 'maladie' } | null = { mark: 'present' }) =>
    call('attendance/save', {
      worksiteId: worksite.id,
      entries: [{ sessionId: sessionOn(date), participationId, mark: value }],
    });
  return { ...setup, clock, worksiteId: worksite.id, participationId, sessionOn, mark };
}

describe('attendance/save and the clock', () => {
  it('refuses a mark one second before 08:30 in Paris and takes it at 08:30', async () => {
    const { clock, mark } = await firstMorning('2026-06-01T06:29:59.000Z');
    expect(await mark('2026-06-01')).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'entries.0',
        message:
          'Cette demi-journée n’a pas encore eu lieu (le 01/06/2026 à 08:30) : elle s’émarge une fois commencée.',
      },
    });
    expect(await mark('2026-06-01', { mark: 'maladie' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    clock.set('2026-06-01T06:30:00.000Z');
    expect(valueOf(await mark('2026-06-01'))).toEqual({ saved: 1 });
    expect(await mark('2026-06-02')).toMatchObject({
      ok: false,
      error: { message: /^Cette demi-journée n’a pas encore eu lieu \(le 02\/06\/2026/ },
    });
  });

  it('writes nothing when one entry of the batch is in the future', async () => {
    const { call, clock, worksiteId, participationId, sessionOn } = await firstMorning('2026-06-02T10:00:00.000Z');
    const entries = ['2026-06-01', '2026-06-02', '2026-06-03'].map((date) => ({
      sessionId: sessionOn(date),
      participationId,
      mark: { mark: 'present' as const },
    }));
    expect(await call('attendance/save', { worksiteId, entries })).toMatchObject({
      ok: false,
      error: { field: 'entries.2' },
    });
    expect(valueOf(await call('attendance/week', { worksiteId, weekOf: '2026-06-01' })).marks).toEqual([]);
    clock.set('2026-06-03T06:30:00.000Z');
    expect(valueOf(await call('attendance/save', { worksiteId, entries }))).toEqual({ saved: 3 });
  });

  it('still lets a future half-day be cancelled, and a mark be cleared', async () => {
    const { call, mark, sessionOn } = await firstMorning('2026-06-01T06:29:00.000Z');
    expect(valueOf(await mark('2026-06-04', null))).toEqual({ saved: 1 });
    const cancelled = await call('worksites/cancelSession', {
      sessionId: sessionOn('2026-06-04'),
      reason: 'Atelier fermé',
      kind: 'structure',
    });
    expect(cancelled.ok).toBe(true);
  });

  it('uses the structure’s own clock overseas: in Guadeloupe 08:30 is 12:30 UTC', async () => {
    const { call, clock, mark } = await firstMorning('2026-06-01T12:29:00.000Z');
    valueOf(
      await call('settings/updateCalendar', {
        effectiveFrom: '2026-06-01',
        region: 'guadeloupe',
        whitMondayWorked: false,
        forceMajeurePaid: false,
      }),
    );
    expect(await mark('2026-06-01')).toMatchObject({ ok: false, error: { message: /n’a pas encore eu lieu/ } });
    clock.set('2026-06-01T12:30:00.000Z');
    expect(valueOf(await mark('2026-06-01'))).toEqual({ saved: 1 });
  });

  it('tells the grid which half-days and annex times have not begun', async () => {
    const { call, clock, worksiteId, participationId } = await firstMorning('2026-06-01T06:29:00.000Z');
    valueOf(
      await call('worksites/addAnnexTime', {
        participationId,
        annexTime: { kind: 'visite_medicale', date: '2026-06-01', start: '14:00', end: '15:00', paid: true },
      }),
    );
    const week = async () => valueOf(await call('attendance/week', { worksiteId, weekOf: '2026-06-01' }));
    expect((await week()).sessions.map((s) => [s.date, s.notYet])).toEqual([
      ['2026-06-01', true],
      ['2026-06-02', true],
      ['2026-06-03', true],
      ['2026-06-04', true],
    ]);
    clock.set('2026-06-01T06:30:00.000Z');
    const monday = await week();
    expect(monday.sessions.map((s) => s.notYet)).toEqual([false, true, true, true]);
    expect(monday.annexTimes.map((a) => a.notYet)).toEqual([true]);
  });
});

describe('attendance/markAnnexTime and the clock', () => {
  it('refuses to say an annex time took place, or did not, before it starts; clearing stays possible', async () => {
    const { call, clock, participationId } = await firstMorning('2026-06-01T11:59:00.000Z');
    const worksite = valueOf(
      await call('worksites/addAnnexTime', {
        participationId,
        annexTime: { kind: 'visite_medicale', date: '2026-06-01', start: '14:00', end: '15:00', paid: true },
      }),
    );
    const annexTimeId = worksite.participants[0]!.annexTimes[0]!.id;
    for (const done of [true, false]) {
      expect(await call('attendance/markAnnexTime', { annexTimeId, done })).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Ce temps annexe n’a pas encore eu lieu (le 01/06/2026 à 14:00) : il se pointe une fois commencé.',
        },
      });
    }
    expect(valueOf(await call('attendance/markAnnexTime', { annexTimeId, done: null }))).toEqual({ done: null });
    clock.set('2026-06-01T12:00:00.000Z');
    expect(valueOf(await call('attendance/markAnnexTime', { annexTimeId, done: true }))).toEqual({ done: true });
  });
});
