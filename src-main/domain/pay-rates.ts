/**
 * The wage in force on each day: a contract's hourly rate, raised to the SMIC
 * in force that day when the SMIC is higher (Code du travail L3231-2: a
 * contract signed at an older SMIC is paid at least the new one from its
 * effective date). A month's paid minutes are split into segments by rate, and
 * each segment's amount is rounded once to the cent, so that later pay lines
 * (normal hours, heures complémentaires…) can reuse the same split.
 */
import { formatFrenchDate } from '../shared/dates';
import { formatEuros } from '../shared/money';
import { rateInForce, type DatedRate } from './wages';

export interface RateOnDay {
  hourlyCents: number;
  /** The SMIC applied instead of the contract's rate, or null when the contract's rate applies. */
  raisedBy: DatedRate | null;
}

export function rateOnDay(contractCents: number, floors: readonly DatedRate[], date: string): RateOnDay {
  const floor = rateInForce(floors, date);
  return floor && floor.hourlyCents > contractCents
    ? { hourlyCents: floor.hourlyCents, raisedBy: floor }
    : { hourlyCents: contractCents, raisedBy: null };
}

export interface RateSegment {
  /** First and last day with paid minutes at this rate. */
  from: string;
  to: string;
  hourlyCents: number;
  raisedBy: DatedRate | null;
  minutes: number;
  amountCents: number;
}

/** Amount of minutes at an hourly rate, rounded once to the cent (56 h × 12,02 € = 673,12 €). */
export function amountCents(minutes: number, hourlyCents: number): number {
  return Math.round((minutes * hourlyCents) / 60);
}

/**
 * Paid minutes by date, split into segments of one rate each, in date order.
 * Days without minutes make no segment; a day whose rate differs from the
 * previous segment's starts a new one.
 */
export function splitByRate(
  paid: readonly { date: string; minutes: number }[],
  contractCents: number,
  floors: readonly DatedRate[],
): RateSegment[] {
  const segments: RateSegment[] = [];
  for (const { date, minutes } of [...paid].sort((a, b) => a.date.localeCompare(b.date))) {
    if (minutes === 0) continue;
    const rate = rateOnDay(contractCents, floors, date);
    const last = segments.at(-1);
    if (
      last &&
      last.hourlyCents === rate.hourlyCents &&
      last.raisedBy?.effectiveFrom === rate.raisedBy?.effectiveFrom
    ) {
      last.to = date;
      last.minutes += minutes;
    } else {
      segments.push({ from: date, to: date, ...rate, minutes, amountCents: 0 });
    }
  }
  for (const s of segments) s.amountCents = amountCents(s.minutes, s.hourlyCents);
  return segments;
}

/** Gross of a split: the sum of its segments' amounts. */
export function grossOfSegments(segments: readonly RateSegment[]): number {
  return segments.reduce((total, s) => total + s.amountCents, 0);
}

/**
 * The first SMIC that takes effect after the contract starts and on or before
 * its end and is above the contract's rate: the rate will be raised from that
 * date (warned about at hiring, not refused).
 */
export function laterFloorAbove(
  floors: readonly DatedRate[],
  contract: { start: string; end: string; hourlyCents: number },
): DatedRate | null {
  const later = floors
    .filter(
      (f) =>
        f.effectiveFrom > contract.start && f.effectiveFrom <= contract.end && f.hourlyCents > contract.hourlyCents,
    )
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return later[0] ?? null;
}

/** The check of a raised rate, in French: « SMIC revalorisé le 01/01/2026 : 12,02 € appliqués à partir de cette date ». */
export function smicRaiseText(raisedBy: DatedRate): string {
  return `SMIC revalorisé le ${formatFrenchDate(raisedBy.effectiveFrom)} : ${formatEuros(raisedBy.hourlyCents)} appliqués à partir de cette date`;
}
