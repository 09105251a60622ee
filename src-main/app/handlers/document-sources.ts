import * as repo from '../../db/repositories/documents';
import { findParticipation, listSessions } from '../../db/repositories/worksites';
import { countedUntil, documentGuard, resolveGuard, type DocumentGuardFacts } from '../../domain/document-guards';
import { documentFileName, safeFileName } from '../../domain/file-names';
import { collectParticipationData } from '../../documents/collect';
import { collectWorksiteData } from '../../documents/collect-worksite';
import type { ParticipationDocumentData, WorksiteDocumentData } from '../../documents/data';
import { renderDocument, renderWorksiteDocument } from '../../documents/render';
import { DOCUMENT_KIND_LABELS, DOCUMENT_PREFIXES, type DocumentKind, type DocumentRequest } from '../../shared/contract/documents';
import { ANNEX_KIND_LABELS, HALF_DAY_LABELS, type ANNEX_KINDS } from '../../shared/contract/worksites';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { de } from '../../shared/french';
import { minutesToTime } from '../../shared/time';
import type { HandlerContext } from '../handler';
import { hoursSummaries } from '../hours';
import { bilanOf, worksiteBilanOf } from './bilans';
import { load } from './worksite-view';

const FILE_LABELS: Record<DocumentKind, string> = {
  contrat_travail: 'Contrat',
  mise_a_disposition: 'Mise_a_disposition',
  convocation: 'Convocation',
  attestation_presence: 'Attestation_presence',
  certificat_travail: 'Certificat_travail',
  planning_personne: 'Agenda',
  bilan_individuel: 'Bilan',
  attestation_competences: 'Attestation_competences',
  feuille_emargement: 'Emargement',
  planning_chantier: 'Planning',
  bilan_chantier: 'Bilan_chantier',
};

/**
 * The guard of `document-guards.ts`, enforced: a refusal is a CONFLICT with
 * its French reason; `field: 'draft'` tells the screen a draft may be asked for instead.
 */
