/**
 * The end-of-worksite reviews: the individual bilan (with the attestation de
 * compétences drawn from it) and the worksite's collective bilan for funders
 * and partners. The figures come from the records; the words are typed here.
 */
import { z } from 'zod';
import { personName, sensitive } from './personal';
import { defineMethod } from './define';
import { id, optionalText } from './fields';
import { EVALUATION_LEVELS, followedParticipation, GRID_SECTIONS } from './evaluations';
import { OBSTACLE_KINDS, OUTCOME_CATEGORIES } from './journey-lists';
import { ACTIVITIES, WORKSITE_KINDS } from './worksites';

export const ORIENTATIONS = ['emploi', 'formation', 'aci_siae', 'accompagnement_social', 'soins', 'autre'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const ORIENTATION_LABELS: Record<Orientation, string> = {
  emploi: 'Emploi',
  formation: 'Formation',
  aci_siae: 'ACI ou autre structure d’insertion (SIAE)',
  accompagnement_social: 'Poursuite de l’accompagnement social',
  soins: 'Soins',
  autre: 'Autre',
};

export const bilanInput = z.object({
  /** What the person says of the worksite, in their words. */
  participantWords: optionalText('Les mots de la personne', 3000).default(''),
  teamAssessment: optionalText('L’appréciation de l’équipe', 3000).default(''),
  orientation: z.enum(ORIENTATIONS, { error: 'Choisissez l’orientation proposée.' }).nullable(),
  nextSteps: optionalText('Les prochaines étapes', 2000).default(''),
  referentToInform: optionalText('Le référent social à informer', 200).default(''),
  /** The activities really done, for the attestation de compétences. */
  activitiesDone: optionalText('Les activités réalisées', 2000).default(''),
});
export type BilanInput = z.input<typeof bilanInput>;

const level = z.enum(EVALUATION_LEVELS).nullable();

export const attendanceFigures = z.object({
  /** Half-days held (not cancelled) up to today, and those with a mark of presence. */
  held: z.number().int(),
  attended: z.number().int(),
  plannedMinutes: z.number().int(),
  workedMinutes: z.number().int(),
  paidMinutes: z.number().int(),
});
export type AttendanceFigures = z.output<typeof attendanceFigures>;

export const skillLine = z.object({
  criterionId: id,
  section: z.enum(GRID_SECTIONS),
  label: z.string(),
  /** The supervisor's first and last evaluated levels, and the person's own last one. */
  start: level,
  end: level,
  self: level,
  comment: z.string(),
});
export type SkillLine = z.output<typeof skillLine>;

export const bilan = sensitive(
  'social',
  z.object({
    participation: followedParticipation,
    attendance: attendanceFigures,
    skills: z.array(skillLine),
    obstacles: z.array(
      z.object({ kind: z.enum(OBSTACLE_KINDS), identifiedOn: z.string(), resolvedOn: z.string().nullable() }),
    ),
    form: bilanInput.extend({ orientation: z.enum(ORIENTATIONS).nullable() }),
    updatedAt: z.string().nullable(),
  }),
);
export type Bilan = z.output<typeof bilan>;

export const worksiteBilanInput = z.object({
  production: optionalText('Ce qui a été réalisé pour le client', 3000).default(''),
  incidents: optionalText('Les incidents', 3000).default(''),
  comments: optionalText('Le commentaire', 3000).default(''),
});
export type WorksiteBilanInput = z.input<typeof worksiteBilanInput>;

export const worksiteBilan = sensitive(
  'social',
  z.object({
    worksite: z.object({
      id,
      name: z.string(),
      kind: z.enum(WORKSITE_KINDS),
      activity: z.enum(ACTIVITIES),
      startDate: z.string(),
      endDate: z.string(),
      clientName: z.string().nullable(),
    }),
    participants: z.array(
      z.object({
        participationId: id,
        name: personName,
        attendance: attendanceFigures,
        orientation: z.enum(ORIENTATIONS).nullable(),
        outcome: z.object({ category: z.enum(OUTCOME_CATEGORIES), afterThreeMonths: z.string() }).nullable(),
      }),
    ),
    /** Incidents noted by the supervisor (their count; their words stay in the records). */
    incidentsNoted: z.number().int(),
    form: worksiteBilanInput,
  }),
);
export type WorksiteBilan = z.output<typeof worksiteBilan>;

const onParticipation = z.object({ participationId: id });
const onWorksite = z.object({ worksiteId: id });

export const bilansMethods = {
  'bilans/get': defineMethod({ input: onParticipation, output: bilan, tx: 'read', access: 'user', audit: 'read' }),
  'bilans/save': defineMethod({
    input: onParticipation.extend({ bilan: bilanInput }),
    output: bilan,
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
  'bilans/worksite': defineMethod({
    input: onWorksite,
    output: worksiteBilan,
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  'bilans/saveWorksite': defineMethod({
    input: onWorksite.extend({ bilan: worksiteBilanInput }),
    output: worksiteBilan,
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
};
