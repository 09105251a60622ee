/**
 * Half-day sessions of a worksite from its weekly pattern, skipping public
 * holidays and closure days, and make-up sessions so that the contracted
 * number of half-days is reached.
 */
import { addDays, daysBetween, weekdayOf } from '../shared/dates';

export type HalfDay = 'morning' | 'afternoon';

export interface Slot {
  /** 0 = Monday … 4 = Friday (5 = Saturday for the rare worksite that works it). */
  weekday: number;
  halfDay: HalfDay;
}

export interface SchedulePattern {
  /** First day of the first week (any weekday; weeks count from it). */
  startDate: string;
  weeks: number;
  slots: readonly Slot[];
}

export interface Session {
  date: string;
  halfDay: HalfDay;
}

export interface SkippedSession extends Session {
  reason: 'holiday' | 'closure';
  label: string;
}

export interface Calendar {
  holidays: ReadonlyMap<string, string>;
  /** Structure closure days, date → reason. */
  closures: ReadonlyMap<string, string>;
}

const HALF_DAY_ORDER: Record<HalfDay, number> = { morning: 0, afternoon: 1 };

export function sessionKey(session: Session): string {
  return `${session.date}|${session.halfDay}`;
}

function bySessionOrder(a: Session, b: Session) {
  return a.date.localeCompare(b.date) || HALF_DAY_ORDER[a.halfDay] - HALF_DAY_ORDER[b.halfDay];
}

/** The last day covered by the pattern: the day before week `weeks + 1` begins. */
export function patternEnd(pattern: SchedulePattern): string {
  return addDays(pattern.startDate, pattern.weeks * 7 - 1);
}

export function generateSchedule(pattern: SchedulePattern, calendar: Calendar) {
  const sessions: Session[] = [];
  const skipped: SkippedSession[] = [];
  for (let offset = 0; offset < pattern.weeks * 7; offset++) {
    const date = addDays(pattern.startDate, offset);
    const weekday = weekdayOf(date);
    for (const slot of pattern.slots) {
      if (slot.weekday !== weekday) continue;
      const holiday = calendar.holidays.get(date);
      const closure = calendar.closures.get(date);
      if (holiday) skipped.push({ date, halfDay: slot.halfDay, reason: 'holiday', label: holiday });
      else if (closure) skipped.push({ date, halfDay: slot.halfDay, reason: 'closure', label: closure });
      else sessions.push({ date, halfDay: slot.halfDay });
    }
  }
  sessions.sort(bySessionOrder);
  return { sessions, skipped, plannedCount: sessions.length + skipped.length, endDate: patternEnd(pattern) };
}

/**
 * Make-up half-days for the skipped ones: same half-day as the skipped
 * session, a working day (Monday–Friday) inside the contract dates, never a
 * holiday, a closure, an existing session or a participant's clash; the same
 * week first, then the nearest days after, then before.
 */
export function proposeMakeUps(
  skipped: readonly Session[],
  existing: readonly Session[],
  calendar: Calendar,
  bounds: { from: string; to: string },
  /** Half-days where a participant is already booked elsewhere (`date|halfDay`). */
  busy: ReadonlySet<string> = new Set(),
): Session[] {
  const taken = new Set(existing.map(sessionKey));
  const proposals: Session[] = [];
  const free = (candidate: Session) =>
    candidate.date >= bounds.from &&
    candidate.date <= bounds.to &&
    weekdayOf(candidate.date) <= 4 &&
    !calendar.holidays.has(candidate.date) &&
    !calendar.closures.has(candidate.date) &&
    !taken.has(sessionKey(candidate)) &&
    !busy.has(sessionKey(candidate));

  for (const missed of [...skipped].sort(bySessionOrder)) {
    const weekStart = addDays(missed.date, -weekdayOf(missed.date));
    const sameWeek = [0, 1, 2, 3, 4].map((d) => addDays(weekStart, d));
    const span = daysBetween(bounds.from, bounds.to) + 1;
    const after = Array.from({ length: span }, (_, i) => addDays(missed.date, i + 1));
    const before = Array.from({ length: span }, (_, i) => addDays(missed.date, -(i + 1)));
    const found = [...sameWeek, ...after, ...before].map((date) => ({ date, halfDay: missed.halfDay })).find(free);
    if (found) {
      proposals.push(found);
      taken.add(sessionKey(found));
    }
  }
  return proposals.sort(bySessionOrder);
}

export interface ExistingSession extends Session {
  origin: 'pattern' | 'makeup' | 'added';
}

/**
 * After the dates or rhythm of a worksite change: the half-days the new
 * pattern no longer holds (a pattern half-day off the new rhythm, any half-day
 * outside the new dates). Only future ones are offered for removal: a past or
 * present half-day may carry attendance, and history is never rewritten.
 */
export function outsidePattern<S extends ExistingSession>(
  existing: readonly S[],
  pattern: SchedulePattern,
  calendar: Calendar,
  today: string,
): S[] {
  const schedule = generateSchedule(pattern, calendar);
  const kept = new Set([...schedule.sessions, ...schedule.skipped].map(sessionKey));
  const end = patternEnd(pattern);
  return existing.filter((s) => {
    if (s.date <= today) return false;
    if (s.date < pattern.startDate || s.date > end) return true;
    return s.origin === 'pattern' && !kept.has(sessionKey(s));
  });
}
