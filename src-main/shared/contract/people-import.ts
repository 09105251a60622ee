import { z } from 'zod';
import { defineMethod } from './define';
import { oneSource, uploadedFile } from './files';

/** The columns a spreadsheet may fill; anything else is ignored. */
export const IMPORT_FIELDS = [
  'lastName',
  'birthName',
  'firstNames',
  'birthDate',
  'sex',
  'address',
  'postcode',
  'town',
  'phone',
  'email',
  'resources',
  'educationLevel',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  lastName: 'Nom',
  birthName: 'Nom de naissance',
  firstNames: 'Prénom(s)',
  birthDate: 'Date de naissance',
  sex: 'Sexe',
  address: 'Adresse',
  postcode: 'Code postal',
  town: 'Commune',
  phone: 'Téléphone',
  email: 'E-mail',
  resources: 'Ressources',
  educationLevel: 'Niveau de formation',
};

const MAX_CELL = 1000;
const table = {
  headers: z.array(z.string().max(200)).min(1).max(100),
  rows: z.array(z.array(z.string().max(MAX_CELL)).max(100)).max(5000),
  /** For each column, the field it fills, or null to ignore it. */
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(100),
};

export const previewRow = z.object({
  /** Row number as the user sees it in the spreadsheet (the header is line 1). */
  line: z.number().int(),
  action: z.enum(['create', 'update', 'unchanged', 'invalid']),
  /** Column index → what is wrong with that cell, in French. */
  errors: z.record(z.string(), z.string()),
  /** The existing record this row updates. */
  personId: z.number().int().nullable(),
  /** What an update would change, old → new (labels, as the user reads them); applied only to ticked rows. */
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  /** For an update: the state of the record and of the proposal the user saw; a commit with another one is refused. */
  version: z.string().nullable(),
});
export type PreviewRow = z.output<typeof previewRow>;

export const importCounts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
});

export const peopleImportMethods = {
  /** Reads the chosen file (file I/O, outside any transaction) and proposes a column mapping. */
  'people/importRead': defineMethod({
    /** `path` on main's PC (desktop app) or `file` sent by a client PC: an .xlsx or a .csv, 10 Mo at most. */
    input: z
      .object({ path: z.string().min(1, 'Choisissez un fichier.').optional(), file: uploadedFile('import').optional() })
      .refine(oneSource, { path: ['path'], message: 'Choisissez un fichier.' }),
    output: z.object({
      fileName: z.string(),
      headers: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      mapping: z.array(z.enum(IMPORT_FIELDS).nullable()),
      /** The mapping was the one used last time for a file with the same columns. */
      remembered: z.boolean(),
    }),
    tx: 'none',
    access: 'user',
  }),
  /** What the import would do, row by row, without writing anything. */
  'people/importPreview': defineMethod({
    input: z.object(table),
    output: z.object({ rows: z.array(previewRow), counts: importCounts }),
    tx: 'read',
    access: 'user',
  }),
  /**
   * All or nothing: refused while any row is invalid. Creates the new people; updates only the ticked
   * rows, with the changes the preview showed. Remembers the mapping.
   */
  'people/importCommit': defineMethod({
    input: z.object({
      ...table,
      /** The update rows the user ticked, with the version their preview gave. */
      accepted: z
        .array(
          z.object({
            line: z.number().int().min(2),
            personId: z.number().int().positive(),
            version: z.string().min(1).max(100),
          }),
        )
        .max(5000)
        .default([]),
    }),
    output: importCounts,
    tx: 'write',
    access: 'user',
  }),
};
