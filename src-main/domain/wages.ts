/**
 * The wage floor in force on a date, from the dated table kept in settings
 * (the SMIC is revalued by decree; an offline app cannot know the next one).
 */
export interface DatedRate {
  effectiveFrom: string;
  hourlyCents: number;
}

export function rateInForce<R extends DatedRate>(rates: readonly R[], date: string): R | null {
  let best: R | null = null;
  for (const rate of rates) {
    if (rate.effectiveFrom <= date && (!best || rate.effectiveFrom > best.effectiveFrom)) best = rate;
  }
  return best;
}

/** A wage below the SMIC in force on its date is refused (Code du travail L3231-2). */
export function isBelowFloor(rates: readonly DatedRate[], date: string, hourlyCents: number): boolean {
  const floor = rateInForce(rates, date);
  return floor !== null && hourlyCents < floor.hourlyCents;
}
