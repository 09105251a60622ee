import { describe, expect, it } from 'vitest';
import { computeHours, holidayPaid, type HalfDayRecord } from '../../src-main/domain/attendance';

// Figures counted by hand, never by the code under test. A half-day is 08:30–12:00 = 3 h 30 = 210 min.
const H = 60;
const START = 8 * H + 30;
const END = 12 * H;
const JUNE_2026_MON_THU = [
  '01',
  '02',
  '03',
  '04',
  '08',
  '09',
  '10',
  '11',
  '15',
  '16',
  '17',
  '18',
  '22',
  '23',
  '24',
  '25',
].map((d) => `2026-06-${d}`);

function halfDays(marks: Record<string, Partial<HalfDayRecord>> = {}): HalfDayRecord[] {
  return JUNE_2026_MON_THU.map((date) => ({
    date,
    startMinutes: START,
    endMinutes: END,
    cancelled: null,
    mark: { mark: 'present', actualStart: null, actualEnd: null, paid: true },
    ...marks[date],
  }));
}

const contract = { start: '2026-06-01', end: '2026-06-28', weeklyMinutes: 14 * H };

describe('hours of a 4-week MESP', () => {
  it('plans 56 h; with a late arrival, a sickness, an unjustified absence and a cancelled half-day: 45 h worked, 48 h 30 paid, 51 h with the annex times', () => {
    const records = halfDays({
      '2026-06-02': { mark: { mark: 'retard', actualStart: 9 * H, actualEnd: null, paid: true } },
      '2026-06-03': { mark: { mark: 'maladie', actualStart: null, actualEnd: null, paid: false } },
      '2026-06-04': { mark: { mark: 'non_justifiee', actualStart: null, actualEnd: null, paid: false } },
      '2026-06-08': { cancelled: 'structure', mark: null },
    });
    const without = computeHours(
      { contract, halfDays: records, annexTimes: [], holidaysOnPattern: [], forceMajeurePaid: false },
      '2026-06-30',
    );
    expect(without.planned).toBe(56 * H);
    expect(without.worked).toBe(45 * H);
    expect(without.paid).toBe(48 * H + 30);
    const annexTimes = [
      { date: '2026-06-01', startMinutes: 14 * H, endMinutes: 15 * H, paid: true, done: true },
      { date: '2026-06-25', startMinutes: 13 * H + 30, endMinutes: 15 * H, paid: true, done: true },
      // Planned but not marked done: not (yet) paid.
      { date: '2026-06-24', startMinutes: 14 * H, endMinutes: 15 * H, paid: true, done: null },
    ];
    const withAnnex = computeHours(
      { contract, halfDays: records, annexTimes, holidaysOnPattern: [], forceMajeurePaid: false },
      '2026-06-30',
    );
    expect(withAnnex.paid).toBe(51 * H);
    // 13 of the 15 half-days held were attended (the cancelled one is not counted).
    expect([withAnnex.attended, withAnnex.held]).toEqual([13, 15]);
    expect(withAnnex.days.find((d) => d.date === '2026-06-03')!.absences).toEqual({ maladie: 210 });
    // Week of 1 June: 14 h planned; 3 h 30 + 3 h worked (sick on Wednesday, absent on Thursday); paid adds the 1 h health check.
    expect(withAnnex.weeks[0]).toMatchObject({
      weekOf: '2026-06-01',
      planned: 14 * H,
      worked: 6 * H + 30,
      paid: 7 * H + 30,
    });
    expect(withAnnex.months).toEqual([{ month: '2026-06', planned: 56 * H, worked: 45 * H, paid: 51 * H }]);
  });

  it('pays a half-day cancelled for weather only when the structure says so', () => {
    const records = halfDays({ '2026-06-08': { cancelled: 'force_majeure', mark: null } });
    expect(
      computeHours(
        { contract, halfDays: records, annexTimes: [], holidaysOnPattern: [], forceMajeurePaid: false },
        '2026-06-30',
      ).paid,
    ).toBe(52 * H + 30);
    expect(
      computeHours(
        { contract, halfDays: records, annexTimes: [], holidaysOnPattern: [], forceMajeurePaid: true },
        '2026-06-30',
      ).paid,
    ).toBe(56 * H);
  });

  describe('a half-day left on a day that became a public holiday (the calendar changed after it was planned)', () => {
    // Monday–Thursday mornings of June 2026, contract from 1 June; Thursday 11 June made a holiday (210 min of
    // the pattern), paid by seniority in the first case (contract from 1 March), not in the second (from 1 June).
    const holiday = [{ date: '2026-06-11', label: 'Jour férié', minutes: 210 }];
    const dayOf = (records: HalfDayRecord[], start: string, forceMajeurePaid = true) =>
      computeHours(
        {
          contract: { ...contract, start },
          halfDays: records,
          annexTimes: [],
          holidaysOnPattern: holiday,
          forceMajeurePaid,
        },
        '2026-06-30',
      ).days.find((d) => d.date === '2026-06-11')!;
    const absent = { mark: 'non_justifiee' as const, actualStart: null, actualEnd: null, paid: false };
    it.each([
      ['worked: paid as worked, once', halfDays(), '2026-03-01', { worked: 210, paid: 210, holidayPaid: 0 }],
      ['worked, no seniority: paid as worked', halfDays(), '2026-06-01', { worked: 210, paid: 210, holidayPaid: 0 }],
      [
        'late arrival: the minutes worked only (the half-day is held, the day not off)',
        halfDays({ '2026-06-11': { mark: { mark: 'retard', actualStart: 9 * H, actualEnd: null, paid: true } } }),
        '2026-03-01',
        { worked: 180, paid: 180, holidayPaid: 0 },
      ],
      [
        'unjustified absence: nothing',
        halfDays({ '2026-06-11': { mark: absent } }),
        '2026-03-01',
        { worked: 0, paid: 0, holidayPaid: 0 },
      ],
      [
        'cancelled by the structure: the holiday off, paid once as the holiday',
        halfDays({ '2026-06-11': { cancelled: 'structure', mark: null } }),
        '2026-03-01',
        { worked: 0, paid: 210, holidayPaid: 210, cancelledPaid: 0 },
      ],
      [
        'cancelled for force majeure (paid that day): the holiday off, paid once as the holiday',
        halfDays({ '2026-06-11': { cancelled: 'force_majeure', mark: null } }),
        '2026-03-01',
        { worked: 0, paid: 210, holidayPaid: 210, cancelledPaid: 0 },
      ],
      [
        'cancelled, no seniority: the holiday off, unpaid (L3133-3)',
        halfDays({ '2026-06-11': { cancelled: 'structure', mark: null } }),
        '2026-06-01',
        { worked: 0, paid: 0, holidayPaid: 0, cancelledPaid: 0 },
      ],
      [
        'no half-day that day: the holiday of the pattern, paid',
        halfDays().filter((h) => h.date !== '2026-06-11'),
        '2026-03-01',
        { worked: 0, paid: 210, holidayPaid: 210 },
      ],
    ] as const)('%s', (_case, records, start, expected) => {
      expect(dayOf([...records], start)).toMatchObject(expected);
    });

    it('a shorter half-day held that day: the holiday pays the rest of the pattern', () => {
      const short = halfDays({ '2026-06-11': { endMinutes: 11 * H } }); // 08:30–11:00, 150 min
      expect(dayOf(short, '2026-03-01')).toMatchObject({ worked: 150, paid: 210, holidayPaid: 60 });
    });
  });

  it('a 2028 MESP from Monday 1 May: 1 May is paid, 8 May and Ascension are not (under 3 months of seniority)', () => {
    const mesp2028 = { start: '2028-05-01', end: '2028-05-28', weeklyMinutes: 14 * H };
    const holidaysOnPattern = [
      { date: '2028-05-01', label: 'Fête du Travail', minutes: 210 },
      { date: '2028-05-08', label: 'Victoire 1945', minutes: 210 },
      { date: '2028-05-25', label: 'Ascension', minutes: 210 },
    ];
    const hours = computeHours(
      { contract: mesp2028, halfDays: [], annexTimes: [], holidaysOnPattern, forceMajeurePaid: false },
      '2028-06-01',
    );
    expect(hours.days.map((d) => [d.date, d.paid])).toEqual([
      ['2028-05-01', 210],
      ['2028-05-08', 0],
      ['2028-05-25', 0],
    ]);
    expect(holidayPaid('2028-08-15', '2028-05-01')).toBe(true);
    expect(holidayPaid('2028-07-14', '2028-05-01')).toBe(false);
  });

  it('counts complementary hours beyond the contract and warns past the tenth (1 h 24 for 14 h)', () => {
    // Week of 1 June: the four mornings and an added afternoon of 2 h: 16 h.
    const records = [
      ...halfDays().slice(0, 4),
      {
        date: '2026-06-05',
        startMinutes: 13 * H + 30,
        endMinutes: 15 * H + 30,
        cancelled: null,
        mark: { mark: 'present' as const, actualStart: null, actualEnd: null, paid: true },
      },
    ];
    const hours = computeHours(
      { contract, halfDays: records, annexTimes: [], holidaysOnPattern: [], forceMajeurePaid: false },
      '2026-06-30',
    );
    expect(hours.weeks).toEqual([
      {
        weekOf: '2026-06-01',
        planned: 16 * H,
        worked: 16 * H,
        paid: 16 * H,
        annexPaid: 0,
        complementary: 2 * H,
        complementarySplit: { total: 2 * H, withinTenth: 84, beyondTenth: 36 },
        overLimit: true,
      },
    ]);
    expect(hours.warnings).toEqual([{ kind: 'complementary', date: '2026-06-01', minutes: 2 * H }]);
  });

  it('warns beyond 10 hours in a day', () => {
    const long = [
      {
        date: '2026-06-01',
        startMinutes: 7 * H,
        endMinutes: 12 * H,
        cancelled: null,
        mark: { mark: 'present' as const, actualStart: null, actualEnd: null, paid: true },
      },
      {
        date: '2026-06-01',
        startMinutes: 12 * H + 30,
        endMinutes: 18 * H + 30,
        cancelled: null,
        mark: { mark: 'present' as const, actualStart: null, actualEnd: null, paid: true },
      },
    ];
    const hours = computeHours(
      {
        contract: { ...contract, weeklyMinutes: 35 * H },
        halfDays: long,
        annexTimes: [],
        holidaysOnPattern: [],
        forceMajeurePaid: false,
      },
      '2026-06-30',
    );
    expect(hours.warnings).toContainEqual({ kind: 'day', date: '2026-06-01', minutes: 11 * H, limit: 10 * H });
  });
});
