/**
 * The "variables de paie" file payroll software imports: one line per person
 * and pay line (a rubrique, its quantity, rate and amount) for the period,
 * with the rubrique codes the employer entered (Paramètres › Employeurs).
 * The amount is always the quantity × the rate as written, rounded to the
 * cent (domain/pay-lines.ts): the file can be recomputed on its own.
 */
import { formatFrenchDate } from '../shared/dates';
import type { PayItem } from '../shared/contract/pay-items';
import type { PayrollLine } from '../domain/payroll';
import { payLineLabel, ratePlaces } from '../domain/pay-lines';
import { fixed, toCsv, type CsvCell } from './csv';

export const VARIABLES_HEADERS = [
  'Début de période',
  'Fin de période',
  'Matricule',
  'Rubrique',
  'Quantité',
  'Taux',
  'Montant',
  'Nom',
  'Prénoms',
  'NIR',
  'Date de naissance',
  'Contrat',
  'Libellé',
  'Du',
  'Au',
] as const;

/** The rate in euros, with as many decimals as it has (2 to 4: 13,222 € for 12,02 € + 10 %). */
function rateCell(rateCentiCents: number): CsvCell {
  return fixed(rateCentiCents / 10000, ratePlaces(rateCentiCents));
}

export function payrollVariablesCsv(
  lines: readonly PayrollLine[],
  period: { first: string; last: string },
  codeOf: (item: PayItem) => string,
): string {
  const rows: CsvCell[][] = [];
  for (const line of lines) {
    const p = line.person;
    for (const l of line.payLines) {
      rows.push([
        formatFrenchDate(period.first),
        formatFrenchDate(period.last),
        p.matricule,
        codeOf(l.item),
        fixed(l.centiHours / 100),
        rateCell(l.rateCentiCents),
        fixed(l.amountCents / 100),
        p.lastName,
        p.firstNames,
        p.nir,
        formatFrenchDate(p.birthDate),
        p.contractRef,
        payLineLabel(l),
        formatFrenchDate(l.from),
        formatFrenchDate(l.to),
      ]);
    }
  }
  return toCsv([[...VARIABLES_HEADERS], ...rows]);
}
