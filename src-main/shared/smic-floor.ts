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
 * other than Mayotte, each row with the text that set it: a decree for the
 * yearly revaluation (L3231-6), a ministerial order for the automatic rise
 * once prices went up 2 % (L3231-5). Checked against the texts as published
 * in the Journal officiel. There was no revaluation on 1 January 2025: the
 * one due then was brought forward to 1 November 2024. Mayotte has its own,
 * lower SMIC: no check there.
 */
export const LEGAL_SMIC: readonly SmicRate[] = [
  { effectiveFrom: '2020-01-01', hourlyCents: 1015 }, // décret n° 2019-1387 du 18 décembre 2019
  { effectiveFrom: '2021-01-01', hourlyCents: 1025 }, // décret n° 2020-1598 du 16 décembre 2020
  { effectiveFrom: '2021-10-01', hourlyCents: 1048 }, // arrêté du 27 septembre 2021 (+2,2 %)
  { effectiveFrom: '2022-01-01', hourlyCents: 1057 }, // décret n° 2021-1741 du 22 décembre 2021
  { effectiveFrom: '2022-05-01', hourlyCents: 1085 }, // arrêté du 19 avril 2022 (+2,65 %)
  { effectiveFrom: '2022-08-01', hourlyCents: 1107 }, // arrêté du 29 juillet 2022 (+2,01 %)
  { effectiveFrom: '2023-01-01', hourlyCents: 1127 }, // décret n° 2022-1608 du 22 décembre 2022
  { effectiveFrom: '2023-05-01', hourlyCents: 1152 }, // arrêté du 26 avril 2023 (+2,22 %)
  { effectiveFrom: '2024-01-01', hourlyCents: 1165 }, // décret n° 2023-1216 du 20 décembre 2023
  { effectiveFrom: '2024-11-01', hourlyCents: 1188 }, // décret n° 2024-951 du 23 octobre 2024
  { effectiveFrom: '2026-01-01', hourlyCents: 1202 }, // décret n° 2025-1228 du 17 décembre 2025
];

function latestOnOrBefore(rates: readonly SmicRate[], date: string): SmicRate | null {
  let best: SmicRate | null = null;
  for (const rate of rates)
    if (rate.effectiveFrom <= date && (!best || rate.effectiveFrom > best.effectiveFrom)) best = rate;
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
export function smicRateRefusal(
  rate: SmicRate,
  existing: readonly SmicRate[],
  options: { legalFloor: boolean } = { legalFloor: true },
): string | null {
  const others = existing.filter((r) => r.effectiveFrom !== rate.effectiveFrom);
  const before = latestOnOrBefore(others, rate.effectiveFrom);
  if (before && rate.hourlyCents < before.hourlyCents) {
    return `Le SMIC ne baisse jamais : ce taux (${formatEuros(rate.hourlyCents)}) est inférieur à celui du ${formatFrenchDate(before.effectiveFrom)} (${formatEuros(before.hourlyCents)}). Vérifiez le montant.`;
  }
  const after = others
    .filter((r) => r.effectiveFrom > rate.effectiveFrom)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  if (after && rate.hourlyCents > after.hourlyCents) {
    return `Le SMIC ne baisse jamais : ce taux (${formatEuros(rate.hourlyCents)}) est supérieur à celui du ${formatFrenchDate(after.effectiveFrom)} (${formatEuros(after.hourlyCents)}). Vérifiez le montant ou la date.`;
  }
  const legal = options.legalFloor ? latestOnOrBefore(LEGAL_SMIC, rate.effectiveFrom) : null;
  if (legal && rate.hourlyCents < legal.hourlyCents) {
    return `Ce taux (${formatEuros(rate.hourlyCents)}) est inférieur au SMIC légal en vigueur le ${formatFrenchDate(rate.effectiveFrom)} (${formatEuros(legal.hourlyCents)} depuis le ${formatFrenchDate(legal.effectiveFrom)}). Vérifiez le montant.`;
  }
  return null;
}
