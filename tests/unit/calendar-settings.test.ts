import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHours, type HalfDayRecord } from '../../src-main/domain/attendance';
import {
  CALENDAR_DEFAULTS,
  calendarInForce,
  calendarPeriods,
  changeFrom,
  holidaysInForce,
  type CalendarChange,
  type CalendarSettings,
} from '../../src-main/domain/calendar-settings';
import { HOLIDAY_REGIONS } from '../../src-main/shared/contract/settings';
import { addDays, weekdayOf } from '../../src-main/shared/dates';

/**
 * From the beginning: Métropole, Whit Monday off, force majeure unpaid; force
 * majeure paid from 1 January 2027; Alsace-Moselle from 15 March 2027; from
 * 1 June 2027 Whit Monday worked and force majeure unpaid again.
 */
const BEGINNING: CalendarChange = {
  effectiveFrom: null,
  values: { holidayRegion: 'metropole', whitMondayWorked: false, forceMajeurePaid: false },
};
const HISTORY: CalendarChange[] = [
  { effectiveFrom: '2027-06-01', values: { whitMondayWorked: true, forceMajeurePaid: false } },
  BEGINNING,
  { effectiveFrom: '2027-03-15', values: { holidayRegion: 'alsace_moselle' } },
  { effectiveFrom: '2027-01-01', values: { forceMajeurePaid: true } },
];
const s = (holidayRegion: CalendarSettings['holidayRegion'], whitMondayWorked: boolean, forceMajeurePaid: boolean) => ({
  holidayRegion,
  whitMondayWorked,
  forceMajeurePaid,
});

describe('the value in force on a date', () => {
  it.each([
    ['long before any change', '1990-01-01', s('metropole', false, false)],
    ['the day before the first change', '2026-12-31', s('metropole', false, false)],
    ['the day the first change applies', '2027-01-01', s('metropole', false, true)],
    ['the day before the region changes', '2027-03-14', s('metropole', false, true)],
    ['the day the region changes', '2027-03-15', s('alsace_moselle', false, true)],
    ['the day before the third change', '2027-05-31', s('alsace_moselle', false, true)],
    ['the day of the third change (two settings at once)', '2027-06-01', s('alsace_moselle', true, false)],
    ['long after', '2040-12-31', s('alsace_moselle', true, false)],
  ])('%s (%s)', (_case, date, expected) => {
    expect(calendarInForce(HISTORY, date)).toEqual(expected);
  });

  it('is the defaults with no history, and a setting never set keeps its default', () => {
    expect(calendarInForce([], '2026-06-01')).toEqual(CALENDAR_DEFAULTS);
    expect(calendarInForce([{ effectiveFrom: null, values: { forceMajeurePaid: true } }], '2026-06-01')).toEqual(
      s('metropole', false, true),
    );
  });
});

describe('the days cut where a change applies', () => {
  it('cuts on the change days only, each part with its values', () => {
    expect(calendarPeriods(HISTORY, '2026-12-30', '2027-03-15')).toEqual([
      { first: '2026-12-30', last: '2026-12-31', settings: s('metropole', false, false) },
      { first: '2027-01-01', last: '2027-03-14', settings: s('metropole', false, true) },
      { first: '2027-03-15', last: '2027-03-15', settings: s('alsace_moselle', false, true) },
    ]);
    expect(calendarPeriods(HISTORY, '2027-01-01', '2027-01-31')).toEqual([
      { first: '2027-01-01', last: '2027-01-31', settings: s('metropole', false, true) },
    ]);
    expect(calendarPeriods(HISTORY, '2027-02-01', '2027-01-31')).toEqual([]);
  });
});

describe('the public holidays, by the rule in force on their day', () => {
  // Easter 2027 is 28 March: Whit Monday is 17 May. Saint-Étienne (Alsace-Moselle) is 26 December.
  const alsaceFrom = (date: string): CalendarChange[] => [
    BEGINNING,
    { effectiveFrom: date, values: { holidayRegion: 'alsace_moselle' } },
  ];
  const workedFrom = (date: string): CalendarChange[] => [
    BEGINNING,
    { effectiveFrom: date, values: { whitMondayWorked: true } },
  ];
  it.each([
    ['Alsace-Moselle from the day itself: Saint-Étienne is off', alsaceFrom('2027-12-26'), '2027-12-26', true],
    ['Alsace-Moselle from the day after: not yet', alsaceFrom('2027-12-27'), '2027-12-26', false],
    ['Whit Monday worked from that Monday: worked', workedFrom('2027-05-17'), '2027-05-17', false],
    ['Whit Monday worked from the next day: still off', workedFrom('2027-05-18'), '2027-05-17', true],
  ])('%s', (_case, history, date, off) => {
    expect(holidaysInForce(history, '2027-01-01', '2027-12-31').has(date)).toBe(off);
  });

  it('a region change in the year keeps the national holidays on both sides', () => {
    const days = holidaysInForce(alsaceFrom('2027-07-01'), '2027-01-01', '2027-12-31');
    expect(days.get('2027-01-01')).toBe('Jour de l’an');
    expect(days.has('2027-03-26')).toBe(false); // Vendredi saint, before Alsace-Moselle
    expect(days.get('2027-12-25')).toBe('Noël');
    expect(days.get('2027-12-26')).toBe('Saint-Étienne');
  });
});

