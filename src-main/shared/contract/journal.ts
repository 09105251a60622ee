import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { id, isoDate } from './fields';

export const JOURNAL_ACTIONS = [
  'change',
  'read',
  'export',
  'login',
  'login-failed',
  'logout',
  'purge',
  'purge-refused',
  'seal',
  'alert',
] as const;
export type JournalAction = (typeof JOURNAL_ACTIONS)[number];
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

/** What came of the call, in a word: only done calls are journaled, so a refusal is a login or a purge turned down. */
export const JOURNAL_OUTCOMES: Record<(typeof JOURNAL_ACTIONS)[number], string> = {
  change: 'réussi',
  read: 'réussi',
  export: 'réussi',
  login: 'réussi',
  'login-failed': 'refusé',
  logout: 'réussi',
  purge: 'réussi',
  'purge-refused': 'refusé',
  seal: 'réussi',
  alert: 'anomalie',
};

/**
 * A record an entry names: its stored reference (`person:12`) and, for the
 * administrator's eyes, what it is (« DUPONT Marie »), looked up when shown,
 * never stored in the journal.
 */
export const journalRecord = z.object({ ref: z.string(), label: z.string() });

export const journalEntry = z.object({
  id,
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.enum(JOURNAL_ACTIONS),
  method: z.string(),
  records: z.array(journalRecord),
});

/** Who (account), whose record (person), what (method) and when (days in France, both included). */
export const journalFilter = z.object({
  personId: id.optional(),
  userId: id.optional(),
  method: z.string().max(100).optional(),
  from: isoDate('La date de début').optional(),
  to: isoDate('La date de fin').optional(),
});
export type JournalFilter = z.output<typeof journalFilter>;
export type JournalEntry = z.output<typeof journalEntry>;

export const journalMethods = {
  'journal/list': defineMethod({
    input: journalFilter.extend({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(10).max(200).default(50),
    }),
    output: z.object({
      entries: z.array(journalEntry),
      total: z.number().int(),
      /** Every method the journal holds, whatever the filter: the actions worth offering in the filter. */
      methods: z.array(z.string()),
    }),
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
  /** Writes a CSV of the journal, or of the entries the filter keeps, into a folder the user chose (a USB stick…). */
  'journal/export': defineMethod({
    input: journalFilter.extend({ folder: z.string().min(1, 'Choisissez un dossier.') }),
    output: z.object({ path: z.string(), count: z.number().int() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};
