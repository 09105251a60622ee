/**
 * Planned hours: what the pattern and the sessions give each person, in
 * minutes. Worked and paid hours come with attendance.
 */
import { mondayOf } from '../shared/dates';

export interface TimedSession {
  date: string;
  startMinutes: number;
  endMinutes: number;
  cancelled: boolean;
}

export interface ContractSpan {
  start: string;
  /** The last day: the early end when there is one, otherwise the term. */
  end: string;
}

/** The Monday of a date's week. */
export const weekOf = mondayOf;

/** Minutes of a weekly pattern: the sum of its half-days' lengths. */
export function patternMinutes(halfDays: readonly { startMinutes: number; endMinutes: number }[]): number {
  return halfDays.reduce((sum, h) => sum + h.endMinutes - h.startMinutes, 0);
}

/**
 * A person's planned minutes per week (keyed by Monday, in date order): the
 * worksite's half-days that are not cancelled and fall within their contract,
 * plus their paid annex times. A week with a holiday has fewer.
 */
export function plannedMinutesByWeek(
  sessions: readonly TimedSession[],
  contract: ContractSpan,
  paidAnnexTimes: readonly Omit<TimedSession, 'cancelled'>[] = [],
): Map<string, number> {
  const weeks = new Map<string, number>();
  const add = (date: string, minutes: number) => weeks.set(weekOf(date), (weeks.get(weekOf(date)) ?? 0) + minutes);
  for (const s of sessions) {
    if (!s.cancelled && s.date >= contract.start && s.date <= contract.end) add(s.date, s.endMinutes - s.startMinutes);
  }
  for (const a of paidAnnexTimes) add(a.date, a.endMinutes - a.startMinutes);
  return new Map([...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
