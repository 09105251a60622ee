import { z } from 'zod';
import { defineMethod } from './define';
import { id, isoDate, requiredText } from './fields';
import { oneSource, UPLOAD_LIMITS, uploadedFile } from './files';
import { linkTarget } from './links';
import {
  DOCUMENT_KIND_INFO,
  DOCUMENT_KINDS,
  DOCUMENT_OPTIONS,
  PARTICIPATION_DOCUMENT_KINDS,
  PERSON_DOCUMENT_KINDS,
  WORKSITE_DOCUMENT_KINDS,
  type DocumentKindInfo,
  type DocumentOption,
  type ParticipationDocumentKind,
  type WorksiteDocumentKind,
} from './document-kinds';

export {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_PREFIXES,
  PARTICIPATION_DOCUMENT_KINDS,
  PERSON_DOCUMENT_KINDS,
  WORKSITE_DOCUMENT_KINDS,
  type DocumentKind,
  type ParticipationDocumentKind,
  type PersonDocumentKind,
  type WorksiteDocumentKind,
} from './document-kinds';

/** The documents a participation can have: a mise à disposition only where a portage employer (MESP) employs the person. */
export function documentKindsFor(worksiteKind: string): readonly ParticipationDocumentKind[] {
  return worksiteKind === 'mesp'
    ? PARTICIPATION_DOCUMENT_KINDS
    : PARTICIPATION_DOCUMENT_KINDS.filter((k) => k !== 'mise_a_disposition');
}

/** Scans: PDF, JPEG or PNG, at most 10 Mo. */
export const ATTACHMENT_MAX_BYTES = UPLOAD_LIMITS.attachment.bytes;

/** A piece of data the document needs and the record lacks, with the page where it is filled. */
export const missingField = z.object({ label: z.string(), link: linkTarget });
export type MissingField = z.output<typeof missingField>;

export const documentRow = z.object({
  id,
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  version: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  worksiteId: id.nullable(),
  worksiteName: z.string().nullable(),
  participationId: id.nullable(),
  weekOf: z.string().nullable(),
  sha256: z.string(),
  size: z.number().int(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  /** The options it was made with, asked again by "Régénérer". */
  options: z.record(z.enum(DOCUMENT_OPTIONS), z.boolean()),
});
export type DocumentRow = z.output<typeof documentRow>;

/** What an attached scan may be (read from its first bytes, `documents/store.ts`). */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export const attachmentRow = z.object({
  id,
  label: z.string(),
  originalName: z.string(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  personId: id.nullable(),
  worksiteId: id.nullable(),
  participationId: id.nullable(),
  weekOf: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type AttachmentRow = z.output<typeof attachmentRow>;

/**
 * The options a document may be asked with (`DOCUMENT_OPTIONS`): `draft`,
 * printed as "PROJET — non valable" for a document whose facts have not
 * happened yet; `named`, the worksite bilan's internal version naming each
 * participant (without it, counts only, for funders and clients). A kind
 * takes those its description lists and ignores the others.
 */
const optionFlags = { draft: z.boolean().optional(), named: z.boolean().optional() } satisfies Record<
  DocumentOption,
  z.ZodType
>;
const WEEKLY_KINDS = WORKSITE_DOCUMENT_KINDS.filter((k) => 'weekly' in DOCUMENT_KIND_INFO[k]) as ['feuille_emargement'];
const WHOLE_WORKSITE_KINDS = WORKSITE_DOCUMENT_KINDS.filter((k) => !('weekly' in DOCUMENT_KIND_INFO[k])) as [
  Exclude<WorksiteDocumentKind, 'feuille_emargement'>,
  ...Exclude<WorksiteDocumentKind, 'feuille_emargement'>[],
];

/** Which document, by what it belongs to (its kind's owner): a participation, a week of a worksite, a worksite, a person. */
export const documentRequest = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.enum(PARTICIPATION_DOCUMENT_KINDS), participationId: id, ...optionFlags }),
    z.object({ kind: z.enum(WEEKLY_KINDS), worksiteId: id, weekOf: isoDate('La semaine'), ...optionFlags }),
    z.object({ kind: z.enum(WHOLE_WORKSITE_KINDS), worksiteId: id, ...optionFlags }),
    z.object({ kind: z.enum(PERSON_DOCUMENT_KINDS), personId: id, ...optionFlags }),
  ],
  { error: 'Choisissez le document.' },
);
export type DocumentRequest = z.output<typeof documentRequest>;

/** The options a request asks for that its kind takes: what is kept with the document. */
export function optionsOf(request: DocumentRequest): Record<DocumentOption, boolean> {
  const taken: readonly DocumentOption[] = DOCUMENT_KIND_INFO[request.kind].options;
  return {
    draft: taken.includes('draft') && request.draft === true,
    named: taken.includes('named') && request.named === true,
  };
}

