import { z } from 'zod';
import { personName } from './personal';
import { defineMethod, noInput } from './define';
import { expectedVersion, id, isoDate, optionalText, recordVersion, requiredText, timeOfDay } from './fields';
import { TIME_PATTERN } from '../time';
import { daysBetween, isValidIsoDate } from '../dates';
import { workHoursInput } from './settings';
import { CANCEL_KINDS } from './attendance-codes';

export const WORKSITE_KINDS = ['mesp', 'aci', 'autre'] as const;
export type WorksiteKind = (typeof WORKSITE_KINDS)[number];
export const WORKSITE_KIND_LABELS: Record<(typeof WORKSITE_KINDS)[number], string> = {
  mesp: 'MESP (mise en situation professionnelle)',
  aci: 'ACI (atelier et chantier d’insertion)',
  autre: 'Autre',
};

/** The activity as a document names it inside a sentence: "(support d'activité : menuiserie)"; an activity typed by hand keeps its case. */
export function activityInSentence(activity: string): string {
  const label = ACTIVITY_LABELS[activity as keyof typeof ACTIVITY_LABELS];
  return label === undefined ? activity : label.toLocaleLowerCase('fr-FR');
}

export const ACTIVITIES = [
  'menuiserie',
  'nettoyage',
  'manutention',
  'espaces_verts',
  'batiment',
  'lingerie',
  'ressourcerie',
  'autre',
] as const;
export type Activity = (typeof ACTIVITIES)[number];
export const ACTIVITY_LABELS: Record<(typeof ACTIVITIES)[number], string> = {
  menuiserie: 'Menuiserie',
  nettoyage: 'Nettoyage',
  manutention: 'Manutention',
  espaces_verts: 'Espaces verts',
  batiment: 'Bâtiment',
  lingerie: 'Lingerie',
  ressourcerie: 'Ressourcerie',
  autre: 'Autre',
};

export const WORKSITE_STATUSES = ['preparation', 'en_cours', 'termine', 'annule'] as const;
export type WorksiteStatus = (typeof WORKSITE_STATUSES)[number];
export const WORKSITE_STATUS_LABELS: Record<(typeof WORKSITE_STATUSES)[number], string> = {
  preparation: 'En préparation',
  en_cours: 'En cours',
  termine: 'Terminé',
  annule: 'Annulé',
};

export const HALF_DAYS = ['morning', 'afternoon'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];
/** How a half-day came to be: generated from the weekly pattern, a make-up after a public holiday, added by hand. */
export const SESSION_ORIGINS = ['pattern', 'makeup', 'added'] as const;
export type SessionOrigin = (typeof SESSION_ORIGINS)[number];
export const HALF_DAY_LABELS: Record<(typeof HALF_DAYS)[number], string> = {
  morning: 'Matin',
  afternoon: 'Après-midi',
};
export const WEEKDAY_LABELS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi'] as const;

export const slot = z.object({ weekday: z.number().int().min(0).max(5), halfDay: z.enum(HALF_DAYS) });
export const sessionSlot = z.object({ date: isoDate('La date'), halfDay: z.enum(HALF_DAYS) });

export const worksiteInput = z.object({
  name: requiredText('Le nom du chantier', 120),
  kind: z.enum(WORKSITE_KINDS, { error: 'Choisissez le type de chantier.' }),
  activity: z.enum(ACTIVITIES, { error: 'Choisissez le support d’activité.' }),
  clientId: id.nullable(),
  workAddress: optionalText('L’adresse du chantier', 200),
  supervisorId: id.nullable(),
  coordinatorId: id.nullable(),
  employerId: id.nullable().refine((v) => v !== null, 'Choisissez l’employeur des participants.'),
  fundersIds: z.array(id).max(20),
  /** The funders' reference of the operation (e.g. the FSE+ operation number), printed on the attendance sheets. */
  operationReference: optionalText('La référence de l’opération', 80).default(''),
  startDate: isoDate('La date de début'),
  weeks: z
    .number({ error: 'Indiquez le nombre de semaines.' })
    .int()
    .min(1, 'Un chantier dure au moins une semaine.')
    .max(104, 'Au plus 104 semaines (2 ans).'),
  slots: z.array(slot).min(1, 'Cochez au moins une demi-journée par semaine.').max(12),
  capacity: z
    .number({ error: 'Indiquez la capacité.' })
    .int()
    .min(1, 'La capacité doit être d’au moins 1 personne.')
    .max(50),
  hours: workHoursInput,
  status: z.enum(WORKSITE_STATUSES),
});
export type WorksiteInput = z.input<typeof worksiteInput>;

