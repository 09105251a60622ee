import { describe, expect, it } from 'vitest';
import { easterSunday, frenchHolidays, holidaysBetween } from '../../src-main/domain/holidays';
import { generateSchedule, outsidePattern, proposeMakeUps, type Slot } from '../../src-main/domain/schedule';
import {
  checkCddi,
  checkEarlyEnd,
  checkRenewal,
  handOverDeadline,
  isHandOverLate,
  trialPeriodDays,
} from '../../src-main/domain/contracts';
import { addDays, weekdayOf } from '../../src-main/shared/dates';
import { patternMinutes, plannedMinutesByWeek } from '../../src-main/domain/hours';

// These rules work on calendar dates: `npm test` runs this file again under
// TZ=America/Guadeloupe and TZ=Pacific/Kiritimati.

const MON_THU_MORNINGS: Slot[] = [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' as const }));
const noClosures = new Map<string, string>();

describe('French public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('lists the eleven days of 2026 with their moving feasts', () => {
    const days = frenchHolidays(2026);
    expect(days.size).toBe(11);
    expect(days.get('2026-04-06')).toBe('Lundi de Pâques');
    expect(days.get('2026-05-14')).toBe('Ascension');
    expect(days.get('2026-05-25')).toBe('Lundi de Pentecôte');
    expect(days.has('2026-05-08')).toBe(true);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle, the abolition day overseas, and keeps Whit Monday worked when asked', () => {
    const alsace = frenchHolidays(2027, { region: 'alsace_moselle' });
    expect(alsace.get('2027-03-26')).toBe('Vendredi saint');
    expect(alsace.get('2027-12-26')).toBe('Saint-Étienne');
    expect(frenchHolidays(2026, { region: 'guadeloupe' }).get('2026-05-27')).toBe('Abolition de l’esclavage');
    expect(frenchHolidays(2026, { region: 'reunion' }).get('2026-12-20')).toBe('Abolition de l’esclavage');
    expect(frenchHolidays(2026, { whitMondayWorked: true }).has('2026-05-25')).toBe(false);
  });

  it('spans New Year', () => {
    expect([...holidaysBetween('2026-12-20', '2027-01-10').keys()]).toEqual(['2026-12-25', '2027-01-01']);
  });
});

describe('session generation', () => {
  it('a 4-week MESP from Monday 4 May 2026, Mon–Thu mornings, skips Ascension and Whit Monday: 14 sessions and 2 make-ups', () => {
    const calendar = { holidays: frenchHolidays(2026), closures: noClosures };
    const schedule = generateSchedule({ startDate: '2026-05-04', weeks: 4, slots: MON_THU_MORNINGS }, calendar);
    expect(schedule.sessions).toHaveLength(14);
    expect(schedule.plannedCount).toBe(16);
    expect(schedule.skipped).toEqual([
      { date: '2026-05-14', halfDay: 'morning', reason: 'holiday', label: 'Ascension' },
      { date: '2026-05-25', halfDay: 'morning', reason: 'holiday', label: 'Lundi de Pentecôte' },
    ]);
    expect(schedule.endDate).toBe('2026-05-31');
    const makeUps = proposeMakeUps(schedule.skipped, schedule.sessions, calendar, {
      from: '2026-05-04',
      to: '2026-05-29',
    });
    expect(makeUps).toEqual([
      { date: '2026-05-15', halfDay: 'morning' },
      { date: '2026-05-29', halfDay: 'morning' },
    ]);
  });

  it('never proposes a holiday (Friday 8 May 2026), a closure, a clash, or a day after the contract end', () => {
    const calendar = {
      holidays: frenchHolidays(2026),
      closures: new Map([
        ['2026-05-05', 'Fermeture du CCAS'],
        ['2026-05-15', 'Pont'],
      ]),
    };
    const schedule = generateSchedule({ startDate: '2026-05-04', weeks: 2, slots: MON_THU_MORNINGS }, calendar);
    expect(schedule.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2026-05-05', 'closure'],
      ['2026-05-14', 'holiday'],
    ]);
    const busy = new Set(['2026-05-11|morning', '2026-05-12|morning', '2026-05-13|morning', '2026-05-15|morning']);
    // Everything up to the contract end is taken: nothing is proposed rather than a wrong day.
    expect(
      proposeMakeUps(schedule.skipped, schedule.sessions, calendar, { from: '2026-05-04', to: '2026-05-15' }, busy),
    ).toEqual([]);
    // A contract running one more week leaves room after the clashes.
    const makeUps = proposeMakeUps(
      schedule.skipped,
      schedule.sessions,
      calendar,
      { from: '2026-05-04', to: '2026-05-22' },
      busy,
    );
    expect(makeUps.map((m) => m.date)).toEqual(['2026-05-18', '2026-05-19']);
  });

  it('crosses New Year without a session on 1 January', () => {
    const calendar = { holidays: holidaysBetween('2026-12-28', '2027-01-10'), closures: noClosures };
    const schedule = generateSchedule({ startDate: '2026-12-28', weeks: 2, slots: MON_THU_MORNINGS }, calendar);
    expect(schedule.sessions.map((s) => s.date)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
    ]);
  });

  it('counts weekdays the French way whatever the time zone', () => {
    expect(weekdayOf('2026-05-04')).toBe(0);
    expect(weekdayOf('2026-05-10')).toBe(6);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});

