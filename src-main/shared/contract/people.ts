import { z } from 'zod';
import { nirValid, compactDigits } from '../identifiers';
import { sensitive } from './personal';
import { defineMethod } from './define';
import { email, expectedVersion, id, isoDate, optionalText, phone, recordVersion, requiredText } from './fields';
import { CIVILITIES, EDUCATION_LEVELS, NATIONALITY_GROUPS, RESOURCES, SEXES, YES_NO_UNKNOWN } from './people-lists';
import { JOURNEY_STATUSES, OBSTACLE_KINDS, OUTCOME_CATEGORIES } from './journey-lists';

const optionalPostcode = z
  .string()
  .trim()
  .regex(/^$|^\d{5}$/, 'Le code postal doit comporter 5 chiffres (ex. 29200).');

const nir = z
  .string()
  .transform((v) => compactDigits(v).toUpperCase())
  .pipe(
    z
      .string()
      .refine(
        (v) => v === '' || /^[0-9AB]{15}$/.test(v),
        'Le numéro de sécurité sociale comporte 15 caractères (13 chiffres et une clé de 2 chiffres).',
      )
      .refine(
        (v) => v === '' || !/^[0-9AB]{15}$/.test(v) || nirValid(v),
        'La clé du numéro de sécurité sociale ne correspond pas : vérifiez chaque chiffre.',
      ),
  );

/** Who the person is. The birth date must not be in the future: checked against main's clock. */
export const personInput = z.object({
  civility: z.enum(CIVILITIES).nullable(),
  lastName: requiredText('Le nom', 100),
  birthName: optionalText('Le nom de naissance', 100),
  firstNames: requiredText('Le prénom', 100),
  birthDate: isoDate('La date de naissance'),
  sex: z.enum(SEXES, { error: 'Indiquez le sexe (utile aux chiffres des financeurs).' }),
  address: optionalText('L’adresse', 200),
  postcode: optionalPostcode,
  town: optionalText('La commune', 80),
  priorityArea: z.enum(YES_NO_UNKNOWN),
  phone,
  email: z.union([z.literal(''), email('L’adresse e-mail')]),
  emergencyContact: optionalText('La personne à prévenir', 200),
  /** Only where the structure collects it (a setting); left out, the stored value is kept. */
  nationalityGroup: z.enum(NATIONALITY_GROUPS).nullable().optional(),
  nir,
  prescriberId: id.nullable(),
  referentId: id.nullable(),
});
export type PersonInput = z.input<typeof personInput>;

/** An empty identity with the neutral defaults (QPV unknown, no link). */
export function blankPerson(): PersonInput {
  return {
    civility: null,
    lastName: '',
    birthName: '',
    firstNames: '',
    birthDate: '',
    sex: null as never,
    address: '',
    postcode: '',
    town: '',
    priorityArea: 'inconnu',
    phone: '',
    email: '',
    emergencyContact: '',
    nationalityGroup: null,
    nir: '',
    prescriberId: null,
    referentId: null,
  };
}

/** The situation at entry, dated; a new one is added, never written over. */
export const situationInput = z.object({
  observedOn: isoDate('La date de la situation'),
  resources: z.enum(RESOURCES, { error: 'Choisissez les ressources.' }),
  rsaMonths: z.number().int('Un nombre entier de mois.').min(0).max(600, 'Au plus 600 mois.').nullable(),
  franceTravailSince: isoDate('La date d’inscription à France Travail').nullable(),
  educationLevel: z.enum(EDUCATION_LEVELS, { error: 'Choisissez le niveau de formation.' }),
  rqth: z.enum(YES_NO_UNKNOWN),
  housing: optionalText('Le logement', 200),
  drivingLicence: z.boolean(),
  vehicle: z.boolean(),
  publicTransport: z.boolean(),
});
export type SituationInput = z.input<typeof situationInput>;

export const situation = sensitive(
  'social',
  situationInput.extend({ id, longTermUnemployed: z.enum(['non', 'longue', 'tres_longue']).nullable() }),
);
export type Situation = z.output<typeof situation>;

export const obstacleInput = z.object({
  kind: z.enum(OBSTACLE_KINDS, { error: 'Choisissez le type de frein.' }),
  identifiedOn: isoDate('La date où le frein a été repéré'),
  actions: optionalText('Les actions engagées', 2000),
  resolvedOn: isoDate('La date de levée du frein').nullable(),
});
export type ObstacleInput = z.input<typeof obstacleInput>;
export const obstacle = sensitive('social', obstacleInput.extend({ id }));
export type Obstacle = z.output<typeof obstacle>;

export const outcomeInput = z.object({
  category: z.enum(OUTCOME_CATEGORIES, { error: 'Choisissez la catégorie de sortie.' }),
  detail: optionalText('Le détail (contrat, employeur, formation)', 500),
  exitedOn: isoDate('La date de sortie'),
  afterThreeMonths: optionalText('La situation à 3 mois', 500),
  afterSixMonths: optionalText('La situation à 6 mois', 500),
});
export type OutcomeInput = z.input<typeof outcomeInput>;

export const journeyEvent = z.object({ status: z.enum(JOURNEY_STATUSES), happenedOn: z.string(), reason: z.string() });
export const journey = z.object({
  id,
  status: z.enum(JOURNEY_STATUSES),
  openedOn: z.string(),
  /** Oldest first: the timeline of the parcours. */
  events: z.array(journeyEvent),
  outcome: outcomeInput.nullable(),
  /** The steps that may follow, by the pipeline rules of main. */
  next: z.array(z.enum(JOURNEY_STATUSES)),
});
export type Journey = z.output<typeof journey>;

