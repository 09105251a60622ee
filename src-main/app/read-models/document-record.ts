import { unlink } from 'node:fs/promises';
import path from 'node:path';
import * as repo from '../../db/repositories/documents';
import { sha256, writeAtomically } from '../../documents/store';
import type { DocumentRow } from '../../shared/contract/documents';
import { AppError } from '../../shared/errors';
import type { NoneContext } from '../handler';
import type { PreparedDocument } from './document-sources';

/** A registry line as the screens list it. */
export function toRow(row: NonNullable<Awaited<ReturnType<typeof repo.findDocument>>>): DocumentRow {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    version: row.version,
    title: row.title,
    fileName: row.fileName,
    personId: row.personId,
    personName: row.personName,
    worksiteId: row.worksiteId,
    worksiteName: row.worksiteName,
    participationId: row.participationId,
    weekOf: row.weekOf,
    sha256: row.sha256,
    size: row.size,
    authorName: row.authorName,
    createdAt: row.createdAt,
    options: repo.optionsOfRow(row.optionFlags),
  };
}

/**
 * Prints a prepared document, keeps its bytes in the data folder and records
 * it (one registry line, journaled). Printing and writing the file happen
 * outside any transaction; nothing is left half-written. For `none` methods.
 */
export async function recordDocument(
  ctx: NoneContext,
  prepared: PreparedDocument,
): Promise<{ row: DocumentRow; pdf: Uint8Array }> {
  const pdf = await ctx.services.printer.print(prepared.html);
  const hash = sha256(pdf);
  const storedFile = `${prepared.number}-v${prepared.version}.pdf`;
  const target = path.join(ctx.services.paths.documentsDir, storedFile);
  try {
    await writeAtomically(target, pdf);
  } catch {
    throw new AppError(
      'FILE_ERROR',
      'Le document n’a pas pu être enregistré dans le dossier des données. Vérifiez l’espace disque.',
    );
  }
  try {
    const { row } = await ctx.transaction(async (db) => {
      const id = await repo.insertDocument(db, {
        kind: prepared.kind,
        number: prepared.number,
        version: prepared.version,
        personId: prepared.personId,
        worksiteId: prepared.worksiteId,
        participationId: prepared.participationId,
        weekOf: prepared.weekOf,
        title: prepared.title,
        fileName: prepared.fileName,
        storedFile,
        sha256: hash,
        size: pdf.byteLength,
        snapshot: prepared.snapshot,
        authorId: ctx.session.user?.id ?? null,
        createdAt: ctx.now,
      });
      ctx.record(`document:${id}`);
      if (prepared.personId !== null) ctx.record(`person:${prepared.personId}`);
      else if (prepared.worksiteId !== null) ctx.record(`worksite:${prepared.worksiteId}`);
      return { id, row: (await repo.findDocument(db, id))! };
    });
    return { row: toRow(row), pdf };
  } catch (error) {
    // Nothing half-written: no registry line, no orphan file.
    await unlink(target).catch(() => undefined);
    throw error;
  }
}