describe('the change to record', () => {
  const wanted = s('metropole', false, true);
  it.each([
    [
      'only what differs from the day before',
      HISTORY,
      '2026-12-01',
      s('metropole', true, false),
      { whitMondayWorked: true },
    ],
    [
      'a change dated the same day is replaced',
      HISTORY,
      '2027-01-01',
      s('metropole', true, true),
      { whitMondayWorked: true, forceMajeurePaid: true },
    ],
    ['nothing differs: none', [BEGINNING], '2027-01-01', s('metropole', false, false), null],
    ['back to the values before on that day: none', HISTORY, '2027-01-01', s('metropole', false, false), null],
    ['a region', [BEGINNING], '2027-01-01', s('reunion', false, false), { holidayRegion: 'reunion' }],
  ] as const)('%s', (_case, history, date, values, expected) => {
    const change = changeFrom(history, date, values);
    expect(change).toEqual(expected === null ? null : { effectiveFrom: date, values: expected });
  });

  it('from then on, the values in force are those wanted', () => {
    const change = changeFrom(HISTORY, '2026-10-01', wanted)!;
    const after = [...HISTORY, change];
    expect(calendarInForce(after, '2026-09-30')).toEqual(s('metropole', false, false));
    expect(calendarInForce(after, '2026-10-01')).toEqual(wanted);
  });
});

/** Days of 2026–2027 as offsets, for the generators. */
const START = '2026-01-01';
const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays(START, n));
const settings = fc.record({
  holidayRegion: fc.constantFrom(...HOLIDAY_REGIONS),
  whitMondayWorked: fc.boolean(),
  forceMajeurePaid: fc.boolean(),
});
const history = fc
  .tuple(
    settings,
    fc.uniqueArray(
      fc.tuple(
        day,
        fc.record(
          {
            holidayRegion: fc.constantFrom(...HOLIDAY_REGIONS),
            whitMondayWorked: fc.boolean(),
            forceMajeurePaid: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
      ),
      {
        selector: ([d]) => d,
        maxLength: 5,
      },
    ),
  )
  .map(([beginning, changes]): CalendarChange[] => [
    { effectiveFrom: null, values: beginning },
    ...changes.map(([effectiveFrom, values]) => ({ effectiveFrom, values })),
  ]);

/** The hours of a contract over the two years, counted as app/hours.ts counts them, from a history. */
function hoursOf(h: readonly CalendarChange[], halfDays: readonly HalfDayRecord[]) {
  const contract = { start: START, end: '2027-12-31', weeklyMinutes: 14 * 60 };
  const holidaysOnPattern = [...holidaysInForce(h, contract.start, contract.end)]
    .filter(([date]) => weekdayOf(date) < 4)
    .map(([date, label]) => ({ date, label, minutes: 210 }));
  return computeHours(
    {
      contract,
      halfDays,
      annexTimes: [],
      holidaysOnPattern,
      forceMajeurePaid: (date) => calendarInForce(h, date).forceMajeurePaid,
    },
    '2027-12-31',
  ).days;
}

const halfDays = fc.array(
  fc.record({
    date: day,
    cancelled: fc.constantFrom(null, 'structure' as const, 'force_majeure' as const),
    present: fc.boolean(),
  }),
  { maxLength: 40 },
);

describe('a change from a day never changes the figures of a day before it', () => {
  it('holds for any history, any change and any half-days', () => {
    fc.assert(
      fc.property(history, day, settings, halfDays, (h, from, wanted, generated) => {
        const records: HalfDayRecord[] = generated.map((g) => ({
          date: g.date,
          startMinutes: 510,
          endMinutes: 720,
          cancelled: g.cancelled,
          mark:
            g.cancelled === null && g.present
              ? { mark: 'present', actualStart: null, actualEnd: null, paid: true }
              : null,
        }));
        const change = changeFrom(h, from, wanted);
        const after = [...h.filter((c) => c.effectiveFrom !== from), ...(change ? [change] : [])];
        const before = (days: ReturnType<typeof hoursOf>) => days.filter((d) => d.date < from);
        expect(before(hoursOf(after, records))).toEqual(before(hoursOf(h, records)));
        // And from that day on, until a later change, the values are those wanted.
        const next = h
          .map((c) => c.effectiveFrom)
          .filter((d): d is string => d !== null && d > from)
          .sort()[0];
        expect(calendarInForce(after, from)).toEqual(wanted);
        if (next !== undefined) expect(calendarInForce(after, addDays(next, -1))).toEqual(wanted);
      }),
    );
  });
});
