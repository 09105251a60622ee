/**
 * A database of its own on the run's PostgreSQL server (tests/postgres/), for
 * the file that asks: created on first use, dropped when the file ends.
 * `engines()` lists the engines a data-layer test runs on: both, or SQLite
 * alone when the run has no server (PASSERELLE_TEST_POSTGRES=off).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { afterAll, inject } from 'vitest';
import type { Engine, EngineKind } from '../../../src-main/db/engine';
import type { Migration } from '../../../src-main/db/migrations';
import { openDatabase } from '../../../src-main/db/open';
import { openPostgres, type PostgresConnection } from '../../../src-main/db/open-postgres';
import type { Database } from '../../../src-main/db/schema';
import { tempDir } from './services';

const created: string[] = [];

function admin(): pg.Client {
  const server = inject('postgres');
  if (!server) throw new Error('No PostgreSQL server in this run (PASSERELLE_TEST_POSTGRES=off).');
  return new pg.Client({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    database: 'postgres',
  });
}

afterAll(async () => {
  if (created.length === 0) return;
  const client = admin();
  await client.connect();
  try {
    for (const name of created.splice(0)) await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
  // A file that made a few dozen databases (the backup tests: one per PC restored on) takes more than the default 10 s to drop them on a loaded machine.
}, 120_000);

/** The engine `testServices` opens: SQLite, or PostgreSQL when PASSERELLE_TEST_ENGINE=postgres. */
export function testEngine(): EngineKind {
  return process.env.PASSERELLE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The engines data-layer tests run on in this run. */
export function engines(): EngineKind[] {
  return inject('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * A new database on the run's server, dropped at the end of the file: a copy
 * of the migrated template (the latest schema, no rows), or empty.
 */
export async function freshPostgres(from: 'migrated' | 'empty' = 'migrated'): Promise<PostgresConnection> {
  const name = `passerelle_test_${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(5).toString('hex')}`;
  const client = admin();
  await client.connect();
  try {
    const template = from === 'migrated' ? inject('postgres')!.template : 'template0';
    await client.query(`create database "${name}" template "${template}" encoding 'UTF8'`);
  } finally {
    await client.end();
  }
  created.push(name);
  const { host, port, user, password } = inject('postgres')!;
  return { host, port, user, password, database: name, ssl: false, max: 4 };
}

export interface TestDatabase {
  kind: EngineKind;
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

/** A migrated database on `kind`: a file in a temporary folder, or a fresh database on the run's server. */
export async function openTestDatabase(kind: EngineKind, migrations?: readonly Migration[]): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = tempDir();
    const opened = await openDatabase(path.join(dir, 'passerelle.sqlite'), {
      backupDir: path.join(dir, 'sauvegardes'),
      migrations,
    });
    return { kind, db: opened.db, engine: opened.engine, close: opened.close };
  }
  const opened = await openPostgres(await freshPostgres(migrations ? 'empty' : 'migrated'), { migrations });
  return { kind, db: opened.db, engine: opened.engine, close: opened.close };
}

/**
 * The run's server as a town's server looks to Passerelle: `localhost` (its
 * certificate's name), TLS on with a self-signed certificate, and the
 * superuser's SQL to create the roles and databases a test needs. Roles are
 * the server's, shared by every file: name them with `uniqueName`.
 */
export interface RunServer {
  host: 'localhost';
  port: number;
  /** Runs SQL as the superuser on `database`. */
  sql(database: string, text: string): Promise<void>;
  /** Puts `line` first in pg_hba.conf (the first matching line decides) and reloads. */
  preferHbaLine(line: string): Promise<void>;
}

export function runServer(): RunServer {
  const server = inject('postgres');
  if (!server) throw new Error('No PostgreSQL server in this run (PASSERELLE_TEST_POSTGRES=off).');
  const sql = async (database: string, text: string) => {
    const client = new pg.Client({ ...superuser(), database });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    host: 'localhost',
    port: server.port,
    sql,
    preferHbaLine: async (line) => {
      const hba = path.join(server.dataDir, 'pg_hba.conf');
      writeFileSync(hba, `${line}\n${readFileSync(hba, 'utf8')}`);
      await sql('postgres', 'select pg_reload_conf()');
    },
  };
}

function superuser() {
  const { host, port, user, password } = inject('postgres')!;
  return { host, port, user, password };
}

/** A role or database name of this file's own on the shared server (lower case, a PostgreSQL name). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** A port on this machine where nothing listens. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
