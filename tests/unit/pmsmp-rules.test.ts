import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADULT_DAY_MINUTES,
  plannedMinutes,
  pmsmpDatesProblem,
  pmsmpLastDay,
  renewalProblem,
  SAME_HOST_DAYS,
  sameHostProblem,
  scheduleProblems,
  type HostConvention,
  suspendedDays,
  weekMinutes,
  type WeekSchedule,
} from '../../src-main/domain/pmsmp';
import { addDays, daysBetween, isoFromParts, lastDayOfMonths } from '../../src-main/shared/dates';

/** D5135-3: one month « de date à date », both days counted; each boundary from both sides. */
describe('an immersion lasts at most one month, date to date (D5135-3)', () => {
  const cases: [start: string, lastAllowed: string, why: string][] = [
    ['2026-03-01', '2026-03-31', 'a whole calendar month'],
    ['2026-01-15', '2026-02-14', 'the day before the same date'],
    ['2026-01-31', '2026-02-28', 'no 31 February: the last day of February'],
    ['2028-01-31', '2028-02-29', 'leap year: 29 February'],
    ['2028-01-29', '2028-02-28', 'leap year, 29 February exists: the day before'],
    ['2027-01-29', '2027-02-28', 'no 29 February 2027: the last day of February'],
    ['2028-02-29', '2028-03-28', 'from a 29 February'],
    ['2026-12-15', '2027-01-14', 'across the year'],
    ['2026-04-30', '2026-05-29', 'a 30-day month into a 31-day one'],
    ['2026-05-31', '2026-06-30', 'no 31 June: the last day of June'],
  ];
  it.each(cases)('from %s, the last day allowed is %s (%s)', (start, lastAllowed) => {
    expect(pmsmpLastDay(start)).toBe(lastAllowed);
    expect(pmsmpDatesProblem(start, lastAllowed)).toBeNull();
    expect(pmsmpDatesProblem(start, addDays(lastAllowed, 1))).toMatch(/au plus un mois de date à date.*D5135-3/);
  });

  it('01/03 → 31/03 is allowed, 01/03 → 01/04 refused with the last day named', () => {
    expect(pmsmpDatesProblem('2026-03-01', '2026-03-31')).toBeNull();
    expect(pmsmpDatesProblem('2026-03-01', '2026-04-01')).toBe(
      'Une immersion dure au plus un mois de date à date : commencée ce jour-là, elle se termine au plus tard le 31/03/2026 (article D5135-3 du Code du travail). Au-delà, renouvelez-la.',
    );
  });

  it('one day is an immersion; an end before the start is not', () => {
    expect(pmsmpDatesProblem('2026-03-01', '2026-03-01')).toBeNull();
    expect(pmsmpDatesProblem('2026-03-02', '2026-03-01')).toBe('La fin de l’immersion ne peut pas précéder son début.');
  });

  const day = fc
    .record({
      y: fc.integer({ min: 1990, max: 2090 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => isoFromParts(y, m, d));
  const anyDay = fc
    .record({
      y: fc.integer({ min: 1990, max: 2090 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ y, m, d }) => isoFromParts(y, m, Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate())));

  it('property: the allowed period is 28 to 31 days long, ends before the same date next month, and never shrinks when the start moves later', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 40 }), (start, later) => {
        const last = pmsmpLastDay(start);
        const days = (Date.parse(last) - Date.parse(start)) / 86_400_000 + 1;
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31);
        expect(last.slice(0, 7) <= addDays(start, 31).slice(0, 7)).toBe(true);
        expect(pmsmpLastDay(addDays(start, later)) >= last).toBe(true);
        // Every end up to the last day is accepted, the next day refused.
        expect(pmsmpDatesProblem(start, last)).toBeNull();
        expect(pmsmpDatesProblem(start, addDays(last, 1))).not.toBeNull();
      }),
    );
  });

  it('property: on days 1 to 28 the period ends the day before the same date a month later', () => {
    fc.assert(
      fc.property(day, (start) => {
        const [y, m, d] = start.split('-').map(Number) as [number, number, number];
        expect(pmsmpLastDay(start)).toBe(addDays(isoFromParts(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, d), -1));
      }),
    );
  });
});

