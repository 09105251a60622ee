/**
 * The migrator on both engines (issue 28, item 2): one set of migration
 * files, the same schema on SQLite and PostgreSQL, each migration one
 * transaction (a failing one leaves nothing), a newer schema refused with a
 * French message and left untouched.
 */
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src-main/db/migrations';
import { openDatabase, readUserVersion } from '../../src-main/db/open';
import { openPostgres, postgresKysely, readSchemaVersion } from '../../src-main/db/open-postgres';
import type { EngineKind } from '../../src-main/db/engine';
import { AppError } from '../../src-main/shared/errors';
import { engines, freshPostgres } from './support/postgres';
import { tempDir } from './support/services';

/** One database, opened as many times as a test wants, its version and tables read from outside the app. */
interface Target {
  open(migrations: readonly Migration[]): Promise<{ db: Kysely<any>; close(): Promise<void> }>;
  version(): Promise<number>;
  columns(): Promise<Record<string, string[]>>;
}

async function target(kind: EngineKind): Promise<Target> {
  if (kind === 'sqlite') {
    const dir = tempDir();
    const file = path.join(dir, 'passerelle.sqlite');
    return {
      open: (migrations) => openDatabase(file, { backupDir: path.join(dir, 'sauvegardes'), migrations }),
      version: async () => readUserVersion(file),
      columns: async () => {
        const raw = new SqliteDatabase(file, { readonly: true });
        try {
          const tables = raw
            .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
            .all() as { name: string }[];
          return Object.fromEntries(
            tables.map(({ name }) => [
              name,
              (raw.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name).sort(),
            ]),
          );
        } finally {
          raw.close();
        }
      },
    };
  }
  const connection = await freshPostgres('empty');
  const outside = async <T>(use: (db: Kysely<any>) => Promise<T>) => {
    const { db } = postgresKysely(connection);
    try {
      return await use(db);
    } finally {
      await db.destroy();
    }
  };
  return {
    open: (migrations) => openPostgres(connection, { migrations }),
    version: () => outside(readSchemaVersion),
    columns: () =>
      outside(async (db) => {
        const { rows } = await sql<{ table: string; column: string }>`
          select table_name as "table", column_name as "column" from information_schema.columns
          where table_schema = 'public' and table_name <> 'passerelle_schema' order by table_name, column_name`.execute(
          db,
        );
        const tables: Record<string, string[]> = {};
        for (const r of rows) (tables[r.table] ??= []).push(r.column);
        return tables;
      }),
  };
}

const first = MIGRATIONS.slice(0, 1);
const addNotes: Migration = {
  version: 2,
  name: 'test-notes',
  up: async (db) => {
    await db.schema.alterTable('employers').addColumn('notes', 'text').execute();
  },
};
const failing: Migration = {
  version: 2,
  name: 'test-failing',
  up: async (db) => {
    await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
    await db.schema.alterTable('employers').addColumn('notes', 'text').execute();
    await db
      .insertInto('wage_rates')
      .values({ effective_from: '2026-01-01', hourly_cents: 1, created_at: 'x' })
      .execute();
    throw new Error('échec voulu');
  },
};

describe('the migrated schema', () => {
  it.runIf(engines().includes('postgres'))('has the same tables and columns on SQLite and PostgreSQL', async () => {
    const shapes: Record<string, string[]>[] = [];
    for (const kind of ['sqlite', 'postgres'] as const) {
      const t = await target(kind);
      await (await t.open(MIGRATIONS)).close();
      expect(await t.version()).toBe(LATEST_VERSION);
      shapes.push(await t.columns());
    }
    expect(Object.keys(shapes[0]!).length).toBeGreaterThan(40);
    expect(shapes[1]).toEqual(shapes[0]);
  });
});

describe.each(engines())('the migrator on %s', (kind) => {
  it('runs each pending migration once, in order, and nothing on the next opening', async () => {
    const t = await target(kind);
    let runs = 0;
    const counted: Migration = { ...addNotes, up: async (db) => ((runs += 1), addNotes.up(db)) };
    await (await t.open(first)).close();
    expect(await t.version()).toBe(1);
    await (await t.open([...first, counted])).close();
    await (await t.open([...first, counted])).close();
    expect(runs).toBe(1);
    expect(await t.version()).toBe(2);
    expect((await t.columns()).employers).toContain('notes');
  });

  it('rolls a failing migration back whole: no table, no column, no row, the version unchanged', async () => {
    const t = await target(kind);
    await (await t.open(first)).close();
    const before = await t.columns();
    await expect(t.open([...first, failing])).rejects.toThrow('échec voulu');
    expect(await t.version()).toBe(1);
    expect(await t.columns()).toEqual(before);
    const reopened = await t.open(first);
    const rates = await reopened.db.selectFrom('wageRates').selectAll().execute();
    await reopened.close();
    expect(rates).toEqual([]);
  });

  it('refuses a database a newer Passerelle migrated, in French, and leaves it as it was', async () => {
    const t = await target(kind);
    await (await t.open([...first, addNotes])).close();
    const before = await t.columns();
    const refusal = await t.open(first).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('DATABASE_TOO_NEW');
    expect((refusal as AppError).message).toMatch(/version plus récente de Passerelle/);
    expect(await t.version()).toBe(2);
    expect(await t.columns()).toEqual(before);
  });
});

describe.runIf(engines().includes('postgres'))('the migrator on postgres, several PCs at once', () => {
  it('migrates once when three PCs open the same new database together', async () => {
    const connection = await freshPostgres('empty');
    const opened = await Promise.all([1, 2, 3].map(() => openPostgres(connection)));
    const { db } = opened[0]!;
    expect(await readSchemaVersion(db)).toBe(LATEST_VERSION);
    const journalState = await db.selectFrom('journalState').selectAll().execute();
    expect(journalState).toHaveLength(1);
    await Promise.all(opened.map((o) => o.close()));
  });
});
