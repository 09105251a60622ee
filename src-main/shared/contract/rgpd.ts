/**
 * RGPD: retention reviews and anonymisation, the rights of the person (export
 * of their data, a log of their requests with the one-month deadline), the
 * information notice, the register entry and the impact-assessment material.
 */
import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { id, isoDate, optionalText, requiredText } from './fields';

export const retentionReview = z.object({
  personId: id,
  name: z.string(),
  /** The last day something happened in the file (parcours, attendance, documents, notes). */
  lastActivity: z.string(),
  reviewOn: z.string(),
  retentionUntil: z.string().nullable(),
  retentionReason: z.string(),
});
export type RetentionReview = z.output<typeof retentionReview>;

export const RIGHTS_KINDS = [
  'acces',
  'rectification',
  'effacement',
  'opposition',
  'limitation',
  'portabilite',
] as const;
export type RightsKind = (typeof RIGHTS_KINDS)[number];
export const RIGHTS_KIND_LABELS: Record<RightsKind, string> = {
  acces: 'Droit d’accès',
  rectification: 'Rectification',
  effacement: 'Effacement',
  opposition: 'Opposition',
  limitation: 'Limitation',
  portabilite: 'Portabilité',
};

export const rightsRequestInput = z.object({
  personId: id.nullable(),
  kind: z.enum(RIGHTS_KINDS, { error: 'Choisissez le droit exercé.' }),
  receivedOn: isoDate('La date de réception'),
  answeredOn: isoDate('La date de réponse').nullable(),
  notes: optionalText('Les notes', 2000).default(''),
});
export type RightsRequestInput = z.input<typeof rightsRequestInput>;

export const rightsRequest = z.object({
  id,
  personId: id.nullable(),
  personName: z.string().nullable(),
  kind: z.enum(RIGHTS_KINDS),
  receivedOn: z.string(),
  /** One month after reception (RGPD art. 12.3). */
  dueOn: z.string(),
  answeredOn: z.string().nullable(),
  notes: z.string(),
  late: z.boolean(),
});
export type RightsRequest = z.output<typeof rightsRequest>;

const pdf = z.object({ pdfBase64: z.string() });

export const rgpdMethods = {
  /** People whose file reached its review date (2 years without activity, or the end of an extension). */
  'rgpd/reviews': defineMethod({ input: noInput, output: z.array(retentionReview), tx: 'read', access: 'user' }),
  /** Keeps a file longer: until when, and why. */
  'rgpd/extend': defineMethod({
    input: z.object({
      personId: id,
      until: isoDate('La nouvelle date de revue'),
      reason: requiredText('La raison', 500),
    }),
    output: z.array(retentionReview),
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
  /** Anonymises people for good: identity, contact, free texts and their files go; figures stay. */
  'rgpd/anonymise': defineMethod({
    input: z.object({
      personIds: z.array(id).min(1, 'Choisissez au moins une personne.').max(500),
      confirm: z.literal(true, { error: 'Confirmez l’anonymisation : elle est définitive.' }),
    }),
    output: z.object({ anonymised: z.number().int() }),
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
  /** Everything held about a person: a PDF they can read and the same as JSON. */
  'rgpd/exportPerson': defineMethod({
    /** Without `folder` nor `keep`, a preview; otherwise numbered and kept with the person's documents (`keep`: to print it at once). */
    input: z.object({
      personId: id,
      folder: z.string().max(1000).nullable().default(null),
      keep: z.boolean().default(false),
    }),
    /** `paths`: where the PDF and the JSON were saved, when a folder was given. */
    output: z.object({ pdfBase64: z.string(), json: z.string(), fileStem: z.string(), paths: z.array(z.string()) }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  'rgpd/requests': defineMethod({ input: noInput, output: z.array(rightsRequest), tx: 'read', access: 'user' }),
  'rgpd/saveRequest': defineMethod({
    input: z.object({ id: id.optional(), request: rightsRequestInput }),
    output: z.array(rightsRequest),
    tx: 'write',
    access: 'user',
    audit: 'change',
  }),
  /** The information notice for beneficiaries, filled with the structure's details. */
  'rgpd/notice': defineMethod({ input: noInput, output: pdf, tx: 'none', access: 'user', audit: 'export' }),
  /** The register entry or the impact-assessment (AIPD) material, pre-filled. */
  'rgpd/register': defineMethod({
    input: z.object({ kind: z.enum(['registre', 'aipd']) }),
    output: pdf,
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
};
