import { z } from 'zod';
import { sensitive } from './personal';
import { defineMethod } from './define';
import { id, requiredText } from './fields';
import { month } from './payroll';

/** The ASP's exit categories (`fluxIAE_RefCategorieSort`), in its order. */
export const ASP_EXIT_CATEGORIES = [
  'emploi_durable',
  'emploi_transition',
  'sorties_positives',
  'autres_sorties',
  'retrait',
] as const;
export type AspExitCategory = (typeof ASP_EXIT_CATEGORIES)[number];
export const ASP_EXIT_CATEGORY_LABELS: Record<AspExitCategory, string> = {
  emploi_durable: 'Emploi durable',
  emploi_transition: 'Emploi de transition',
  sorties_positives: 'Sorties positives',
  autres_sorties: 'Autres sorties',
  retrait: 'Retrait des sorties constatées',
};

/** The difficulties the ASP records on an employee's accompaniment (fluxIAE « accompagnement »). */
export const ASP_DIFFICULTIES = [
  'demarches_administratives',
  'hebergement',
  'illettrisme',
  'justice',
  'manque_disponibilite',
  'mobilite',
  'sante',
  'surendettement',
] as const;
export type AspDifficulty = (typeof ASP_DIFFICULTIES)[number];
export const ASP_DIFFICULTY_LABELS: Record<AspDifficulty, string> = {
  demarches_administratives: 'Démarches administratives',
  hebergement: 'Hébergement',
  illettrisme: 'Illettrisme',
  justice: 'Justice',
  manque_disponibilite: 'Manque de disponibilité',
  mobilite: 'Mobilité',
  sante: 'Santé',
  surendettement: 'Surendettement',
};

export const aspRow = sensitive(
  'payroll',
  z.object({
    participationId: id,
    personId: id,
    lastName: z.string(),
    firstNames: z.string(),
    passIae: z.string(),
    startDate: z.string(),
    worksiteName: z.string(),
    paidMinutes: z.number().int(),
    workedMinutes: z.number().int(),
    hours: z.number().int(),
    centiHours: z.number().int(),
    stillAccompanied: z.boolean(),
    actualEndDate: z.string().nullable(),
    exitCategory: z.enum(ASP_EXIT_CATEGORIES).nullable(),
    difficulties: z.array(z.enum(ASP_DIFFICULTIES)),
    problems: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
);

export const aspMonthView = z.object({
  month: z.string(),
  employerId: id,
  employerName: z.string(),
  /** `a_valider`: counted now; `valide`: the rows as validated. */
  status: z.enum(['a_valider', 'valide']),
  validatedBy: z.string().nullable(),
  validatedAt: z.string().nullable(),
  /** Validated, and the figures counted now differ: « À revalider ». */
  stale: z.boolean(),
  rows: z.array(aspRow),
  /** The month's paid hours of the CDDI contracts, in minutes: the sum of the rows. */
  totalPaidMinutes: z.number().int(),
});
export type AspMonthView = z.output<typeof aspMonthView>;

const target = z.object({ month, employerId: id });

export const aspMethods = {
  /** The month counted now from attendance and the payroll's pay lines, with what to fix before export. */
  'asp/preview': defineMethod({ input: target, output: aspMonthView, tx: 'read', access: 'user', audit: 'read' }),
  /** The validated month (rows as validated, « À revalider » when the figures changed since), or the preview. */
  'asp/get': defineMethod({ input: target, output: aspMonthView, tx: 'read', access: 'user', audit: 'read' }),
  /** Freezes the rows; refused while a row has a problem to fix. Validating again replaces them. */
  'asp/validate': defineMethod({ input: target, output: aspMonthView, tx: 'write', access: 'user' }),
  /** The validated rows as a PDF to re-key on the Extranet IAE 2.0, or a CSV, into a folder the user chose. */
  'asp/export': defineMethod({
    input: target.extend({
      format: z.enum(['pdf', 'csv'], { error: 'Choisissez le format : pdf ou csv.' }),
      folder: requiredText('Le dossier', 1000),
    }),
    output: z.object({ path: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};