describe('renewed once, for the same objective (D5135-3)', () => {
  it('a first convention may be renewed after its end', () => {
    expect(renewalProblem({ end: '2026-03-31', isRenewal: false, renewed: false }, '2026-04-01')).toBeNull();
  });
  it('a renewal is not renewed again, nor a convention renewed already', () => {
    expect(renewalProblem({ end: '2026-03-31', isRenewal: true, renewed: false }, '2026-04-01')).toMatch(
      /déjà un renouvellement/,
    );
    expect(renewalProblem({ end: '2026-03-31', isRenewal: false, renewed: true }, '2026-04-01')).toMatch(
      /déjà été renouvelée une fois/,
    );
  });
  it('the renewal starts after the end, never on it', () => {
    expect(renewalProblem({ end: '2026-03-31', isRenewal: false, renewed: false }, '2026-03-31')).toBe(
      'Le renouvellement commence après la fin de l’immersion.',
    );
  });
});

const at = (h: number, m = 0) => h * 60 + m;

describe('hours: 10 h a day (L3121-18), 35 h a week (L3121-27); a minor 8 h a day (L3162-1)', () => {
  it('counts a day as end − start − pause, and totals the week', () => {
    const s: WeekSchedule = {
      lundi: { start: at(9), end: at(17), pause: 60 },
      mardi: { start: at(8, 30), end: at(12), pause: 0 },
    };
    expect(weekMinutes(s)).toBe(7 * 60 + 3.5 * 60);
  });

  const cases: [label: string, day: { start: number; end: number; pause: number }, minor: boolean, ok: boolean][] = [
    ['10 h for an adult', { start: at(8), end: at(19), pause: 60 }, false, true],
    ['10 h 01 for an adult', { start: at(8), end: at(19, 1), pause: 60 }, false, false],
    ['8 h for a minor', { start: at(8), end: at(17), pause: 60 }, true, true],
    ['8 h 01 for a minor', { start: at(8), end: at(17, 1), pause: 60 }, true, false],
  ];
  it.each(cases)('%s', (_label, day, minor, ok) => {
    const problems = scheduleProblems({ lundi: day }, minor);
    expect(problems.length === 0).toBe(ok);
    if (!ok) expect(problems[0]!.message).toMatch(minor ? /L3162-1/ : /L3121-18/);
  });

  it('35 h a week is allowed, 35 h 01 refused', () => {
    const seven = { start: at(9), end: at(17), pause: 60 };
    const week: WeekSchedule = { lundi: seven, mardi: seven, mercredi: seven, jeudi: seven, vendredi: seven };
    expect(weekMinutes(week)).toBe(35 * 60);
    expect(scheduleProblems(week)).toEqual([]);
    const over = scheduleProblems({ ...week, vendredi: { ...seven, end: at(17, 1) } });
    expect(over).toEqual([
      {
        day: null,
        message:
          'La semaine compte 35 h 01 de présence : au plus 35 h par semaine (article L3121-27 du Code du travail).',
      },
    ]);
  });

  it('refuses an empty week, an end before the start, a pause longer than the day', () => {
    expect(scheduleProblems({})).toEqual([{ day: null, message: 'Indiquez au moins un jour de présence.' }]);
    expect(scheduleProblems({ mardi: { start: at(12), end: at(9), pause: 0 } })[0]).toMatchObject({ day: 'mardi' });
    expect(scheduleProblems({ mardi: { start: at(9), end: at(10), pause: 60 } })[0]!.message).toMatch(/pause/);
  });

  it('property: a schedule is accepted exactly when every day is within the limit and the week within 35 h', () => {
    const dayArb = fc.option(
      fc
        .record({
          start: fc.integer({ min: 0, max: 12 * 60 }),
          length: fc.integer({ min: 1, max: 12 * 60 }),
          pause: fc.integer({ min: 0, max: 90 }),
        })
        .filter((d) => d.pause < d.length),
      { nil: undefined },
    );
    fc.assert(
      fc.property(fc.array(dayArb, { minLength: 7, maxLength: 7 }), fc.boolean(), (days, minor) => {
        const names = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
        const s: WeekSchedule = {};
        days.forEach((d, i) => {
          if (d) s[names[i]!] = { start: d.start, end: d.start + d.length, pause: d.pause };
        });
        const limit = minor ? 8 * 60 : ADULT_DAY_MINUTES;
        const fits =
          days.every((d) => !d || d.length - d.pause <= limit) && weekMinutes(s) > 0 && weekMinutes(s) <= 35 * 60;
        expect(scheduleProblems(s, minor).length === 0).toBe(fits);
      }),
    );
  });

  it('plans the hours of the period on the weekdays of the schedule', () => {
    // March 2026: 1 March is a Sunday; 5 Mondays (2, 9, 16, 23, 30).
    expect(plannedMinutes('2026-03-01', '2026-03-31', { lundi: { start: at(9), end: at(12), pause: 0 } })).toBe(
      5 * 180,
    );
  });
});

