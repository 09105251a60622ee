/**
 * What happens to a person on a worksite beyond attendance: skills
 * evaluations by the supervisor and by the person ("se jauger"), the
 * supervisor's observations, and the health check (never medical content).
 */
import { z } from 'zod';
import { sensitive } from './personal';
import { defineMethod, noInput } from './define';
import { id, isoDate, optionalText, requiredText } from './fields';
import { obstacleInput } from './people';
import { ACTIVITIES, ACTIVITY_LABELS } from './worksites';

export const EVALUATION_LEVELS = ['non_evalue', 'non_acquis', 'en_cours', 'acquis', 'maitrise'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];
export const EVALUATION_LEVEL_LABELS: Record<EvaluationLevel, string> = {
  non_evalue: 'Non évalué',
  non_acquis: 'Non acquis',
  en_cours: 'En cours d’acquisition',
  acquis: 'Acquis',
  maitrise: 'Maîtrisé',
};

export const EVALUATION_MOMENTS = ['debut', 'mi_parcours', 'fin'] as const;
export type EvaluationMoment = (typeof EVALUATION_MOMENTS)[number];
export const EVALUATION_MOMENT_LABELS: Record<EvaluationMoment, string> = {
  debut: 'Début',
  mi_parcours: 'Mi-parcours',
  fin: 'Fin',
};

export const EVALUATORS = ['encadrant', 'participant'] as const;
export type Evaluator = (typeof EVALUATORS)[number];
export const EVALUATOR_LABELS: Record<Evaluator, string> = {
  encadrant: 'L’encadrant',
  participant: 'La personne (auto-évaluation)',
};

/** Savoir-être for everyone, then the savoir-faire of each activity support. */
export const GRID_SECTIONS = ['savoir_etre', ...ACTIVITIES] as const;
export type GridSection = (typeof GRID_SECTIONS)[number];
export const GRID_SECTION_LABELS: Record<GridSection, string> = {
  savoir_etre: 'Savoir-être',
  ...Object.fromEntries(ACTIVITIES.map((a) => [a, `Savoir-faire — ${ACTIVITY_LABELS[a]}`])),
} as Record<GridSection, string>;

export const criterion = z.object({
  id,
  section: z.enum(GRID_SECTIONS),
  label: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
});
export type Criterion = z.output<typeof criterion>;

export const criterionInput = z.object({
  section: z.enum(GRID_SECTIONS, { error: 'Choisissez la partie de la grille.' }),
  label: requiredText('Le libellé', 160),
  archived: z.boolean().default(false),
});
export type CriterionInput = z.input<typeof criterionInput>;

const itemInput = z.object({
  criterionId: id,
  level: z.enum(EVALUATION_LEVELS, {
    error: 'Choisissez un niveau : non évalué, non acquis, en cours d’acquisition, acquis ou maîtrisé.',
  }),
  comment: optionalText('Le commentaire', 500).default(''),
});

export const evaluationInput = z.object({
  moment: z.enum(EVALUATION_MOMENTS, { error: 'Choisissez le moment de l’évaluation (début, mi-parcours ou fin).' }),
  evaluator: z.enum(EVALUATORS, { error: 'Indiquez qui évalue : l’encadrant ou la personne.' }),
  evaluatedOn: isoDate('La date de l’évaluation'),
  items: z.array(itemInput).min(1, 'Évaluez au moins une ligne de la grille.').max(200),
});
export type EvaluationInput = z.input<typeof evaluationInput>;

export const evaluation = z.object({
  moment: z.enum(EVALUATION_MOMENTS),
  evaluator: z.enum(EVALUATORS),
  evaluatedOn: z.string(),
  authorName: z.string().nullable(),
  items: z.array(z.object({ criterionId: id, level: z.enum(EVALUATION_LEVELS), comment: z.string() })),
});
export type Evaluation = z.output<typeof evaluation>;

export const followedParticipation = z.object({
  id,
  personId: id,
  name: z.string(),
  worksiteId: id,
  worksiteName: z.string(),
  activity: z.enum(ACTIVITIES),
  startDate: z.string(),
  /** The last day (the early end when there is one). */
  end: z.string(),
});

export const evaluationSheet = z.object({
  participation: followedParticipation,
  /** The lines of this worksite's grid: savoir-être and its activity's savoir-faire (archived ones only where already evaluated). */
  criteria: z.array(criterion),
  evaluations: z.array(evaluation),
});
export type EvaluationSheet = z.output<typeof evaluationSheet>;

