/**
 * A connection of the test's own to the app's database file: the app keeps
 * its raw SQLite handle inside src-main/db/, so a test that edits the file by
 * hand (as someone tampering with it would, with their own tool) or checks a
 * figure with hand-written SQL opens the file itself. WAL lets both
 * connections work side by side; this one closes when the test ends.
 */
import Database from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Services } from '../../../src-main/app/services';

const opened = new WeakMap<Services, Database.Database>();

export function sqliteFile(services: Services): Database.Database {
  let connection = opened.get(services);
  if (!connection?.open) {
    const own = new Database(services.paths.databaseFile, { fileMustExist: true });
    own.pragma('busy_timeout = 5000');
    own.pragma('foreign_keys = ON');
    opened.set(services, own);
    onTestFinished(() => {
      own.close();
      opened.delete(services);
    });
    connection = own;
  }
  return connection;
}

/**
 * Edits the app's data by hand, as someone with their own tool would: the
 * SQLite file through a connection of the test's own, or the PostgreSQL
 * database through plain SQL (the server's triggers are dropped with
 * `drop trigger … on <table>` there). Statements without parameters.
 */
export async function editByHand(services: Services, statements: { sqlite: string; postgres: string }) {
  if (services.engine.kind === 'sqlite') sqliteFile(services).exec(statements.sqlite);
  else await sql.raw(statements.postgres).execute(services.db);
}

/**
 * Every row of every table of a PostgreSQL database, as PostgreSQL writes a
 * row as text (bytes as hex): what a test looks for a secret in, where on
 * SQLite it reads the file's bytes.
 */
export async function everyRowAsText(services: Services): Promise<Buffer> {
  const { rows: tables } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(services.db.withoutPlugins());
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{ row: string }>`select cast(t as text) as row from ${sql.id(name)} as t`.execute(
      services.db.withoutPlugins(),
    );
    for (const { row } of rows) parts.push(row);
  }
  return Buffer.from(parts.join('\n'), 'utf8');
}

/**
 * The server's own files of a PostgreSQL database (its folder
 * under the server's data directory), once everything is written out
 * (CHECKPOINT): what a disk read would find. The write-ahead log (pg_wal) is
 * not among them: the server keeps it until it is recycled, see the notice.
 * Needs the test server's superuser.
 */
export async function postgresDatabaseFiles(db: Kysely<any>): Promise<string[]> {
  const raw = db.withoutPlugins();
  await sql`checkpoint`.execute(raw);
  const { rows } = await sql<{ dir: string; oid: number }>`
    select current_setting('data_directory') as dir, oid from pg_database where datname = current_database()`.execute(
    raw,
  );
  const folder = path.join(rows[0]!.dir, 'base', String(rows[0]!.oid));
  return readdirSync(folder).map((name) => path.join(folder, name));
}

/**
 * Edits and reads the journal by hand on either engine, as someone with their
 * own tool would: statements written for SQLite (`?` parameters, `drop
 * trigger <name>`), made PostgreSQL's (`$1`…, `drop trigger <name> on
 * journal`) when the services run there. Column aliases in double quotes.
 */
export function byHand(services: Services) {
  const postgres = services.engine.kind === 'postgres';
  const forPostgres = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`).replace(/drop trigger (\w+)/g, 'drop trigger $1 on journal');
  };
  const query = async <T>(text: string, params: unknown[]) =>
    (await services.db.withoutPlugins().executeQuery<T>(CompiledQuery.raw(forPostgres(text), params))).rows;
  return {
    exec: async (text: string) => {
      if (postgres) await sql.raw(forPostgres(text)).execute(services.db.withoutPlugins());
      else sqliteFile(services).exec(text);
    },
    all: async <T>(text: string, ...params: unknown[]): Promise<T[]> =>
      postgres
        ? query<T>(text, params)
        : (sqliteFile(services)
            .prepare(text)
            .all(...params) as T[]),
    run: async (text: string, ...params: unknown[]) => {
      if (postgres) await query(text, params);
      else
        sqliteFile(services)
          .prepare(text)
          .run(...params);
    },
  };
}
