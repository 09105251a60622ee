/**
 * Planned, worked and paid hours of one participant, in minutes, from their
 * half-days, attendance marks, annex times and the public holidays of their
 * weekly pattern (DOMAIN.md, "Money and time").
 */
import type { CancelKind, Mark } from '../shared/contract/attendance-codes';
import { addMonths } from '../shared/dates';
import { complementaryOfWeek, type Complementary } from './complementary';
import { weekOf } from './hours';
import { ADULT_LIMITS, overlapsNight, type WorkingTimeLimits } from './minors';
import { minutesBeyond, type Span } from './working-time';

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
  startMinutes: number;
  endMinutes: number;
  paid: boolean;
  done: boolean | null;
}

export interface HoursInput {
  contract: { start: string; end: string; weeklyMinutes: number };
  halfDays: readonly HalfDayRecord[];
  annexTimes: readonly AnnexRecord[];
  /** Public holidays inside the contract that fall on a half-day of the weekly pattern, with that half-day's length. */
  holidaysOnPattern: readonly { date: string; label: string; minutes: number }[];
  /**
   * Whether half-days cancelled for weather or force majeure are paid (a
   * structure setting, dated: asked for each half-day's date,
   * domain/calendar-settings.ts), or one answer for every day.
   */
  forceMajeurePaid: boolean | ((date: string) => boolean);
  /** The limits warned about: an adult's unless given (a minor's, from their age on the contract's first day). */
  limits?: WorkingTimeLimits;
}

export interface DayHours {
  date: string;
  planned: number;
  worked: number;
  paid: number;
  /** Paid annex times done, less the minutes a worked or paid half-day already counts. */
  annexPaid: number;
  absences: Partial<Record<Mark, number>>;
  /** The part of `absences` that is paid, by mark. */
  absencesPaid: Partial<Record<Mark, number>>;
  /** Paid minutes of half-days cancelled (by the structure, or for force majeure when the structure pays it). */
  cancelledPaid: number;
  /** Paid minutes of a public holiday. */
  holidayPaid: number;
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
  /** Per week (by Monday): working time (worked + paid annex times done) beyond the contract's weekly hours. */
  weeks: (Totals & {
    weekOf: string;
    annexPaid: number;
    complementary: number;
    complementarySplit: Complementary;
    overLimit: boolean;
  })[];
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

/** The minutes a marked half-day was worked: all of it when present, the real times for a late arrival or early departure, none when absent. */
export function workedMinutes(h: HalfDayRecord): number {
  if (!h.mark) return 0;
  if (h.mark.mark === 'present') return h.endMinutes - h.startMinutes;
  if (h.mark.mark === 'retard')
    return Math.max(0, (h.mark.actualEnd ?? h.endMinutes) - (h.mark.actualStart ?? h.startMinutes));
  return 0;
}

/** The time a half-day already pays: what was worked, or the whole half-day when its absence or cancellation is paid. */
function paidSpan(h: HalfDayRecord, cancelledPaid: boolean): Span | null {
  if (h.cancelled) return cancelledPaid ? { start: h.startMinutes, end: h.endMinutes } : null;
  if (!h.mark) return null;
  if (h.mark.mark === 'present') return { start: h.startMinutes, end: h.endMinutes };
  if (h.mark.mark === 'retard')
    return { start: h.mark.actualStart ?? h.startMinutes, end: h.mark.actualEnd ?? h.endMinutes };
  return h.mark.paid ? { start: h.startMinutes, end: h.endMinutes } : null;
}

/** A cancelled half-day is paid when the structure cancelled it, or for force majeure when the setting in force on its day says so. */
function cancellationPaid(h: HalfDayRecord, forceMajeurePaid: HoursInput['forceMajeurePaid']): boolean {
  if (h.cancelled === 'structure') return true;
  return typeof forceMajeurePaid === 'function' ? forceMajeurePaid(h.date) : forceMajeurePaid;
}

export function computeHours(input: HoursInput, today: string): HoursSummary {
  const days = new Map<string, DayHours>();
  const day = (date: string) => {
    let d = days.get(date);
    if (!d)
      days.set(
        date,
        (d = {
          date,
          planned: 0,
          worked: 0,
          paid: 0,
          annexPaid: 0,
          absences: {},
          absencesPaid: {},
          cancelledPaid: 0,
          holidayPaid: 0,
        }),
      );
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
      if (cancellationPaid(h, input.forceMajeurePaid)) {
        d.paid += length;
        d.cancelledPaid += length;
      }
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
      if (h.mark.paid) {
        d.paid += length;
        d.absencesPaid[h.mark.mark] = (d.absencesPaid[h.mark.mark] ?? 0) + length;
      }
    }
  }
  // Worked time is never paid twice: an annex time inside a paid half-day adds only its minutes beyond it.
  const paidSpans = new Map<string, Span[]>();
  for (const h of input.halfDays) {
    const span = inContract(h.date)
      ? paidSpan(h, h.cancelled !== null && cancellationPaid(h, input.forceMajeurePaid))
      : null;
    if (span) paidSpans.set(h.date, [...(paidSpans.get(h.date) ?? []), span]);
  }
  for (const a of input.annexTimes) {
    if (!inContract(a.date) || !a.paid || a.done !== true) continue;
    const covered = paidSpans.get(a.date) ?? [];
    const span = { start: a.startMinutes, end: a.endMinutes };
    const minutes = minutesBeyond([span], covered);
    paidSpans.set(a.date, [...covered, span]);
    const d = day(a.date);
    d.annexPaid += minutes;
    d.paid += minutes;
  }
  for (const holiday of input.holidaysOnPattern) {
    if (!inContract(holiday.date)) continue;
    const d = day(holiday.date);
    d.holiday = holiday.label;
    if (holidayPaid(holiday.date, input.contract.start)) {
      d.paid += holiday.minutes;
      d.holidayPaid += holiday.minutes;
    }
  }

