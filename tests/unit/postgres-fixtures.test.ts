/**
 * Upgrades on PostgreSQL (issue 28, item 2): each committed dump of a
 * database made by an earlier version (tests/fixtures/db/pg-v<N>.sql, written
 * by scripts/make-pg-fixture.ts on PostgreSQL 15) is loaded into an empty
 * database of the run's server and opened by this version: it must end on
 * the latest schema, column for column the same as a database migrated from
 * nothing, with every row kept and the ids going on after the highest given.
 * The SQLite side is tests/unit/migrations.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { LATEST_VERSION } from '../../src-main/db/migrations';
import { openPostgres, postgresKysely, readSchemaVersion } from '../../src-main/db/open-postgres';
import type { PostgresConnection } from '../../src-main/db/open-postgres';
import { freshPostgres } from './support/postgres';
import { foldForSearch } from '../../src-main/shared/text';

const fixtures = path.resolve(__dirname, '../fixtures/db');
const dumps = readdirSync(fixtures)
  .filter((f) => /^pg-v\d+\.sql$/.test(f))
  .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));

/** Loads a plain-SQL dump as psql would, its psql-only lines (`\…`) aside: one simple query, all or nothing. */
async function load(connection: PostgresConnection, file: string): Promise<void> {
  const text = readFileSync(path.join(fixtures, file), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n');
  const client = new pg.Client(connection);
  await client.connect();
  try {
    await client.query(`begin;\n${text}\ncommit;`);
  } finally {
    await client.end();
  }
}

async function outside<T>(connection: PostgresConnection, use: (db: Kysely<any>) => Promise<T>): Promise<T> {
  const { db } = postgresKysely(connection);
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

/** Every table's columns with their type and nullability: what must match a database migrated from nothing. */
function shape(db: Kysely<any>) {
  return sql<{ table: string; column: string; type: string; nullable: string }>`
    select table_name as "table", column_name as "column", data_type as "type", is_nullable as "nullable"
    from information_schema.columns
    where table_schema = 'public'
    order by table_name, column_name`
    .execute(db)
    .then((r) => r.rows);
}

/** Each table's row count. */
async function counts(db: Kysely<any>): Promise<Record<string, number>> {
  const { rows } = await sql<{ table: string }>`
    select table_name as "table" from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const result: Record<string, number> = {};
  for (const { table } of rows) {
    const { rows: n } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    result[table] = Number(n[0]!.n);
  }
  return result;
}

describe.runIf(inject('postgres'))('PostgreSQL databases made by earlier versions', () => {
  it('has a committed dump (scripts/make-pg-fixture.ts)', () => {
    expect(dumps.length).toBeGreaterThan(0);
  });

  for (const file of dumps) {
    it(`${file}: opens on the latest schema, every row kept, ids going on`, async () => {
      const connection = await freshPostgres('empty');
      await load(connection, file);
      const before = await outside(connection, counts);
      expect(await outside(connection, readSchemaVersion)).toBe(Number(file.match(/\d+/)![0]));
      expect(before.persons).toBeGreaterThan(10);

      const opened = await openPostgres(connection);
      try {
        expect(await readSchemaVersion(opened.db)).toBe(LATEST_VERSION);
        const after = await counts(opened.db);
        // Tables that existed keep their rows; later migrations may add tables (and rows of their own).
        for (const [table, n] of Object.entries(before)) expect(after[table], table).toBeGreaterThanOrEqual(n);
        expect(after.persons).toBe(before.persons);
        // The identity sequences came through the dump: a new person takes the id after the highest.
        const highest = await opened.db
          .selectFrom('persons')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow();
        // Migration 028 filled the stored folded search text of the rows that were there.
        const folds = await sql<{ expected: string; folded: string; table: string }>`
          select first_names || ' ' || last_name as expected, name_folded as folded, 'persons' as "table" from persons
          union all select name, name_folded, 'worksites' from worksites
          union all select name, name_folded, 'employers' from employers
          union all select title || ' ' || number, title_folded, 'documents' from documents`.execute(opened.db);
        expect(folds.rows.filter((r) => r.table === 'persons').length).toBe(before.persons);
        for (const row of folds.rows) expect(row.folded, row.table).toBe(foldForSearch(row.expected));
        const template = await freshPostgres('migrated');
        const fresh = await outside(template, shape);
        expect(await shape(opened.db)).toEqual(fresh);
        const { rows } = await sql<{ id: number }>`
          select nextval(pg_get_serial_sequence('persons', 'id')) as id`.execute(opened.db);
        expect(Number(rows[0]!.id)).toBe(Number(highest.id) + 1);
      } finally {
        await opened.close();
      }
    });
  }
});
