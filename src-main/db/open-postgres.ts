/**
 * Opening a Passerelle database on a PostgreSQL server (issue 28): the same
 * Kysely `Database`, the same migrations as SQLite (db/migrations, made
 * engine-aware by the helpers of db/engine.ts), through `pg` and Kysely's
 * PostgreSQL dialect.
 *
 * The schema version, SQLite's `user_version`, is the one row of
 * `passerelle_schema`. Migrations run one transaction each, version bump
 * included, under an advisory lock: two PCs starting the
 * new version at once migrate one after the other, the second finding
 * nothing left to do. A schema newer than this version is refused before
 * anything is written.
 */
import { CamelCasePlugin, CompiledQuery, Kysely, PostgresDialect, sql, type DatabaseConnection } from 'kysely';
import pg from 'pg';
import { AppError } from '../shared/errors';
import path from 'node:path';
import { installPostgresFunctions, journalKeySettings, type Engine } from './engine';
import { DATA_ENTRY, exportPostgres, importIntoPostgres } from './logical';
import { migrateStaging, postgresToSqliteFile } from './staging';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import type { Database } from './schema';

export interface PostgresConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** TLS: required by default for a server on the network (false only for a server on this machine or in tests). */
  ssl?: boolean | { rejectUnauthorized: boolean; ca?: string };
  /** Connections kept open at most (10 by default). */
  max?: number;
}

export interface OpenedPostgres {
  db: Kysely<Database>;
  engine: Engine;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Any lock key of our own: "Passerelle" on 8 bytes, the migrations' turn. */
const MIGRATION_LOCK = 0x50617373_65726c6cn;

/** The type OIDs of PostgreSQL's 8-byte integer and arbitrary-precision number (pg_type). */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * `pg` hands 8-byte integers (count(*), sum() of integers) and numerics
 * (sum() of 8-byte integers, avg()) as strings, since they may not fit a
 * JavaScript number. Passerelle's counts, ids and cents all do; one that
 * would not is an error rather than a silently rounded figure.
 */
function parseWhole(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && !Number.isSafeInteger(value))
    throw new AppError('INTERNAL', `Un nombre de la base dépasse la précision gérée (${text.length} chiffres).`);
  return value;
}

export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return parseWhole;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * The journal's key for the connections of one pool: each connection is given
 * the key's pads (`journalKeySettings`) when it is reserved and does not have
 * the current key yet; the key itself stays in memory, as on SQLite.
 */
function journalKeyHolder() {
  let settings: { ipad: string; opad: string } | null = null;
  const given = new WeakMap<object, { ipad: string; opad: string }>();
  return {
    use: (key: Buffer) => {
      settings = journalKeySettings(key);
    },
    onReserveConnection: async (connection: DatabaseConnection) => {
      if (!settings || given.get(connection) === settings) return;
      await connection.executeQuery(
        CompiledQuery.raw(
          "select set_config('passerelle.journal_ipad', $1, false), set_config('passerelle.journal_opad', $2, false)",
          [settings.ipad, settings.opad],
        ),
      );
      given.set(connection, settings);
    },
  };
}

export function postgresKysely(connection: PostgresConnection): {
  db: Kysely<Database>;
  pool: pg.Pool;
  useJournalKey(key: Buffer): void;
} {
  const pool = new pg.Pool({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: connection.ssl ?? true,
    max: connection.max ?? 10,
    types: pgTypes,
    application_name: 'Passerelle',
  });
  // An idle connection the server closes (a restart, a network cut) reports here: without a listener Node
  // would end the whole app. The pool drops it; the next query opens a new one, or fails with its own error.
  pool.on('error', () => undefined);
  // The pool listens only to its idle connections: a connection in use (a transaction under way) that the
  // server drops emits its 'error' with no listener, which would end the app too. Its query already fails with
  // the same error (reported as DATABASE_UNREACHABLE by dispatch); the pool throws it away when released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const journalKey = journalKeyHolder();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool, onReserveConnection: journalKey.onReserveConnection }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, pool, useJournalKey: journalKey.use };
}

/** The schema version of a Passerelle database on PostgreSQL (0: none yet, an empty database). */
export async function readSchemaVersion(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ present: string | null }>`select to_regclass('passerelle_schema') as present`.execute(
    db,
  );
  if (!rows[0]?.present) return 0;
  const version = await sql<{ version: number }>`select version from passerelle_schema where id = 1`.execute(db);
  return version.rows[0]?.version ?? 0;
}

/**
 * Runs the pending migrations, one transaction each, the version bump in it.
 * Refuses (DATABASE_TOO_NEW) a database a newer Passerelle migrated, before
 * writing anything.
 */
export async function migratePostgres(db: Kysely<any>, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const latest = migrations.at(-1)?.version ?? LATEST_VERSION;
  if ((await readSchemaVersion(db)) > latest) throw new AppError('DATABASE_TOO_NEW');
  // One connection holds the lock for the whole run. Taken before each transaction begins, not inside it:
  // a transaction caches the catalog as it stood when it began, so one that waited for the lock inside
  // would not see the tables the PC before it just made.
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK.toString())}::bigint)`.execute(connection);
    try {
      for (const migration of migrations) {
        await connection.transaction().execute(async (trx) => {
          const version = await readSchemaVersion(trx);
          if (version > latest) throw new AppError('DATABASE_TOO_NEW');
          if (version >= migration.version) return;
          await sql`create table if not exists passerelle_schema (
            id integer primary key check (id = 1), version integer not null)`.execute(trx);
          await migration.up(trx);
          // Bumped in the same transaction: a failed migration leaves no trace.
          await sql`insert into passerelle_schema (id, version) values (1, ${migration.version})
            on conflict (id) do update set version = excluded.version`.execute(trx);
        });
      }
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK.toString())}::bigint)`.execute(connection);
    }
  });
}

function postgresEngine(db: Kysely<Database>, useJournalKey: (key: Buffer) => void): Engine {
  return {
    kind: 'postgres',
    file: '',
    compact: async (tables) => {
      // VACUUM FULL rewrites each table into new files and gives the old ones back to the system: the
      // erased rows' bytes leave the table's own files. It cannot run in a transaction: here it runs on the pool.
      if (tables.length === 0) return;
      const names = tables.map((t) => sql.id(t.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
      await sql`vacuum full ${sql.join(names)}`.execute(db.withoutPlugins());
    },
    snapshotTo: async (target) => {
      await postgresToSqliteFile(db, target, await readSchemaVersion(db));
    },
    backupSource: async (workDir) => {
      const dataFile = path.join(workDir, DATA_ENTRY);
      return { dataFile, facts: await exportPostgres(db, dataFile, await readSchemaVersion(db)) };
    },
    replaceData: async (staging) => {
      await migrateStaging(staging);
      await importIntoPostgres(db, staging, await readSchemaVersion(db));
    },
    useJournalKey,
  };
}

export async function openPostgres(
  connection: PostgresConnection,
  options: {
    migrations?: readonly Migration[];
    /**
     * Given when this PC has already worked on this database: an empty one then is refused with this error
     * rather than given new, empty tables (a database dropped and made again for a restore not finished yet).
     */
    refuseEmpty?: () => AppError;
  } = {},
): Promise<OpenedPostgres> {
  const { db, pool, useJournalKey } = postgresKysely(connection);
  const close = () => db.destroy();
  try {
    if (options.refuseEmpty && (await readSchemaVersion(db)) === 0) throw options.refuseEmpty();
    await migratePostgres(db, options.migrations);
    await installPostgresFunctions(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, engine: postgresEngine(db, useJournalKey), pool, close };
}
