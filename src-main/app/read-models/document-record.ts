import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { WritableDb } from '../../db/access';
import { serialise } from '../../db/locks';
import * as repo from '../../db/repositories/documents';
import { sha256, writeAtomically } from '../../documents/store';
import type { DocumentRow } from '../../shared/contract/documents';
import { AppError } from '../../shared/errors';
import type { NoneContext, ReadContext } from '../handler';
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

/** The number read before printing went to another document meanwhile (rolls the registry transaction back). */
class NumberTaken extends Error {}

/**
 * Prints a prepared document, keeps its bytes in the data folder and records
 * it (one registry line, journaled). For `none` methods. Printing and writing
 * the file happen outside any transaction; nothing is left half-written.
 *
 * Numbers have no gap and no duplicate, whoever prints at the same time
 * (several windows, several PCs on one PostgreSQL database, two processes on
 * one SQLite file): the number was read before printing, so the registry
 * transaction takes the numbering lock (db/locks.ts) and checks it is still
 * free before inserting the line. When another document took it meanwhile,
 * `again` prepares the document once more inside that transaction, holding
 * the lock, and it is printed again there: a second turn that cannot lose.
 * Each print is kept under a file name of its own (number, version and a
 * random part), so a turn that lost removes its own file, never the winner's.
 * `alsoWrite` writes what records the number elsewhere (an immersion's
 * convention number), in the same transaction.
 */
export async function recordDocument(
  ctx: NoneContext,
  first: PreparedDocument,
  again: (within: ReadContext) => Promise<PreparedDocument>,
  options: { alsoWrite?: (db: WritableDb, prepared: PreparedDocument) => Promise<void> } = {},
): Promise<{ row: DocumentRow; pdf: Uint8Array; prepared: PreparedDocument }> {
  let prepared = first;
  let pdf = await ctx.services.printer.print(prepared.html);
  for (const holding of [false, true]) {
    const files: string[] = [];
    const keep = async (): Promise<string> => {
      const storedFile = `${prepared.number}-v${prepared.version}-${randomBytes(4).toString('hex')}.pdf`;
      try {
        await writeAtomically(path.join(ctx.services.paths.documentsDir, storedFile), pdf);
      } catch {
        throw new AppError(
          'FILE_ERROR',
          'Le document n’a pas pu être enregistré dans le dossier des données. Vérifiez l’espace disque.',
        );
      }
      files.push(storedFile);
      return storedFile;
    };
    const remove = (kept: string | null) =>
      Promise.all(
        files
          .filter((f) => f !== kept)
          .map((f) => unlink(path.join(ctx.services.paths.documentsDir, f)).catch(() => undefined)),
      );
    let storedFile = holding ? '' : await keep();
    try {
      const row = await ctx.transaction(async (db, inTx) => {
        await serialise(db, 'document-numbers');
        if (holding) {
          prepared = await again(inTx);
          pdf = await ctx.services.printer.print(prepared.html);
          storedFile = await keep();
        } else if (await repo.numberIssued(db, prepared.number, prepared.version)) throw new NumberTaken();
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
          sha256: sha256(pdf),
          size: pdf.byteLength,
          snapshot: prepared.snapshot,
          authorId: ctx.session.user?.id ?? null,
          createdAt: ctx.now,
        });
        await options.alsoWrite?.(db, prepared);
        ctx.record(`document:${id}`);
        if (prepared.personId !== null) ctx.record(`person:${prepared.personId}`);
        else if (prepared.worksiteId !== null) ctx.record(`worksite:${prepared.worksiteId}`);
        return (await repo.findDocument(db, id))!;
      });
      // A transaction run again (db/locks.ts) printed again: only the committed line's file stays.
      await remove(storedFile);
      return { row: toRow(row), pdf, prepared };
    } catch (error) {
      // Nothing half-written: no registry line, no orphan file.
      await remove(null);
      if (!(error instanceof NumberTaken)) throw error;
    }
  }
  // The second turn holds the lock: it does not meet NumberTaken.
  throw new AppError('INTERNAL');
}
