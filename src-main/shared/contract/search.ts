import { z } from 'zod';
import { defineMethod } from './define';
import { id } from './fields';
import { linkTarget } from './links';

/**
 * Search from anywhere (Ctrl+K): people, worksites and documents whose folded
 * text matches, each group only for a role that may open its records, and
 * only the records in the role's reach. Screens are found in the renderer,
 * which holds the page list and the same permission matrix.
 */
export const SEARCH_KINDS = ['people', 'worksites', 'documents'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  people: 'Personnes',
  worksites: 'Chantiers',
  documents: 'Documents',
};

export const searchAnywhereInput = z.object({
  text: z
    .string({ error: 'Le texte recherché doit être un texte.' })
    .trim()
    .min(2, 'Tapez au moins 2 caractères.')
    .max(100, 'Le texte recherché ne doit pas dépasser 100 caractères.'),
  /** Results per group. */
  limit: z.number().int().min(1).max(20).default(8),
});

const hit = z.object({
  /** What the line says: a person's name, a worksite's name, a document's title. */
  title: z.string(),
  /** What tells two lines apart: birth date and town, employer and dates, number and date. */
  detail: z.string(),
  /** The record the line opens; the renderer makes its address. */
  link: linkTarget,
  personId: id.nullable(),
  worksiteId: id.nullable(),
});

export const searchGroup = z.object({
  kind: z.enum(SEARCH_KINDS),
  label: z.string(),
  hits: z.array(hit),
  /** More records matched than shown. */
  more: z.boolean(),
});
export type SearchGroup = z.output<typeof searchGroup>;

export const searchMethods = {
  /**
   * Not journaled as a sensitive read: it answers names, birth dates, towns,
   * worksite names and document titles — identity, which every role in reach
   * already reads in its lists (`people/search`, `worksites/list`) without a
   * journal entry; no health, social, justice or NIR field leaves it. Opening
   * a result calls the record's own method, which journals as it always does.
   */
  'search/anywhere': defineMethod({
    input: searchAnywhereInput,
    output: z.object({ groups: z.array(searchGroup) }),
    tx: 'read',
    access: 'user',
  }),
};
