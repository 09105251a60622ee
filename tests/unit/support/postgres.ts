/**
 * A database of its own on the run's PostgreSQL server (tests/postgres/), for
 * the file that asks: created on first use, dropped when the file ends.
 * `engines()` lists the engines a data-layer test runs on: both, or SQLite
 * alone when the run has no server (PASSERELLE_TEST_POSTGRES=off).
 */
import { randomBytes } from 'node:crypto';
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
