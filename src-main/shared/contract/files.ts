import { z } from 'zod';
import { defineMethod, noInput } from './define';

/** What a file is chosen for decides the filter shown (images for a logo…). */
export const FILE_PURPOSES = ['logo', 'export', 'import', 'attachment', 'backup', 'join', 'authority'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Files shown for each purpose; an empty list means a folder is chosen. */
export const FILE_PURPOSE_EXTENSIONS: Record<FilePurpose, string[]> = {
  logo: ['png', 'jpg', 'jpeg'],
  export: [],
  // .xls and .ods are shown so that choosing one explains how to convert it.
  import: ['xlsx', 'csv', 'xls', 'ods'],
  attachment: ['pdf', 'jpg', 'jpeg', 'png'],
  backup: ['passerelle-backup'],
  join: ['passerelle-raccordement'],
  // What IT providers and Windows name a certificate: PEM text most often, DER (binary) sometimes.
  authority: ['crt', 'pem', 'cer'],
};

/**
 * Files a person chooses on their own PC and sends to main as bytes (issue 29):
 * main may run on another PC of the office (the Passerelle server), where a
 * path on this PC means nothing. Each purpose has its size limit, checked
 * here (on the base64 text, before anything is decoded) and again on the
 * decoded bytes; what the file is, is read from its first bytes by main.
 */
export const UPLOAD_LIMITS = {
  attachment: {
    bytes: 10 * 1024 * 1024,
    tooBig: 'Ce fichier est trop lourd : 10 Mo au plus. Numérisez-le en qualité « document » ou en noir et blanc.',
  },
  import: {
    bytes: 10 * 1024 * 1024,
    tooBig: 'Ce fichier est trop lourd : 10 Mo au plus. Gardez seulement la feuille des personnes à importer.',
  },
  logo: { bytes: 2 * 1024 * 1024, tooBig: 'L’image est trop lourde (2 Mo au maximum).' },
  join: {
    bytes: 64 * 1024,
    tooBig: 'Ce fichier est trop lourd pour être un fichier de raccordement de Passerelle (quelques Ko).',
  },
  /** A root certificate is 1 to 2 Ko; 32 Ko holds a chain of a dozen (and still fits a fichier de raccordement). */
  authority: {
    bytes: 32 * 1024,
    tooBig:
      'Ce fichier est trop lourd pour être un certificat d’autorité (quelques Ko) : demandez à votre prestataire informatique le seul certificat de l’autorité, au format .crt ou .pem.',
  },
} as const;
export type UploadPurpose = keyof typeof UPLOAD_LIMITS;

/** The length of the base64 text of `bytes` bytes (padded). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A file sent by the client: its name on the client's PC (for the record) and its bytes in base64. */
export function uploadedFile(purpose: UploadPurpose) {
  const limit = UPLOAD_LIMITS[purpose];
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, 'Le fichier envoyé n’a pas de nom : choisissez-le de nouveau.')
      .max(255, 'Le nom du fichier est trop long (255 caractères au plus) : renommez-le.'),
    base64: z
      .string()
      .min(1, 'Le fichier envoyé est vide.')
      .max(base64Length(limit.bytes), limit.tooBig)
      .regex(BASE64, 'Le fichier envoyé est illisible : choisissez-le de nouveau.'),
  });
}
export type UploadedFile = { name: string; base64: string };

/** Exactly one of `path` (chosen on main's PC) and `file` (sent by the client). */
export function oneSource(value: { path?: string | null; file?: UploadedFile | null }): boolean {
  const hasPath = typeof value.path === 'string' && value.path !== '';
  const hasFile = value.file !== undefined && value.file !== null;
  return hasPath !== hasFile;
}

const chooseAnswer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('chosen'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('picker') }),
  /** Main is on another PC: the client chooses the file itself and sends its bytes (`uploadedFile`). */
  z.object({ status: z.literal('upload') }),
  /**
   * Main is on another PC and a folder was asked (where to write an export):
   * what the call makes is sent back and saved on this PC where its user
   * chooses (a download). The call names `DOWNLOAD_FOLDER` as its folder.
   */
  z.object({ status: z.literal('download') }),
]);

/**
 * The folder a call from a client PC names (issue 29): not a folder of
 * anybody's, the sign that what is made comes back to be saved on that PC
 * (`SentFile`). Main never writes into a folder on a client's call, whatever
 * it names.
 */
export const DOWNLOAD_FOLDER = '⟨ce poste⟩';

/**
 * The backups of the office's data are the server's job (issue 29): made on
 * the PC that holds the data, onto its USB drive or backup disk, with the
 * passphrase kept there; a restore replaces everyone's data, so it is done
 * there too. Said on a client PC, and by main to a call from one.
 */
export const BACKUP_ON_SERVER =
  'Les sauvegardes des données du bureau se font sur le PC serveur Passerelle, pas depuis un autre poste : la sauvegarde, sa phrase de passe et la restauration se font sur ce PC-là (avec sa clé USB ou son disque de sauvegarde), par un administrateur.';

/** A file a call made, sent back to the client PC that asked for it, which saves it (a browser download). */
export const sentFile = z.object({
  /** The French file name to save it under (`heures-2026-11.csv`). */
  name: z.string().min(1),
  mediaType: z.string().min(1),
  base64: z.string(),
});
export type SentFile = z.output<typeof sentFile>;

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
      /**
       * `client`: main is the office's server on another PC (issue 29); files are chosen on the
       * client and sent as bytes, and what is made is downloaded rather than written into a folder.
       */
      filesFrom: z.enum(['server', 'client']),
    }),
    tx: 'none',
    access: 'public',
  }),
};
