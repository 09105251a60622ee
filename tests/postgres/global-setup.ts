/**
 * Vitest globalSetup: one PostgreSQL server for the whole run, its address
 * given to every test file (`inject('postgres')`), stopped and deleted at the
 * end. Set PASSERELLE_TEST_POSTGRES=off to run SQLite-only without it.
 */
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migratePostgres, postgresKysely } from '../../src-main/db/open-postgres';
import { startServer, type PgServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's server, and the database every test copies (`create database … template`): migrated once. */
    postgres: (PgServer & { template: string }) | null;
  }
}

/** Migrating is most of a new database's cost: done once here, each test's database is a copy. */
async function migratedTemplate(server: PgServer): Promise<string> {
  const template = 'passerelle_template';
  const admin = new pg.Client({ ...server, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`create database ${template} template template0 encoding 'UTF8'`);
  } finally {
    await admin.end();
  }
  const { db } = postgresKysely({ ...server, database: template, ssl: false, max: 1 });
  try {
    await migratePostgres(db);
  } finally {
    await db.destroy();
  }
  return template;
}

export default async function setup(project: TestProject) {
  if (process.env.PASSERELLE_TEST_POSTGRES === 'off') {
    project.provide('postgres', null);
    return;
  }
  const started = Date.now();
  const { server, stop } = await startServer();
  if (process.env.PASSERELLE_TEST_POSTGRES_TIMING) console.log(`PostgreSQL started in ${Date.now() - started} ms`);
  try {
    project.provide('postgres', { ...server, template: await migratedTemplate(server) });
  } catch (error) {
    await stop();
    throw error;
  }
  if (process.env.PASSERELLE_TEST_POSTGRES_TIMING)
    console.log(`PostgreSQL ready (template migrated) in ${Date.now() - started} ms`);
  return stop;
}
