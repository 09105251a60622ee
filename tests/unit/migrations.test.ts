import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, LATEST_VERSION, type Migration } from '../../src-main/db/migrations';
import { openDatabase, readUserVersion } from '../../src-main/db/open';
import { AppError } from '../../src-main/shared/errors';
import { tempDir } from './support/services';

const fixtures = path.resolve(__dirname, '../fixtures/db');

function sha256(file: string) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function open(file: string, migrations: readonly Migration[] = MIGRATIONS) {
  return openDatabase(file, { backupDir: path.join(path.dirname(file), 'sauvegardes'), migrations });
}

function schemaOf(file: string): string {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const rows = db
      .prepare("select sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type, name")
      .all() as { sql: string }[];
    return rows.map((r) => `${r.sql};`).join('\n\n') + '\n';
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('creates a fresh database at the latest version with durable pragmas', async () => {
    const file = path.join(tempDir(), 'passerelle.sqlite');
    const opened = await open(file);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.migrationBackup).toBeNull();
    await opened.close();
  });

  it('matches the committed schema snapshot (an accidental schema change fails here)', async () => {
    const file = path.join(tempDir(), 'passerelle.sqlite');
    await (await open(file)).close();
    await expect(schemaOf(file)).toMatchFileSnapshot('../fixtures/db/schema.sql');
  });

  it('folds French accents in search through fr_fold', async () => {
    const opened = await open(path.join(tempDir(), 'passerelle.sqlite'));
    const row = opened.sqlite
      .prepare("select fr_fold('Élodie') as a, fr_fold('LEFÈVRE') as b, fr_fold('N’Diaye') as c, fr_fold('Œuvre') as d")
      .get();
    expect(row).toEqual({ a: 'elodie', b: 'lefevre', c: "n'diaye", d: 'oeuvre' });
    await opened.close();
  });

  it('upgrades an older database after a verified backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'passerelle.sqlite');
    const first = MIGRATIONS.slice(0, 1);
    const second: Migration = {
      version: first[0]!.version + 1,
      name: 'test-add-column',
      up: async (db: Kysely<any>) => {
        await db.schema.alterTable('employers').addColumn('notes', 'text').execute();
      },
    };
    const v1 = await open(file, first);
    await v1.db.insertInto('wageRates' as never).values({ effectiveFrom: '2026-01-01', hourlyCents: 1202, createdAt: 'x' } as never).execute();
    await v1.close();

    const upgraded = await open(file, [...first, second]);
    expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(second.version);
    expect(upgraded.migrationBackup).not.toBeNull();
    expect(readUserVersion(upgraded.migrationBackup!)).toBe(first[0]!.version);
    const backup = new SqliteDatabase(upgraded.migrationBackup!, { readonly: true });
    expect(backup.prepare('select hourly_cents from wage_rates').get()).toEqual({ hourly_cents: 1202 });
    backup.close();
    await upgraded.close();
  });

  it('leaves schema and user_version unchanged when a migration fails', async () => {
    const file = path.join(tempDir(), 'passerelle.sqlite');
    await (await open(file)).close();
    const before = schemaOf(file);
    const failing: Migration = {
      version: LATEST_VERSION + 1,
      name: 'fails-halfway',
      up: async (db) => {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`select * from table_that_does_not_exist`.execute(db);
      },
    };
    await expect(open(file, [...MIGRATIONS, failing])).rejects.toThrow();
    expect(readUserVersion(file)).toBe(LATEST_VERSION);
    expect(schemaOf(file)).toBe(before);
  });

  it('refuses a database from a newer version and leaves it byte-identical', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'passerelle.sqlite');
    const future = new SqliteDatabase(file);
    future.exec('create table future_things (id integer primary key); pragma user_version = 999;');
    future.close();
    const hash = sha256(file);
    const error = await open(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_TOO_NEW');
    expect(sha256(file)).toBe(hash);
    expect(readdirSync(dir)).toEqual(['passerelle.sqlite']);
  });

  it('says in French that an unreadable file is unreadable', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'passerelle.sqlite');
    writeFileSync(file, 'ceci n’est pas une base de données'.repeat(40));
    await expect(open(file)).rejects.toMatchObject({ code: 'FILE_ERROR' });
  });

  it('opens every committed database made by an earlier version', async () => {
    // One file per released schema version: v1.sqlite, v2.sqlite… each upgraded to the latest here.
    const committed = readdirSync(fixtures).filter((f) => /^v\d+\.sqlite$/.test(f));
    expect(committed.length).toBeGreaterThan(0);
    for (const name of committed) {
      const file = path.join(tempDir(), name);
      copyFileSync(path.join(fixtures, name), file);
      const opened = await open(file);
      expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const structure = await opened.db.selectFrom('structure').select(['name', 'idleLockMinutes', 'openSaturday']).executeTakeFirst();
      // Migration 13: a structure that existed before stays closed on Saturdays.
      expect(structure).toEqual({ name: 'CCAS de Kerbrénou', idleLockMinutes: 10, openSaturday: 0 });
      expect(await opened.db.selectFrom('employers').select('name').execute()).toHaveLength(2);
      // Migration 16: no transmission withdrawn yet.
      expect(await opened.db.selectFrom('payrollWithdrawals').selectAll().execute()).toEqual([]);
      // Migration 18: employers keep no logo until one is chosen; funders have no document details yet.
      expect(await opened.db.selectFrom('employers').select('logoFile').execute()).toEqual([{ logoFile: null }, { logoFile: null }]);
      expect(await opened.db.selectFrom('funders').selectAll().execute()).toEqual([]);
      await opened.close();
      expect(existsSync(file)).toBe(true);
    }
  });
});
