/**
 * Heures complémentaires of a part-time contract: every paid working time of a
 * week beyond the contract's weekly hours, worked half-days and paid annex
 * times done alike (a medical visit is working time, R4624-39). At most one
 * tenth of the contract's hours (L3123-28) unless a branch agreement allows up
 * to a third (L3123-20); every one is paid more (L3123-8): +10 % within the tenth,
 * +25 % beyond (L3123-29).
 */

export interface Complementary {
  total: number;
  /** Paid +10 %. */
  withinTenth: number;
  /** Paid +25 %, and past the legal limit without an agreement. */
  beyondTenth: number;
}

/** The tenth of the contract's weekly minutes, rounded down to the minute. */
export function tenthOf(weeklyMinutes: number): number {
  return Math.floor(weeklyMinutes / 10);
}

export function complementaryOfWeek(workingMinutes: number, weeklyMinutes: number): Complementary {
  const total = Math.max(0, workingMinutes - weeklyMinutes);
  const withinTenth = Math.min(total, tenthOf(weeklyMinutes));
  return { total, withinTenth, beyondTenth: total - withinTenth };
}
