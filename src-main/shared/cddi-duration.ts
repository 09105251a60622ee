/**
 * How long a CDDI lasts (Code du travail L5132-15-1): at least 4 months and
 * at most 24 months in all, renewals included, both bounds inclusive. Shared
 * so that the form's default end date and the server's check are one rule.
 */
import { lastDayOfMonths } from './dates';

export const CDDI_MIN_MONTHS = 4;
export const CDDI_MAX_MONTHS = 24;

/** The earliest allowed last day: exactly 4 months (06/04/2026 → 05/08/2026). */
export function cddiShortestEnd(start: string): string {
  return lastDayOfMonths(start, CDDI_MIN_MONTHS);
}

/** The latest allowed last day: 24 months in all, less the whole months of CDDI already done. */
export function cddiLongestEnd(start: string, previousMonths = 0): string {
  return lastDayOfMonths(start, CDDI_MAX_MONTHS - previousMonths);
}

/**
 * The dates a new contract is drafted with. A MESP's people share its dates. An
 * ACI runs for months and people enter along the way (rolling entries): the CDDI
 * starts today at the earliest and lasts its legal minimum, which the coordinator
 * adjusts; the server checks the dates entered with `checkCddi`, on the same bound.
 */
export function defaultContractDates(
  worksite: { kind: string; startDate: string; endDate: string },
  today: string,
): { startDate: string; endDate: string } {
  if (worksite.kind !== 'aci') return { startDate: worksite.startDate, endDate: worksite.endDate };
  const startDate = today > worksite.startDate ? today : worksite.startDate;
  return { startDate, endDate: cddiShortestEnd(startDate) };
}
