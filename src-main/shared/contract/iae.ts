/**
 * IAE eligibility on a person (arrêté du 1er septembre 2021, L5132-3,
 * R5132-1-1 and following): the administrative criteria checked with their
 * proof, the result the rule computes (`domain/iae-eligibility.ts`), the
 * PASS IAE and its prolongations (R5132-1-8).
 */
import { z } from 'zod';
import { defineMethod } from './define';
import { ATTACHMENT_MEDIA_TYPES } from './documents';
import { uploadedFile } from './files';
import { id, isoDate, optionalText } from './fields';
import { sensitive } from './personal';
import { IAE_CRITERION_CODES, PROLONGATION_REASONS, SIAE_KINDS, normalizePassNumber } from '../iae-criteria';

const criterionCode = z.enum(IAE_CRITERION_CODES, { error: 'Choisissez un critère de la liste.' });

export const checkedCriterion = z.object({
  code: criterionCode,
  proofType: z.string(),
  proofDate: z.string(),
  validUntil: z.string().nullable(),
  /** The last day the proof counts (null: it does not expire). */
  lastDay: z.string().nullable(),
  /** Why it does not count on the reference date, or null when it counts. */
  notCounted: z.string().nullable(),
  attachmentId: id.nullable(),
  attachmentName: z.string().nullable(),
  authorName: z.string().nullable(),
  updatedAt: z.string(),
});

const prolongation = z.object({
  id,
  reason: z.enum(PROLONGATION_REASONS),
  startDate: z.string(),
  endDate: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
});

export const iaeEligibility = z.object({
  personId: id,
  criteria: z.array(checkedCriterion),
  result: z.object({
    eligible: z.boolean(),
    reason: z.string(),
    /** The date the proofs are judged on: the PASS IAE's start when there is one, today otherwise. */
    on: z.string(),
    required: z.number().int(),
    structureKind: z.enum(SIAE_KINDS),
  }),
  pass: z
    .object({
      number: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      /** The end once every prolongation counts. */
      currentEnd: z.string(),
      prolongations: z.array(prolongation),
      /** Ends within the warning delay (`PASS_WARNING_DAYS`). */
      endsSoon: z.boolean(),
    })
    .nullable(),
});
export type IaeEligibility = z.output<typeof iaeEligibility>;

export const passNumber = z
  .string({ error: 'Le numéro de PASS IAE est obligatoire.' })
  .trim()
  .refine(
    (v) => normalizePassNumber(v) !== null,
    'Le numéro de PASS IAE ou d’agrément compte 12 chiffres ou lettres (par exemple 99999 26 12345) : vérifiez-le.',
  );

export const iaeCriterionInput = z
  .object({
    code: criterionCode,
    proofType: z.string({ error: 'Choisissez le justificatif.' }).min(1, 'Choisissez le justificatif.'),
    proofDate: isoDate('La date du justificatif'),
    validUntil: isoDate('La date de fin de validité').nullable(),
  })
  .refine((c) => c.validUntil === null || c.validUntil >= c.proofDate, {
    path: ['validUntil'],
    message: 'La fin de validité ne peut pas précéder la date du justificatif.',
  });
export type IaeCriterionInput = z.output<typeof iaeCriterionInput>;

export const passIaeInput = z
  .object({
    number: passNumber,
    startDate: isoDate('La date de début du PASS IAE'),
    /** Null: two years, as the platform delivers it. */
    endDate: isoDate('La date de fin du PASS IAE').nullable(),
  })
  .refine((p) => p.endDate === null || p.endDate >= p.startDate, {
    path: ['endDate'],
    message: 'La date de fin du PASS IAE ne peut pas précéder sa date de début.',
  });

export const prolongationInput = z.object({
  reason: z.enum(PROLONGATION_REASONS, { error: 'Choisissez le motif de la prolongation.' }),
  endDate: isoDate('La nouvelle date de fin'),
  decidedOn: isoDate('La date de la décision'),
  /** The prescriber who decided (R5132-1-8 2°); empty when the structure decides (a CDI at 57, a training to finish). */
  decidedBy: optionalText('Le prescripteur', 200),
});

const output = sensitive('social', iaeEligibility);

export const iaeMethods = {
  'iae/get': defineMethod({ input: z.object({ personId: id }), output, tx: 'read', access: 'user', audit: 'read' }),
  /** Checks a criterion (or updates it) with its proof; the scan, when given, is kept with the person. */
  'iae/saveCriterion': defineMethod({
    /**
     * `path` (on main's PC) or `file` (sent by a client PC): the proof's scan to keep
     * with it (PDF, JPEG, PNG); neither keeps the one already there.
     */
    input: z
      .object({
        personId: id,
        criterion: iaeCriterionInput,
        path: optionalText('Le fichier', 1000).nullable(),
        file: uploadedFile('attachment').nullable().default(null),
      })
      .refine((q) => !(q.file !== null && q.path !== null && q.path !== ''), {
        path: ['path'],
        message: 'Choisissez un seul fichier.',
      }),
    output,
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
  /** The scan kept with a checked criterion, to look at it (journaled as a sensitive read). */
  'iae/proofContent': defineMethod({
    input: z.object({ personId: id, code: criterionCode }),
    output: z.object({
      base64: z.string(),
      mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
      fileName: z.string(),
    }),
    tx: 'none',
    access: 'user',
    audit: 'read',
  }),
  'iae/removeCriterion': defineMethod({
    input: z.object({ personId: id, code: criterionCode }),
    output,
    tx: 'write',
    access: 'user',
  }),
  'iae/savePass': defineMethod({
    input: z.object({ personId: id, pass: passIaeInput }),
    output,
    tx: 'write',
    access: 'user',
  }),
  'iae/addProlongation': defineMethod({
    input: z.object({ personId: id, prolongation: prolongationInput }),
    output,
    tx: 'write',
    access: 'user',
  }),
};