/** How to make a new version of a recorded document ("Régénérer"): the same subject, asked with the same options. */
export function requestOf(
  row: Pick<DocumentRow, 'kind' | 'participationId' | 'personId' | 'worksiteId' | 'weekOf' | 'options'>,
): DocumentRequest | null {
  const info: DocumentKindInfo = DOCUMENT_KIND_INFO[row.kind];
  if (info.madeBy) return null;
  const flags = Object.fromEntries(info.options.filter((o) => row.options[o]).map((o) => [o, true]));
  const subject =
    info.owner === 'participation'
      ? { participationId: row.participationId }
      : info.owner === 'person'
        ? { personId: row.personId }
        : { worksiteId: row.worksiteId, ...(info.weekly ? { weekOf: row.weekOf } : {}) };
  const parsed = documentRequest.safeParse({ kind: row.kind, ...subject, ...flags });
  return parsed.success ? parsed.data : null;
}

/** What a document is about: a person, a worksite, one participation (a contract), or a week of a worksite's attendance. */
export const attachmentTarget = z
  .object({
    personId: id.optional(),
    worksiteId: id.optional(),
    participationId: id.optional(),
    weekOf: isoDate('La semaine').optional(),
  })
  .refine((t) => t.personId !== undefined || t.worksiteId !== undefined || t.participationId !== undefined, {
    message: 'Indiquez à quoi se rattache la pièce jointe.',
  })
  .refine((t) => t.weekOf === undefined || t.worksiteId !== undefined, {
    path: ['weekOf'],
    message: 'Une semaine se rattache à un chantier.',
  });

const pdfContent = z.object({ pdfBase64: z.string(), fileName: z.string() });

export const documentsMethods = {
  /**
   * The PDF exactly as it would be generated, for the on-screen preview; nothing
   * is recorded. Refused with the list of missing data when some is lacking.
   */
  'documents/preview': defineMethod({ input: documentRequest, output: pdfContent, tx: 'none', access: 'user' }),
  /** Generates, stores and records a new version of the document. */
  'documents/generate': defineMethod({
    input: documentRequest,
    output: documentRow,
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** The documents and attachments of a person or of a worksite, newest first. */
  'documents/list': defineMethod({
    input: z
      .object({ personId: id.optional(), worksiteId: id.optional() })
      .refine((q) => (q.personId === undefined) !== (q.worksiteId === undefined), {
        message: 'Indiquez une personne ou un chantier.',
      }),
    output: z.object({
      documents: z.array(documentRow),
      attachments: z.array(attachmentRow),
      /** For a person: their participations, from which new documents are made. */
      participations: z.array(
        z.object({
          id,
          worksiteName: z.string(),
          worksiteKind: z.enum(['mesp', 'aci', 'autre']),
          startDate: z.string(),
        }),
      ),
      lastFolder: z.string().nullable(),
    }),
    tx: 'read',
    access: 'user',
  }),
  /** "Réimprimer": the stored bytes, exactly as generated, with their checked SHA-256. */
  'documents/content': defineMethod({
    input: z.object({ documentId: id }),
    output: pdfContent.extend({ sha256: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** A copy of a stored document or attachment, written into a folder the user chose (remembered for next time). */
  'documents/saveCopy': defineMethod({
    input: z
      .object({ documentId: id.optional(), attachmentId: id.optional(), folder: requiredText('Le dossier', 1000) })
      .refine((q) => (q.documentId === undefined) !== (q.attachmentId === undefined), {
        message: 'Indiquez le document à copier.',
      }),
    output: z.object({ path: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /**
   * Keeps a scan (PDF, JPEG, PNG; 10 Mo at most) with the record it belongs to:
   * `path` on main's PC (desktop app), or `file` sent by a client PC.
   */
  'documents/attach': defineMethod({
    input: z
      .object({
        target: attachmentTarget,
        path: requiredText('Le fichier', 1000).optional(),
        file: uploadedFile('attachment').optional(),
        label: requiredText('Le libellé', 200),
      })
      .refine(oneSource, { path: ['path'], message: 'Choisissez le fichier à joindre.' }),
    output: attachmentRow,
    tx: 'none',
    access: 'user',
  }),
  /** Stored documents merged into one PDF to print at once (a batch); a copy goes to `folder` when given. */
  'documents/merge': defineMethod({
    input: z.object({
      documentIds: z.array(id).min(1, 'Aucun document à rassembler.').max(200),
      folder: z.string().max(1000).nullable().default(null),
    }),
    output: pdfContent.extend({ pages: z.number().int(), path: z.string().nullable() }),
    tx: 'none',
    access: 'user',
    audit: 'export',
  }),
  /** Every generated document and attachment, by person, worksite, type and date, newest first. */
  'documents/search': defineMethod({
    input: z.object({
      text: z.string().max(100).default(''),
      worksiteId: id.nullable().default(null),
      kind: z.enum(DOCUMENT_KINDS).nullable().default(null),
      from: isoDate('La date de début').nullable().default(null),
      to: isoDate('La date de fin').nullable().default(null),
      page: z.number().int().min(1).default(1),
    }),
    output: z.object({
      documents: z.array(documentRow),
      attachments: z.array(
        attachmentRow.extend({ personName: z.string().nullable(), worksiteName: z.string().nullable() }),
      ),
      total: z.number().int(),
    }),
    tx: 'read',
    access: 'user',
  }),
  'documents/attachmentContent': defineMethod({
    input: z.object({ attachmentId: id }),
    output: z.object({ base64: z.string(), mediaType: attachmentRow.shape.mediaType, fileName: z.string() }),
    tx: 'none',
    access: 'user',
    audit: 'read',
  }),
};
