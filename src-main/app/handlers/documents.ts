import path from 'node:path';
import * as repo from '../../db/repositories/documents';
import { findParticipation } from '../../db/repositories/worksites';
import { findPerson } from '../../db/repositories/people';
import { safeFileName } from '../../domain/file-names';
import { PDF_CREATOR } from '../../documents/pdf-info';
import { readVerified } from '../../documents/store';
import { storeScan } from '../scan-store';
import {
  DOCUMENT_KIND_LABELS,
  type AttachmentRow,
  type DocumentKind,
  type DocumentRequest,
} from '../../shared/contract/documents';
import { DOCUMENT_KIND_INFO, type DocumentKindInfo } from '../../shared/contract/document-kinds';
import { journalNirDisclosure } from '../nir-exposure';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';
import { recordDocument, toRow } from '../read-models/document-record';
import { prepareDocument } from '../read-models/document-sources';
import { assertWorksiteInScope } from '../read-models/worksite-access';

function toAttachment(row: NonNullable<Awaited<ReturnType<typeof repo.findAttachment>>>): AttachmentRow {
  return {
    id: row.id,
    label: row.label,
    originalName: row.originalName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    personId: row.personId,
    worksiteId: row.worksiteId,
    participationId: row.participationId,
    weekOf: row.weekOf,
    authorName: row.authorName,
    createdAt: row.createdAt,
  };
}

/** A kind made by its own method (the person's data export) is not made here. */
function madeHere(request: DocumentRequest): DocumentRequest {
  const { madeBy }: DocumentKindInfo = DOCUMENT_KIND_INFO[request.kind];
  if (madeBy) {
    const where = madeBy === 'rgpd/exportPerson' ? '« Ses données (RGPD) »' : 'section « Immersions (PMSMP) »';
    throw new AppError('CONFLICT', `Ce document s’établit depuis la fiche de la personne, ${where}.`);
  }
  return request;
}

/** Reading again a stored document that discloses the NIR journals it, as its making did. */
function journalDisclosure(ctx: Pick<HandlerContext, 'record'>, row: { kind: DocumentKind; personId: number | null }) {
  const { madeBy }: DocumentKindInfo = DOCUMENT_KIND_INFO[row.kind];
  if (madeBy === 'rgpd/exportPerson' && row.personId !== null) journalNirDisclosure(ctx, [row.personId]);
}

export const documentsHandlers: HandlerMap<
  | 'documents/preview'
  | 'documents/generate'
  | 'documents/list'
  | 'documents/content'
  | 'documents/saveCopy'
  | 'documents/attach'
  | 'documents/attachmentContent'
  | 'documents/merge'
  | 'documents/search'
