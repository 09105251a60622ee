import { calendarHistory, closuresBetween, findStructure } from '../../db/repositories/settings';
import { holidaysInForce } from '../../domain/calendar-settings';
import type { ReadableDb } from '../../db/access';

/** The structure's calendar between two dates: public holidays (its region, Whit Monday worked or not, as in force on each day) and its closures. */
export async function calendarFor(db: ReadableDb, from: string, to: string) {
  const found = await findStructure(db);
  if (!found) throw new Error('The structure is not set up.');
  const history = await calendarHistory(db);
  const closures = await closuresBetween(db, from, to);
  return { holidays: holidaysInForce(history, from, to), closures: new Map(closures.map((c) => [c.date, c.reason])) };
}
