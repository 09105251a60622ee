/**
 * Which automatic local backups to keep: the last 7 days, one per week for 4
 * weeks, one per month for 12 months — and always the newest verified one.
 * Dates are calendar dates (YYYY-MM-DD); the newest file of a period stands
 * for it.
 */
import { addDays, daysBetween } from '../shared/dates';
import { weekOf } from './hours';

export interface LocalBackup {
  name: string;
  date: string;
}

export function backupsToDelete(backups: readonly LocalBackup[], today: string): LocalBackup[] {
  const newestFirst = [...backups].sort((a, b) => b.date.localeCompare(a.date) || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  const seenDays = new Set<string>();
  const seenWeeks = new Set<string>();
  const seenMonths = new Set<string>();
  for (const b of newestFirst) {
    const age = daysBetween(b.date, today);
    if (age < 7 && !seenDays.has(b.date)) {
      seenDays.add(b.date);
      keep.add(b.name);
    }
    if (age < 28 && !seenWeeks.has(weekOf(b.date))) {
      seenWeeks.add(weekOf(b.date));
      keep.add(b.name);
    }
    if (b.date > addDays(today, -366) && !seenMonths.has(b.date.slice(0, 7))) {
      seenMonths.add(b.date.slice(0, 7));
      keep.add(b.name);
    }
  }
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  return newestFirst.filter((b) => !keep.has(b.name));
}
