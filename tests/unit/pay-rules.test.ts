import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHours, type AnnexRecord, type HalfDayRecord } from '../../src-main/domain/attendance';
import { complementaryOfWeek } from '../../src-main/domain/complementary';
import {
  amountCents,
  grossOfSegments,
  laterFloorAbove,
  rateOnDay,
  smicRaiseText,
  splitByRate,
} from '../../src-main/domain/pay-rates';
import { minutesBeyond, placeAnnexTime, unionMinutes } from '../../src-main/domain/working-time';

// Figures counted by hand. The SMIC table of the decrees: 11,88 € from 1 Nov 2024, 12,02 € from 1 Jan 2026.
const H = 60;
const SMIC = [
  { effectiveFrom: '2024-11-01', hourlyCents: 1188 },
  { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
];

describe('the wage in force on each day (L3231-2)', () => {
  it.each([
    // [contract rate, date, rate in force, raised by the SMIC of]
    [1188, '2025-12-31', 1188, null], // the day before the revaluation: the contract's rate
    [1188, '2026-01-01', 1202, '2026-01-01'], // the day it takes effect: the new SMIC
    [1201, '2026-01-01', 1202, '2026-01-01'], // one cent below: raised
    [1202, '2026-01-01', 1202, null], // equal: the contract's rate
    [1203, '2026-01-01', 1203, null], // above: the contract's rate
    [1300, '2024-10-31', 1300, null], // before any SMIC of the table
  ])('a contract at %i cents on %s is paid %i cents', (contract, date, expected, smicFrom) => {
    const rate = rateOnDay(contract, SMIC, date);
    expect(rate.hourlyCents).toBe(expected);
    expect(rate.raisedBy?.effectiveFrom ?? null).toBe(smicFrom);
  });

  it('splits December–January at 1 January: 7 h at 11,88 € then 7 h at 12,02 €, each amount rounded once', () => {
    const segments = splitByRate(
      [
        { date: '2026-01-05', minutes: 210 },
        { date: '2025-12-29', minutes: 210 },
        { date: '2025-12-30', minutes: 210 },
        { date: '2025-12-31', minutes: 0 },
        { date: '2026-01-06', minutes: 210 },
      ],
      1188,
      SMIC,
    );
    expect(segments).toEqual([
      { from: '2025-12-29', to: '2025-12-30', hourlyCents: 1188, raisedBy: null, minutes: 420, amountCents: 8316 },
      { from: '2026-01-05', to: '2026-01-06', hourlyCents: 1202, raisedBy: SMIC[1], minutes: 420, amountCents: 8414 },
    ]);
    expect(grossOfSegments(segments)).toBe(16730);
  });

  it('keeps 56 h × 12,02 € = 673,12 € in one segment', () => {
    const june = Array.from({ length: 16 }, (_, i) => ({
      date: `2026-06-${String(i + 1).padStart(2, '0')}`,
      minutes: 210,
    }));
    const segments = splitByRate(june, 1202, SMIC);
    expect(segments).toHaveLength(1);
    expect(grossOfSegments(segments)).toBe(67312);
  });

  it('says it in French', () => {
    expect(smicRaiseText(SMIC[1]!)).toBe(
      'SMIC revalorisé le 01/01/2026 : 12,02\u00a0€ appliqués à partir de cette date',
    );
  });

  it.each([
    // [contract start, end, rate, the later SMIC warned about]
    ['2025-12-01', '2025-12-31', 1188, null], // ends the day before: no warning
    ['2025-12-01', '2026-01-01', 1188, '2026-01-01'], // ends the day it takes effect: warned
    ['2026-01-01', '2026-03-31', 1202, null], // starts the day it takes effect: already checked as the floor
    ['2025-12-01', '2026-03-31', 1202, null], // the contract's rate already reaches it
    ['2025-12-01', '2026-03-31', 1201, '2026-01-01'],
  ])('hiring from %s to %s at %i cents warns of the SMIC of %s', (start, end, hourlyCents, expected) => {
    expect(laterFloorAbove(SMIC, { start, end, hourlyCents })?.effectiveFrom ?? null).toBe(expected);
  });

  it('property: minutes are kept, every day is paid at least the contract and the SMIC in force, gross is the sum of the segments', () => {
    const day = fc
      .integer({ min: 0, max: 800 })
      .map((n) => new Date(Date.UTC(2025, 5, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const floors = fc.uniqueArray(
      fc.record({ effectiveFrom: day, hourlyCents: fc.integer({ min: 1000, max: 1500 }) }),
      { selector: (f) => f.effectiveFrom, maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: day, minutes: fc.integer({ min: 0, max: 600 }) }), { maxLength: 40 }),
        fc.integer({ min: 1000, max: 1500 }),
        floors,
        (paid, contract, table) => {
          const segments = splitByRate(paid, contract, table);
          expect(segments.reduce((sum, s) => sum + s.minutes, 0)).toBe(paid.reduce((sum, p) => sum + p.minutes, 0));
          expect(grossOfSegments(segments)).toBe(
            segments.reduce((sum, s) => sum + amountCents(s.minutes, s.hourlyCents), 0),
          );
          for (const p of paid.filter((x) => x.minutes > 0)) {
            const segment = segments.find((s) => s.from <= p.date && p.date <= s.to)!;
            expect(segment.hourlyCents).toBe(Math.max(contract, rateOnDay(0, table, p.date).hourlyCents));
          }
          // No SMIC above the contract: one rate, as before the rule.
          if (table.every((f) => f.hourlyCents <= contract))
            expect(grossOfSegments(segments)).toBe(
              amountCents(
                segments.reduce((sum, s) => sum + s.minutes, 0),
                contract,
              ),
            );
        },
      ),
    );
  });
});

const MORNING = { start: 8 * H + 30, end: 12 * H };
const AFTERNOON = { start: 13 * H + 30, end: 17 * H };

describe('an annex time and a worked half-day: worked time is never paid twice', () => {
  it.each([
    // [annex kind, start, end, placement]
    ['bilan_mi_parcours', 12 * H, 13 * H, 'separate'], // adjacent after the morning (12:00–13:00 after 08:30–12:00)
    ['bilan_mi_parcours', 7 * H + 30, 8 * H + 30, 'separate'], // adjacent before it
    ['bilan_mi_parcours', 12 * H + 30, 13 * H + 30, 'separate'], // between the two half-days, touching the afternoon
    ['bilan_mi_parcours', 11 * H + 59, 13 * H, 'refused'], // one minute inside the morning
    ['bilan_mi_parcours', 7 * H, 8 * H + 31, 'refused'], // one minute inside, from before
    ['psychologue', 9 * H, 10 * H, 'refused'], // wholly inside
    ['visite_medicale', 9 * H, 10 * H, 'during_work'], // a health check during the half-day
    ['visite_medicale', 11 * H, 12 * H + 30, 'during_work'], // partly inside
    ['visite_medicale', 12 * H, 13 * H, 'separate'],
  ] as const)('%s from %i to %i: %s', (kind, start, end, expected) => {
    expect(placeAnnexTime({ kind, start, end }, [MORNING, AFTERNOON], []).kind).toBe(expected);
  });

  it('refuses two annex times of the same person that overlap, even a health check; touching ones are accepted', () => {
    const pose = { start: 14 * H, end: 15 * H };
    expect(placeAnnexTime({ kind: 'visite_medicale', start: 14 * H + 30, end: 15 * H + 30 }, [], [pose])).toEqual({
      kind: 'refused',
      clash: pose,
      with: 'annex',
    });
    expect(placeAnnexTime({ kind: 'bilan_fin', start: 15 * H, end: 16 * H }, [], [pose]).kind).toBe('separate');
  });

  it('gives the minutes shared with the half-day for a health check inside it', () => {
    expect(
      placeAnnexTime({ kind: 'visite_medicale', start: 11 * H, end: 12 * H + 30 }, [MORNING, AFTERNOON], []),
    ).toEqual({ kind: 'during_work', sharedMinutes: 60 });
  });

  const contract = { start: '2026-06-01', end: '2026-06-28', weeklyMinutes: 7 * H };
  const present = (date: string, span = MORNING): HalfDayRecord => ({
    date,
    startMinutes: span.start,
    endMinutes: span.end,
    cancelled: null,
    mark: { mark: 'present', actualStart: null, actualEnd: null, paid: true },
  });
  const annex = (date: string, start: number, end: number, done: boolean | null = true): AnnexRecord => ({
    date,
    startMinutes: start,
    endMinutes: end,
    paid: true,
    done,
  });
  const hours = (halfDays: HalfDayRecord[], annexTimes: AnnexRecord[]) =>
    computeHours({ contract, halfDays, annexTimes, holidaysOnPattern: [], forceMajeurePaid: false }, '2026-06-30');

  it.each([
    // [annex start, end, paid minutes of the day (3 h 30 worked + the annex's own minutes)]
    [9 * H, 10 * H, 210], // inside: counted once
    [11 * H, 12 * H + 30, 240], // half inside: the 30 minutes beyond
    [12 * H, 13 * H, 270], // adjacent: both
    [14 * H, 15 * H, 270], // disjoint: both
    [8 * H, 12 * H + 30, 270], // around the half-day: the hour outside it
  ])('a health check from %i to %i on a worked morning pays %i minutes', (start, end, paid) => {
    const day = hours([present('2026-06-02')], [annex('2026-06-02', start, end)]).days[0]!;
    expect(day.paid).toBe(paid);
    expect(day.annexPaid).toBe(paid - 210);
  });

  it('counts an annex time inside a late arrival only for the minutes not worked', () => {
    const late: HalfDayRecord = {
      ...present('2026-06-02'),
      mark: { mark: 'retard', actualStart: 10 * H, actualEnd: null, paid: true },
    };
    // Worked 10:00–12:00; a health check 09:00–10:30 adds 09:00–10:00.
    expect(hours([late], [annex('2026-06-02', 9 * H, 10 * H + 30)]).days[0]).toMatchObject({
      worked: 120,
      annexPaid: 60,
      paid: 180,
    });
  });

  it('property: a day pays the union of its worked and annex times, never more than their sum', () => {
    const span = fc
      .tuple(fc.integer({ min: 6 * H, max: 20 * H }), fc.integer({ min: 1, max: 5 * H }))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 2 }), fc.array(span, { maxLength: 3 }), (worked, annexes) => {
        const day = hours(
          worked.map((w) => present('2026-06-02', w)),
          annexes.map((a) => annex('2026-06-02', a.start, a.end)),
        ).days[0];
        const worktime = worked.reduce((sum, w) => sum + w.end - w.start, 0);
        const paid = day?.paid ?? 0;
        expect(paid).toBe(worktime + minutesBeyond(annexes, worked));
        expect(paid).toBeLessThanOrEqual(worktime + annexes.reduce((sum, a) => sum + a.end - a.start, 0));
        if (worked.length <= 1) expect(paid).toBe(unionMinutes([...worked, ...annexes]));
      }),
    );
  });
});

