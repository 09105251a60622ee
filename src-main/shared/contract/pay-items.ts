/**
 * The pay items ("rubriques") of the payroll hand-off: one key each, a French
 * description, and a default code the employer replaces by the code their
 * payroll software uses (Paramètres › Employeurs).
 */
import { MARK_LABELS, type Mark } from './attendance-codes';
import { requiredText } from './fields';

export const ABSENCE_MARKS = [
  'maladie',
  'accident_travail',
  'rdv_autorise',
  'demarche_emploi',
  'autre_justifiee',
  'non_justifiee',
] as const satisfies readonly Mark[];
export type AbsenceMark = (typeof ABSENCE_MARKS)[number];

export const PAY_ITEMS = [
  'heures_normales',
  'hc_10',
  'hc_25',
  'ferie_paye',
  'annulation_payee',
  'temps_annexe',
  ...ABSENCE_MARKS.map((m) => `absence_payee_${m}` as const),
  ...ABSENCE_MARKS.map((m) => `absence_non_payee_${m}` as const),
  'regularisation',
] as const;
export type PayItem = (typeof PAY_ITEMS)[number];

const ABSENCE_CODES: Record<AbsenceMark, string> = {
  maladie: 'MAL',
  accident_travail: 'AT',
  rdv_autorise: 'RDV',
  demarche_emploi: 'DEM',
  autre_justifiee: 'AJ',
  non_justifiee: 'ANJ',
};

export const PAY_ITEM_DEFAULTS: Record<PayItem, { code: string; description: string }> = {
  heures_normales: { code: 'HN', description: 'Heures normales travaillées (au taux en vigueur chaque jour)' },
  hc_10: {
    code: 'HC10',
    description: 'Heures complémentaires majorées de 10 % (dans la limite du dixième du contrat)',
  },
  hc_25: { code: 'HC25', description: 'Heures complémentaires majorées de 25 % (au-delà du dixième du contrat)' },
  ferie_paye: { code: 'FERIE', description: 'Jours fériés chômés payés' },
  annulation_payee: {
    code: 'ANNUL',
    // Those cancelled by the structure, and those lost to weather or force majeure on the days the calendar
    // in force pays them (domain/calendar-settings.ts): one line, named for both.
    description: 'Demi-journées annulées payées (par la structure, ou pour intempéries ou force majeure)',
  },
  temps_annexe: { code: 'ANNEXE', description: 'Temps annexes rémunérés faits (visite médicale, bilans…)' },
  ...(Object.fromEntries(
    ABSENCE_MARKS.map((m) => [
      `absence_payee_${m}`,
      { code: `ABP-${ABSENCE_CODES[m]}`, description: `Absence payée : ${MARK_LABELS[m].toLowerCase()}` },
    ]),
  ) as Record<`absence_payee_${AbsenceMark}`, { code: string; description: string }>),
  ...(Object.fromEntries(
    ABSENCE_MARKS.map((m) => [
      `absence_non_payee_${m}`,
      {
        code: `ABS-${ABSENCE_CODES[m]}`,
        description: `Absence non payée : ${MARK_LABELS[m].toLowerCase()} (heures, montant nul)`,
      },
    ]),
  ) as Record<`absence_non_payee_${AbsenceMark}`, { code: string; description: string }>),
  regularisation: {
    code: 'REGUL',
    description: 'Régularisation d’un mois déjà transmis (heures payées en plus ou en moins)',
  },
};

/**
 * A code typed for a rubrique: what the payroll software knows. Never empty
 * (going back to the default is its own action), no separator or quote of the
 * CSV, no leading sign a spreadsheet would read as a formula.
 */
export const payItemCodeField = requiredText('Le code de rubrique', 20)
  .refine(
    (c) => !/[;"\r\n\t]/.test(c),
    'Le code de rubrique ne peut contenir ni « ; » ni guillemet ni retour à la ligne.',
  )
  .refine(
    (c) => !/^[=+\-@]/.test(c),
    'Le code de rubrique ne peut pas commencer par = + - ou @ (un tableur le lirait comme une formule).',
  );

/**
 * Each rubrique its own code: the first pay item whose code another one
 * already has, with that other one (codes compared without case, as payroll
 * tools do).
 */
export function duplicateCode(
  codes: readonly { item: PayItem; code: string }[],
): { item: PayItem; other: PayItem; code: string } | null {
  const seen = new Map<string, PayItem>();
  for (const { item, code } of codes) {
    const key = code.trim().toLocaleUpperCase('fr-FR');
    const other = seen.get(key);
    if (other) return { item, other, code: code.trim() };
    seen.set(key, item);
  }
  return null;
}

export const duplicateCodeMessage = (d: { other: PayItem; code: string }) =>
  `Le code « ${d.code} » est déjà celui de la rubrique « ${PAY_ITEM_DEFAULTS[d.other].description} » : chaque rubrique a son propre code.`;
