/**
 * Attendance records what happened: a half-day (or an annex time) is marked
 * only once it has begun, by the clock of the place where it happens. The
 * boundary is its start minute: a half-day starting at 08:30 may be marked
 * from 08:30:00, not at 08:29:59. Cancelling it stays possible at any time
 * (a cancellation is planned, not observed).
 */
import type { HolidayRegion } from './holidays';

/** The structure's legal time: overseas worksites run on their own clock, not on Paris's. */
export const REGION_TIME_ZONES: Record<HolidayRegion, string> = {
  metropole: 'Europe/Paris',
  alsace_moselle: 'Europe/Paris',
  guadeloupe: 'America/Guadeloupe',
  martinique: 'America/Martinique',
  guyane: 'America/Cayenne',
  reunion: 'Indian/Reunion',
  mayotte: 'Indian/Mayotte',
  saint_martin: 'America/Marigot',
  saint_barthelemy: 'America/St_Barthelemy',
};

/** A wall clock: the calendar date and the minutes since midnight. */
export interface WallClock {
  date: string;
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of a region at an instant (seconds dropped: 08:29:59 reads 08:29). */
export function wallClockOf(instant: string, region: HolidayRegion): WallClock {
  const timeZone = REGION_TIME_ZONES[region];
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, minutes: Number(part.hour) * 60 + Number(part.minute) };
}

/** Whether something planned on `date` from `startMinutes` has begun at `now` (both on the same wall clock). */
export function hasBegun(date: string, startMinutes: number, now: WallClock): boolean {
  return date < now.date || (date === now.date && startMinutes <= now.minutes);
}

export const HALF_DAY_NOT_YET = 'Cette demi-journée n’a pas encore eu lieu';
export const ANNEX_TIME_NOT_YET = 'Ce temps annexe n’a pas encore eu lieu';
