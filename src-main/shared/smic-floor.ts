/**
 * Which new SMIC rate may enter the dated table. Pure; the settings page and
 * the setup wizard refuse as the user adds, main refuses again on save.
 *
 * The SMIC is only ever raised: it is indexed on prices and never lowered
 * (Code du travail L3231-4 and L3231-5), and each revaluation is set by decree.
 * A rate below the one before it, or above the one after it, is a typing error.
 */
import { formatFrenchDate } from './dates';
import { formatEuros } from './money';

export interface SmicRate {
  effectiveFrom: string;
  hourlyCents: number;
}

/**
 * The gross hourly SMIC in metropolitan France and the overseas departments
 * other than Mayotte, from the yearly decrees (e.g. décret n° 2024-951 for
 * 1 November 2024). Mayotte has its own, lower SMIC: no check there.
 */
export const LEGAL_SMIC: readonly SmicRate[] = [
  { effectiveFrom: '2020-01-01', hourlyCents: 1015 },
  { effectiveFrom: '2021-01-01', hourlyCents: 1025 },
  { effectiveFrom: '2021-10-01', hourlyCents: 1048 },
  { effectiveFrom: '2022-01-01', hourlyCents: 1057 },
  { effectiveFrom: '2022-05-01', hourlyCents: 1085 },
  { effectiveFrom: '2022-08-01', hourlyCents: 1107 },
  { effectiveFrom: '2023-01-01', hourlyCents: 1127 },
  { effectiveFrom: '2023-05-01', hourlyCents: 1152 },
  { effectiveFrom: '2024-01-01', hourlyCents: 1165 },
  { effectiveFrom: '2024-11-01', hourlyCents: 1188 },
  { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
];

function latestOnOrBefore(rates: readonly SmicRate[], date: string): SmicRate | null {
  let best: SmicRate | null = null;
  for (const rate of rates) if (rate.effectiveFrom <= date && (!best || rate.effectiveFrom > best.effectiveFrom)) best = rate;
  return best;
}

/** Mayotte's postcodes start with 976. */
export function hasMetropolitanSmic(postcode: string | null | undefined): boolean {
  return !postcode?.startsWith('976');
}

/**
 * Why `rate` cannot enter the table next to `existing`, in French, or null
 * when it may. `legalFloor` false skips the decree table (Mayotte).
 */
export function smicRateRefusal(rate: SmicRate, existing: readonly SmicRate[], options: { legalFloor: boolean } = { legalFloor: true }): string | null {
  const others = existing.filter((r) => r.effectiveFrom !== rate.effectiveFrom);
  const before = latestOnOrBefore(others, rate.effectiveFrom);
  if (before && rate.hourlyCents < before.hourlyCents) {
    return `Le SMIC ne baisse jamais : ce taux (${formatEuros(rate.hourlyCents)}) est inférieur à celui du ${formatFrenchDate(before.effectiveFrom)} (${formatEuros(before.hourlyCents)}). Vérifiez le montant.`;
  }
  const after = others.filter((r) => r.effectiveFrom > rate.effectiveFrom).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  if (after && rate.hourlyCents > after.hourlyCents) {
    return `Le SMIC ne baisse jamais : ce taux (${formatEuros(rate.hourlyCents)}) est supérieur à celui du ${formatFrenchDate(after.effectiveFrom)} (${formatEuros(after.hourlyCents)}). Vérifiez le montant ou la date.`;
  }
  const legal = options.legalFloor ? latestOnOrBefore(LEGAL_SMIC, rate.effectiveFrom) : null;
  if (legal && rate.hourlyCents < legal.hourlyCents) {
    return `Ce taux (${formatEuros(rate.hourlyCents)}) est inférieur au SMIC légal en vigueur le ${formatFrenchDate(rate.effectiveFrom)} (${formatEuros(legal.hourlyCents)} depuis le ${formatFrenchDate(legal.effectiveFrom)}). Vérifiez le montant.`;
  }
  return null;
}
