import * as repo from '../../db/repositories/documents';
import { findParticipation, listSessions } from '../../db/repositories/worksites';
import { countedUntil, resolveGuard, type DocumentGuard } from '../../domain/document-guards';
import { documentFileName, safeFileName } from '../../domain/file-names';
import type { ParticipationDocumentData, PersonDocumentData, WorksiteDocumentData } from '../../documents/data';
import { DOCUMENT_REGISTRY } from '../../documents/kinds';
import { collectParticipationData, collectPerson, structurePartyOf } from '../../documents/collect';
import { renderDocument, renderPersonDocument, renderWorksiteDocument } from '../../documents/render';
import { optionsOf, type DocumentKind, type DocumentRequest } from '../../shared/contract/documents';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { de } from '../../shared/french';
import type { HandlerContext, NoneContext, ReadContext } from '../handler';
import { assertWorksiteInScope } from './worksite-access';

/**
 * The guard of `document-guards.ts`, enforced: a refusal is a CONFLICT with
 * its French reason; `field: 'draft'` tells the screen a draft may be asked for instead.
 */
function guarded(guard: DocumentGuard, draftAsked: boolean): 'valid' | 'draft' {
  const resolved = resolveGuard(guard, draftAsked);
  if ('refused' in resolved) {
    throw new AppError(
      'CONFLICT',
      resolved.draftPossible
        ? `${resolved.refused} Vous pouvez en établir un projet, marqué « non valable ».`
        : resolved.refused,
      resolved.draftPossible ? { field: 'draft' } : undefined,
    );
  }
  return resolved.print;
}

const DRAFT_TITLE = 'Projet (non valable) — ';

/** A document ready to print: its HTML, what it is about, its names and the data kept as its snapshot. */
export interface PreparedDocument {
  kind: DocumentKind;
  html: string;
  number: string;
  version: number;
  title: string;
  fileName: string;
  snapshot: string;
  personId: number | null;
  worksiteId: number | null;
  participationId: number | null;
  weekOf: string | null;
}

/** The snapshot keeps the data, not the logos' bytes (the logo files are kept on their own). */
function snapshotOf(data: ParticipationDocumentData | WorksiteDocumentData | PersonDocumentData): string {
  return JSON.stringify(data, (key, value: unknown) => (key === 'logo' && typeof value === 'string' ? 'logo' : value));
}

/**
 * Reads everything a document needs in one read transaction (the worksite
 * must be within reach) and renders it; a number is taken only when
 * `numbered` (a preview has none). Called by `none` methods, before printing.
 * Not `ctx.transaction`: the journal entry belongs with the registry line
 * written after printing.
 */
