import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { id } from './fields';

export const JOURNAL_ACTIONS = ['change', 'read', 'export', 'login', 'login-failed', 'logout', 'purge', 'purge-refused', 'seal', 'alert'] as const;
export const JOURNAL_ACTION_LABELS: Record<(typeof JOURNAL_ACTIONS)[number], string> = {
  change: 'Modification',
  read: 'Consultation de données sensibles',
  export: 'Export ou impression',
  login: 'Connexion',
  'login-failed': 'Échec de connexion',
  logout: 'Déconnexion',
  purge: 'Purge des entrées de plus de 12 mois',
  'purge-refused': 'Purge refusée (horloge de l’ordinateur douteuse)',
  seal: 'Scellement du journal avec sa clé',
  alert: 'Anomalie du journal constatée au démarrage',
};

export const journalEntry = z.object({
  id,
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.enum(JOURNAL_ACTIONS),
  method: z.string(),
  records: z.array(z.string()),
});
export type JournalEntry = z.output<typeof journalEntry>;

export const journalMethods = {
  'journal/list': defineMethod({
    input: z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(10).max(200).default(50) }),
    output: z.object({ entries: z.array(journalEntry), total: z.number().int() }),
    tx: 'read',
    access: 'user',
  }),
  'journal/verify': defineMethod({
    input: noInput,
    output: z.object({
      valid: z.boolean(),
      checked: z.number().int(),
      firstBrokenId: z.number().int().nullable(),
      /** Each anomaly, in French: altered or missing entries, the head outside the database, the clock. */
      findings: z.array(z.object({ code: z.string(), message: z.string(), entryId: z.number().int().nullable() })),
    }),
    tx: 'read',
    access: 'user',
  }),
  /** Writes a CSV of the whole journal into a folder the user chose (a USB stick…). */
  'journal/export': defineMethod({
    input: z.object({ folder: z.string().min(1, 'Choisissez un dossier.') }),
    output: z.object({ path: z.string(), count: z.number().int() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};