function guarded(kind: DocumentKind, facts: DocumentGuardFacts, draftAsked: boolean): 'valid' | 'draft' {
  const resolved = resolveGuard(documentGuard(kind, facts), draftAsked);
  if ('refused' in resolved) {
    throw new AppError('CONFLICT', resolved.draftPossible ? `${resolved.refused} Vous pouvez en établir un projet, marqué « non valable ».` : resolved.refused, resolved.draftPossible ? { field: 'draft' } : undefined);
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
  worksiteId: number;
  participationId: number | null;
  weekOf: string | null;
}

/** The snapshot keeps the data, not the logos' bytes (the logo files are kept on their own). */
function snapshotOf(data: ParticipationDocumentData | WorksiteDocumentData): string {
  return JSON.stringify(data, (key, value: unknown) => (key === 'logo' && typeof value === 'string' ? 'logo' : value));
}

/** The attestation's figures and the personal agenda, from the same hours as the screens. */
async function participationExtras(ctx: HandlerContext, kind: DocumentKind, participationId: number, data: Pick<ParticipationDocumentData, 'lastDay'>) {
  const { db, today } = ctx;
  const participation = (await findParticipation(db, participationId))!;
  // The bilan's figures and words, as the bilan screen shows them (never the psychologist's notes: the bilans feature does not read them).
  if (kind === 'bilan_individuel' || kind === 'attestation_competences') return { bilan: await bilanOf(ctx, participationId) };
  if (kind === 'attestation_presence') {
    const summary = (
      await hoursSummaries(db, today, [
        { id: participationId, personId: participation.personId, name: '', worksiteId: participation.worksiteId, worksiteName: '', startDate: participation.startDate, end: data.lastDay, weeklyMinutes: participation.weeklyMinutes },
      ])
    ).get(participationId)!;
    const recorded = (await db.selectFrom('attendance').select('sessionId').where('participationId', '=', participationId).executeTakeFirst()) !== undefined;
    return { presence: { planned: summary.planned, worked: summary.worked, attended: summary.attended, held: summary.held, recorded } };
  }
  if (kind === 'planning_personne') {
    const sessions = (await listSessions(db, participation.worksiteId)).filter((s) => s.date >= participation.startDate && s.date <= data.lastDay);
    const annexes = await db.selectFrom('annexTimes').selectAll().where('participationId', '=', participationId).execute();
    const agenda = [
      ...sessions.map((s) => ({
        date: s.date,
        start: minutesToTime(s.startMinutes),
        end: minutesToTime(s.endMinutes),
        label: `${HALF_DAY_LABELS[s.halfDay as 'morning' | 'afternoon']} de chantier${s.cancelledReason ? ' — annulée' : ''}`,
        cancelled: s.cancelledReason !== null,
      })),
      // The person's own agenda names their appointments in full.
      ...annexes.map((a) => ({
        date: a.date,
        start: minutesToTime(a.startMinutes),
        end: minutesToTime(a.endMinutes),
        label: ANNEX_KIND_LABELS[a.kind as (typeof ANNEX_KINDS)[number]],
        cancelled: false,
      })),
    ].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
    return { agenda };
  }
  return {};
}

/**
 * Reads everything a document needs in one read transaction (the worksite
 * must be within reach) and renders it; a number is taken only when
 * `numbered` (a preview has none). Not `ctx.transaction`: the journal entry
 * belongs with the registry line written after printing.
 */
export async function prepareDocument(ctx: HandlerContext, request: DocumentRequest, numbered: boolean): Promise<PreparedDocument> {
  return ctx.services.db.transaction().execute(async (db) => {
    const year = ctx.today.slice(0, 4);
    const numberOf = (subject: repo.DocumentSubject) =>
      numbered ? repo.nextNumber(db, request.kind, DOCUMENT_PREFIXES[request.kind], year, subject) : Promise.resolve({ number: 'APERÇU', version: 0 });
    const label = DOCUMENT_KIND_LABELS[request.kind];

    if ('participationId' in request) {
      const participation = await findParticipation(db, request.participationId);
      if (!participation) throw new AppError('NOT_FOUND', 'Ce contrat est introuvable.');
      await load({ ...ctx, db }, participation.worksiteId);
      const { personId, worksiteId, ...collected } = await collectParticipationData(db, request.kind, request.participationId, ctx.services.paths.filesDir);
      const extras = await participationExtras({ ...ctx, db }, request.kind, request.participationId, collected);
      const print = guarded(
        request.kind,
        {
          today: ctx.today,
          lastDay: collected.lastDay,
          firstHalfDay: collected.firstSession?.date ?? null,
          workedMinutes: extras.presence?.worked ?? extras.bilan?.attendance.workedMinutes ?? 0,
          attendanceRecorded: extras.presence?.recorded ?? false,
        },
        request.draft === true,
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
      const atTheEnd: DocumentKind[] = ['certificat_travail', 'attestation_presence', 'bilan_individuel', 'attestation_competences'];
      const date = atTheEnd.includes(request.kind) ? data.lastDay : data.contract.startDate;
      return {
        kind: request.kind,
        html: renderDocument(data, ctx.services.fontsDir),
        number: data.number,
        version: data.version,
        title: `${data.draft ? DRAFT_TITLE : ''}${label} ${de(`${data.person.firstNames} ${data.person.lastName}`)}`,
        fileName: documentFileName(`${data.draft ? 'Projet_' : ''}${FILE_LABELS[request.kind]}`, data.person.lastName, data.person.firstNames, date),
        snapshot: snapshotOf(data),
        personId,
        worksiteId,
        participationId: request.participationId,
        weekOf: null,
      };
    }

    const worksite = await load({ ...ctx, db }, request.worksiteId);
    const weekOf = request.kind === 'feuille_emargement' ? request.weekOf : null;
    const collected = await collectWorksiteData(db, request.kind, request.worksiteId, weekOf, ctx.services.paths.filesDir);
    const extras = request.kind === 'bilan_chantier' ? { bilan: await worksiteBilanOf({ ...ctx, db }, request.worksiteId) } : {};
    const firstHalfDay = (await listSessions(db, request.worksiteId)).filter((s) => s.cancelledReason === null).map((s) => s.date).sort()[0] ?? null;
    const asked = request.kind === 'bilan_chantier' ? request : { draft: false, named: false };
    const print = guarded(request.kind, { today: ctx.today, lastDay: collected.worksite.endDate, firstHalfDay, workedMinutes: 0, attendanceRecorded: false }, asked.draft === true);
    const data: WorksiteDocumentData = {
      ...collected,
      ...extras,
      ...(await numberOf({ worksiteId: request.worksiteId, weekOf: collected.weekOf })),
      issuedOn: ctx.today,
      ...(print === 'draft' ? { draft: true } : {}),
      ...(asked.named === true ? { named: true } : {}),
    };
    const when = data.weekOf ? ` — semaine du ${formatFrenchDate(data.weekOf)}` : data.named ? ' (version nominative, interne)' : '';
    return {
      kind: request.kind,
      html: renderWorksiteDocument(data, ctx.services.fontsDir),
      number: data.number,
      version: data.version,
      title: `${data.draft ? DRAFT_TITLE : ''}${label} — ${worksite.name}${when}`,
      fileName: safeFileName(`${data.draft ? 'Projet_' : ''}${FILE_LABELS[request.kind]}_${worksite.name}${data.weekOf ? `_${data.weekOf}` : data.named ? '_interne' : ''}`, 'pdf'),
      snapshot: snapshotOf(data),
      personId: null,
      worksiteId: request.worksiteId,
      participationId: null,
      weekOf: data.weekOf,
    };
  });
}
