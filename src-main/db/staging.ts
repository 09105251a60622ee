/**
 * A SQLite file made from a logical copy (db/logical.ts), on either engine:
 * what a restore checks (its journal) before the data is replaced, what
 * PostgreSQL then takes its rows from, and PostgreSQL's "pré-restauration"
 * copy.
 */
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../shared/errors';
import { exportBeside, exportPostgres, fillSqliteFile, readExport, type ExportFacts } from './logical';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { openDatabase } from './open';

/**
 * Makes `target` (which must not exist) from an export file: the schema of
 * the export's version, then its rows in one transaction. Left at that
 * version: the app's opening migrates it, as a restored SQLite file.
 */
export async function stageExport(exportFile: string, target: string): Promise<void> {
  // The whole file is read once before anything is made: a damaged export is refused here.
  const { schemaVersion } = readExport(exportFile);
  if (schemaVersion > LATEST_VERSION)
    throw new AppError(
      'DATABASE_TOO_NEW',
      'Cette sauvegarde vient d’une version plus récente de Passerelle : mettez Passerelle à jour pour la restaurer.',
    );
  const opened = await openDatabase(target, {
    backupDir: path.dirname(target),
    migrations: MIGRATIONS.filter((m) => m.version <= schemaVersion),
  });
  await opened.close();
  fillSqliteFile(exportFile, target);
}

/** Brings a staged (or unpacked) SQLite file to the latest schema; the copy taken before goes beside it. */
export async function migrateStaging(file: string): Promise<void> {
  const opened = await openDatabase(file, { backupDir: path.dirname(file) });
  await opened.close();
}

/**
 * A SQLite file holding what the PostgreSQL database holds now (its
 * "pré-restauration" copy): made under "<target>.tmp" beside it, renamed
 * once complete; what a stop mid-way leaves ends in ".tmp" and goes at the
 * next start (app/work-files.ts).
 */
export async function postgresToSqliteFile(
  db: Kysely<any>,
  target: string,
  schemaVersion: number,
): Promise<ExportFacts> {
  const data = exportBeside(target);
  const partial = `${target}.tmp`;
  const clear = () => {
    for (const file of [data, partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  };
  clear();
  try {
    const facts = await exportPostgres(db, data, schemaVersion);
    await stageExport(data, partial);
    renameSync(partial, target);
    return facts;
  } finally {
    clear();
  }
}
