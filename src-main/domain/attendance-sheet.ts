/**
 * The totals of a week's feuille d'émargement, per person and for the week,
 * as an FSE+ or Département auditor checks them against the signatures:
 * half-days and hours planned (from the half-days held within each contract),
 * and — once every one of those half-days is recorded — half-days present,
 * hours worked and half-days of absence, counted as the hours screens count
 * them (`workedMinutes`). Until then the realised columns stay blank, to be
 * filled by hand from the signed sheet.
 */
import { workedMinutes, type HalfDayRecord } from './attendance';

export interface SheetCell extends HalfDayRecord {
  /** A half-day held within the person's contract: the only cells to sign. */
  open: boolean;
}

export interface SheetTotals {
  plannedHalfDays: number;
  plannedMinutes: number;
  /** Null until every open half-day is recorded. */
  realised: { presentHalfDays: number; workedMinutes: number; absentHalfDays: number } | null;
}

export function personWeekTotals(cells: readonly SheetCell[]): SheetTotals {
  const open = cells.filter((c) => c.open && c.cancelled === null);
  const plannedMinutes = open.reduce((sum, c) => sum + (c.endMinutes - c.startMinutes), 0);
  if (open.some((c) => c.mark === null)) return { plannedHalfDays: open.length, plannedMinutes, realised: null };
  const present = open.filter((c) => c.mark!.mark === 'present' || c.mark!.mark === 'retard');
  return {
    plannedHalfDays: open.length,
    plannedMinutes,
    realised: {
      presentHalfDays: present.length,
      workedMinutes: open.reduce((sum, c) => sum + workedMinutes(c), 0),
      absentHalfDays: open.length - present.length,
    },
  };
}

/** The week's line: the sum of the people's; realised only when every person's is. */
export function weekTotals(people: readonly SheetTotals[]): SheetTotals {
  const sum = (pick: (t: SheetTotals) => number) => people.reduce((total, t) => total + pick(t), 0);
  const realised = people.every((t) => t.realised !== null)
    ? {
        presentHalfDays: sum((t) => t.realised!.presentHalfDays),
        workedMinutes: sum((t) => t.realised!.workedMinutes),
        absentHalfDays: sum((t) => t.realised!.absentHalfDays),
      }
    : null;
  return { plannedHalfDays: sum((t) => t.plannedHalfDays), plannedMinutes: sum((t) => t.plannedMinutes), realised };
}
