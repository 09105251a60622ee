/**
 * French public holidays for any year (Code du travail L3133-1), computed:
 * Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), then
 * Easter Monday, Ascension (+39) and Whit Monday (+50). Options: Alsace-Moselle
 * adds Good Friday and 26 December (L3134-13); each overseas département has
 * its abolition-of-slavery day (loi 83-550, décret 83-1003); Whit Monday may be
 * worked as the journée de solidarité (L3133-7).
 */
import { addDays, isoFromParts } from '../shared/dates';
import type { HOLIDAY_REGIONS } from '../shared/contract/settings';

export type OverseasTerritory = 'guadeloupe' | 'martinique' | 'guyane' | 'reunion' | 'mayotte' | 'saint_martin' | 'saint_barthelemy';

export interface HolidayOptions {
  alsaceMoselle?: boolean;
  overseas?: OverseasTerritory | null;
  /** Whit Monday worked as the journée de solidarité: not a day off. */
  whitMondayWorked?: boolean;
}

const ABOLITION_DAY: Record<OverseasTerritory, [number, number]> = {
  mayotte: [4, 27],
  martinique: [5, 22],
  guadeloupe: [5, 27],
  saint_martin: [5, 28],
  guyane: [6, 10],
  saint_barthelemy: [10, 9],
  reunion: [12, 20],
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

/** The public holidays of a year, date → French name. */
export function frenchHolidays(year: number, options: HolidayOptions = {}): Map<string, string> {
  const easter = easterSunday(year);
  const days: [string, string][] = [
    [isoFromParts(year, 1, 1), "Jour de l'an"],
    [addDays(easter, 1), 'Lundi de Pâques'],
    [isoFromParts(year, 5, 1), 'Fête du Travail'],
    [isoFromParts(year, 5, 8), 'Victoire 1945'],
    [addDays(easter, 39), 'Ascension'],
    [isoFromParts(year, 7, 14), 'Fête nationale'],
    [isoFromParts(year, 8, 15), 'Assomption'],
    [isoFromParts(year, 11, 1), 'Toussaint'],
    [isoFromParts(year, 11, 11), 'Armistice 1918'],
    [isoFromParts(year, 12, 25), 'Noël'],
  ];
  if (!options.whitMondayWorked) days.push([addDays(easter, 50), 'Lundi de Pentecôte']);
  if (options.alsaceMoselle) {
    days.push([addDays(easter, -2), 'Vendredi saint'], [isoFromParts(year, 12, 26), 'Saint-Étienne']);
  }
  if (options.overseas) {
    const [month, day] = ABOLITION_DAY[options.overseas];
    days.push([isoFromParts(year, month, day), "Abolition de l'esclavage"]);
  }
  return new Map(days.sort(([a], [b]) => a.localeCompare(b)));
}

/** Holidays between two dates (a worksite across New Year spans two years). */
export function holidaysBetween(from: string, to: string, options: HolidayOptions = {}): Map<string, string> {
  const result = new Map<string, string>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const [date, name] of frenchHolidays(year, options)) if (date >= from && date <= to) result.set(date, name);
  }
  return result;
}

/** Where the structure is (a setting): which holidays its worksites skip. */
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export function holidayOptions(region: HolidayRegion, whitMondayWorked: boolean): HolidayOptions {
  return {
    alsaceMoselle: region === 'alsace_moselle',
    overseas: region === 'metropole' || region === 'alsace_moselle' ? null : region,
    whitMondayWorked,
  };
}
