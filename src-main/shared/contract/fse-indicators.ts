/**
 * The FSE+ indicators table of an operation for a period (Regulation (EU)
 * 2021/1057, Annex I; rules in `domain/fse-plus-indicators.ts`): a preview on
 * screen, the table as PDF and .xlsx for the funder, all with statistical
 * secrecy; and the per-participant CSV to upload to the managing authority's
 * platform, which holds the sensitive items and goes only to the roles that
 * see them.
 */
import { z } from 'zod';
import { defineMethod } from './define';
import { id, isoDate, requiredText } from './fields';
import { MASKS } from './stats';

/** Who each part of the table counts, in words (screen, PDF and workbook say the same). */
export const FSE_COUNTING_RULES: Record<'outputs' | 'sortie' | 'six_mois' | 'futur' | 'refus', string> = {
  outputs:
    'Indicateurs de réalisation : les participants entrés dans l’opération pendant la période (date d’entrée comprise entre le premier et le dernier jour), situation et âge au jour de l’entrée.',
  sortie:
    'Résultats immédiats : les participants sortis pendant la période, quelle que soit leur date d’entrée, situation dans les 4 semaines après la sortie. Un participant en emploi n’est pas aussi compté « à la recherche d’un emploi ».',
  six_mois:
    'Résultats à long terme : les participants dont la situation six mois après la sortie a été relevée pendant la période.',
  futur:
    'Une sortie ou un relevé daté après la fin de la période ou après le jour de l’édition n’est pas compté : il n’a pas encore eu lieu pour ce tableau.',
  refus:
    'Questions sensibles : « refus de répondre » est compté à part et jamais comme « oui » ; le participant reste compté dans le total.',
};

export { FSE_COLUMNS, FSE_COLUMN_LABELS, FSE_SECTION_LABELS } from '../../domain/fse-plus-indicators';

export const fseIndicatorsQuery = z
  .object({
    operationId: id,
    from: isoDate('Le début de la période'),
    to: isoDate('La fin de la période'),
  })
  .refine((q) => q.from <= q.to, { message: 'La fin de la période est avant son début.', path: ['to'] });
export type FseIndicatorsQuery = z.input<typeof fseIndicatorsQuery>;

const shownCell = z.object({ count: z.number().int().nullable(), masked: z.enum(MASKS).nullable() });

export const fseTableLine = z.object({
  key: z.string(),
  code: z.string().nullable(),
  label: z.string(),
  section: z.enum(['participants', 'statut', 'age', 'isced', 'defavorise', 'sortie', 'six_mois']),
  sub: z.boolean(),
  cells: z.object({ F: shownCell, M: shownCell, total: shownCell }),
});
export type FseTableLineOutput = z.output<typeof fseTableLine>;

export const fseIndicatorsTable = z.object({
  operation: z.object({ id, name: z.string(), funderName: z.string(), startDate: z.string(), endDate: z.string() }),
  from: z.string(),
  to: z.string(),
  /** The day the figures stop at when the period ends after today, else null. */
  asOf: z.string().nullable(),
  lines: z.array(fseTableLine),
});
export type FseIndicatorsTable = z.output<typeof fseIndicatorsTable>;

export const fseIndicatorsMethods = {
  /** The table on screen, with statistical secrecy. */
  'fse/indicators': defineMethod({ input: fseIndicatorsQuery, output: fseIndicatorsTable, tx: 'read', access: 'user' }),
  /** The table as a PDF for the funder; also saved in `folder` when given. */
  'fse/indicatorsReport': defineMethod({
    input: z.object({ query: fseIndicatorsQuery, folder: z.string().max(1000).nullable().default(null) }),
    output: z.object({ pdfBase64: z.string(), path: z.string().nullable() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** The table as an .xlsx workbook. */
  'fse/indicatorsExport': defineMethod({
    input: z.object({ query: fseIndicatorsQuery, folder: requiredText('Le dossier', 1000) }),
    output: z.object({ path: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** One line per participant counted in the period, sensitive items included (layout: `exports/fse-participants.ts`). */
  'fse/participantsCsv': defineMethod({
    input: z.object({ query: fseIndicatorsQuery, folder: requiredText('Le dossier', 1000) }),
    output: z.object({ path: z.string(), rows: z.number().int() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};