export const CONTRACT_TYPES = ['cdd_usage', 'cddi', 'autre'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_TYPE_LABELS: Record<(typeof CONTRACT_TYPES)[number], string> = {
  cdd_usage: 'CDD d’usage (association intermédiaire)',
  cddi: 'CDDI (contrat à durée déterminée d’insertion)',
  autre: 'Autre contrat',
};

/**
 * The only grounds on which a fixed-term contract may end before its term
 * (Code du travail L1243-1 and following; L5132-15-1 for the CDDI), with the
 * article a secretary can quote to the employer.
 */
export const EARLY_END_REASONS = [
  'periode_essai',
  'accord_commun',
  'embauche_cdi',
  'emploi_ou_formation',
  'faute_grave',
  'force_majeure',
  'inaptitude',
] as const;
export type EarlyEndReason = (typeof EARLY_END_REASONS)[number];
export const EARLY_END_REASON_LABELS: Record<EarlyEndReason, string> = {
  periode_essai: 'Rupture pendant la période d’essai (art. L1242-10)',
  accord_commun: 'Accord commun du salarié et de l’employeur (art. L1243-1)',
  embauche_cdi: 'Embauche du salarié en CDI ailleurs (art. L1243-2)',
  emploi_ou_formation: 'CDDI : embauche en CDD d’au moins 6 mois ou formation qualifiante (art. L5132-15-1)',
  faute_grave: 'Faute grave (art. L1243-1)',
  force_majeure: 'Force majeure (art. L1243-1)',
  inaptitude: 'Inaptitude constatée par le médecin du travail (art. L1243-1)',
};

/**
 * What the contract states beyond dates and pay: the qualification and
 * classification (L1242-12, 4°, with the agreement's coefficient), the tasks
 * (which a mise à disposition lists, R5132-20, 2°), whether the post is on the
 * employer's list of posts with particular risks (L1242-12, 4°; L4154-2), and
 * the PASS IAE or agrément reference when recorded.
 */
export const contractContentFields = {
  classification: optionalText('La qualification', 200).default(''),
  tasks: optionalText('La liste des tâches confiées', 600).default(''),
  particularRisk: z.boolean({ error: 'Indiquez si le poste présente des risques particuliers.' }).default(false),
  passIae: optionalText('La référence du PASS IAE', 40).default(''),
};

export const contractInput = z.object({
  type: z.enum(CONTRACT_TYPES, { error: 'Choisissez le type de contrat.' }),
  startDate: isoDate('La date de début du contrat'),
  endDate: isoDate('La date de fin du contrat'),
  position: requiredText('Le poste', 120),
  hourlyCents: z
    .number({ error: 'Indiquez le taux horaire.' })
    .int()
    .min(100, 'Le taux horaire doit être supérieur à 1 €.')
    .max(100_00),
  handedOn: isoDate('La date de remise du contrat').nullable(),
  signedOn: isoDate('La date de signature').nullable(),
  /** A préfet's derogation to work under 20 h a week in a CDDI, valid until. */
  derogationUntil: isoDate('La fin de la dérogation').nullable(),
  ...contractContentFields,
});
export type ContractInput = z.input<typeof contractInput>;

export const ANNEX_KINDS = [
  'visite_medicale',
  'pose_chantier',
  'bilan_mi_parcours',
  'bilan_fin',
  'psychologue',
  'autre',
] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];
/** Health-related annex times (GDPR art. 9): whoever does not see social details, and every printed sheet, learns only that a time exists. */
export const HEALTH_RELATED_ANNEX_KINDS: readonly AnnexKind[] = ['visite_medicale', 'psychologue'];
export const ANNEX_KIND_LABELS: Record<(typeof ANNEX_KINDS)[number], string> = {
  visite_medicale: 'Visite médicale ou bilan de santé',
  pose_chantier: 'Pose-chantier (accueil et sécurité)',
  bilan_mi_parcours: 'Bilan de mi-parcours',
  bilan_fin: 'Bilan de fin de chantier',
  psychologue: 'Entretien avec la psychologue',
  autre: 'Autre temps annexe',
};

