/**
 * French public holidays for any year and region, computed from the lists
 * below: Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
 * every moving feast as an offset from it. Whit Monday may be worked as the
 * journée de solidarité (L3133-7): a setting, not a region.
 */
import { addDays, isoFromParts } from '../shared/dates';
import type { HOLIDAY_REGIONS } from '../shared/contract/settings';

/** Where the structure is (a setting): which holidays its worksites skip. */
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export interface HolidayOptions {
  region?: HolidayRegion;
  /** Whit Monday worked as the journée de solidarité: not a day off. */
  whitMondayWorked?: boolean;
}

type HolidayDate = { month: number; day: number } | { easterOffset: number };

export interface HolidayRule {
  name: string;
  date: HolidayDate;
  /** First and last years the rule applies (inclusive); open when absent. */
  from?: number;
  until?: number;
  /** The text that makes it a holiday. */
  source: string;
}

const fixed = (month: number, day: number) => ({ month, day });
const easter = (easterOffset: number) => ({ easterOffset });

export const WHIT_MONDAY = 'Lundi de Pentecôte';
const ABOLITION = 'Abolition de l’esclavage';
const L3133_1 = 'Code du travail, art. L3133-1';
/** Loi n° 83-550 du 30 juin 1983; dates by décret n° 83-1003 du 23 novembre 1983, now in the Code du travail. */
const L3422_2 = 'Code du travail, art. L3422-2 (loi n° 83-550, décret n° 83-1003)';
/**
 * Not in the Code du travail but chômés by long local usage and agreements in
 * the Antilles: administrations, schools and banks close. (Mardi gras, the Ash
 * Wednesday and Mi-Carême are customary carnival days off, left out: they are
 * not public holidays and each employer decides.)
 */
const ANTILLES_USAGE = 'Usage local des Antilles (arrêté gubernatorial du 8 juin 1914 pour le 21 juillet)';

/** Everywhere in France. */
export const NATIONAL_HOLIDAYS: readonly HolidayRule[] = [
  { name: 'Jour de l’an', date: fixed(1, 1), source: L3133_1 },
  { name: 'Lundi de Pâques', date: easter(1), source: L3133_1 },
  { name: 'Fête du Travail', date: fixed(5, 1), source: L3133_1 },
  { name: 'Victoire 1945', date: fixed(5, 8), source: L3133_1 },
  { name: 'Ascension', date: easter(39), source: L3133_1 },
  { name: WHIT_MONDAY, date: easter(50), source: L3133_1 },
  { name: 'Fête nationale', date: fixed(7, 14), source: L3133_1 },
  { name: 'Assomption', date: fixed(8, 15), source: L3133_1 },
  { name: 'Toussaint', date: fixed(11, 1), source: L3133_1 },
  { name: 'Armistice 1918', date: fixed(11, 11), source: L3133_1 },
  { name: 'Noël', date: fixed(12, 25), source: L3133_1 },
];

/** What each region adds to the national list. */
export const LOCAL_HOLIDAYS: Record<HolidayRegion, readonly HolidayRule[]> = {
  metropole: [],
  alsace_moselle: [
    { name: 'Vendredi saint', date: easter(-2), source: 'Code du travail, art. L3134-13' },
    { name: 'Saint-Étienne', date: fixed(12, 26), source: 'Code du travail, art. L3134-13' },
  ],
  guadeloupe: [
    { name: 'Vendredi saint', date: easter(-2), source: ANTILLES_USAGE },
    { name: ABOLITION, date: fixed(5, 27), source: L3422_2 },
    { name: 'Fête Victor Schœlcher', date: fixed(7, 21), source: ANTILLES_USAGE },
  ],
  martinique: [
    { name: 'Vendredi saint', date: easter(-2), source: ANTILLES_USAGE },
    { name: ABOLITION, date: fixed(5, 22), source: L3422_2 },
    { name: 'Fête Victor Schœlcher', date: fixed(7, 21), source: ANTILLES_USAGE },
  ],
  guyane: [{ name: ABOLITION, date: fixed(6, 10), source: L3422_2 }],
  reunion: [{ name: ABOLITION, date: fixed(12, 20), source: L3422_2 }],
  mayotte: [{ name: ABOLITION, date: fixed(4, 27), source: L3422_2 }],
  // Décret n° 2012-553 du 23 avril 2012 added both collectivités (27 May, 9 October).
  // Saint-Martin has kept 28 May since 2018 (its proclamation there; circulaire
  // interministérielle of 4 May 2018, then yearly préfecture notices), although
  // L3422-2 still reads 27 May by a clerical error.
  saint_martin: [
    { name: ABOLITION, date: fixed(5, 27), from: 2012, until: 2017, source: L3422_2 },
    {
      name: ABOLITION,
      date: fixed(5, 28),
      from: 2018,
      source: 'Circulaire du 4 mai 2018, délibération du conseil territorial du 5 novembre 2015',
    },
  ],
  saint_barthelemy: [{ name: ABOLITION, date: fixed(10, 9), from: 2012, source: L3422_2 }],
};

export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromParts(year, month, day);
}

function inForce(rule: HolidayRule, year: number): boolean {
  return (rule.from === undefined || year >= rule.from) && (rule.until === undefined || year <= rule.until);
}

/** The public holidays of a year, date → French name (two feasts on one day share it: "Ascension et Abolition de l'esclavage"). */
export function frenchHolidays(year: number, options: HolidayOptions = {}): Map<string, string> {
  const easterDay = easterSunday(year);
  const rules = [...NATIONAL_HOLIDAYS, ...LOCAL_HOLIDAYS[options.region ?? 'metropole']].filter(
    (rule) => inForce(rule, year) && !(options.whitMondayWorked && rule.name === WHIT_MONDAY),
  );
  const days = new Map<string, string>();
  for (const { name, date } of rules) {
    const iso =
      'easterOffset' in date ? addDays(easterDay, date.easterOffset) : isoFromParts(year, date.month, date.day);
    const other = days.get(iso);
    days.set(iso, other ? `${other} et ${name}` : name);
  }
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

/** Holidays between two dates (a worksite across New Year spans two years). */
export function holidaysBetween(from: string, to: string, options: HolidayOptions = {}): Map<string, string> {
  const result = new Map<string, string>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const [date, name] of frenchHolidays(year, options)) if (date >= from && date <= to) result.set(date, name);
  }
  return result;
}

export function holidayOptions(region: HolidayRegion, whitMondayWorked: boolean): HolidayOptions {
  return { region, whitMondayWorked };
}
