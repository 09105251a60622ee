import { closuresBetween, findStructure } from '../../db/repositories/settings';
import { holidayOptions, holidaysBetween } from '../../domain/holidays';
import type { ReadableDb } from '../../db/access';

/** The structure's calendar between two dates: public holidays (its region, Whit Monday worked or not) and its closures. */
export async function calendarFor(db: ReadableDb, from: string, to: string) {
  const found = await findStructure(db);
  if (!found) throw new Error('The structure is not set up.');
  const options = holidayOptions(found.holidayRegion, found.whitMondayWorked);
  const closures = await closuresBetween(db, from, to);
  return { holidays: holidaysBetween(from, to, options), closures: new Map(closures.map((c) => [c.date, c.reason])) };
}
