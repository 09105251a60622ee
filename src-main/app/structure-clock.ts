import { calendarHistory } from '../db/repositories/settings';
import { calendarInForce } from '../domain/calendar-settings';
import { wallClockOf, type WallClock } from '../domain/not-yet-happened';
import type { ReadableDb } from '../db/access';

/** The structure's wall clock at the instant of the call (`ctx.now`, from the clock port). */
export async function structureWallClock(db: ReadableDb, now: string): Promise<WallClock> {
  // The region in force on this day (by UTC: a region change is dated on a whole day, never at an hour).
  const { holidayRegion } = calendarInForce(await calendarHistory(db), now.slice(0, 10));
  return wallClockOf(now, holidayRegion);
}