describe('heures complémentaires count paid annex times done (R4624-39, L3123-20, L3123-29)', () => {
  // A 14 h contract: its tenth is 1 h 24.
  it.each([
    // [working minutes, total, at +10 %, at +25 %]
    [14 * H - 1, 0, 0, 0],
    [14 * H, 0, 0, 0],
    [14 * H + 1, 1, 1, 0],
    [14 * H + 84, 84, 84, 0], // exactly the tenth
    [14 * H + 85, 85, 84, 1], // one minute beyond
    [16 * H, 120, 84, 36],
  ])(
    '%i minutes of work in a 14 h week: %i complementary, %i at +10 %, %i at +25 %',
    (working, total, within, beyond) => {
      expect(complementaryOfWeek(working, 14 * H)).toEqual({ total, withinTenth: within, beyondTenth: beyond });
    },
  );

  it('property: the split adds up, +10 % never passes the tenth, +25 % only once the tenth is full', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 * H }), fc.integer({ min: 1, max: 35 * H }), (working, weekly) => {
        const c = complementaryOfWeek(working, weekly);
        expect(c.withinTenth + c.beyondTenth).toBe(Math.max(0, working - weekly));
        expect(c.withinTenth).toBeLessThanOrEqual(Math.floor(weekly / 10));
        if (c.beyondTenth > 0) expect(c.withinTenth).toBe(Math.floor(weekly / 10));
      }),
    );
  });

  const contract = { start: '2026-06-01', end: '2026-06-28', weeklyMinutes: 7 * H };
  const mornings = ['2026-06-01', '2026-06-02'].map((date): HalfDayRecord => ({
    date,
    startMinutes: MORNING.start,
    endMinutes: MORNING.end,
    cancelled: null,
    mark: { mark: 'present', actualStart: null, actualEnd: null, paid: true },
  }));
  const week = (annexTimes: AnnexRecord[]) =>
    computeHours(
      { contract, halfDays: mornings, annexTimes, holidaysOnPattern: [], forceMajeurePaid: false },
      '2026-06-30',
    ).weeks[0]!;

  it.each([
    // [annex times of the week, complementary, at +10 %, at +25 %, over the tenth (42 min for 7 h)]
    [[], 0, 0, 0, false],
    [[{ date: '2026-06-03', startMinutes: 14 * H, endMinutes: 14 * H + 42, paid: true, done: true }], 42, 42, 0, false], // exactly the tenth
    [[{ date: '2026-06-03', startMinutes: 14 * H, endMinutes: 14 * H + 43, paid: true, done: true }], 43, 42, 1, true], // one minute beyond
    [[{ date: '2026-06-03', startMinutes: 14 * H, endMinutes: 15 * H, paid: true, done: null }], 0, 0, 0, false], // not done yet
    [[{ date: '2026-06-03', startMinutes: 14 * H, endMinutes: 15 * H, paid: false, done: true }], 0, 0, 0, false], // not paid
    [[{ date: '2026-06-01', startMinutes: 9 * H, endMinutes: 10 * H, paid: true, done: true }], 0, 0, 0, false], // inside a worked morning: counted once
  ] as const)(
    '7 h worked with %j: %i complementary (%i at +10 %, %i at +25 %), over the tenth: %s',
    (annexTimes, total, within, beyond, over) => {
      const w = week([...annexTimes]);
      expect(w.worked).toBe(7 * H);
      expect(w.complementarySplit).toEqual({ total, withinTenth: within, beyondTenth: beyond });
      expect([w.complementary, w.overLimit]).toEqual([total, over]);
    },
  );
});
