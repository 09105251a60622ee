import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { requiredText } from './fields';

export const backupStatus = z.object({
  /** A passphrase was chosen and its key is on this PC. */
  configured: z.boolean(),
  keyId: z.string().nullable(),
  lastFolder: z.string().nullable(),
  lastBackup: z
    .object({ at: z.string(), path: z.string(), size: z.number().int(), previousVerified: z.boolean().nullable() })
    .nullable(),
  /** No verified USB backup for more than 7 days (or never). */
  stale: z.boolean(),
});
export type BackupStatus = z.output<typeof backupStatus>;

export const backupPreview = z.object({
  structureName: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({ persons: z.number().int(), worksites: z.number().int(), documents: z.number().int() }),
  files: z.number().int(),
});

const passphrase = z.string({ error: 'Indiquez la phrase de passe.' }).max(500);
const backupFile = z.object({
  path: requiredText('Le fichier de sauvegarde', 1000),
  passphrase: passphrase.nullable().default(null),
});

export const backupMethods = {
  'backup/status': defineMethod({ input: noInput, output: backupStatus, tx: 'read', access: 'user' }),
  /** Eight random words, easy to copy onto the recovery sheet. */
  'backup/suggestPassphrase': defineMethod({
    input: noInput,
    output: z.object({ passphrase: z.string() }),
    tx: 'none',
    access: 'user',
  }),
  /** Derives the key once (scrypt), keeps it on this PC, starts a new key id. */
  'backup/setPassphrase': defineMethod({
    input: z.object({ passphrase: passphrase.min(1, 'Indiquez la phrase de passe.') }),
    output: backupStatus,
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
  /** The recovery sheet to print for the safe: the passphrase must be the current one; nothing is stored. */
  'backup/recoverySheet': defineMethod({
    input: z.object({ passphrase: passphrase.min(1, 'Indiquez la phrase de passe.') }),
    output: z.object({ pdfBase64: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** "Sauvegarder sur clé USB": reported only once read back and verified. */
  'backup/create': defineMethod({
    input: z.object({ folder: requiredText('Le dossier', 1000) }),
    output: backupStatus,
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** Where the running backup is, for the progress bar; answered while the backup runs. */
  'backup/progress': defineMethod({
    input: noInput,
    output: z.object({ step: z.string(), percent: z.number().int().min(0).max(100) }).nullable(),
    tx: 'none',
    access: 'user',
  }),
  /** What a backup holds, before restoring it; nothing changes. */
  'backup/inspect': defineMethod({ input: backupFile, output: backupPreview, tx: 'none', access: 'user' }),
  /** Replaces the data with the backup's, after keeping the current data as a "pré-restauration" copy; everyone signs in again. */
  'backup/restore': defineMethod({
    input: backupFile.extend({ confirm: z.literal(true, { error: 'Confirmez la restauration.' }) }),
    output: z.object({ restored: z.literal(true) }),
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
};