export const personSummary = z.object({
  id,
  lastName: z.string(),
  birthName: z.string(),
  firstNames: z.string(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  town: z.string(),
  prescriberName: z.string().nullable(),
  referentName: z.string().nullable(),
  referentLeft: z.boolean(),
  archived: z.boolean(),
  /** Where the latest parcours stands, if any. */
  status: z.enum(JOURNEY_STATUSES).nullable(),
});
export type PersonSummary = z.output<typeof personSummary>;

export const personRecord = personInput.omit({ nir: true, nationalityGroup: true }).extend({
  id,
  /** The identity's version: sent back by the form's save. */
  version: recordVersion,
  nationalityGroup: z.enum(NATIONALITY_GROUPS).nullable(),
  /** Whether the structure collects nationality: the form shows the field. */
  collectNationality: z.boolean(),
  archived: z.boolean(),
  /** Masked unless the caller may see it (administrator, for payroll). */
  nirMasked: z.string().nullable(),
  prescriberName: z.string().nullable(),
  referentName: z.string().nullable(),
  /** Null for roles that may not read social details (encadrant). */
  situations: z.array(situation).nullable(),
  obstacles: z.array(obstacle).nullable(),
  /** Newest first. */
  journeys: z.array(journey),
});
export type PersonRecord = z.output<typeof personRecord>;

export const SORT_COLUMNS = ['name', 'birthDate', 'town', 'createdAt'] as const;

export const searchInput = z.object({
  query: z.string().max(200).default(''),
  archived: z.boolean().default(false),
  prescriberId: id.nullable().default(null),
  referentId: id.nullable().default(null),
  referentLeft: z.boolean().default(false),
  sex: z.enum(SEXES).nullable().default(null),
  resources: z.enum(RESOURCES).nullable().default(null),
  status: z.enum(JOURNEY_STATUSES).nullable().default(null),
  /** People taking part in this worksite. */
  worksiteId: id.nullable().default(null),
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  sort: z.enum(SORT_COLUMNS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
});
export type SearchInput = z.input<typeof searchInput>;

export const peopleMethods = {
  'people/search': defineMethod({
    input: searchInput,
    output: z.object({ rows: z.array(personSummary), total: z.number().int() }),
    tx: 'read',
    access: 'user',
  }),
  /** Reads the situation (resources, RQTH…): a sensitive read, journaled. */
  'people/get': defineMethod({
    input: z.object({ id }),
    output: personRecord,
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'people/findDuplicates': defineMethod({
    input: z.object({
      lastName: z.string().max(100),
      birthName: z.string().max(100).default(''),
      firstNames: z.string().max(100),
      birthDate: z.string().max(10),
      nir: z.string().max(30).default(''),
      exceptId: id.nullable().default(null),
    }),
    output: z.array(personSummary),
    tx: 'read',
    access: 'user',
  }),
  'people/create': defineMethod({
    input: z.object({
      person: personInput,
      situation: situationInput,
      /** The user saw the possible duplicates and confirmed this is someone else. */
      confirmedNotDuplicate: z.boolean().default(false),
      /** The user confirmed a NIR that disagrees with the sex or birth date (provisional number, exception). */
      confirmWarnings: z.boolean().default(false),
    }),
    output: z.object({ id }),
    tx: 'write',
    access: 'user',
  }),
  'people/update': defineMethod({
    input: z.object({
      id,
      expectedVersion,
      person: personInput,
      confirmedNotDuplicate: z.boolean().default(false),
      confirmWarnings: z.boolean().default(false),
    }),
    output: personRecord,
    tx: 'write',
    access: 'user',
  }),
  'people/addSituation': defineMethod({
    input: z.object({ id, situation: situationInput }),
    output: personRecord,
    tx: 'write',
    access: 'user',
  }),
  'people/setArchived': defineMethod({
    input: z.object({ id, archived: z.boolean() }),
    output: personRecord,
    tx: 'write',
    access: 'user',
  }),
  /** Opens a new parcours (the previous one must be closed). */
  'people/openJourney': defineMethod({
    input: z.object({ personId: id, openedOn: isoDate('La date d’orientation') }),
    output: personRecord,
    tx: 'write',
    access: 'user',
  }),
  /** The next step of a parcours, dated; a refusal says why. Exits go through `people/recordOutcome`. */
  'people/moveJourney': defineMethod({
    input: z.object({
      journeyId: id,
      status: z.enum(JOURNEY_STATUSES),
      happenedOn: isoDate('La date'),
      reason: optionalText('Le motif', 500),
    }),
    output: personRecord,
    tx: 'write',
    access: 'user',
  }),
  /** Sets the exit of a parcours (and its 3- and 6-month follow-up), moving it to "sorti·e". */
  'people/recordOutcome': defineMethod({
    input: z.object({ journeyId: id, outcome: outcomeInput }),
    output: personRecord,
    tx: 'write',
    access: 'user',
  }),
  'people/saveObstacle': defineMethod({
    input: z.object({ personId: id, id: id.optional(), obstacle: obstacleInput }),
    output: personRecord,
    tx: 'write',
    access: 'user',
  }),
  /** The full NIR, for payroll: administrator only, journaled. */
  'people/revealNir': defineMethod({
    input: z.object({ id }),
    output: z.object({ nir: sensitive('nir', z.string().nullable()) }),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
};
