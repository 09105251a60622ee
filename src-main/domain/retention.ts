/**
 * Retention (CNIL délibération 2023-095): a person's file is kept while
 * active and up to 2 years after the last activity; then it is reviewed, and
 * either kept longer for a stated reason (until a date) or anonymised.
 */
import { addMonths } from '../shared/dates';

export const RETENTION_YEARS = 2;

/** The day a file comes up for review: 2 years after the last activity, or the end of an extension if later. */
export function reviewOn(lastActivity: string, retentionUntil: string | null): string {
  const due = addMonths(lastActivity, RETENTION_YEARS * 12);
  return retentionUntil !== null && retentionUntil > due ? retentionUntil : due;
}

export function dueForReview(today: string, lastActivity: string, retentionUntil: string | null): boolean {
  return today >= reviewOn(lastActivity, retentionUntil);
}

/**
 * A birth date that keeps, at every parcours start, the same age as the real
 * one (so past statistics by age are unchanged) while dropping the real day
 * and month: the birth year with, as month and day, the earliest parcours
 * anniversary on or after the real birthday in the year (31 December if none).
 */
export function anonymousBirthDate(birthDate: string, entryDates: readonly string[]): string {
  const birthday = birthDate.slice(5);
  const after = entryDates
    .map((d) => d.slice(5))
    .filter((md) => md >= birthday)
    .sort();
  const md = after[0] ?? '12-31';
  // 29 February only exists in leap years; the real birthday is then on or before 28 February, so the 28th keeps every age.
  const year = Number(birthDate.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${birthDate.slice(0, 4)}-${md === '02-29' && !leap ? '02-28' : md}`;
}
