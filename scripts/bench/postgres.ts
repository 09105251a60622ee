/**
 * The benchmark's PostgreSQL side: one embedded PostgreSQL 18 (the test
 * harness's server, tests/postgres/server.ts, but durable: fsync and
 * synchronous commits on, as a town's server runs), a Passerelle database
 * migrated by the app's own migrator, then filled with the very rows of the
 * SQLite bench file, table by table, so both engines answer on the same data.
 * Each PC of the load test gets its own copy of the data folder (keys and
 * journal head; the database is the server's).
 */
import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres, type PostgresConnection } from '../../src-main/db/open-postgres';
import { startServer, type PgServer } from '../../tests/postgres/server';

export interface BenchPostgres {
  server: PgServer;
  /** The loaded database: never written by the single-user measures. */
  connection: PostgresConnection;
  /** A new database, a copy of the loaded one (`create database … template`), for a run that writes. */
  copy(name: string): Promise<PostgresConnection>;
  /** A data folder for a PC working on the server: the bench folder's keys and journal head, no database file. */
  dataDir(): string;
  stop(): Promise<void>;
}

async function onAdmin<T>(server: PgServer, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...server, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table of the SQLite file, its rows inserted in the same-named PostgreSQL table (the columns both have). */
async function load(sqliteFile: string, target: PostgresConnection): Promise<Record<string, number>> {
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ ...target, ssl: false });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    const pgColumns = new Map<string, Set<string>>();
    for (const row of (
      await client.query<{ table_name: string; column_name: string }>(
        "select table_name, column_name from information_schema.columns where table_schema = 'public'",
      )
    ).rows) {
      if (!pgColumns.has(row.table_name)) pgColumns.set(row.table_name, new Set());
      pgColumns.get(row.table_name)!.add(row.column_name);
    }
    const tables = (
      sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((t) => pgColumns.has(t) && t !== 'passerelle_schema');
    const missing = [...pgColumns.keys()].filter((t) => t !== 'passerelle_schema' && !tables.includes(t));
    if (missing.length) throw new Error(`Tables absentes du fichier SQLite : ${missing.join(', ')}`);
    const issued = new Map(
      (sqlite.prepare('select name, seq from sqlite_sequence').all() as { name: string; seq: number }[]).map((r) => [
        r.name,
        r.seq,
      ]),
    );
    await client.query('begin');
    // Foreign keys and triggers wait: rows go in table by table, in no particular order, already consistent.
    await client.query('set local session_replication_role = replica');
    await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`);
    for (const table of tables) {
      const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[])
        .map((c) => c.name)
        .filter((c) => pgColumns.get(table)!.has(c));
      const perBatch = Math.max(1, Math.floor(30000 / columns.length));
      const rows = sqlite
        .prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}"`)
        .raw()
        .all() as unknown[][];
      counts[table] = rows.length;
      for (let start = 0; start < rows.length; start += perBatch) {
        const batch = rows.slice(start, start + perBatch);
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const marks = row.map((v) => {
            values.push(v);
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        await client.query(
          `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) overriding system value values ${tuples.join(', ')}`,
          values,
        );
      }
      // The identity goes on after the highest id ever given (SQLite's sqlite_sequence keeps deleted ones).
      const identity = columns.includes('id')
        ? await client.query<{ seq: string | null }>("select pg_get_serial_sequence($1, 'id') as seq", [
            `public.${table}`,
          ])
        : null;
      if (identity?.rows[0]?.seq) {
        await client.query(
          `select setval($1, greatest($2::bigint, (select coalesce(max(id), 0) from "${table}")) + 1, false)`,
          [identity.rows[0].seq, issued.get(table) ?? 0],
        );
      }
    }
    await client.query('commit');
    await client.query('analyze');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
  return counts;
}

export async function startBenchPostgres(benchDir: string): Promise<BenchPostgres> {
  const started = Date.now();
  const { server, stop } = await startServer({ durable: true });
  const folders: string[] = [];
  try {
    const connection: PostgresConnection = { ...server, database: 'passerelle_bench', ssl: false, max: 10 };
    await onAdmin(server, (c) => c.query("create database passerelle_bench template template0 encoding 'UTF8'"));
    // The app's migrator makes the schema, as on a town's server.
    await (await openPostgres(connection)).close();
    const counts = await load(path.join(benchDir, 'passerelle.sqlite'), connection);
    console.log(
      `PostgreSQL ${server.port} chargé en ${((Date.now() - started) / 1000).toFixed(1)} s (${Object.values(counts).reduce((a, b) => a + b, 0)} lignes, ${Object.keys(counts).length} tables)`,
    );
    return {
      server,
      connection,
      copy: async (name) => {
        await onAdmin(server, (c) => c.query(`create database "${name}" template passerelle_bench encoding 'UTF8'`));
        return { ...connection, database: name };
      },
      dataDir: () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-pg-'));
        folders.push(dir);
        cpSync(path.join(benchDir, 'cles'), path.join(dir, 'cles'), { recursive: true });
        cpSync(path.join(benchDir, 'journal-tete.json'), path.join(dir, 'journal-tete.json'));
        mkdirSync(path.join(dir, 'fichiers'), { recursive: true });
        return dir;
      },
      stop: async () => {
        for (const dir of folders) rmSync(dir, { recursive: true, force: true });
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
