import { z } from 'zod';
import { defineMethod, noInput } from './define';

/** What a file is chosen for decides the filter shown (images for a logo…). */
export const FILE_PURPOSES = ['logo', 'export', 'import', 'attachment', 'backup'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Files shown for each purpose; an empty list means a folder is chosen. */
export const FILE_PURPOSE_EXTENSIONS: Record<FilePurpose, string[]> = {
  logo: ['png', 'jpg', 'jpeg'],
  export: [],
  // .xls and .ods are shown so that choosing one explains how to convert it.
  import: ['xlsx', 'csv', 'xls', 'ods'],
  attachment: ['pdf', 'jpg', 'jpeg', 'png'],
  backup: ['passerelle-backup'],
};

const chooseAnswer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('chosen'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('picker') }),
]);

export const fileEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['folder', 'file']),
  size: z.number().int().nonnegative().nullable(),
});
export type FileEntry = z.output<typeof fileEntry>;

export const fileRoot = z.object({ label: z.string(), path: z.string() });

export const filesMethods = {
  /**
   * Native dialog in the desktop app; in browser mode the answer is `picker`,
   * and the renderer shows its in-app picker driven by `files/list`.
   */
  'files/chooseFile': defineMethod({
    input: z.object({ purpose: z.enum(FILE_PURPOSES) }),
    output: chooseAnswer,
    tx: 'none',
    access: 'setup',
  }),
  /** Same for a folder (where to write an export). */
  'files/chooseFolder': defineMethod({
    input: z.object({ purpose: z.enum(FILE_PURPOSES) }),
    output: chooseAnswer,
    tx: 'none',
    access: 'user',
  }),
  /** The in-app picker: folders under the home folder and removable drives only. */
  'files/list': defineMethod({
    input: z.object({ purpose: z.enum(FILE_PURPOSES), path: z.string().nullable() }),
    output: z.object({
      roots: z.array(fileRoot),
      path: z.string().nullable(),
      parent: z.string().nullable(),
      entries: z.array(fileEntry),
    }),
    tx: 'none',
    access: 'setup',
  }),
};

export const appMethods = {
  'app/info': defineMethod({
    input: noInput,
    output: z.object({
      version: z.string(),
      /** The day this build was made (`YYYY-MM-DD`); null when running from source. */
      builtOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      mode: z.enum(['desktop', 'browser']),
    }),
    tx: 'none',
    access: 'public',
  }),
};
