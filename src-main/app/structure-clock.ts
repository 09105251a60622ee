import { structureCalendar } from '../db/repositories/settings';
import { wallClockOf, type WallClock } from '../domain/not-yet-happened';
import type { ReadableDb } from '../db/access';

/** The structure's wall clock at the instant of the call (`ctx.now`, from the clock port). */
export async function structureWallClock(db: ReadableDb, now: string): Promise<WallClock> {
  const { holidayRegion } = await structureCalendar(db);
  return wallClockOf(now, holidayRegion);
}