export const annexTimeInput = z
  .object({
    kind: z.enum(ANNEX_KINDS, { error: 'Choisissez le type de temps annexe.' }),
    date: isoDate('La date'),
    start: timeOfDay('L’heure de début'),
    end: timeOfDay('L’heure de fin'),
    paid: z.boolean(),
  })
  .refine((a) => !TIME_PATTERN.test(a.start) || !TIME_PATTERN.test(a.end) || a.end > a.start, {
    path: ['end'],
    message: 'La fin doit venir après le début.',
  });
export type AnnexTimeInput = z.input<typeof annexTimeInput>;
export const annexTime = z.object({
  id,
  participationId: id,
  kind: z.enum(ANNEX_KINDS),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  paid: z.boolean(),
  /** Took place (true), did not (false), not yet marked (null). */
  done: z.boolean().nullable(),
});

export const participant = z.object({
  id,
  /** The contract's version: sent back by the contract form's save. */
  version: recordVersion,
  personId: id,
  name: z.string(),
  contract: contractInput,
  renewals: z.array(z.object({ previousEndDate: z.string(), newEndDate: z.string(), agreedOn: z.string() })),
  /** Set when the contract ended before its term: its last day and the legal ground. */
  earlyEnd: z.object({ date: z.string(), reason: z.enum(EARLY_END_REASONS) }).nullable(),
  /** A CDDI's days suspended by an immersion (PMSMP during the contract, L5132-15-1; the post kept, L5135-3). */
  suspensions: z.array(z.object({ from: z.string(), to: z.string() })),
  weeklyHours: z.string(),
  /** Planned minutes per week (by Monday): the half-days within the contract and the paid annex times. */
  plannedWeeks: z.array(z.object({ weekOf: z.string(), minutes: z.number().int() })),
  trialDays: z.number().int(),
  /** Not handed over within two working days of the start (L1242-13). */
  handOverLate: z.boolean(),
  annexTimes: z.array(annexTime),
});
export type Participant = z.output<typeof participant>;

export const worksiteSession = sessionSlot.extend({
  id,
  start: z.string(),
  end: z.string(),
  origin: z.enum(SESSION_ORIGINS),
  cancelledReason: z.string().nullable(),
});
export type WorksiteSession = z.output<typeof worksiteSession>;

export const worksiteSummary = z.object({
  id,
  name: z.string(),
  kind: z.enum(WORKSITE_KINDS),
  activity: z.enum(ACTIVITIES),
  status: z.enum(WORKSITE_STATUSES),
  startDate: z.string(),
  endDate: z.string(),
  employerName: z.string(),
  supervisorName: z.string().nullable(),
  sessionCount: z.number().int(),
});
export type WorksiteSummary = z.output<typeof worksiteSummary>;

export const worksite = worksiteInput.extend({
  id,
  /** The worksite's version: sent back by the worksite form's save. */
  version: recordVersion,
  employerId: id,
  endDate: z.string(),
  employerName: z.string(),
  supervisorName: z.string().nullable(),
  clientName: z.string().nullable(),
  sessions: z.array(worksiteSession),
  participants: z.array(participant),
});
export type Worksite = z.output<typeof worksite>;

export const schedulePreview = z.object({
  /** Half-days of the pattern that are not yet sessions. */
  toCreate: z.array(sessionSlot),
  skipped: z.array(sessionSlot.extend({ reason: z.enum(['holiday', 'closure']), label: z.string() })),
  /** Make-up half-days proposed so that the contracted number is reached. */
  /**
   * Added working time, never a recovery of holiday hours (L3133-2): who it
   * concerns (contract covering the date) and the heures complémentaires it creates.
   */
  makeUps: z.array(
    sessionSlot.extend({
      concerned: z.array(personName),
      complementary: z.array(z.object({ name: personName, minutes: z.number().int() })),
    }),
  ),
  /**
   * Future half-days of the old pattern that the new dates or rhythm no longer
   * hold: removed only if the user asks. Past half-days are history (attendance
   * may be recorded on them) and always stay.
   */
  outside: z.array(worksiteSession),
  plannedCount: z.number().int(),
});

