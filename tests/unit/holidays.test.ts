import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  frenchHolidays,
  holidaysBetween,
  LOCAL_HOLIDAYS,
  type HolidayRegion,
} from '../../src-main/domain/holidays';
import { HOLIDAY_REGIONS, HOLIDAY_REGION_LABELS } from '../../src-main/shared/contract/settings';
import { configured, valueOf } from './support/services';
import { mesp } from './support/worksites';

/** Easter by Oudin's algorithm (1940), as Tøndering gives it: independent of the Meeus/Jones/Butcher one in the code. */
function oudinEaster(year: number): Date {
  const g = year % 19;
  const c = Math.floor(year / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (year + Math.floor(year / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  const day = l + 28 - 31 * Math.floor(month / 4);
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const fromEaster = (year: number, days: number) => iso(new Date(oudinEaster(year).getTime() + days * 86_400_000));
const on = (year: number, month: number, day: number) => iso(new Date(Date.UTC(year, month - 1, day)));

/**
 * The official lists, written again by hand: Code du travail L3133-1 (all of
 * France), L3134-13 (Alsace-Moselle), L3422-2 (abolition of slavery, with
 * Saint-Martin on 28 May since 2018), and the Antilles' Good Friday and
 * Fête Victor Schœlcher kept by usage.
 */
function expectedDates(region: HolidayRegion, year: number, whitMondayWorked: boolean): string[] {
  const days = [
    on(year, 1, 1),
    fromEaster(year, 1),
    on(year, 5, 1),
    on(year, 5, 8),
    fromEaster(year, 39),
    on(year, 7, 14),
    on(year, 8, 15),
    on(year, 11, 1),
    on(year, 11, 11),
    on(year, 12, 25),
  ];
  if (!whitMondayWorked) days.push(fromEaster(year, 50));
  const local: Record<HolidayRegion, string[]> = {
    metropole: [],
    alsace_moselle: [fromEaster(year, -2), on(year, 12, 26)],
    guadeloupe: [fromEaster(year, -2), on(year, 5, 27), on(year, 7, 21)],
    martinique: [fromEaster(year, -2), on(year, 5, 22), on(year, 7, 21)],
    guyane: [on(year, 6, 10)],
    reunion: [on(year, 12, 20)],
    mayotte: [on(year, 4, 27)],
    saint_martin: [on(year, 5, 28)],
    saint_barthelemy: [on(year, 10, 9)],
  };
  return [...new Set([...days, ...local[region]])].sort();
}

const YEARS = Array.from({ length: 41 }, (_, i) => 2020 + i);

describe('public holidays of every region, 2020–2060', () => {
  it.each(HOLIDAY_REGIONS.map((region) => [HOLIDAY_REGION_LABELS[region], region] as const))(
    '%s: every year matches the official list',
    (_label, region) => {
      for (const year of YEARS) {
        for (const whitMondayWorked of [false, true]) {
          expect([...frenchHolidays(year, { region, whitMondayWorked }).keys()], `${region} ${year}`).toEqual(
            expectedDates(region, year, whitMondayWorked),
          );
        }
      }
    },
  );

  it('computes Easter as Oudin does, from 1583 to 4099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => easterSunday(year) === iso(oudinEaster(year))),
    );
  });

  it('every region keeps the national days and adds only its own; Easter is a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.constantFrom(...HOLIDAY_REGIONS),
        fc.boolean(),
        (year, region, whitMondayWorked) => {
          const national = frenchHolidays(year, { whitMondayWorked });
          const regional = frenchHolidays(year, { region, whitMondayWorked });
          const easter = easterSunday(year);
          expect(new Date(`${easter}T00:00:00Z`).getUTCDay()).toBe(0);
          expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
          for (const date of national.keys()) expect(regional.has(date)).toBe(true);
          expect(regional.size - national.size).toBeLessThanOrEqual(LOCAL_HOLIDAYS[region].length);
        },
      ),
    );
  });
});