describe('a CDDI is suspended during the immersion (a PMSMP during the contract, L5132-15-1; the post kept, L5135-3)', () => {
  it('on the days both share, or not at all', () => {
    expect(
      suspendedDays({ start: '2026-01-05', end: '2026-05-04' }, { start: '2026-04-20', end: '2026-05-19' }),
    ).toEqual({ from: '2026-04-20', to: '2026-05-04' });
    expect(
      suspendedDays({ start: '2026-01-05', end: '2026-04-19' }, { start: '2026-04-20', end: '2026-05-19' }),
    ).toBeNull();
    expect(
      suspendedDays({ start: '2026-05-19', end: '2026-09-18' }, { start: '2026-04-20', end: '2026-05-19' }),
    ).toEqual({ from: '2026-05-19', to: '2026-05-19' });
  });
});

/** D5135-3, third paragraph: the same host over 12 consecutive months; each boundary from both sides. */
describe('the same host: two conventions, different objects or objectives, 60 days in 12 months (D5135-3)', () => {
  const c = (start: string, end: string, objective = 'decouvrir', goals = '', renewal = false): HostConvention => ({
    start,
    end,
    objective,
    goals,
    renewal,
  });
  // 5 to 25 January 2026: 21 days; 1 to 20 June 2026: 20 days.
  const first = c('2026-01-05', '2026-01-25', 'decouvrir');
  const second = c('2026-06-01', '2026-06-20', 'confirmer');
  const cases: [why: string, candidate: HostConvention, others: HostConvention[], refused: RegExp | null][] = [
    ['a first convention', first, [], null],
    ['a second one with another object', second, [first], null],
    [
      'a second one, same object, other objectives',
      c('2026-06-01', '2026-06-20', 'decouvrir', 'Le tri'),
      [first],
      null,
    ],
    [
      'a second one, same object and objectives (spaces and case aside)',
      c('2026-06-01', '2026-06-20', 'decouvrir', ' le  TRI '),
      [c('2026-01-05', '2026-01-25', 'decouvrir', 'Le tri')],
      /autre objet ou d’autres objectifs précis que la première, celle du 05\/01\/2026/,
    ],
    [
      'the same object and objectives, 12 months after the first began: a new period',
      c('2027-01-05', '2027-01-10', 'decouvrir'),
      [first],
      null,
    ],
    [
      'the same object and objectives, the last day of the 12 months',
      c('2027-01-04', '2027-01-10', 'decouvrir'),
      [first],
      /autre objet/,
    ],
    [
      'a third convention the last day of the first one’s 12 months',
      c('2027-01-04', '2027-01-06', 'recruter'),
      [first, second],
      /au plus deux conventions.*entre le 05\/01\/2026 et le 04\/01\/2027/,
    ],
    ['a third convention the day after', c('2027-01-05', '2027-01-07', 'recruter'), [first, second], null],
    ['a renewal is no third convention', c('2026-06-21', '2026-06-30', 'confirmer', '', true), [first, second], null],
    // 21 + 20 + 19 = 60 days: allowed; one more day refused.
    ['60 days in all, renewal included', c('2026-06-21', '2026-07-09', 'confirmer', '', true), [first, second], null],
    [
      '61 days in all',
      c('2026-06-21', '2026-07-10', 'confirmer', '', true),
      [first, second],
      /au plus 60 jours.*compteraient 61 entre le 05\/01\/2026 et le 04\/01\/2027/,
    ],
    // The days count inside the 12 months only: from 26/01/2026 on, January 2026 is out of the window (20 + 19 + 21).
    [
      '60 days in a later window',
      c('2027-01-05', '2027-01-25', 'recruter'),
      [first, second, c('2026-06-21', '2026-07-09', 'confirmer', '', true)],
      null,
    ],
    [
      '61 days in a later window',
      c('2027-01-05', '2027-01-26', 'recruter'),
      [first, second, c('2026-06-21', '2026-07-09', 'confirmer', '', true)],
      /compteraient 61 entre le 01\/06\/2026 et le 31\/05\/2027/,
    ],
    ['another host’s conventions are not given: one month alone', c('2026-03-01', '2026-03-31'), [], null],
  ];
  it.each(cases)('%s', (_why, candidate, others, refused) => {
    const problem = sameHostProblem(candidate, others);
    if (refused === null) expect(problem).toBeNull();
    else expect(problem).toMatch(refused);
  });

  it('names the article in a French sentence', () => {
    expect(sameHostProblem(c('2026-06-21', '2026-07-10', 'confirmer', '', true), [first, second])).toBe(
      'Avec la même structure d’accueil, les immersions durent au plus 60 jours en tout sur douze mois consécutifs, renouvellements compris (article D5135-3 du Code du travail) : avec celle-ci, elles en compteraient 61 entre le 05/01/2026 et le 04/01/2027. Raccourcissez-la.',
    );
  });

  /** Every window of 12 months, day by day, over the whole span: what the accepted conventions must respect. */
  function breaches(all: HostConvention[]): boolean {
    if (all.length === 0) return false;
    const first = all.reduce((a, x) => (x.start < a ? x.start : a), all[0]!.start);
    const last = all.reduce((a, x) => (x.end > a ? x.end : a), all[0]!.end);
    for (let from = addDays(first, -400); from <= last; from = addDays(from, 1)) {
      const to = lastDayOfMonths(from, 12);
      const inside = all.filter((x) => !x.renewal && x.start >= from && x.start <= to);
      if (inside.length > 2) return true;
      for (let i = 0; i < inside.length; i++)
        for (let j = i + 1; j < inside.length; j++)
          if (inside[i]!.objective === inside[j]!.objective && inside[i]!.goals === inside[j]!.goals) return true;
      let days = 0;
      for (const x of all) {
        const a = x.start > from ? x.start : from;
        const b = x.end < to ? x.end : to;
        if (a <= b) days += daysBetween(a, b) + 1;
      }
      if (days > SAME_HOST_DAYS) return true;
    }
    return false;
  }

  it('accepts a convention exactly when the conventions with it break no window of 12 months (property)', () => {
    const convention = fc
      .record({
        offset: fc.integer({ min: 0, max: 900 }),
        length: fc.integer({ min: 1, max: 31 }),
        objective: fc.constantFrom('decouvrir', 'confirmer', 'recruter'),
        goals: fc.constantFrom('', 'tri'),
        renewal: fc.boolean(),
      })
      .map(({ offset, length, objective, goals, renewal }) => {
        const start = addDays('2026-01-01', offset);
        return { start, end: addDays(start, length - 1), objective, goals, renewal };
      });
    fc.assert(
      fc.property(fc.array(convention, { minLength: 1, maxLength: 6 }), (candidates) => {
        const accepted: HostConvention[] = [];
        for (const candidate of candidates) {
          const refused = sameHostProblem(candidate, accepted) !== null;
          // Refused exactly when adding it would break a window (the accepted ones break none).
          expect(refused).toBe(breaches([...accepted, candidate]));
          if (!refused) accepted.push(candidate);
        }
        expect(breaches(accepted)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
