import type { Kysely } from 'kysely';
import { structureCalendar } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import type { HolidayRegion } from '../domain/holidays';
import { wallClockOf, type WallClock } from '../domain/not-yet-happened';

/** The structure's wall clock at the instant of the call (`ctx.now`, from the clock port). */
export async function structureWallClock(db: Kysely<Database>, now: string): Promise<WallClock> {
  const { holidayRegion } = await structureCalendar(db);
  return wallClockOf(now, holidayRegion as HolidayRegion);
}