describe('local holidays, with the days around them', () => {
  // [region, year, holiday, its name, day before, day after]: the days around are ordinary working days.
  it.each([
    ['alsace_moselle', 2026, '2026-04-03', 'Vendredi saint', '2026-04-02', '2026-04-04'],
    ['alsace_moselle', 2026, '2026-12-26', 'Saint-Étienne', '2026-12-24', '2026-12-27'],
    ['guadeloupe', 2026, '2026-04-03', 'Vendredi saint', '2026-04-02', '2026-04-04'],
    ['guadeloupe', 2026, '2026-05-27', 'Abolition de l’esclavage', '2026-05-26', '2026-05-28'],
    ['guadeloupe', 2026, '2026-07-21', 'Fête Victor Schœlcher', '2026-07-20', '2026-07-22'],
    ['martinique', 2027, '2027-03-26', 'Vendredi saint', '2027-03-25', '2027-03-27'],
    ['martinique', 2026, '2026-05-22', 'Abolition de l’esclavage', '2026-05-21', '2026-05-23'],
    ['martinique', 2026, '2026-07-21', 'Fête Victor Schœlcher', '2026-07-20', '2026-07-22'],
    ['guyane', 2026, '2026-06-10', 'Abolition de l’esclavage', '2026-06-09', '2026-06-11'],
    ['reunion', 2026, '2026-12-20', 'Abolition de l’esclavage', '2026-12-19', '2026-12-21'],
    ['mayotte', 2026, '2026-04-27', 'Abolition de l’esclavage', '2026-04-26', '2026-04-28'],
    ['saint_martin', 2026, '2026-05-28', 'Abolition de l’esclavage', '2026-05-27', '2026-05-29'],
    ['saint_barthelemy', 2026, '2026-10-09', 'Abolition de l’esclavage', '2026-10-08', '2026-10-10'],
  ] as const)('%s %i: %s is %s, %s and %s are not', (region, year, date, name, before, after) => {
    const days = frenchHolidays(year, { region });
    expect(days.get(date)).toBe(name);
    expect(days.has(before)).toBe(false);
    expect(days.has(after)).toBe(false);
    // Nowhere else is it a holiday (the Antilles share Good Friday and 21 July with each other and Alsace-Moselle).
    const sharing = HOLIDAY_REGIONS.filter((r) => frenchHolidays(year, { region: r }).get(date) === name);
    expect(sharing).toContain(region);
    expect(sharing).not.toContain('metropole');
  });

  it('moved Saint-Martin from 27 May (2012–2017) to 28 May (from 2018); Saint-Martin and Saint-Barthélemy had none before 2012', () => {
    expect(frenchHolidays(2017, { region: 'saint_martin' }).has('2017-05-27')).toBe(true);
    expect(frenchHolidays(2017, { region: 'saint_martin' }).has('2017-05-28')).toBe(false);
    expect(frenchHolidays(2018, { region: 'saint_martin' }).has('2018-05-27')).toBe(false);
    expect(frenchHolidays(2018, { region: 'saint_martin' }).has('2018-05-28')).toBe(true);
    expect(frenchHolidays(2011, { region: 'saint_martin' }).has('2011-05-27')).toBe(false);
    expect(frenchHolidays(2012, { region: 'saint_barthelemy' }).has('2012-10-09')).toBe(true);
    expect(frenchHolidays(2011, { region: 'saint_barthelemy' }).has('2011-10-09')).toBe(false);
  });

  it('keeps carnival days (Mardi gras, Cendres, Mi-Carême) out: they are days off by custom, not public holidays', () => {
    // 2026: Mardi gras 17 February, Ash Wednesday 18 February, Mi-Carême 12 March.
    for (const region of ['guadeloupe', 'martinique', 'guyane'] as const) {
      const days = frenchHolidays(2026, { region });
      for (const date of ['2026-02-17', '2026-02-18', '2026-03-12'])
        expect(days.has(date), `${region} ${date}`).toBe(false);
    }
  });

  it('keeps a local holiday that falls on Whit Monday when Whit Monday is worked (Guyane, 10 June 2030)', () => {
    expect(frenchHolidays(2030, { region: 'guyane' }).get('2030-06-10')).toBe(
      'Lundi de Pentecôte et Abolition de l’esclavage',
    );
    expect(frenchHolidays(2030, { region: 'guyane', whitMondayWorked: true }).get('2030-06-10')).toBe(
      'Abolition de l’esclavage',
    );
    expect(frenchHolidays(2030, { region: 'metropole', whitMondayWorked: true }).has('2030-06-10')).toBe(false);
  });

  it('spans New Year with the region’s days', () => {
    expect([...holidaysBetween('2026-12-19', '2027-01-02', { region: 'reunion' }).keys()]).toEqual([
      '2026-12-20',
      '2026-12-25',
      '2027-01-01',
    ]);
    expect([...holidaysBetween('2026-12-19', '2027-01-02', { region: 'alsace_moselle' }).keys()]).toEqual([
      '2026-12-25',
      '2026-12-26',
      '2027-01-01',
    ]);
  });
});

describe('the region in Paramètres', () => {
  it.each(HOLIDAY_REGIONS.map((region) => [HOLIDAY_REGION_LABELS[region], region] as const))(
    '%s can be chosen and gives its holidays',
    async (_label, region) => {
      const { call } = await configured(); // test clock: 2 March 2026
      const saved = valueOf(
        await call('settings/updateCalendar', {
          effectiveFrom: '2026-01-01',
          region,
          whitMondayWorked: false,
          forceMajeurePaid: false,
        }),
      );
      expect(saved.calendar.region).toBe(region);
      const read = valueOf(await call('settings/get'));
      expect(read.calendar.region).toBe(region);
      expect(read.calendar.holidaysThisYear.map((h) => h.date)).toEqual(expectedDates(region, 2026, false));
    },
  );

  it('shows a region’s days in the worksite week (Guadeloupe, 21 July 2026)', async () => {
    const { call } = await configured();
    const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-07-20' }) }));
    const week = async () =>
      valueOf(await call('attendance/week', { worksiteId: worksite.id, weekOf: '2026-07-20' })).holidays;
    expect(await week()).toEqual([]);
    valueOf(
      await call('settings/updateCalendar', {
        effectiveFrom: '2026-07-01',
        region: 'guadeloupe',
        whitMondayWorked: false,
        forceMajeurePaid: false,
      }),
    );
    expect(await week()).toEqual([{ date: '2026-07-21', label: 'Fête Victor Schœlcher' }]);
  });

  it('refuses a region that does not exist, in French', async () => {
    const { call } = await configured();
    expect(
      await call('settings/updateCalendar', {
        effectiveFrom: '2026-01-01',
        region: 'corse' as never,
        whitMondayWorked: false,
        forceMajeurePaid: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/région/) },
    });
  });
});