  const sorted = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  const annexOfWeek = new Map<string, number>();
  for (const d of sorted) annexOfWeek.set(weekOf(d.date), (annexOfWeek.get(weekOf(d.date)) ?? 0) + d.annexPaid);
  const weeks = [...sumBy(sorted, weekOf).entries()].map(([monday, totals]) => {
    const annexPaid = annexOfWeek.get(monday) ?? 0;
    const split = complementaryOfWeek(totals.worked + annexPaid, input.contract.weeklyMinutes);
    return {
      weekOf: monday,
      ...totals,
      annexPaid,
      complementary: split.total,
      complementarySplit: split,
      overLimit: split.beyondTenth > 0,
    };
  });
  const months = [...sumBy(sorted, (date) => date.slice(0, 7)).entries()].map(([month, totals]) => ({
    month,
    ...totals,
  }));
  const limits = input.limits ?? ADULT_LIMITS;
  const warnings: HoursWarning[] = [];
  for (const w of weeks) {
    if (w.overLimit) warnings.push({ kind: 'complementary', date: w.weekOf, minutes: w.complementary });
    // Paid annex times are working time (R4624-39): they count towards the limits.
    const weekWork = w.worked + w.annexPaid;
    if (weekWork > limits.weekMinutes)
      warnings.push({ kind: 'week', date: w.weekOf, minutes: weekWork, limit: limits.weekMinutes });
  }
  for (const d of sorted) {
    const dayWork = d.worked + d.annexPaid;
    if (dayWork > limits.dayMinutes)
      warnings.push({ kind: 'day', date: d.date, minutes: dayWork, limit: limits.dayMinutes });
  }
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
  return {
    planned: sum('planned'),
    worked: sum('worked'),
    paid: sum('paid'),
    days: sorted,
    weeks,
    months,
    attended,
    held,
    warnings,
  };
}