describe('regeneration after a change of dates or rhythm', () => {
  const calendar = { holidays: frenchHolidays(2026), closures: noClosures };
  const old = generateSchedule({ startDate: '2026-05-04', weeks: 4, slots: MON_THU_MORNINGS }, calendar).sessions.map(
    (s) => ({ ...s, origin: 'pattern' as const }),
  );
  const added = { date: '2026-05-29', halfDay: 'afternoon' as const, origin: 'added' as const };

  it('offers the future half-days the shorter worksite no longer holds, never past ones', () => {
    // Shortened to 3 weeks on 12 May: week 4 goes, as does an added half-day after the new end.
    const outside = outsidePattern(
      [...old, added],
      { startDate: '2026-05-04', weeks: 3, slots: MON_THU_MORNINGS },
      calendar,
      '2026-05-12',
    );
    expect(outside.map((s) => s.date)).toEqual(['2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29']);
  });

  it('offers pattern half-days off the new rhythm, keeps added ones inside the dates', () => {
    const monToWed = MON_THU_MORNINGS.slice(0, 3);
    const inside = { date: '2026-05-22', halfDay: 'afternoon' as const, origin: 'added' as const };
    const outside = outsidePattern(
      [...old, inside],
      { startDate: '2026-05-04', weeks: 4, slots: monToWed },
      calendar,
      '2026-05-10',
    );
    // Thursdays after today: 14 May is Ascension (never generated), so 21 and 28 May.
    expect(outside.map((s) => s.date)).toEqual(['2026-05-21', '2026-05-28']);
  });
});

describe('planned hours per person per week', () => {
  it('a Mon–Thu morning MESP from 4 May 2026 plans 14 h, less in the weeks of Ascension and Whit Monday, plus a paid health check', () => {
    const morning = { startMinutes: 8 * 60 + 30, endMinutes: 12 * 60 };
    expect(patternMinutes([morning, morning, morning, morning])).toBe(14 * 60);
    const calendar = { holidays: frenchHolidays(2026), closures: noClosures };
    const sessions = generateSchedule(
      { startDate: '2026-05-04', weeks: 4, slots: MON_THU_MORNINGS },
      calendar,
    ).sessions.map((s) => ({
      ...s,
      ...morning,
      cancelled: s.date === '2026-05-19',
    }));
    const healthCheck = { date: '2026-05-05', startMinutes: 14 * 60, endMinutes: 15 * 60 + 30 };
    const weeks = plannedMinutesByWeek(sessions, { start: '2026-05-04', end: '2026-05-31' }, [healthCheck]);
    expect([...weeks.entries()]).toEqual([
      ['2026-05-04', 14 * 60 + 90],
      ['2026-05-11', 10 * 60 + 30],
      ['2026-05-18', 10 * 60 + 30],
      ['2026-05-25', 10 * 60 + 30],
    ]);
    // Ended early on Wednesday 6 May: two half-days and the health check.
    const ended = plannedMinutesByWeek(sessions, { start: '2026-05-04', end: '2026-05-06' }, [healthCheck]);
    expect([...ended.entries()]).toEqual([['2026-05-04', 3 * 210 + 90]]);
  });
});

