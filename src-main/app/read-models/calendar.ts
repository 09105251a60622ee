import type { Kysely } from 'kysely';
import { closuresBetween, findStructure } from '../../db/repositories/settings';
import type { Database } from '../../db/schema';
import { holidayOptions, holidaysBetween, type HolidayRegion } from '../../domain/holidays';

/** The structure's calendar between two dates: public holidays (its region, Whit Monday worked or not) and its closures. */
export async function calendarFor(db: Kysely<Database>, from: string, to: string) {
  const found = await findStructure(db);
  if (!found) throw new Error('The structure is not set up.');
  const options = holidayOptions(found.holidayRegion as HolidayRegion, found.whitMondayWorked);
  const closures = await closuresBetween(db, from, to);
  return { holidays: holidaysBetween(from, to, options), closures: new Map(closures.map((c) => [c.date, c.reason])) };
}
