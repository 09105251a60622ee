/**
 * Backups across engines (issue 28, item 5): a backup made on SQLite restores
 * on PostgreSQL, a backup made there restores on SQLite, and every table
 * (every row, every column) and every kept file comes back identical. A
 * restore refused or failing on PostgreSQL leaves the server's data as it was.
 */
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveHead, type Manifest } from '../../src-main/backup/archive';
import { CHUNK_BYTES, encodeHeader, sealChunk } from '../../src-main/backup/format';
import { deriveKey } from '../../src-main/backup/keys';
import { filesUnder } from '../../src-main/backup/stream';
import { engineOf } from '../../src-main/db/engine';
import type { Database as Schema } from '../../src-main/db/schema';
import { seedDemoPeople } from '../../scripts/demo-people';
import { seedDemoWorksites } from '../../scripts/demo-worksites';
import { engines } from './support/postgres';
import { caller, configured, tempDir, valueOf } from './support/services';
import { setupInput } from './support/factories';
import { person, situation } from './support/people';

const PASSPHRASE = 'sapin-galet-hibou-tulipe-phare-radis-comète-voilier';

type Rows = Record<string, string[]>;

/** Every table of the database, every row and column, in a form compared as text (bytes as base64), rows sorted. */
async function everyTable(db: Kysely<Schema>): Promise<Rows> {
  const raw = db.withoutPlugins();
  const tables =
    engineOf(db) === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'
            and name not like 'sqlite%' order by name`.execute(raw)
        ).rows
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'
            and table_name <> 'passerelle_schema' order by table_name`.execute(raw)
        ).rows;
  const out: Rows = {};
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.id(name)}`.execute(raw);
    out[name] = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((column) => {
              const value = row[column];
              return [column, Buffer.isBuffer(value) ? `b64:${value.toString('base64')}` : value];
            }),
        ),
      )
      .sort();
  }
  return out;
}

/** Every kept file, by name, with its hash. */
function keptFiles(filesDir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(filesDir).map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(path.join(filesDir, name)))
        .digest('hex'),
    ]),
  );
}

/** The journal entries of `after` not in `before`: what a restore and the start after it write. */
function newJournal(before: Rows, after: Rows): string[] {
  return after.journal!.filter((row) => !before.journal!.includes(row));
}

/** The tables without the journal's entries, nor the last id it gave (what the restore journals moves it). */
function withoutJournal(rows: Rows): Rows {
  const { journal: _journal, ...rest } = rows;
  const state = (row: string) =>
    JSON.stringify((JSON.parse(row) as [string, unknown][]).filter(([column]) => column !== 'last_id'));
  return { ...rest, journal_state: (rest.journal_state ?? []).map(state) };
}

async function backUp(setup: Setup) {
  valueOf(await setup.call('backup/setPassphrase', { passphrase: PASSPHRASE }));
  const before = await everyTable(setup.services.db);
  const files = keptFiles(setup.services.paths.filesDir);
  const folder = tempDir('passerelle-cle-usb-');
  const file = valueOf(await setup.call('backup/create', { folder })).lastBackup!.path;
  return { file, before, files };
}

async function restoreOn(engine: 'sqlite' | 'postgres', file: string) {
  const target = await configured({ engine });
  valueOf(await target.call('backup/restore', { path: file, passphrase: PASSPHRASE, confirm: true }));
  return target;
}

describe.runIf(engines().includes('postgres'))('backups across engines', () => {
  it('SQLite → backup → PostgreSQL → backup → SQLite: every table, row and column, and every kept file identical', async () => {
    const a = await configured({ engine: 'sqlite' });
    await seedDemoPeople(a.services, a.session);
    await seedDemoWorksites(a.services, a.session, '2026-03-02');
    // A scan of any bytes, and a row holding bytes (the backup key's salt) travel as they are.
    writeFileSync(path.join(a.services.paths.attachmentsDir, 'scan-octets.bin'), Buffer.from([0, 255, 10, 13, 0]));
    const fromSqlite = await backUp(a);
    expect(fromSqlite.before.persons!.length).toBe(40);
    expect(Object.keys(fromSqlite.files).length).toBeGreaterThan(3);

    const b = await restoreOn('postgres', fromSqlite.file);
    expect(b.services.engine.kind).toBe('postgres');
    const onPostgres = await everyTable(b.services.db);
    expect(withoutJournal(onPostgres)).toEqual(withoutJournal(fromSqlite.before));
    // The journal: every entry of the backup, then only what the restore wrote.
    expect(onPostgres.journal!.filter((row) => fromSqlite.before.journal!.includes(row))).toEqual(
      fromSqlite.before.journal,
    );
    expect(newJournal(fromSqlite.before, onPostgres).some((row) => row.includes('backup/restore'))).toBe(true);
    expect(keptFiles(b.services.paths.filesDir)).toEqual(fromSqlite.files);
    // The chain still verifies with the key and head that travelled.
    const onB = await signIn(b, a);
    expect(valueOf(await onB.call('journal/verify')).valid).toBe(true);

    const fromPostgres = await backUp(onB);
    const c = await restoreOn('sqlite', fromPostgres.file);
    expect(c.services.engine.kind).toBe('sqlite');
    const back = await everyTable(c.services.db);
    expect(withoutJournal(back)).toEqual(withoutJournal(fromPostgres.before));
    expect(back.journal!.filter((row) => fromPostgres.before.journal!.includes(row))).toEqual(
      fromPostgres.before.journal,
    );
    expect(keptFiles(c.services.paths.filesDir)).toEqual(fromSqlite.files);
    // Round trip: the tables that nothing wrote to since the first backup are as they were on SQLite.
    const untouched = (rows: Rows) => {
      const { backups: _b, backup_settings: _s, sessions: _x, ...rest } = withoutJournal(rows);
      return rest;
    };
    expect(untouched(back)).toEqual(untouched(fromSqlite.before));
    // Ids go on past the highest given: a new person gets a new id on PostgreSQL as on SQLite.
    const created = valueOf(
      await onB.call('people/create', {
        person: person({ lastName: 'Nouvelle' }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    expect(created.id).toBeGreaterThan(Math.max(...idsOf(fromSqlite.before.persons!)));
    const onC = await signIn(c, a);
    expect(valueOf(await onC.call('journal/verify')).valid).toBe(true);
  });

  it('a restore that fails half-way on PostgreSQL leaves every row as it was', async () => {
    const a = await configured({ engine: 'sqlite' });
    valueOf(await a.call('people/create', { person: person(), situation: situation() }));
    // A value PostgreSQL's 4-byte integer cannot hold: the server refuses the row after others went in.
    await sql`update structure set idle_lock_minutes = ${2 ** 40}`.execute(a.services.db.withoutPlugins());
    const { file } = await backUp(a);
    const b = await configured({ engine: 'postgres' });
    valueOf(await b.call('people/create', { person: person({ lastName: 'Restée' }), situation: situation() }));
    const before = await everyTable(b.services.db);
    const result = await b.call('backup/restore', { path: file, passphrase: PASSPHRASE, confirm: true });
    expect(result.ok).toBe(false);
    expect(await everyTable(b.services.db)).toEqual(before);
    expect(valueOf(await b.call('journal/verify')).valid).toBe(true);
  });

  it('a backup of the first format (the SQLite file inside) restores on PostgreSQL', async () => {
    const a = await configured({ engine: 'sqlite' });
    valueOf(await a.call('people/create', { person: person({ lastName: 'Ancienne' }), situation: situation() }));
    await a.services.engine.compact([]);
    const before = await everyTable(a.services.db);
    // A version 1 backup: the database file itself, as Passerelle wrote them before issue 28.
    const copy = path.join(tempDir(), 'passerelle.sqlite');
    const live = new Database(a.services.engine.file, { readonly: true });
    await live.backup(copy);
    live.close();
    const salt = Buffer.alloc(16, 3);
    const kdf = { log2N: 10, r: 8, p: 1 };
    const key = await deriveKey(PASSPHRASE, salt, kdf);
    const header = encodeHeader({ keyId: '0123456789abcdef', salt, kdf, chunkBytes: CHUNK_BYTES }, key);
    header.writeUInt8(1, 8);
    const bytes = readFileSync(copy);
    const manifest: Manifest = {
      createdAt: '2026-03-02T09:00:00.000Z',
      structureName: 'CCAS de Kerbrénou',
      schemaVersion: 26,
      counts: { persons: 1, worksites: 0, documents: 0 },
      entries: [
        { name: 'passerelle.sqlite', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
      ],
    };
    const plain = Buffer.concat([archiveHead(manifest), bytes]);
    const chunks: Buffer[] = [header];
    for (let at = 0, index = 0; at < plain.length; at += CHUNK_BYTES, index++)
      chunks.push(
        Buffer.from(
          sealChunk(key, header, index, at + CHUNK_BYTES >= plain.length, plain.subarray(at, at + CHUNK_BYTES)),
        ),
      );
    const file = path.join(tempDir(), 'ancienne.passerelle-backup');
    writeFileSync(file, Buffer.concat(chunks));
    const b = await configured({ engine: 'postgres' });
    valueOf(await b.call('backup/restore', { path: file, passphrase: PASSPHRASE, confirm: true }));
    const after = await everyTable(b.services.db);
    // That backup carried no journal key: the journal started over is not compared, the rest is.
    const { journal: _a, journal_state: _s, ...rest } = after;
    const { journal: _b, journal_state: _t, ...expected } = before;
    expect(rest).toEqual(expected);
  });
});

type Setup = Awaited<ReturnType<typeof configured>>;

/** After a restore everyone signs in again: the restored administrator (the first PC's) signs in. */
async function signIn(setup: Setup, admin: Setup): Promise<Setup> {
  const view = valueOf(
    await caller(setup.services)('auth/login', {
      userId: admin.view.user.id,
      password: setupInput().administrator.password,
    }),
  );
  const session = { user: view.user, token: view.token };
  return { ...setup, session, view, call: caller(setup.services, session) };
}

/** The ids of a table's rows, from `everyTable`'s form. */
function idsOf(rows: string[]): number[] {
  return rows.map((row) => (JSON.parse(row) as [string, unknown][]).find(([column]) => column === 'id')![1] as number);
}
