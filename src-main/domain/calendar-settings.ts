/**
 * The structure's calendar settings that count paid hours — which public
 * holidays apply (its region), whether Whit Monday is worked (journée de
 * solidarité, C. trav. L3133-7), whether half-days cancelled for weather or
 * force majeure are paid — are dated: each value is in force « à compter du »
 * a day, and every hour is counted with the values in force on its own day.
 *
 * Why dated: a month's pay is paid on a payslip made from the figures of that
 * period (C. trav. L3243-2), so a policy decided today cannot reach back into
 * a month already paid; and paying the days lost to weather is an employer's
 * practice (usage) whose end takes effect only after the staff are told, with
 * a notice (dénonciation d’un usage: information of the representatives and of
 * each employee concerned, délai de prévenance — Cass. soc. 28 janvier 2015,
 * n° 13-24.242, and the case law it applies): its change is announced for a
 * date to come.
 *
 * The history is a list of changes: the first one, with no date, holds the
 * values from the beginning (those the structure had before the settings were
 * dated); each later one names the settings it changes from its date on, and
 * leaves the others as they were. `calendarInForce` is the one place that
 * reads it: hours, attendance weeks, payroll, ASP months, statistics,
 * documents and the settings screen all ask it.
 */
import { addDays } from '../shared/dates';
import { holidaysBetween, type HolidayRegion } from './holidays';

export interface CalendarSettings {
  holidayRegion: HolidayRegion;
  /** Whit Monday worked as the journée de solidarité: not a day off. */
  whitMondayWorked: boolean;
  /** Half-days cancelled for weather or force majeure are paid. */
  forceMajeurePaid: boolean;
}

export const CALENDAR_SETTINGS = ['holidayRegion', 'whitMondayWorked', 'forceMajeurePaid'] as const;
export type CalendarSetting = (typeof CALENDAR_SETTINGS)[number];

/** The values of a structure that never chose (as the setup wizard leaves them, migrations 004 and 007). */
export const CALENDAR_DEFAULTS: CalendarSettings = {
  holidayRegion: 'metropole',
  whitMondayWorked: false,
  forceMajeurePaid: false,
};

export interface CalendarChange {
  /** The first day the values apply (YYYY-MM-DD); `null`: from the beginning. */
  effectiveFrom: string | null;
  /** The settings this change sets; the others stay as they were. */
  values: Partial<CalendarSettings>;
}

const dateOf = (c: CalendarChange) => c.effectiveFrom ?? '';

/**
 * The values in force on `date`: for each setting, the one of the latest
 * change dated on or before that day that sets it (the beginning's, or the
 * default when nothing ever set it).
 */
export function calendarInForce(history: readonly CalendarChange[], date: string): CalendarSettings {
  const inForce = { ...CALENDAR_DEFAULTS };
  const dated = [...history].filter((c) => dateOf(c) <= date).sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  for (const change of dated) Object.assign(inForce, definedOnly(change.values));
  return inForce;
}

function definedOnly(values: Partial<CalendarSettings>): Partial<CalendarSettings> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/** The days from `from` to `to` cut where a change applies, each part with the values in force on it. */
export function calendarPeriods(
  history: readonly CalendarChange[],
  from: string,
  to: string,
): { first: string; last: string; settings: CalendarSettings }[] {
  if (to < from) return [];
  const starts = [
    from,
    ...new Set(history.map((c) => c.effectiveFrom).filter((d): d is string => d !== null && d > from && d <= to)),
  ].sort();
  return starts.map((first, i) => ({
    first,
    last: i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : to,
    settings: calendarInForce(history, first),
  }));
}

/** The public holidays between two dates, each by the region and the Whit Monday rule in force on its day. */
export function holidaysInForce(history: readonly CalendarChange[], from: string, to: string): Map<string, string> {
  const days = new Map<string, string>();
  for (const { first, last, settings } of calendarPeriods(history, from, to)) {
    const options = { region: settings.holidayRegion, whitMondayWorked: settings.whitMondayWorked };
    for (const [date, name] of holidaysBetween(first, last, options)) days.set(date, name);
  }
  return days;
}

/**
 * The change to record so that from `effectiveFrom` the values are `wanted`:
 * only the settings that differ from those in force the day before (a change
 * already dated that day is replaced). `null`: nothing differs, no change is
 * kept on that day.
 */
export function changeFrom(
  history: readonly CalendarChange[],
  effectiveFrom: string,
  wanted: CalendarSettings,
): CalendarChange | null {
  const before = calendarInForce(
    history.filter((c) => c.effectiveFrom !== effectiveFrom),
    addDays(effectiveFrom, -1),
  );
  const values: Partial<CalendarSettings> = {};
  for (const key of CALENDAR_SETTINGS) if (wanted[key] !== before[key]) Object.assign(values, { [key]: wanted[key] });
  return Object.keys(values).length === 0 ? null : { effectiveFrom, values };
}
