/**
 * Opening the one SQLite database: refuse a newer database before touching it,
 * set the pragmas that make every commit durable, take a verified backup
 * before migrating, then run pending migrations one transaction each.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { AppError } from '../shared/errors';
import { foldForSearch } from '../shared/text';
import { sqliteEngine, type Engine } from './engine';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import type { Database } from './schema';
import { sqliteOptions } from './native-binding';

/**
 * Kysely prepares every query again on each call; the same SQL comes back all
 * the time (lists, searches, the journal), so the last prepared statements
 * are kept. SQLite re-prepares a kept statement by itself after a schema change.
 */
function cachingStatements(sqlite: SqliteDatabase.Database) {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else statement = sqlite.prepare(text);
      kept.set(text, statement);
      if (kept.size > 300) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** What is particular to SQLite, by name (db/engine.ts): what the rest of main uses. */
  engine: Engine;
  /** The raw handle, for db/ and the tests that play with the file itself. */
  sqlite: SqliteDatabase.Database;
  /** Path of the backup taken before migrating, if any. */
  migrationBackup: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where the pre-migration backup goes (the data folder's `backups/`). */
  backupDir: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

/** Reads `user_version` through a read-only connection, so a newer file stays byte-identical. */
export function readUserVersion(file: string): number {
  const probe = new SqliteDatabase(file, sqliteOptions({ readonly: true, fileMustExist: true }));
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

function unreadable(): AppError {
  return new AppError(
    'FILE_ERROR',
    "Le fichier de données de Passerelle est illisible. Restaurez une sauvegarde depuis l'écran Sauvegardes.",
  );
}

export async function openDatabase(file: string, options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? LATEST_VERSION;
  const existed = existsSync(file);

  let version = 0;
  if (existed) {
    try {
      version = readUserVersion(file);
    } catch {
      throw unreadable();
    }
    if (version > latest) throw new AppError('DATABASE_TOO_NEW');
  }

  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file, sqliteOptions());
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit reported to the user survives a power cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('trusted_schema = OFF');
    // Deleted and overwritten content is zeroed in the file: anonymised people leave no recoverable bytes.
    sqlite.pragma('secure_delete = ON');
    sqlite.function('fr_fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldForSearch(value) : value,
    );
  } catch {
    sqlite.close();
    throw unreadable();
  }
  // Every start: a quick check. A damaged file is left exactly as it is, for support; never repaired or deleted here.
  let healthy: boolean;
  try {
    healthy = !existed || sqlite.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    healthy = false;
  }
  if (!healthy) {
    sqlite.close();
    throw new AppError('DATABASE_DAMAGED');
  }

  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  const close = async () => {
    await db.destroy();
  };

  let migrationBackup: string | null = null;
  try {
    const pending = migrations.filter((m) => m.version > version);
    if (pending.length > 0 && existed && version > 0) {
      migrationBackup = await backupBeforeMigration(sqlite, options, version, latest);
    }
    for (const migration of pending) {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx);
        // Bumped in the same transaction: a failed migration leaves no trace.
        await sql.raw(`PRAGMA user_version = ${Number(migration.version)}`).execute(trx);
      });
    }
  } catch (error) {
    await close();
    throw error;
  }

  return { db, engine: sqliteEngine(sqlite), sqlite, migrationBackup, close };
}

async function backupBeforeMigration(
  sqlite: SqliteDatabase.Database,
  options: OpenOptions,
  from: number,
  to: number,
): Promise<string> {
  mkdirSync(options.backupDir, { recursive: true });
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const target = path.join(options.backupDir, `avant-mise-a-jour-v${from}-vers-v${to}-${stamp}.sqlite`);
  await sqlite.backup(target);
  const copy = new SqliteDatabase(target, sqliteOptions({ readonly: true, fileMustExist: true }));
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    const copiedVersion = copy.pragma('user_version', { simple: true });
    if (integrity !== 'ok' || copiedVersion !== from) {
      throw new AppError(
        'FILE_ERROR',
        "La sauvegarde faite avant la mise à jour des données n'a pas pu être vérifiée : la mise à jour n'a pas été faite.",
      );
    }
  } finally {
    copy.close();
  }
  return target;
}

export interface ReadOnlyDatabase {
  db: Kysely<Database>;
  close(): Promise<void>;
}

/** A database file that is not the app's (an unpacked backup), opened read-only for the repositories: nothing written, no migration. */
export function openReadOnly(file: string): ReadOnlyDatabase {
  const sqlite = new SqliteDatabase(file, sqliteOptions({ readonly: true, fileMustExist: true }));
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, close: () => db.destroy() };
}