describe('contract rules', () => {
  it('gives a 4-week MESP a trial period of 4 days, capped at 2 weeks up to six months, one month beyond', () => {
    expect(trialPeriodDays('2026-05-04', '2026-05-31')).toBe(4);
    expect(trialPeriodDays('2026-01-05', '2026-06-30')).toBe(14);
    expect(trialPeriodDays('2026-01-05', '2026-12-31')).toBe(30);
  });

  it('refuses a CDDI of 3 months or 18 h a week without derogation, naming the rule', () => {
    expect(checkCddi({ start: '2026-01-05', end: '2026-04-04', weeklyMinutes: 26 * 60 })).toEqual([
      {
        rule: 'L5132-15-1',
        message:
          'Un CDDI dure au moins 4 mois (Code du travail, art. L5132-15-1) : commencé le 05/01/2026, il finit au plus tôt le 04/05/2026.',
      },
    ]);
    expect(checkCddi({ start: '2026-01-05', end: '2026-07-04', weeklyMinutes: 18 * 60 })[0]!.message).toMatch(
      /au moins 20 heures/,
    );
    expect(
      checkCddi({ start: '2026-01-05', end: '2026-07-04', weeklyMinutes: 18 * 60, derogationUntil: '2026-12-31' }),
    ).toEqual([]);
    expect(
      checkCddi({ start: '2026-01-05', end: '2026-07-04', weeklyMinutes: 26 * 60, previousMonths: 20 })[0]!.message,
    ).toMatch(/24 mois/);
  });

  it('warns when the contract was not handed over within two working days', () => {
    const holidays = frenchHolidays(2026);
    // Thursday 30 April: Friday 1 May is a holiday, so Saturday 2 and Monday 4 May count.
    expect(handOverDeadline('2026-04-30', holidays)).toBe('2026-05-04');
    expect(handOverDeadline('2026-05-04', holidays)).toBe('2026-05-06');
    expect(isHandOverLate('2026-05-04', '2026-05-06', '2026-05-10', holidays)).toBe(false);
    expect(isHandOverLate('2026-05-04', null, '2026-05-07', holidays)).toBe(true);
  });

  it('renews a CDD twice at most, a CDDI within 24 months, always agreed before the term', () => {
    const cdd = {
      type: 'cdd_usage' as const,
      start: '2026-05-04',
      currentEnd: '2026-05-31',
      newEnd: '2026-06-30',
      agreedOn: '2026-05-20',
      weeklyMinutes: 14 * 60,
    };
    expect(checkRenewal({ ...cdd, renewalsSoFar: 1 })).toEqual([]);
    expect(checkRenewal({ ...cdd, renewalsSoFar: 2 })[0]!.message).toMatch(/deux fois/);
    expect(checkRenewal({ ...cdd, renewalsSoFar: 0, agreedOn: '2026-06-01' })[0]!.message).toMatch(/avant le terme/);
    expect(checkRenewal({ ...cdd, renewalsSoFar: 0, newEnd: '2026-05-31' })[0]!.message).toMatch(
      /après la fin actuelle/,
    );
    const cddi = {
      type: 'cddi' as const,
      start: '2026-01-05',
      currentEnd: '2026-05-04',
      agreedOn: '2026-04-20',
      weeklyMinutes: 26 * 60,
      renewalsSoFar: 5,
    };
    expect(checkRenewal({ ...cddi, newEnd: '2027-12-31' })).toEqual([]);
    expect(checkRenewal({ ...cddi, newEnd: '2028-01-06' })[0]!.message).toMatch(/24 mois/);
  });

  it('ends a contract early only inside it, on a ground that applies to it', () => {
    // A 4-week MESP: 4 days of trial period, from Monday 4 to Thursday 7 May 2026.
    const mesp = { type: 'cdd_usage' as const, start: '2026-05-04', end: '2026-05-31', trialDays: 4 };
    expect(checkEarlyEnd({ ...mesp, date: '2026-05-07', reason: 'periode_essai' })).toEqual([]);
    expect(checkEarlyEnd({ ...mesp, date: '2026-05-08', reason: 'periode_essai' })[0]!.rule).toBe('L1242-10');
    expect(checkEarlyEnd({ ...mesp, date: '2026-05-15', reason: 'accord_commun' })).toEqual([]);
    expect(checkEarlyEnd({ ...mesp, date: '2026-05-15', reason: 'emploi_ou_formation' })[0]!.rule).toBe('L5132-15-1');
    expect(checkEarlyEnd({ ...mesp, type: 'cddi', date: '2026-05-15', reason: 'emploi_ou_formation' })).toEqual([]);
    expect(checkEarlyEnd({ ...mesp, date: '2026-05-31', reason: 'faute_grave' })[0]!.message).toMatch(
      /avant son terme/,
    );
    expect(checkEarlyEnd({ ...mesp, date: '2026-05-03', reason: 'force_majeure' })[0]!.message).toMatch(
      /pendant le contrat/,
    );
  });
});
