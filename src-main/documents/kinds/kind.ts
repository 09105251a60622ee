/**
 * What a document kind is made of, beyond its description shared with the
 * screens (`shared/contract/document-kinds.ts`): the data it adds to what
 * every document of its owner has, the template that prints it, and the rule
 * deciding whether it may be issued today (`domain/document-guards.ts`).
 * One file per kind in this folder; `index.ts` lists them.
 */
import type { ReactElement } from 'react';
import type { HandlerContext } from '../../app/handler';
import type { DocumentGuard, DocumentGuardFacts } from '../../domain/document-guards';
import {
  DOCUMENT_KIND_INFO,
  type DocumentKindInfo,
  type ParticipationDocumentKind,
  type PersonDocumentKind,
  type WorksiteDocumentKind,
} from '../../shared/contract/document-kinds';
import type { DocumentRequest } from '../../shared/contract/documents';
import type { ParticipationDocumentData, PersonDocumentData, WorksiteDocumentData } from '../data';

interface KindParts<K> extends DocumentKindInfo {
  kind: K;
  guard: (facts: DocumentGuardFacts) => DocumentGuard;
}

/** What a participation's document adds to the contract, the person and the worksite every one of them carries. */
export type ParticipationExtras = Pick<ParticipationDocumentData, 'presence' | 'agenda' | 'bilan'>;

export interface ParticipationKind<
  K extends ParticipationDocumentKind = ParticipationDocumentKind,
> extends KindParts<K> {
  owner: 'participation';
  /** `ctx.db` is the transaction the document is read in. */
  collect: (ctx: HandlerContext, participationId: number, facts: { lastDay: string }) => Promise<ParticipationExtras>;
  template: (props: { d: ParticipationDocumentData }) => ReactElement;
  /** The date in the file name: the contract's first day, or its last day for what is made at its end. */
  datedBy: 'start' | 'end';
  /** A contract the parties initial page by page: a "Paraphes" box on every page (`documents/running-header.ts`). */
  initialled?: boolean;
}

export type WorksiteRequest = Extract<DocumentRequest, { worksiteId: number }>;
export type CollectedWorksite = Omit<WorksiteDocumentData, 'number' | 'version' | 'issuedOn'>;

export interface WorksiteKind<K extends WorksiteDocumentKind = WorksiteDocumentKind> extends KindParts<K> {
  owner: 'worksite';
  collect: (ctx: HandlerContext, request: WorksiteRequest) => Promise<CollectedWorksite>;
  template: (props: { d: WorksiteDocumentData }) => ReactElement;
  /** CSS added to the page: landscape, or a line on every page. */
  pageCss?: (d: WorksiteDocumentData) => string;
  /** Said first in the running header of pages 2 to N (e.g. that the document is internal). */
  headerNotice?: (d: WorksiteDocumentData) => string;
}

export interface PersonKind<K extends PersonDocumentKind = PersonDocumentKind> extends KindParts<K> {
  owner: 'person';
  collect: (
    ctx: HandlerContext,
    personId: number,
    base: Pick<PersonDocumentData, 'structure'>,
  ) => Promise<Pick<PersonDocumentData, 'held' | 'keptOnServer'>>;
  template: (props: { d: PersonDocumentData }) => ReactElement;
}

export type DocumentKindEntry = ParticipationKind | WorksiteKind | PersonKind;

export function participationKind<K extends ParticipationDocumentKind>(
  kind: K,
  parts: Omit<ParticipationKind<K>, 'kind' | keyof DocumentKindInfo>,
): ParticipationKind<K> {
  return { kind, ...DOCUMENT_KIND_INFO[kind], owner: 'participation', ...parts };
}

export function worksiteKind<K extends WorksiteDocumentKind>(
  kind: K,
  parts: Omit<WorksiteKind<K>, 'kind' | keyof DocumentKindInfo>,
): WorksiteKind<K> {
  return { kind, ...DOCUMENT_KIND_INFO[kind], owner: 'worksite', ...parts };
}

export function personKind<K extends PersonDocumentKind>(
  kind: K,
  parts: Omit<PersonKind<K>, 'kind' | keyof DocumentKindInfo>,
): PersonKind<K> {
  return { kind, ...DOCUMENT_KIND_INFO[kind], owner: 'person', ...parts };
}
