/**
 * Reading a date typed by a French user: day first, strictly. A date that does
 * not exist is refused with the reason, never moved to another day (the
 * lenient parsers turned 31/02/2026 into 03/03/2026 and read 1/5/26 as 5 January).
 * Pure and free of Node: used by the renderer's date field and by the people import.
 */
import { FIRST_YEAR, LAST_YEAR, isValidIsoDate, isWithinYearRange } from './dates';

/**
 * How a two-digit year is read:
 * - `past` (birth dates): the 100 years ending this year ("85" → 1985, "26" → 2026, "27" → 1927 in 2026);
 * - `around` (everything else): 50 years back to 49 years ahead ("26" → 2026, "75" → 2075, "76" → 1976 in 2026).
 */
export type TwoDigitYears = 'past' | 'around';

export interface DateParseOptions {
  /** Today, `YYYY-MM-DD`, for the two-digit year window. */
  today: string;
  twoDigitYears: TwoDigitYears;
  /** Earliest and latest accepted dates, `YYYY-MM-DD`, each with the French reason when crossed. */
  min?: { iso: string; message: string };
  max?: { iso: string; message: string };
}

export type DateParseResult = { ok: true; iso: string } | { ok: false; empty: boolean; message: string };

export const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

const TYPE_IT = 'tapez le jour, le mois et l’année (JJ/MM/AAAA)';
export const DATE_MESSAGES = {
  empty: 'Tapez une date : JJ/MM/AAAA.',
  notDigits: 'Une date ne contient que des chiffres, par exemple 01/05/2026 (JJ/MM/AAAA).',
  incomplete: `Date incomplète : ${TYPE_IT}.`,
  unreadable: `Date illisible : ${TYPE_IT}.`,
  noSeparator: 'Sans séparateur, tapez 6 ou 8 chiffres : JJMMAA ou JJMMAAAA (par exemple 01052026).',
  yearDigits: 'L’année s’écrit avec 4 chiffres (ou 2) : JJ/MM/AAAA.',
  yearRange: `L’année doit être comprise entre ${FIRST_YEAR} et ${LAST_YEAR}.`,
} as const;

const fail = (message: string, empty = false): DateParseResult => ({ ok: false, empty, message });

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The first of the 100 years a two-digit year is read in. */
export function twoDigitYearWindowStart(today: string, window: TwoDigitYears): number {
  const thisYear = Number(today.slice(0, 4));
  return window === 'past' ? thisYear - 99 : thisYear - 50;
}

/** The four-digit year a two-digit year stands for, by the window of the field. */
export function expandTwoDigitYear(twoDigits: number, today: string, window: TwoDigitYears): number {
  const first = twoDigitYearWindowStart(today, window);
  return first + ((((twoDigits - first) % 100) + 100) % 100);
}

/** The text split into day, month and year digits, or why it cannot be. */
function splitGroups(text: string): [string, string, string] | string {
  const groups = text.split(/[\s/.-]+/).filter(Boolean);
  if (groups.length === 0) return DATE_MESSAGES.incomplete;
  if (groups.length === 1) {
    const digits = groups[0]!;
    if (digits.length === 6 || digits.length === 8) return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)];
    return digits.length <= 4 ? DATE_MESSAGES.incomplete : DATE_MESSAGES.noSeparator;
  }
  if (groups.length === 2) return DATE_MESSAGES.incomplete;
  if (groups.length > 3) return DATE_MESSAGES.unreadable;
  return groups as [string, string, string];
}

export function parseFrenchDate(typed: string, options: DateParseOptions): DateParseResult {
  const text = typed.trim();
  if (text === '') return fail(DATE_MESSAGES.empty, true);
  if (/[^\d\s/.-]/.test(text)) return fail(DATE_MESSAGES.notDigits);
  const groups = splitGroups(text);
  if (typeof groups === 'string') return fail(groups);
  const [dayText, monthText, yearText] = groups;
  // 2026-05-01 (as a spreadsheet or a letter may write it): say how to type it rather than « illisible ».
  if (dayText.length === 4 && monthText.length <= 2 && yearText.length <= 2) {
    return fail(
      `Le jour d’abord : tapez ${yearText.padStart(2, '0')}/${monthText.padStart(2, '0')}/${dayText} (JJ/MM/AAAA).`,
    );
  }
  if (dayText.length > 2 || monthText.length > 2) return fail(DATE_MESSAGES.unreadable);
  if (yearText.length !== 2 && yearText.length !== 4) return fail(DATE_MESSAGES.yearDigits);

  const day = Number(dayText);
  const month = Number(monthText);
  const year =
    yearText.length === 2
      ? expandTwoDigitYear(Number(yearText), options.today, options.twoDigitYears)
      : Number(yearText);
  if (month < 1 || month > 12) return fail(`Le mois ${month} n’existe pas (de 1 à 12).`);
  if (day < 1 || day > 31) return fail(`Le jour ${day} n’existe pas (de 1 à 31).`);
  if (year < FIRST_YEAR || year > LAST_YEAR) return fail(DATE_MESSAGES.yearRange);
  if (day > daysInMonth(year, month)) {
    const name = MONTH_NAMES[month - 1];
    return fail(
      month === 2 && day === 29
        ? `Le 29 février ${year} n’existe pas (${year} n’est pas bissextile).`
        : `Le ${day} ${name} n’existe pas (${name} a ${daysInMonth(year, month)} jours).`,
    );
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (options.min && iso < options.min.iso) return fail(options.min.message);
  if (options.max && iso > options.max.iso) return fail(options.max.message);
  return { ok: true, iso };
}

/** True for a `YYYY-MM-DD` date that exists and lies in the years the app accepts. */
export function isDateInRange(iso: string): boolean {
  return isValidIsoDate(iso) && isWithinYearRange(iso);
}

/** What a date field is for: a birth date reads two-digit years in the past and cannot be in the future. */
export type DateFieldKind = 'birth' | 'event';

/** The parsing rules of one field: its two-digit year window and its limits (`YYYY-MM-DD`). */
export function dateFieldOptions(
  kind: DateFieldKind,
  today: string,
  limits: { min?: string; max?: string } = {},
): DateParseOptions {
  const fr = (iso: string) => iso.split('-').reverse().join('/');
  const max =
    kind === 'birth' && (!limits.max || limits.max > today)
      ? { iso: today, message: 'Une date de naissance ne peut pas être dans le futur.' }
      : undefined;
  return {
    today,
    twoDigitYears: kind === 'birth' ? 'past' : 'around',
    min: limits.min ? { iso: limits.min, message: `La date doit être le ${fr(limits.min)} ou après.` } : undefined,
    max:
      max ??
      (limits.max ? { iso: limits.max, message: `La date doit être le ${fr(limits.max)} ou avant.` } : undefined),
  };
}

/** The help a field shows: the forms it reads and its two-digit year window. */
export function dateFieldHelp(options: DateParseOptions): string {
  const from = twoDigitYearWindowStart(options.today, options.twoDigitYears);
  return `JJ/MM/AAAA ou JJMMAAAA, le jour d’abord. Une année sur 2 chiffres est lue entre ${from} et ${from + 99}.`;
}

/**
 * The value a field hands to its form for a typed text: the ISO date when it
 * is one, null when the field is empty, and '' when the text is not a date, so
 * the form's schema refuses it and nothing is saved (never the last good date).
 */
export function dateFieldValue(text: string, options: DateParseOptions): string | null {
  const result = parseFrenchDate(text, options);
  return result.ok ? result.iso : result.empty ? null : '';
}
