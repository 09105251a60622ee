/**
 * Make-up half-days after a public holiday.
 *
 * Hours lost to a public holiday that is not worked "ne peuvent être
 * récupérées" (Code du travail L3133-2): a make-up half-day is never a
 * recovery of those hours and never counts as the contract's normal time. It
 * is new working time, placed only inside the contract of each person it
 * concerns; for a part-time contract it changes the agreed distribution of the
 * hours, which needs notice to the person (L3123-11), and what goes beyond the
 * contract's weekly hours is heures complémentaires (L3123-28).
 */
import { weekOf } from './hours';

export interface MakeUpParticipant {
  name: string;
  /** Contract's first and last day (the early end when there is one). */
  start: string;
  end: string;
  weeklyMinutes: number;
  /** Minutes already planned per week, keyed by Monday. */
  plannedByWeek: ReadonlyMap<string, number>;
}

export interface MakeUpEffect {
  /** The people whose contract covers the date: only they are asked to come. */
  concerned: string[];
  /** For each of them, the heures complémentaires the half-day creates that week. */
  complementary: { name: string; minutes: number }[];
}

export function makeUpEffect(date: string, minutes: number, participants: readonly MakeUpParticipant[]): MakeUpEffect {
  const concerned = participants.filter((p) => date >= p.start && date <= p.end);
  const complementary = concerned
    .map((p) => {
      const before = p.plannedByWeek.get(weekOf(date)) ?? 0;
      const beyond = (planned: number) => Math.max(0, planned - p.weeklyMinutes);
      return { name: p.name, minutes: beyond(before + minutes) - beyond(before) };
    })
    .filter((c) => c.minutes > 0);
  return { concerned: concerned.map((p) => p.name), complementary };
}