> = {
  'documents/preview': async (request, ctx) => {
    const prepared = await prepareDocument(ctx, madeHere(request), false);
    const pdf = await ctx.services.printer.print(prepared.html);
    return { pdfBase64: Buffer.from(pdf).toString('base64'), fileName: prepared.fileName };
  },

  'documents/generate': async (request, ctx) => {
    const asked = madeHere(request);
    const prepared = await prepareDocument(ctx, asked, true);
    return (await recordDocument(ctx, prepared, (within) => prepareDocument(ctx, asked, true, within))).row;
  },

  'documents/merge': async ({ documentIds, folder }, ctx) => {
    // pdf-lib only for a batch: loaded then, not at start.
    const { PDFDocument } = await import('pdf-lib');
    const merged = await PDFDocument.create();
    let fileName = 'Documents.pdf';
    let title = 'Documents';
    for (const documentId of documentIds) {
      const row = await ctx.read(({ db }) => repo.findDocument(db, documentId));
      if (!row) throw new AppError('NOT_FOUND', 'Un des documents à rassembler est introuvable.');
      const bytes = await readVerified(ctx.services.paths.documentsDir, row.storedFile, row.sha256);
      const source = await PDFDocument.load(bytes);
      for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
      if (documentIds.length === 1) [fileName, title] = [row.fileName, row.title];
      else if (row.worksiteName) {
        fileName = safeFileName(`${DOCUMENT_KIND_LABELS[row.kind]}_${row.worksiteName}_lot`, 'pdf');
        title = `${DOCUMENT_KIND_LABELS[row.kind]} — ${row.worksiteName} — lot de ${documentIds.length}`;
      }
      ctx.record(`document:${documentId}`);
      journalDisclosure(ctx, row);
    }
    merged.setTitle(title, { showInWindowTitleBar: true });
    merged.setCreator(PDF_CREATOR);
    merged.setProducer(PDF_CREATOR);
    const bytes = await merged.save();
    const written = folder ? await ctx.saveFile(folder, fileName, bytes) : null;
    return { pdfBase64: Buffer.from(bytes).toString('base64'), fileName, pages: merged.getPageCount(), path: written };
  },

  'documents/list': async ({ personId, worksiteId }, ctx) => {
    if (worksiteId !== undefined) await assertWorksiteInScope(ctx, worksiteId);
    const where = personId !== undefined ? { personId } : { worksiteId };
    return {
      documents: (await repo.listDocuments(ctx.db, where)).map(toRow),
      attachments: (await repo.listAttachments(ctx.db, where)).map(toAttachment),
      participations: personId === undefined ? [] : await repo.personParticipations(ctx.db, personId),
      lastFolder: ctx.session.user ? await repo.documentsFolder(ctx.db, ctx.session.user.id) : null,
    };
  },

  'documents/content': async ({ documentId }, ctx) => {
    const row = await ctx.read(({ db }) => repo.findDocument(db, documentId));
    if (!row) throw new AppError('NOT_FOUND', 'Ce document est introuvable.');
    const bytes = await readVerified(ctx.services.paths.documentsDir, row.storedFile, row.sha256);
    ctx.record(`document:${documentId}`);
    journalDisclosure(ctx, row);
    return { pdfBase64: bytes.toString('base64'), fileName: row.fileName, sha256: row.sha256 };
  },

  'documents/saveCopy': async ({ documentId, attachmentId, folder }, ctx) => {
    let bytes: Buffer;
    let fileName: string;
    if (documentId !== undefined) {
      const row = await ctx.read(({ db }) => repo.findDocument(db, documentId));
      if (!row) throw new AppError('NOT_FOUND', 'Ce document est introuvable.');
      bytes = await readVerified(ctx.services.paths.documentsDir, row.storedFile, row.sha256);
      fileName = row.fileName;
      ctx.record(`document:${documentId}`);
      journalDisclosure(ctx, row);
    } else {
      const row = await ctx.read(({ db }) => repo.findAttachment(db, attachmentId!));
      if (!row) throw new AppError('NOT_FOUND', 'Cette pièce jointe est introuvable.');
      bytes = await readVerified(ctx.services.paths.attachmentsDir, row.storedFile, row.sha256);
      fileName = safeFileName(path.parse(row.originalName).name, path.extname(row.storedFile).slice(1));
      ctx.record(`attachment:${attachmentId}`);
    }
    const written = await ctx.saveFile(folder, fileName, bytes);
    const userId = ctx.session.user?.id;
    // A copy sent to a client PC went to no folder of this one: none is remembered.
    if (userId !== undefined && !ctx.fromClientPc)
      await ctx.transaction((db) => repo.rememberDocumentsFolder(db, userId, folder));
    return { path: written };
  },

  'documents/attach': async ({ target, path: source, file, label }, ctx) => {
    const scan = await storeScan({ path: source, file }, ctx.services.paths.attachmentsDir, 'path');
    try {
      const row = await ctx.transaction(async (db) => {
        const participation =
          target.participationId !== undefined ? await findParticipation(db, target.participationId) : undefined;
        if (target.participationId !== undefined && !participation)
          throw new AppError('NOT_FOUND', 'Ce contrat est introuvable.');
        const worksiteId = target.worksiteId ?? participation?.worksiteId;
        if (worksiteId !== undefined) await assertWorksiteInScope({ ...ctx, db }, worksiteId);
        const personId = target.personId ?? participation?.personId ?? null;
        if (personId !== null && !(await findPerson(db, personId, { kind: 'all', userId: null }))) {
          throw new AppError('NOT_FOUND', 'Cette personne est introuvable.');
        }
        const id = await repo.insertAttachment(db, {
          personId,
          worksiteId: worksiteId ?? null,
          participationId: target.participationId ?? null,
          weekOf: target.weekOf ?? null,
          label,
          originalName: scan.originalName,
          storedFile: scan.storedFile,
          mediaType: scan.mediaType,
          sha256: scan.sha256,
          size: scan.size,
          authorId: ctx.session.user?.id ?? null,
          createdAt: ctx.now,
        });
        ctx.record(`attachment:${id}`);
        return (await repo.findAttachment(db, id))!;
      });
      return toAttachment(row);
    } catch (error) {
      await scan.discard();
      throw error;
    }
  },

  'documents/search': async ({ text, worksiteId, kind, from, to, page }, ctx) => {
    const PAGE = 50;
    const { rows, total } = await repo.searchDocuments(
      ctx.db,
      { text, worksiteId, kind, from, to },
      PAGE,
      (page - 1) * PAGE,
    );
    const attachments =
      page === 1 && kind === null ? await repo.searchAttachments(ctx.db, { text, worksiteId, from, to }, PAGE) : [];
    return {
      documents: rows.map(toRow),
      attachments: attachments.map((a) => ({
        ...toAttachment(a),
        personName: a.personName,
        worksiteName: a.worksiteName,
      })),
      total,
    };
  },

  'documents/attachmentContent': async ({ attachmentId }, ctx) => {
    const row = await ctx.read(({ db }) => repo.findAttachment(db, attachmentId));
    if (!row) throw new AppError('NOT_FOUND', 'Cette pièce jointe est introuvable.');
    const bytes = await readVerified(ctx.services.paths.attachmentsDir, row.storedFile, row.sha256);
    ctx.record(`attachment:${attachmentId}`);
    return { base64: bytes.toString('base64'), mediaType: row.mediaType, fileName: row.originalName };
  },
};
