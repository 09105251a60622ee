/**
 * Immersions: périodes de mise en situation en milieu professionnel (PMSMP,
 * Code du travail L5135-1 to L5135-8, D5135-1 to D5135-8). A convention
 * (Cerfa 13912, the fields of D5135-2) between the person, the host, the
 * prescriber and the CCAS as accompanying structure; renewed once at most for
 * the same objective (D5135-3); its bilan once it is over.
 */
import { z } from 'zod';
import { defineMethod } from './define';
import { email, id, isoDate, optionalText, phone, requiredText, timeOfDay } from './fields';
import { personName, sensitive } from './personal';

/** The three objects of L5135-1. */
export const PMSMP_OBJECTIVES = ['decouvrir', 'confirmer', 'recruter'] as const;
export type PmsmpObjective = (typeof PMSMP_OBJECTIVES)[number];
export const PMSMP_OBJECTIVE_LABELS: Record<PmsmpObjective, string> = {
  decouvrir: 'Découvrir un métier ou un secteur d’activité',
  confirmer: 'Confirmer un projet professionnel',
  recruter: 'Initier une démarche de recrutement',
};

/** The prescribers of L5135-2. */
export const PRESCRIBER_KINDS = ['france_travail', 'mission_locale', 'cap_emploi', 'siae', 'conventionne'] as const;
export type PrescriberKind = (typeof PRESCRIBER_KINDS)[number];
export const PRESCRIBER_KIND_LABELS: Record<PrescriberKind, string> = {
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  siae: 'Structure d’insertion par l’activité économique (SIAE)',
  conventionne: 'Organisme conventionné avec l’un d’eux',
};

export const PMSMP_OUTCOMES = ['realisee', 'partielle', 'non_realisee'] as const;
export type PmsmpOutcome = (typeof PMSMP_OUTCOMES)[number];
export const PMSMP_OUTCOME_LABELS: Record<PmsmpOutcome, string> = {
  realisee: 'Réalisée',
  partielle: 'Partiellement réalisée',
  non_realisee: 'Non réalisée',
};

/** The weekdays of the schedule, Monday first (the same list as `domain/pmsmp.ts`). */
export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

export const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = {
  lundi: 'Lundi',
  mardi: 'Mardi',
  mercredi: 'Mercredi',
  jeudi: 'Jeudi',
  vendredi: 'Vendredi',
  samedi: 'Samedi',
  dimanche: 'Dimanche',
};

const dayHours = z.object({
  start: timeOfDay('L’heure d’arrivée'),
  end: timeOfDay('L’heure de départ'),
  pause: z
    .number({ error: 'La pause est un nombre de minutes.' })
    .int()
    .min(0, 'La pause ne peut pas être négative.')
    .max(240, 'La pause ne dépasse pas 4 heures.'),
});
export type DayHoursInput = z.output<typeof dayHours>;

export const weekSchedule = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours.nullable().default(null)])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodDefault<z.ZodNullable<typeof dayHours>>
  >,
);
export type WeekScheduleInput = z.output<typeof weekSchedule>;

const optionalEmail = z.union([z.literal(''), email('L’adresse e-mail du tuteur')]);

