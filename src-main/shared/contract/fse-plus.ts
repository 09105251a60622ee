/**
 * FSE+ participant data (Regulation (EU) 2021/1057, Annex I): the operations
 * a funder co-funds over a period on some worksites, and per participant of an
 * operation the answers at entry, at exit and six months after exit. The four
 * sensitive items (disability, third-country national, foreign background,
 * minority) travel only to roles that see them (`shared/capabilities.ts`):
 * for the others they are `null` in reads and refused in writes.
 */
import { z } from 'zod';
import { defineMethod } from './define';
import { id, isoDate, requiredText } from './fields';
import { personName, sensitive } from './personal';
import { EDUCATION_LEVELS } from './people-lists';
import { FSE_LABOUR_STATUSES, ISCED_GROUPS, SENSITIVE_ANSWERS } from '../../domain/fse-plus-participant';

export const FSE_LABOUR_STATUS_LABELS: Record<(typeof FSE_LABOUR_STATUSES)[number], string> = {
  emploi: 'En emploi (y compris indépendant)',
  chomeur: 'Chômeur',
  chomeur_longue_duree: 'Chômeur de longue durée',
  inactif: 'Inactif',
  inactif_hors_formation: 'Inactif, ni en études ni en formation',
};

export const SENSITIVE_ANSWER_LABELS: Record<(typeof SENSITIVE_ANSWERS)[number], string> = {
  oui: 'Oui',
  non: 'Non',
  refus: 'Ne souhaite pas répondre',
};

/** The four items of Annex I, 1b that a participant may refuse to answer. */
export const FSE_SENSITIVE_ITEMS = ['disability', 'thirdCountryNational', 'foreignBackground', 'minority'] as const;
export type FseSensitiveItem = (typeof FSE_SENSITIVE_ITEMS)[number];
export const FSE_SENSITIVE_ITEM_LABELS: Record<FseSensitiveItem, string> = {
  disability: 'Personne handicapée',
  thirdCountryNational: 'Ressortissant d’un pays tiers (hors Union européenne)',
  foreignBackground: 'Personne d’origine étrangère',
  minority: 'Appartenance à une minorité (y compris les communautés marginalisées telles que les Roms)',
};

const sensitiveAnswer = (label: string) =>
  z.enum(SENSITIVE_ANSWERS, { error: `Répondez à la question « ${label} » (ou « Ne souhaite pas répondre »).` });

export const fseOperationInput = z
  .object({
    name: requiredText('Le nom de l’opération', 150),
    funderId: id,
    startDate: isoDate('La date de début'),
    endDate: isoDate('La date de fin'),
    worksiteIds: z.array(id).max(200).default([]),
  })
  .refine((o) => o.endDate >= o.startDate, {
    message: 'La date de fin de l’opération ne peut pas précéder sa date de début.',
    path: ['endDate'],
  });
export type FseOperationInput = z.input<typeof fseOperationInput>;

export const fseOperation = z.object({
  id,
  name: z.string(),
  funderId: id,
  funderName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  worksites: z.array(z.object({ id, name: z.string() })),
  participantCount: z.number().int(),
});
export type FseOperation = z.output<typeof fseOperation>;

const sensitiveAnswers = {
  disability: sensitiveAnswer(FSE_SENSITIVE_ITEM_LABELS.disability).optional(),
  thirdCountryNational: sensitiveAnswer(FSE_SENSITIVE_ITEM_LABELS.thirdCountryNational).optional(),
  foreignBackground: sensitiveAnswer(FSE_SENSITIVE_ITEM_LABELS.foreignBackground).optional(),
  minority: sensitiveAnswer(FSE_SENSITIVE_ITEM_LABELS.minority).optional(),
};

/** The entry answers; the sensitive ones only from a role that sees them (then each is required). */
export const fseEntryInput = z.object({
  enteredOn: isoDate('La date d’entrée'),
  labourStatus: z.enum(FSE_LABOUR_STATUSES, { error: 'Choisissez la situation sur le marché du travail à l’entrée.' }),
  educationLevel: z.enum(EDUCATION_LEVELS, { error: 'Choisissez le niveau de formation à l’entrée.' }),
  ...sensitiveAnswers,
  homelessOrHousingExclusion: z.boolean({ error: 'Indiquez si la personne est sans domicile ou mal logée.' }),
  ruralArea: z.boolean({ error: 'Indiquez si la personne vit en zone rurale.' }),
});
export type FseEntryInput = z.input<typeof fseEntryInput>;

