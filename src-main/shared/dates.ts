/** Calendar dates cross the boundary as `YYYY-MM-DD` strings, never `Date` objects. */

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Years a date typed anywhere in Passerelle may fall in: beyond them it is a
 * typing slip (0026 for 2026, 20266), never a birth date, a contract or a
 * half-day.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export function isWithinYearRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** "01/11/2024" — how dates read in French documents and screens. */
export function formatFrenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/*
 * Calendar arithmetic on `YYYY-MM-DD` strings. Only UTC getters/setters are
 * used, so the machine's time zone (Guadeloupe, Kiritimati…) never shifts a day.
 */
function toUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** 0 = Monday … 6 = Sunday, as French calendars count. */
export function weekdayOf(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

export function isoFromParts(year: number, month: number, day: number): string {
  return fromUtc(new Date(Date.UTC(year, month - 1, day)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The same day some months later, or the month's last day when it has no such day (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The last day of a period of `months` whole months that starts on `start`,
 * both ends included: the day before the same date `months` later (06/04/2026
 * + 4 months ends 05/08/2026). When that later month has no such date, the
 * period runs to the end of that month: from 31 January, one month ends on the
 * last day of February; from 29 February 2028, twelve months end on
 * 28 February 2029. Non-decreasing in `start`, so a later start never ends
 * earlier.
 */
export function lastDayOfMonths(start: string, months: number): string {
  const sameDate = addMonths(start, months);
  // addMonths kept the day of the month only when that month has it.
  return sameDate.slice(8) === start.slice(8) ? addDays(sameDate, -1) : sameDate;
}

const LONG = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_WITH_DAY = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "4 mai 2026", as written in a letter or a contract; "1er" for the first of the month; no-break spaces keep it on one line. */
export function longFrenchDate(iso: string, withWeekday = false): string {
  const text = (withWeekday ? LONG_WITH_DAY : LONG).format(toUtc(iso));
  return text.replace(/(^|\s)1 /, '$11er ').replace(/\s/g, '\u00a0');
}

const MONTH_YEAR = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "juin 2026" for "2026-06": a month as people write it (never the ISO form in a file a person reads). */
export function frenchMonth(month: string): string {
  return MONTH_YEAR.format(toUtc(`${month}-01`));
}

/** The Monday of a date's week. */
export function mondayOf(iso: string): string {
  return addDays(iso, -weekdayOf(iso));
}

/** A size as people read it: "340 Ko", "2,5 Mo". */
export function fileSizeLabel(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))}\u00a0Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')}\u00a0Mo`;
}
