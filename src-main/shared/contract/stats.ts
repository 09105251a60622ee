/**
 * Figures for the structure and its funders: any period, filtered by
 * worksite type, funder or activity support; every figure comes with the
 * rule that counts it (the "i" beside it).
 */
import { z } from 'zod';
import { personName, sensitive } from './personal';
import { defineMethod } from './define';
import { id, isoDate, optionalText, requiredText } from './fields';
import { ACTIVITIES, WORKSITE_KINDS } from './worksites';
import { PMSMP_OUTCOME_LABELS, PMSMP_OUTCOMES } from './pmsmp';

/** How the immersions table counts (its « i »). */
export const IMMERSIONS_COUNTING_RULE =
  'Immersions (PMSMP) commencées pendant la période et au plus tard aujourd’hui, renouvellements compris, par objet ; le bilan tel qu’il est enregistré : « En cours » tant que l’immersion n’est pas finie sans bilan (jamais « Réalisée » avant son dernier jour), « Bilan à faire » une fois finie sans bilan. Avec un filtre de chantiers : celles des personnes comptées.';

/** Where an immersion's bilan stands, the columns of the immersions table: its outcome, or none yet. */
export const IMMERSION_STATUSES = [...PMSMP_OUTCOMES, 'bilan_a_faire', 'en_cours'] as const;
export type ImmersionStatus = (typeof IMMERSION_STATUSES)[number];
export const IMMERSION_STATUS_LABELS: Record<ImmersionStatus, string> = {
  ...PMSMP_OUTCOME_LABELS,
  bilan_a_faire: 'Bilan à faire',
  en_cours: 'En cours',
};

export const statsFilter = z
  .object({
    from: isoDate('Le début de la période'),
    to: isoDate('La fin de la période'),
    kind: z.enum(WORKSITE_KINDS).nullable().default(null),
    funderId: id.nullable().default(null),
    activity: z.enum(ACTIVITIES).nullable().default(null),
    /** Counts of 1 to 4 people in full, for internal use (roles that may see people only). */
    showSmall: z.boolean().default(false),
  })
  .refine((f) => f.from <= f.to, { message: 'La fin de la période est avant son début.', path: ['to'] });
export type StatsFilter = z.input<typeof statsFilter>;

/** The breakdowns whose cells are people (a click lists them); the others count freins or exits. */
export const PERSON_BREAKDOWNS = [
  'sex',
  'age',
  'ageFine',
  'resources',
  'education',
  'priorityArea',
  'rqth',
  'prescriber',
] as const;
export type PersonBreakdown = (typeof PERSON_BREAKDOWNS)[number];
export const BREAKDOWNS = [...PERSON_BREAKDOWNS, 'obstaclesIdentified', 'obstaclesLifted', 'outcomes'] as const;
/** What a click can open: a person breakdown's cell, a sex × age cell ("F|moins_26"), or the new entries. */
export const DRILL_DOWNS = [...PERSON_BREAKDOWNS, 'cross', 'newEntries'] as const;
export type DrillDown = (typeof DRILL_DOWNS)[number];
export type Breakdown = (typeof BREAKDOWNS)[number];

/** How a count hidden by statistical secrecy reads: "< 5" (0 to 4 people) or "s" (5 or more, hidden so that no small count can be found again). */
export const MASKS = ['< 5', 's'] as const;
export type Mask = (typeof MASKS)[number];
/** Written in the title of any report whose small counts are shown. */
export const SMALL_FIGURES_WARNING = 'petits effectifs affichés, usage interne, ne pas transmettre';

/** A count of people as published: null with its mark when hidden. */
export const shownCount = z.object({ count: z.number().int().nullable(), masked: z.enum(MASKS).nullable() });
export type ShownCount = z.output<typeof shownCount>;

export const breakdown = z.object({
  key: z.enum(BREAKDOWNS),
  label: z.string(),
  /** How it is counted, in words. */
  info: z.string(),
  rows: z.array(shownCount.extend({ key: z.string(), label: z.string() })),
  total: shownCount,
});
export type BreakdownTable = z.output<typeof breakdown>;

export const keyFigure = z.object({
  key: z.string(),
  label: z.string(),
  /** null when statistical secrecy hides it (counts of people only). */
  value: z.number().nullable(),
  masked: z.enum(MASKS).nullable(),
  unit: z.enum(['count', 'minutes', 'percent']),
  info: z.string(),
});
export type KeyFigure = z.output<typeof keyFigure>;

/** A table of counts with row and column totals. */
export const crossTable = z.object({
  rows: z.array(z.string()),
  rowKeys: z.array(z.string()),
  columns: z.array(z.string()),
  columnKeys: z.array(z.string()),
  cells: z.array(z.array(shownCount)),
  rowTotals: z.array(shownCount),
  columnTotals: z.array(shownCount),
  total: shownCount,
});
export type CrossTable = z.output<typeof crossTable>;

export const statsFigures = z.object({
  filter: z.object({
    from: z.string(),
    to: z.string(),
    kind: z.enum(WORKSITE_KINDS).nullable(),
    funderId: id.nullable(),
    activity: z.enum(ACTIVITIES).nullable(),
    showSmall: z.boolean(),
  }),
  /** The day the figures stop at when the period ends after today (« au … »), else null. */
  asOf: z.string().nullable(),
  /** Counts of 1 to 4 people shown in full (internal use, never for funders). */
  smallFiguresShown: z.boolean(),
  figures: z.array(keyFigure),
  breakdowns: z.array(breakdown),
  /** The funders one may filter on (organisations of kind "financeur"). */
  funders: z.array(z.object({ id, name: z.string() })),
  /** Sex × age bracket at entry, the table funders ask most. */
  cross: crossTable,
  /** Immersions (PMSMP) begun in the period: object × where the bilan stands. */
  immersions: crossTable,
});
export type StatsFigures = z.output<typeof statsFigures>;

export const statsPerson = sensitive('statistics', z.object({ id, name: personName, entry: z.string() }));

export const statsMethods = {
  'stats/figures': defineMethod({ input: statsFilter, output: statsFigures, tx: 'read', access: 'user' }),
  /** The people a figure counts, for staff allowed to see them. */
  'stats/people': defineMethod({
    input: z.object({
      filter: statsFilter,
      breakdown: z.enum(DRILL_DOWNS).nullable(),
      category: z.string().max(100).nullable(),
    }),
    output: z.array(statsPerson),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  /** The funder report (PDF): cover, key figures, tables with statistical secrecy, a commentary. */
  'stats/report': defineMethod({
    input: z.object({
      filter: statsFilter,
      title: optionalText('Le titre', 150).default(''),
      commentary: optionalText('Le commentaire', 4000).default(''),
      /** Also saved there when given. */
      folder: z.string().max(1000).nullable().default(null),
    }),
    output: z.object({ pdfBase64: z.string(), path: z.string().nullable() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** Every table as an .xlsx sheet, with statistical secrecy. */
  'stats/export': defineMethod({
    input: z.object({ filter: statsFilter, folder: requiredText('Le dossier', 1000) }),
    output: z.object({ path: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};