export const fseExitInput = z.object({
  leftOn: isoDate('La date de sortie'),
  seekingWork: z.boolean({ error: 'Indiquez si la personne cherche un emploi à la sortie.' }),
  inEducationOrTraining: z.boolean({ error: 'Indiquez si la personne suit des études ou une formation à la sortie.' }),
  gainedQualification: z.boolean({ error: 'Indiquez si la personne a obtenu une qualification.' }),
  inEmployment: z.boolean({ error: 'Indiquez si la personne occupe un emploi à la sortie.' }),
});
export type FseExitInput = z.input<typeof fseExitInput>;

export const fseSixMonthsInput = z.object({
  observedOn: isoDate('La date de la situation à 6 mois'),
  inEmployment: z.boolean({ error: 'Indiquez si la personne occupe un emploi six mois après la sortie.' }),
  improvedSituation: z.boolean({ error: 'Indiquez si la situation sur le marché du travail s’est améliorée.' }),
});
export type FseSixMonthsInput = z.input<typeof fseSixMonthsInput>;

const recorded = z.object({ at: z.string(), by: z.string().nullable() });

const entryView = z.object({
  enteredOn: z.string(),
  labourStatus: z.enum(FSE_LABOUR_STATUSES),
  ageAtEntry: z.number().int(),
  educationLevel: z.enum(EDUCATION_LEVELS),
  iscedGroup: z.enum(ISCED_GROUPS),
  /** Null for a role that does not see the sensitive items, or once anonymised. */
  disability: z.enum(SENSITIVE_ANSWERS).nullable(),
  thirdCountryNational: z.enum(SENSITIVE_ANSWERS).nullable(),
  foreignBackground: z.enum(SENSITIVE_ANSWERS).nullable(),
  minority: z.enum(SENSITIVE_ANSWERS).nullable(),
  homelessOrHousingExclusion: z.boolean(),
  ruralArea: z.boolean(),
  recorded,
});

export const fsePersonRecord = z.object({
  operationId: id,
  operationName: z.string(),
  funderName: z.string(),
  entry: entryView,
  exit: fseExitInput.extend({ recorded }).nullable(),
  sixMonths: fseSixMonthsInput.extend({ recorded }).nullable(),
  /** Six calendar months after the exit, once there is one. */
  sixMonthsDueOn: z.string().nullable(),
});
export type FsePersonRecord = z.output<typeof fsePersonRecord>;

export const fseSuggestions = z.object({
  ageAtEntry: z.number().int(),
  ageBand: z.string(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  iscedGroup: z.enum(ISCED_GROUPS).nullable(),
  labourStatus: z.enum(FSE_LABOUR_STATUSES).nullable(),
  labourStatusReason: z.string().nullable(),
  /** Null for a role that does not see the sensitive items. */
  disability: z.enum(SENSITIVE_ANSWERS).nullable(),
  thirdCountryNational: z.enum(SENSITIVE_ANSWERS).nullable(),
});
export type FseSuggestions = z.output<typeof fseSuggestions>;

export const fseFollowUp = z.object({
  personId: id,
  personName,
  operationId: id,
  operationName: z.string(),
  leftOn: z.string(),
  dueOn: z.string(),
  /** `bientot`: due within two weeks; `a_faire`: due. */
  state: z.enum(['bientot', 'a_faire']),
});
export type FseFollowUp = z.output<typeof fseFollowUp>;

const participantKey = z.object({ personId: id, operationId: id });

export const fseMethods = {
  'fse/operations': defineMethod({
    input: z.object({}).optional().default({}),
    output: z.array(fseOperation),
    tx: 'read',
    access: 'user',
  }),
  'fse/saveOperation': defineMethod({
    input: z.object({ id: id.optional(), operation: fseOperationInput }),
    output: fseOperation,
    tx: 'write',
    access: 'user',
  }),
  'fse/person': defineMethod({
    input: z.object({ personId: id }),
    output: sensitive(
      'social',
      z.object({ seesSensitive: z.boolean(), records: z.array(fsePersonRecord), personId: id }),
    ),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'fse/suggest': defineMethod({
    input: z.object({ personId: id, enteredOn: isoDate('La date d’entrée') }),
    output: sensitive('social', fseSuggestions.extend({ personId: id })),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'fse/saveEntry': defineMethod({
    input: participantKey.extend({ entry: fseEntryInput }),
    output: fsePersonRecord,
    tx: 'write',
    access: 'user',
  }),
  'fse/saveExit': defineMethod({
    input: participantKey.extend({ exit: fseExitInput }),
    output: fsePersonRecord,
    tx: 'write',
    access: 'user',
  }),
  'fse/saveSixMonths': defineMethod({
    input: participantKey.extend({ sixMonths: fseSixMonthsInput }),
    output: fsePersonRecord,
    tx: 'write',
    access: 'user',
  }),
  'fse/followUps': defineMethod({
    input: z.object({}).optional().default({}),
    output: z.array(fseFollowUp),
    tx: 'read',
    access: 'user',
  }),
};