export const planningEntry = sessionSlot.extend({
  sessionId: id,
  worksiteId: id,
  worksiteName: z.string(),
  start: z.string(),
  end: z.string(),
  cancelled: z.boolean(),
  /** People whose contract covers the day. */
  participants: z.number().int(),
});

export const agendaEntry = z.object({
  date: z.string(),
  start: z.string(),
  end: z.string(),
  worksiteId: id,
  worksiteName: z.string(),
  /** A half-day of the worksite, or one of the person's annex times. */
  kind: z.union([z.enum(HALF_DAYS), z.enum(ANNEX_KINDS)]),
  cancelled: z.boolean(),
});

export const worksitesMethods = {
  /** One person's half-days and annex times on every worksite they take part in. */
  'worksites/personAgenda': defineMethod({
    input: z.object({ personId: id }),
    output: z.array(agendaEntry),
    tx: 'read',
    access: 'user',
  }),
  /** Every half-day of the worksites the caller reaches, between two dates (at most about three months). */
  'worksites/planning': defineMethod({
    input: z
      .object({ from: isoDate('La date de début'), to: isoDate('La date de fin') })
      .refine((r) => r.to >= r.from, { path: ['to'], message: 'La fin doit venir après le début.' })
      .refine((r) => !isValidIsoDate(r.from) || !isValidIsoDate(r.to) || daysBetween(r.from, r.to) <= 100, {
        path: ['to'],
        message: 'Affichez au plus trois mois à la fois.',
      }),
    output: z.array(planningEntry),
    tx: 'read',
    access: 'user',
  }),
  'worksites/list': defineMethod({ input: noInput, output: z.array(worksiteSummary), tx: 'read', access: 'user' }),
  'worksites/get': defineMethod({ input: z.object({ id }), output: worksite, tx: 'read', access: 'user' }),
  'worksites/save': defineMethod({
    input: z.object({ id: id.optional(), expectedVersion, worksite: worksiteInput }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  /** What generation would create, skip and propose; nothing is written. */
  'worksites/previewSchedule': defineMethod({
    input: z.object({ id }),
    output: schedulePreview,
    tx: 'read',
    access: 'user',
  }),
  /**
   * Creates the missing half-days of the pattern and the accepted make-ups.
   * Idempotent; removes future half-days outside the pattern only when asked.
   */
  'worksites/generateSessions': defineMethod({
    input: z.object({ id, makeUps: z.array(sessionSlot).max(100), removeOutside: z.boolean().default(false) }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  'worksites/addSession': defineMethod({
    input: z.object({ id, session: sessionSlot }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  /**
   * Puts an admitted person on the worksite with their contract record; the
   * parcours moves to "en chantier". Capacity and clashes are warned about
   * until `confirmWarnings`.
   */
  'worksites/addParticipant': defineMethod({
    input: z.object({ id, personId: id, contract: contractInput, confirmWarnings: z.boolean().default(false) }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  /** A paid annex time of a participant (it counts in paid hours). */
  'worksites/addAnnexTime': defineMethod({
    input: z.object({ participationId: id, annexTime: annexTimeInput }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  /** Moves one half-day to another date or half-day (a holiday or closure is refused). */
  'worksites/moveSession': defineMethod({
    input: z.object({ sessionId: id, to: sessionSlot }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
  'worksites/cancelSession': defineMethod({
    input: z.object({
      sessionId: id,
      reason: requiredText('Le motif de l’annulation', 300),
      /** By the structure (paid), or for weather or force majeure (paid per Paramètres › Calendrier). */
      kind: z.enum(CANCEL_KINDS).default('structure'),
    }),
    output: worksite,
    tx: 'write',
    access: 'user',
  }),
};