export async function prepareDocument(
  ctx: NoneContext,
  request: DocumentRequest,
  numbered: boolean,
  /** The numbering transaction, when the number first taken went to another document meanwhile (document-record.ts). */
  within?: ReadContext,
): Promise<PreparedDocument> {
  const prepare = async (reading: ReadContext): Promise<PreparedDocument> => {
    const { db } = reading;
    const year = ctx.today.slice(0, 4);
    const numberOf = (subject: repo.DocumentSubject) =>
      numbered
        ? repo.nextNumber(db, request.kind, DOCUMENT_REGISTRY[request.kind].prefix, year, subject)
        : Promise.resolve({ number: 'APERÇU', version: 0 });
    const label = DOCUMENT_REGISTRY[request.kind].label;
    // The options its kind takes; the snapshot keeps them (as `draft`, `named`) for "Régénérer".
    const asked = optionsOf(request);

    if ('participationId' in request) {
      const kind = DOCUMENT_REGISTRY[request.kind];
      const participation = await findParticipation(db, request.participationId);
      if (!participation) throw new AppError('NOT_FOUND', 'Ce contrat est introuvable.');
      await assertWorksiteInScope(reading, participation.worksiteId);
      const { personId, worksiteId, ...collected } = await collectParticipationData(
        db,
        request.kind,
        request.participationId,
        ctx.services.paths.filesDir,
      );
      const extras = await kind.collect(reading, request.participationId, collected);
      const print = guarded(
        kind.guard({
          today: ctx.today,
          lastDay: collected.lastDay,
          firstHalfDay: collected.firstSession?.date ?? null,
          workedMinutes: extras.presence?.worked ?? extras.bilan?.attendance.workedMinutes ?? 0,
          attendanceRecorded: extras.presence?.recorded ?? false,
        }),
        asked.draft,
      );
      const data: ParticipationDocumentData = {
        ...collected,
        ...extras,
        ...(await numberOf({ participationId: request.participationId })),
        issuedOn: ctx.today,
        // A draft shows the planned period; a valid document only what has happened by today.
        countedUntil: print === 'draft' ? collected.lastDay : countedUntil(collected.lastDay, ctx.today),
        ...(print === 'draft' ? { draft: true } : {}),
      };
      const date = kind.datedBy === 'end' ? data.lastDay : data.contract.startDate;
      return {
        kind: request.kind,
        html: renderDocument(data, ctx.services.fontsDir),
        number: data.number,
        version: data.version,
        title: `${data.draft ? DRAFT_TITLE : ''}${label} ${de(`${data.person.firstNames} ${data.person.lastName}`)}`,
        fileName: documentFileName(
          `${data.draft ? 'Projet_' : ''}${kind.fileLabel}`,
          data.person.lastName,
          data.person.firstNames,
          date,
        ),
        snapshot: snapshotOf(data),
        personId,
        worksiteId,
        participationId: request.participationId,
        weekOf: null,
      };
    }

    if ('personId' in request) return preparePersonDocument(reading, request, numberOf, label);

    const kind = DOCUMENT_REGISTRY[request.kind];
    await assertWorksiteInScope(reading, request.worksiteId);
    const collected = await kind.collect(reading, request);
    const firstHalfDay =
      (await listSessions(db, request.worksiteId))
        .filter((s) => s.cancelledReason === null)
        .map((s) => s.date)
        .sort()[0] ?? null;
    const print = guarded(
      kind.guard({
        today: ctx.today,
        lastDay: collected.worksite.endDate,
        firstHalfDay,
        workedMinutes: 0,
        attendanceRecorded: false,
      }),
      asked.draft,
    );
    const data: WorksiteDocumentData = {
      ...collected,
      ...(await numberOf({ worksiteId: request.worksiteId, weekOf: collected.weekOf })),
      issuedOn: ctx.today,
      ...(print === 'draft' ? { draft: true } : {}),
      ...(asked.named ? { named: true } : {}),
    };
    const when = data.weekOf
      ? ` — semaine du ${formatFrenchDate(data.weekOf)}`
      : data.named
        ? ' (version nominative, interne)'
        : '';
    return {
      kind: request.kind,
      html: renderWorksiteDocument(data, ctx.services.fontsDir),
      number: data.number,
      version: data.version,
      title: `${data.draft ? DRAFT_TITLE : ''}${label} — ${collected.worksite.name}${when}`,
      fileName: safeFileName(
        `${data.draft ? 'Projet_' : ''}${kind.fileLabel}_${collected.worksite.name}${data.weekOf ? `_${data.weekOf}` : data.named ? '_interne' : ''}`,
        'pdf',
      ),
      snapshot: snapshotOf(data),
      personId: null,
      worksiteId: request.worksiteId,
      participationId: null,
      weekOf: data.weekOf,
    };
  };
  return within ? prepare(within) : ctx.read(prepare);
}

/** A document addressed to a person: the person must be within the caller's reach (`NOT_FOUND` otherwise, as everywhere). */
async function preparePersonDocument(
  ctx: HandlerContext,
  request: Extract<DocumentRequest, { personId: number }>,
  numberOf: (subject: repo.DocumentSubject) => Promise<{ number: string; version: number }>,
  label: string,
): Promise<PreparedDocument> {
  const kind = DOCUMENT_REGISTRY[request.kind];
  const person = await collectPerson(ctx, request.personId);
  const structure = await structurePartyOf(ctx.db, ctx.services.paths.filesDir);
  const held = await kind.collect(ctx, request.personId, { structure });
  guarded(
    kind.guard({
      today: ctx.today,
      lastDay: ctx.today,
      firstHalfDay: null,
      workedMinutes: 0,
      attendanceRecorded: false,
    }),
    false,
  );
  const data: PersonDocumentData = {
    kind: request.kind,
    ...(await numberOf({ personId: request.personId })),
    issuedOn: ctx.today,
    structure,
    person,
    ...held,
  };
  return {
    kind: request.kind,
    html: renderPersonDocument(data, ctx.services.fontsDir),
    number: data.number,
    version: data.version,
    title: `${label} — ${person.firstNames} ${person.lastName}`,
    fileName: documentFileName(kind.fileLabel, person.lastName, person.firstNames, ctx.today),
    snapshot: snapshotOf(data),
    personId: request.personId,
    worksiteId: null,
    participationId: null,
    weekOf: null,
  };
}
