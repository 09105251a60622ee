/**
 * Planned, worked and paid hours of one participant, in minutes, from their
 * half-days, attendance marks, annex times and the public holidays of their
 * weekly pattern (DOMAIN.md, "Money and time").
 */
import type { CancelKind, Mark } from '../shared/contract/attendance-codes';
import { addMonths } from '../shared/dates';
import { weekOf } from './hours';
import { ADULT_LIMITS, overlapsNight, type WorkingTimeLimits } from './minors';

export interface HalfDayRecord {
  date: string;
  startMinutes: number;
  endMinutes: number;
  cancelled: CancelKind | null;
  mark: AttendanceMark | null;
}

export interface AttendanceMark {
  mark: Mark;
  /** For a late arrival or an early departure: the times actually worked. */
  actualStart: number | null;
  actualEnd: number | null;
  /** For an absence: whether its hours are paid. */
  paid: boolean;
}

export interface AnnexRecord {
  date: string;
  minutes: number;
  paid: boolean;
  done: boolean | null;
}

export interface HoursInput {
  contract: { start: string; end: string; weeklyMinutes: number };
  halfDays: readonly HalfDayRecord[];
  annexTimes: readonly AnnexRecord[];
  /** Public holidays inside the contract that fall on a half-day of the weekly pattern, with that half-day's length. */
  holidaysOnPattern: readonly { date: string; label: string; minutes: number }[];
  /** Whether half-days cancelled for weather or force majeure are paid (a structure setting). */
  forceMajeurePaid: boolean;
  /** The limits warned about: an adult's unless given (a minor's, from their age on the contract's first day). */
  limits?: WorkingTimeLimits;
}

export interface DayHours {
  date: string;
  planned: number;
  worked: number;
  paid: number;
  absences: Partial<Record<Mark, number>>;
  /** A public holiday on a half-day of the pattern, paid or not. */
  holiday?: string;
}

export interface Totals {
  planned: number;
  worked: number;
  paid: number;
}

/** Sums days into periods (weeks, months), in date order. */
function sumBy(days: readonly DayHours[], keyOf: (date: string) => string): Map<string, Totals> {
  const periods = new Map<string, Totals>();
  for (const d of days) {
    const key = keyOf(d.date);
    const t = periods.get(key) ?? { planned: 0, worked: 0, paid: 0 };
    periods.set(key, { planned: t.planned + d.planned, worked: t.worked + d.worked, paid: t.paid + d.paid });
  }
  return periods;
}

export interface HoursSummary {
  planned: number;
  worked: number;
  paid: number;
  days: DayHours[];
  /** Per week (by Monday): hours worked beyond the contract's weekly hours. */
  weeks: (Totals & { weekOf: string; complementary: number; overLimit: boolean })[];
  /** Per calendar month ("2026-06"): what the payroll hand-off sums. */
  months: (Totals & { month: string })[];
  /** Half-days with a mark of presence / half-days held (not cancelled) up to `today`. */
  attended: number;
  held: number;
  warnings: HoursWarning[];
}

/** Beyond the tenth of complementary hours, the week's and the day's limits (48 h / 10 h, a minor's 35 h / 8 h), a minor's night hours. */
export interface HoursWarning {
  kind: 'complementary' | 'week' | 'day' | 'night';
  date: string;
  minutes: number;
  /** For a week or a day: the limit passed, in minutes. */
  limit?: number;
}

/** 1 May off is always paid (L3133-5); other holidays only from three months of seniority (L3133-3). */
export function holidayPaid(date: string, contractStart: string): boolean {
  return date.slice(5) === '05-01' || date >= addMonths(contractStart, 3);
}

function workedMinutes(h: HalfDayRecord): number {
  if (!h.mark) return 0;
  if (h.mark.mark === 'present') return h.endMinutes - h.startMinutes;
  if (h.mark.mark === 'retard') return Math.max(0, (h.mark.actualEnd ?? h.endMinutes) - (h.mark.actualStart ?? h.startMinutes));
  return 0;
}

export function computeHours(input: HoursInput, today: string): HoursSummary {
  const days = new Map<string, DayHours>();
  const day = (date: string) => {
    let d = days.get(date);
    if (!d) days.set(date, (d = { date, planned: 0, worked: 0, paid: 0, absences: {} }));
    return d;
  };
  let attended = 0;
  let held = 0;
  const inContract = (date: string) => date >= input.contract.start && date <= input.contract.end;

  for (const h of input.halfDays) {
    if (!inContract(h.date)) continue;
    const length = h.endMinutes - h.startMinutes;
    const d = day(h.date);
    d.planned += length;
    if (h.cancelled) {
      if (h.cancelled === 'structure' || input.forceMajeurePaid) d.paid += length;
      continue;
    }
    if (h.date <= today) held++;
    if (!h.mark) continue;
    const worked = workedMinutes(h);
    d.worked += worked;
    if (h.mark.mark === 'present' || h.mark.mark === 'retard') {
      attended++;
      d.paid += worked;
    } else {
      d.absences[h.mark.mark] = (d.absences[h.mark.mark] ?? 0) + length;
      if (h.mark.paid) d.paid += length;
    }
  }
  for (const a of input.annexTimes) {
    if (!inContract(a.date) || !a.paid || a.done !== true) continue;
    day(a.date).paid += a.minutes;
  }
  for (const holiday of input.holidaysOnPattern) {
    if (!inContract(holiday.date)) continue;
    const d = day(holiday.date);
    d.holiday = holiday.label;
    if (holidayPaid(holiday.date, input.contract.start)) d.paid += holiday.minutes;
  }

  const sorted = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  // Heures complémentaires: beyond the contract's weekly hours, at most one tenth of them (L3123-28).
  const limit = Math.floor(input.contract.weeklyMinutes / 10);
  const weeks = [...sumBy(sorted, weekOf).entries()].map(([monday, totals]) => {
    const complementary = Math.max(0, totals.worked - input.contract.weeklyMinutes);
    return { weekOf: monday, ...totals, complementary, overLimit: complementary > limit };
  });
  const months = [...sumBy(sorted, (date) => date.slice(0, 7)).entries()].map(([month, totals]) => ({ month, ...totals }));
  const limits = input.limits ?? ADULT_LIMITS;
  const warnings: HoursWarning[] = [];
  for (const w of weeks) {
    if (w.overLimit) warnings.push({ kind: 'complementary', date: w.weekOf, minutes: w.complementary });
    if (w.worked > limits.weekMinutes) warnings.push({ kind: 'week', date: w.weekOf, minutes: w.worked, limit: limits.weekMinutes });
  }
  for (const d of sorted) if (d.worked > limits.dayMinutes) warnings.push({ kind: 'day', date: d.date, minutes: d.worked, limit: limits.dayMinutes });
  // Planned half-days count here, worked or not: a minor is never scheduled at night (L3163-2).
  const night = limits.night;
  if (night) {
    for (const h of input.halfDays) {
      if (inContract(h.date) && !h.cancelled && overlapsNight(h.startMinutes, h.endMinutes, night)) {
        warnings.push({ kind: 'night', date: h.date, minutes: h.endMinutes - h.startMinutes });
      }
    }
  }

  const sum = (key: 'planned' | 'worked' | 'paid') => sorted.reduce((total, d) => total + d[key], 0);
  return { planned: sum('planned'), worked: sum('worked'), paid: sum('paid'), days: sorted, weeks, months, attended, held, warnings };
}