export const OBSERVATION_KINDS = ['frein_possible', 'incident', 'progres', 'autre'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export const OBSERVATION_KIND_LABELS: Record<ObservationKind, string> = {
  frein_possible: 'Frein possible',
  incident: 'Incident',
  progres: 'Progrès remarqué',
  autre: 'Autre',
};

export const observationInput = z.object({
  observedOn: isoDate('La date de l’observation'),
  kind: z.enum(OBSERVATION_KINDS, { error: 'Choisissez le type d’observation.' }),
  text: requiredText('L’observation', 2000),
});
export type ObservationInput = z.input<typeof observationInput>;

export const observation = sensitive(
  'observations',
  z.object({
    id,
    observedOn: z.string(),
    kind: z.enum(OBSERVATION_KINDS),
    text: z.string(),
    authorName: z.string().nullable(),
    /** The frein the social worker recorded from it, once qualified. */
    obstacleId: id.nullable(),
  }),
);
export type Observation = z.output<typeof observation>;

/**
 * The kinds of health check. A VIP with occupational health ends with an
 * "attestation de suivi" (no aptitude opinion); a health check at a
 * health-insurance centre gives the person their own results, nothing to the
 * employer; reinforced follow-up gives an aptitude opinion.
 */
export const HEALTH_CHECK_KINDS = ['vip', 'bilan_sante', 'suivi_renforce'] as const;
export type HealthCheckKind = (typeof HEALTH_CHECK_KINDS)[number];
export const HEALTH_CHECK_KIND_LABELS: Record<HealthCheckKind, string> = {
  vip: 'Visite d’information et de prévention (santé au travail)',
  bilan_sante: 'Bilan de santé (centre d’examens de santé de l’Assurance Maladie)',
  suivi_renforce: 'Suivi individuel renforcé (santé au travail)',
};
/** What the employer receives after each kind, as the form asks it. */
export const HEALTH_CHECK_PAPER_LABELS: Record<HealthCheckKind, string> = {
  vip: 'Attestation de suivi reçue',
  bilan_sante: 'Attestation de passage reçue',
  suivi_renforce: 'Avis d’aptitude reçu',
};

export const healthCheckInput = z.object({
  kind: z.enum(HEALTH_CHECK_KINDS, { error: 'Choisissez le type de visite.' }),
  date: isoDate('La date de la visite'),
  paperReceived: z.boolean(),
  /** In plain, non-medical words ("pas de port de charges de plus de 10 kg"). */
  restrictions: optionalText('Les restrictions de travail', 500).default(''),
  inaptitude: z.boolean().default(false),
});
export type HealthCheckInput = z.input<typeof healthCheckInput>;
export const healthCheck = sensitive(
  'health',
  healthCheckInput.extend({ id, restrictions: z.string(), inaptitude: z.boolean() }),
);
export type HealthCheck = z.output<typeof healthCheck>;

const onParticipation = z.object({ participationId: id });

export const evaluationsMethods = {
  /** The whole evaluation grid, for the settings page. */
  'evaluations/grid': defineMethod({ input: noInput, output: z.array(criterion), tx: 'read', access: 'user' }),
  /** Adds a line to the grid, renames it or archives it (an archived line stays in past evaluations). */
  'evaluations/saveCriterion': defineMethod({
    input: z.object({ id: id.optional(), criterion: criterionInput }),
    output: z.array(criterion),
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
  /** The grid of a participation's worksite and its evaluations (supervisor's and the person's own). */
  'evaluations/get': defineMethod({ input: onParticipation, output: evaluationSheet, tx: 'read', access: 'user' }),
  /** Records (or corrects) one evaluation: one moment, one evaluator. */
  'evaluations/save': defineMethod({
    input: onParticipation.extend({ evaluation: evaluationInput }),
    output: evaluationSheet,
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
  /** Observations on the worksite; a supervisor sees only those he wrote. */
  'observations/list': defineMethod({
    input: onParticipation,
    output: z.array(observation),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'observations/add': defineMethod({
    input: onParticipation.extend({ observation: observationInput }),
    output: z.array(observation),
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
  /** The social worker turns an observation into a frein of the person. */
  'observations/qualify': defineMethod({
    input: z.object({ observationId: id, obstacle: obstacleInput }),
    output: z.array(observation),
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
  'healthChecks/list': defineMethod({
    input: onParticipation,
    output: z.array(healthCheck),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'healthChecks/save': defineMethod({
    input: onParticipation.extend({ id: id.optional(), check: healthCheckInput }),
    output: z.array(healthCheck),
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
};