export const pmsmpInput = z.object({
  hostOrganisationId: id.describe('entreprise d’accueil'),
  hostSiret: optionalText('Le SIRET de l’entreprise d’accueil', 20).default(''),
  hostActivity: optionalText('L’activité principale de l’entreprise', 200).default(''),
  place: optionalText('Le lieu de l’immersion', 200).default(''),
  tutorName: requiredText('Le nom du tuteur', 120),
  tutorFunction: requiredText('La fonction du tuteur', 120),
  tutorPhone: phone.default(''),
  tutorEmail: optionalEmail.default(''),
  objective: z.enum(PMSMP_OBJECTIVES, { error: 'Choisissez l’objet de l’immersion.' }),
  trade: requiredText('Le métier observé', 150),
  goals: optionalText('Les objectifs précis', 1000).default(''),
  startDate: isoDate('La date de début'),
  endDate: isoDate('La date de fin'),
  schedule: weekSchedule,
  tasks: requiredText('Les tâches confiées', 2000),
  skills: optionalText('Les compétences recherchées', 1000).default(''),
  risks: optionalText('Les risques du poste', 1000).default(''),
  equipment: optionalText('Les équipements de protection', 1000).default(''),
  prescriberKind: z.enum(PRESCRIBER_KINDS, { error: 'Choisissez le type de prescripteur.' }),
  prescriberOrganisationId: id,
  prescriberContactId: id.nullable().default(null),
  referentName: requiredText('Le nom du conseiller référent', 120),
  referentFunction: optionalText('La fonction du conseiller référent', 120).default(''),
  /** Required when the person is under 18 on the first day: their legal representative signs the convention too. */
  representativeName: optionalText('Le nom du représentant légal', 120).default(''),
});
export type PmsmpInput = z.input<typeof pmsmpInput>;
export type PmsmpFields = z.output<typeof pmsmpInput>;

export const pmsmpBilanInput = z.object({
  outcome: z.enum(PMSMP_OUTCOMES, { error: 'Indiquez si l’immersion a été réalisée.' }),
  missedMinutes: z
    .number({ error: 'Les heures manquées sont un nombre.' })
    .int()
    .min(0, 'Les heures manquées ne peuvent pas être négatives.')
    .max(200 * 60, 'Trop d’heures manquées.'),
  skillsObserved: optionalText('Les compétences observées', 2000).default(''),
  followUp: optionalText('Les suites proposées', 2000).default(''),
  comment: optionalText('Le commentaire', 2000).default(''),
  writtenOn: isoDate('La date du bilan'),
});
export type PmsmpBilanInput = z.input<typeof pmsmpBilanInput>;

/** A CDDI of the person covering part of the immersion (a PMSMP during the contract, L5132-15-1): suspended during it, the post kept (L5135-3). */
export const suspension = z.object({ participationId: id, worksiteName: z.string(), from: z.string(), to: z.string() });
export type Suspension = z.output<typeof suspension>;

export const pmsmp = z.object({
  id,
  personId: id,
  renewalOf: id.nullable(),
  renewedBy: id.nullable(),
  fields: z.object({
    ...pmsmpInput.shape,
    schedule: weekSchedule,
  }),
  hostName: z.string(),
  hostAddress: z.string(),
  prescriberName: z.string(),
  prescriberContactName: personName.nullable(),
  /** Presence hours of a full week and over the whole period, in minutes. */
  weekMinutes: z.number().int(),
  plannedMinutes: z.number().int(),
  bilan: pmsmpBilanInput.nullable(),
  suspensions: z.array(suspension),
});
export type Pmsmp = z.output<typeof pmsmp>;

const printed = z.object({ documentId: id, number: z.string(), fileName: z.string(), pdfBase64: z.string() });

export const pmsmpMethods = {
  'pmsmp/list': defineMethod({
    input: z.object({ personId: id }),
    output: sensitive('social', z.array(pmsmp)),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'pmsmp/save': defineMethod({
    input: z.object({ personId: id, id: id.optional(), immersion: pmsmpInput }),
    output: sensitive('social', pmsmp),
    tx: 'write',
    access: 'user',
  }),
  'pmsmp/renew': defineMethod({
    input: z.object({ id, startDate: isoDate('La date de début'), endDate: isoDate('La date de fin') }),
    output: sensitive('social', pmsmp),
    tx: 'write',
    access: 'user',
  }),
  'pmsmp/saveBilan': defineMethod({
    input: z.object({ id, bilan: pmsmpBilanInput }),
    output: sensitive('social', pmsmp),
    tx: 'write',
    access: 'user',
  }),
  /** The convention (Cerfa 13912) and the bilan, printed, kept in the registry and returned. */
  'pmsmp/printConvention': defineMethod({
    input: z.object({ id }),
    output: printed,
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  'pmsmp/printBilan': defineMethod({
    input: z.object({ id }),
    output: printed,
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};
