import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHours, type AnnexRecord, type HalfDayRecord } from '../../src-main/domain/attendance';
import { centiHoursOf, grossOfLines, lineAmountCents, payLines } from '../../src-main/domain/pay-lines';
import type { Mark } from '../../src-main/shared/contract/attendance-codes';

const H = 60;
const MORNING = { start: 8 * H + 30, end: 12 * H };
const contract = { start: '2026-03-01', end: '2026-07-31', weeklyMinutes: 7 * H };
const SMIC_JUNE_15 = [
  { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
  { effectiveFrom: '2026-06-15', hourlyCents: 1230 },
];

const halfDay = (
  date: string,
  mark: Mark | null,
  options: { paid?: boolean; cancelled?: 'structure' | 'force_majeure' } = {},
): HalfDayRecord => ({
  date,
  startMinutes: MORNING.start,
  endMinutes: MORNING.end,
  cancelled: options.cancelled ?? null,
  mark: mark ? { mark, actualStart: null, actualEnd: null, paid: options.paid ?? mark === 'present' } : null,
});
const annex = (date: string, start: number, end: number): AnnexRecord => ({
  date,
  startMinutes: start,
  endMinutes: end,
  paid: true,
  done: true,
});

function linesOf(
  halfDays: HalfDayRecord[],
  options: {
    annexTimes?: AnnexRecord[];
    holidays?: { date: string; label: string; minutes: number }[];
    month?: string;
    floors?: typeof SMIC_JUNE_15;
    regularisations?: { date: string; paidDelta: number }[];
  } = {},
) {
  const summary = computeHours(
    {
      contract,
      halfDays,
      annexTimes: options.annexTimes ?? [],
      holidaysOnPattern: options.holidays ?? [],
      forceMajeurePaid: false,
    },
    '2026-07-31',
  );
  return payLines({
    month: options.month ?? '2026-06',
    summary,
    contractCents: 1202,
    wageFloors: options.floors ?? SMIC_JUNE_15.slice(0, 1),
    regularisations: options.regularisations ?? [],
  });
}
const short = (lines: ReturnType<typeof payLines>) =>
  lines.map((l) => [l.item, l.from, l.to, l.centiHours, l.rateCentiCents, l.amountCents]);

describe('the amount of a pay line: the exported quantity × the exported rate, rounded once to the cent', () => {
  it.each([
    // [minutes, hours ×100, rate in 1/100 cent, amount in cents]
    [56 * H, 5600, 120200, 67312], // 56 h × 12,02 € = 673,12 €
    [84, 140, 132220, 1851], // 1 h 24 × 13,222 € = 18,5108 €
    [6, 10, 150250, 150], // 0 h 06 × 15,025 € = 1,5025 €
    [1, 2, 120200, 24], // 1 minute is 0,02 h on the file (0,0167 rounded): 0,02 × 12,02 = 0,2404 €
    [20, 33, 120200, 397], // 0,33 h × 12,02 = 3,9666 €
    [-210, -350, 120200, -4207], // a régularisation: −3 h 30
    [30, 50, 120200, 601], // 0,5 h × 12,02 € = 6,01 €
  ])('%i minutes: %i centi-hours at %i = %i cents', (minutes, centiHours, rate, amount) => {
    expect(centiHoursOf(minutes)).toBe(centiHours);
    expect(lineAmountCents(centiHours, rate)).toBe(amount);
  });

  it.each([
    [1, 5000, 1], // 0,01 h × 0,50 € = 0,005 €: rounded half up to 0,01 €
    [1, 4999, 0], // just below the half cent
    [-1, 5000, -1], // half away from zero, both signs alike
  ])('rounding at the half cent: %i × %i → %i', (centiHours, rate, amount) => {
    expect(lineAmountCents(centiHours, rate)).toBe(amount);
  });
});

describe('the pay lines of a month', () => {
  it('a SMIC raised on 15 June splits the normal hours into two lines', () => {
    const lines = linesOf(
      ['2026-06-11', '2026-06-12', '2026-06-15', '2026-06-16'].map((d) => halfDay(d, 'present')),
      { floors: SMIC_JUNE_15 },
    );
    expect(short(lines)).toEqual([
      ['heures_normales', '2026-06-11', '2026-06-12', 700, 120200, 8414],
      ['heures_normales', '2026-06-15', '2026-06-16', 700, 123000, 8610],
    ]);
    expect(lines[1]!.smicFrom).toBe('2026-06-15');
  });

  it('heures complémentaires are the week’s last working minutes: +25 % latest, +10 % before, at the rate of their day', () => {
    // A 7 h contract, 3 mornings in the week of 15 June (10 h 30): 3 h 30 complementary = 42 min at +10 %, 2 h 48 at +25 %, all on 17 June.
    const lines = linesOf(
      ['2026-06-15', '2026-06-16', '2026-06-17'].map((d) => halfDay(d, 'present')),
      { floors: SMIC_JUNE_15 },
    );
    expect(short(lines)).toEqual([
      ['heures_normales', '2026-06-15', '2026-06-16', 700, 123000, 8610],
      ['hc_10', '2026-06-17', '2026-06-17', 70, 135300, 947],
      ['hc_25', '2026-06-17', '2026-06-17', 280, 153750, 4305],
    ]);
  });

  it('complementary minutes beyond one day’s work flow to the day before; an annex time counts as working time', () => {
    // Two mornings (7 h) + a 2-hour annex time on Wednesday: 2 h complementary, 42 min at +10 %, 1 h 18 at +25 %, all from the annex time.
    const lines = linesOf([halfDay('2026-06-01', 'present'), halfDay('2026-06-02', 'present')], {
      annexTimes: [annex('2026-06-03', 14 * H, 16 * H)],
    });
    expect(short(lines)).toEqual([
      ['heures_normales', '2026-06-01', '2026-06-02', 700, 120200, 8414],
      ['hc_10', '2026-06-03', '2026-06-03', 70, 132220, 926],
      ['hc_25', '2026-06-03', '2026-06-03', 130, 150250, 1953],
    ]);
    // Exactly the contract's hours: no complementary, the annex time on its own line.
    const exact = linesOf([halfDay('2026-06-01', 'present')], {
      annexTimes: [annex('2026-06-03', 14 * H, 17 * H + 30)],
    });
    expect(short(exact)).toEqual([
      ['heures_normales', '2026-06-01', '2026-06-01', 350, 120200, 4207],
      ['temps_annexe', '2026-06-03', '2026-06-03', 350, 120200, 4207],
    ]);
  });

  it('paid holidays, cancelled half-days, paid and unpaid absences have their own lines; unpaid ones carry hours and dates at a zero rate', () => {
    const lines = linesOf(
      [
        halfDay('2026-06-01', 'present'),
        halfDay('2026-06-09', null, { cancelled: 'structure' }),
        halfDay('2026-06-10', null, { cancelled: 'force_majeure' }), // not paid by default: no line
        halfDay('2026-06-16', 'rdv_autorise', { paid: true }),
        halfDay('2026-06-22', 'maladie'),
        halfDay('2026-06-23', 'maladie'),
      ],
      { holidays: [{ date: '2026-06-02', label: 'Test', minutes: 210 }] },
    );
    expect(short(lines)).toEqual([
      ['heures_normales', '2026-06-01', '2026-06-01', 350, 120200, 4207],
      ['ferie_paye', '2026-06-02', '2026-06-02', 350, 120200, 4207],
      ['annulation_payee', '2026-06-09', '2026-06-09', 350, 120200, 4207],
      ['absence_payee_rdv_autorise', '2026-06-16', '2026-06-16', 350, 120200, 4207],
      ['absence_non_payee_maladie', '2026-06-22', '2026-06-23', 700, 0, 0],
    ]);
    expect(lines.at(-1)!.dates).toEqual(['2026-06-22', '2026-06-23']);
  });

  it('a week whose Monday is in June gives its complementary hours to June, and July’s normal hours lose them', () => {
    // Week of Monday 29 June: 29, 30 June and 1 July worked (10 h 30) for a 7 h contract.
    const halfDays = ['2026-06-29', '2026-06-30', '2026-07-01'].map((d) => halfDay(d, 'present'));
    expect(short(linesOf(halfDays, { month: '2026-06' }))).toEqual([
      ['heures_normales', '2026-06-29', '2026-06-30', 700, 120200, 8414],
      ['hc_10', '2026-07-01', '2026-07-01', 70, 132220, 926],
      ['hc_25', '2026-07-01', '2026-07-01', 280, 150250, 4207],
    ]);
    expect(linesOf(halfDays, { month: '2026-07' })).toEqual([]);
  });

  it.each([
    // Two weeks with complementary hours at one rate: one line each, dated in its week, never one line across both.
    {
      days: ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-22', '2026-06-23', '2026-06-24'],
      hc10: [
        ['2026-06-10', '2026-06-10'],
        ['2026-06-24', '2026-06-24'],
      ],
    },
    // One week: one line.
    { days: ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-22'], hc10: [['2026-06-10', '2026-06-10']] },
    // The week of 29 June (July days) and the week of 22 June: two lines, the second one dated in July.
    {
      days: ['2026-06-22', '2026-06-23', '2026-06-24', '2026-06-29', '2026-06-30', '2026-07-01'],
      hc10: [
        ['2026-06-24', '2026-06-24'],
        ['2026-07-01', '2026-07-01'],
      ],
    },
  ])('heures complémentaires: one line per week ($days)', ({ days, hc10 }) => {
    const lines = linesOf(days.map((d) => halfDay(d, 'present')));
    expect(lines.filter((l) => l.item === 'hc_10').map((l) => [l.from, l.to])).toEqual(hc10);
    expect(lines.filter((l) => l.item === 'hc_25').map((l) => [l.from, l.to])).toEqual(hc10);
    for (const l of lines.filter((x) => x.item.startsWith('hc_')))
      expect(l.centiHours).toBe(l.item === 'hc_10' ? 70 : 280);
  });

  it('property: every amount is its quantity × rate rounded once, the gross is their sum, and paid minutes are kept', () => {
    const marks: (Mark | 'cancelled' | null)[] = [
      'present',
      'present',
      'present',
      'maladie',
      'rdv_autorise',
      'non_justifiee',
      'cancelled',
      null,
    ];
    const day = fc.integer({ min: 1, max: 30 }).map((d) => `2026-06-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(day, fc.constantFrom(...marks), fc.boolean()), {
          selector: (t) => t[0],
          maxLength: 20,
        }),
        fc.array(fc.tuple(day, fc.integer({ min: 13 * H, max: 17 * H }), fc.integer({ min: 1, max: 3 * H })), {
          maxLength: 4,
        }),
        fc.option(day, { nil: undefined }),
        (days, annexes, smicFrom) => {
          const halfDays = days.map(([date, mark, paid]) =>
            mark === 'cancelled'
              ? halfDay(date, null, { cancelled: 'structure' })
              : halfDay(date, mark, { paid: mark === 'present' || paid }),
          );
          const floors = smicFrom
            ? [SMIC_JUNE_15[0]!, { effectiveFrom: smicFrom, hourlyCents: 1230 }]
            : SMIC_JUNE_15.slice(0, 1);
          const annexTimes = annexes.map(([date, start, length]) => annex(date, start, start + length));
          const summary = computeHours(
            { contract, halfDays, annexTimes, holidaysOnPattern: [], forceMajeurePaid: false },
            '2026-07-31',
          );
          const lines = payLines({
            month: '2026-06',
            summary,
            contractCents: 1202,
            wageFloors: floors,
            regularisations: [],
          });
          for (const l of lines) expect(l.amountCents).toBe(Math.round((l.centiHours * l.rateCentiCents) / 10000));
          expect(grossOfLines(lines)).toBe(lines.reduce((sum, l) => sum + l.amountCents, 0));
          // Every paid minute of June is on exactly one paid line, complementary ones included.
          const paidLines = lines.filter((l) => !l.item.startsWith('absence_non_payee_'));
          expect(paidLines.reduce((sum, l) => sum + l.minutes, 0)).toBe(summary.paid);
          // Each line has one rate: the SMIC from its date, the contract's before.
          for (const l of paidLines)
            expect(l.smicFrom === null ? l.to < (smicFrom ?? '9999') : l.from >= smicFrom!).toBe(true);
        },
      ),
    );
  });
});
