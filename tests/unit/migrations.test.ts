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
    await v1.db
      .insertInto('wageRates' as never)
      .values({ effectiveFrom: '2026-01-01', hourlyCents: 1202, createdAt: 'x' } as never)
      .execute();
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

  it('migration 17 keeps every journal entry, id and hash, and numbers new ones after the highest ever given', async () => {
    const file = path.join(tempDir(), 'v14.sqlite');
    copyFileSync(path.join(fixtures, 'v14.sqlite'), file);
    const raw = new SqliteDatabase(file, { readonly: true });
    const before = raw.prepare('select * from journal order by id').all();
    raw.close();
    expect(before.length).toBeGreaterThan(0);
    const opened = await open(file);
    expect(opened.sqlite.prepare('select * from journal order by id').all()).toEqual(before);
    expect(opened.sqlite.prepare('select anchor_id, sealed_id from journal_state').get()).toEqual({
      anchor_id: 0,
      sealed_id: null,
    });
    expect(
      String(
        (opened.sqlite.prepare("select sql from sqlite_master where name = 'journal'").get() as { sql: string }).sql,
      ),
    ).toMatch(/autoincrement/i);
    // Append-only still.
    expect(() => opened.sqlite.exec('delete from journal')).toThrow(/append-only/);
    await opened.close();
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
      const structure = await opened.db
        .selectFrom('structure')
        .select(['name', 'idleLockMinutes', 'openSaturday'])
        .executeTakeFirst();
      // Migration 13: a structure that existed before stays closed on Saturdays.
      expect(structure).toEqual({ name: 'CCAS de Kerbrénou', idleLockMinutes: 10, openSaturday: 0 });
      // Each migration's promise about older data, checked on the files made before it.
      const made = Number(/^v(\d+)\.sqlite$/.exec(name)![1]);
      if (made < 15) {
        // Migration 15: the association intermédiaire typed as the ACI agreement (IDCC 3016) must choose again; the CCAS with none keeps « aucune ».
        expect(
          await opened.db
            .selectFrom('employers')
            .select(['kind', 'collectiveAgreement', 'pensionFundAddress'])
            .orderBy('id')
            .execute(),
        ).toEqual([
          { kind: 'association_intermediaire', collectiveAgreement: null, pensionFundAddress: '' },
          { kind: 'ccas', collectiveAgreement: 'aucune', pensionFundAddress: '' },
        ]);
      }
      // Migration 16: no transmission withdrawn yet.
      if (made < 16) expect(await opened.db.selectFrom('payrollWithdrawals').selectAll().execute()).toEqual([]);
      if (made < 18) {
        // Migration 18: employers keep no logo until one is chosen; funders have no document details yet.
        expect(await opened.db.selectFrom('employers').select('logoFile').execute()).toEqual([
          { logoFile: null },
          { logoFile: null },
        ]);
        expect(await opened.db.selectFrom('funders').selectAll().execute()).toEqual([]);
      }
      if (made < 19) {
        // Migration 19: older régularisations name no pay line (read as paid minutes at the normal rate of their day).
        const regularisations = await opened.db
          .selectFrom('regularisations')
          .select(['item', 'minutes', 'centiHours', 'rateCentiCents', 'dateTo'])
          .execute();
        expect(regularisations.every((r) => Object.values(r).every((v) => v === null))).toBe(true);
      }
      // Migration 20: accounts that existed keep working; no one is made to change a password they chose.
      if (made < 20)
        expect(await opened.db.selectFrom('users').select('id').where('mustChangePassword', '!=', 0).execute()).toEqual(
          [],
        );
      await opened.close();
      expect(existsSync(file)).toBe(true);
    }
  });

  it('migration 20 leaves accounts that existed free to work, and holds the flag to 0 or 1', async () => {
    const file = path.join(tempDir(), 'v18.sqlite');
    const before = await open(
      file,
      MIGRATIONS.filter((m) => m.version <= 18),
    );
    before.sqlite
      .prepare(
        "insert into users (display_name, display_name_folded, role, password_hash, password_changed_at, created_at, updated_at) values ('Élodie Le Gall', 'elodie le gall', 'administrateur', 'scrypt$x', '2026-01-05', '2026-01-05', '2026-01-05')",
      )
      .run();
    await before.close();
    const opened = await open(file);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(opened.sqlite.prepare('select display_name, must_change_password from users').all()).toEqual([
      { display_name: 'Élodie Le Gall', must_change_password: 0 },
    ]);
    expect(() => opened.sqlite.exec('update users set must_change_password = 2')).toThrow(/CHECK/);
    await opened.close();
  });

  it('migration 21 adds immersions: one renewal at most per convention, never an end before the start', async () => {
    const file = path.join(tempDir(), 'v20.sqlite');
    const before = await open(
      file,
      MIGRATIONS.filter((m) => m.version <= 20),
    );
    before.sqlite.exec(
      "insert into organisations (name, kind, address, phone, email, created_at, updated_at) values ('Boulangerie', 'partenaire', '', '', '', 'x', 'x')",
    );
    before.sqlite.exec(
      "insert into persons (last_name, birth_name, first_names, birth_date, sex, address, postcode, town, priority_area, phone, email, emergency_contact, search_key, created_at, updated_at) values ('Le Bihan', '', 'Élodie', '1985-05-12', 'F', '', '29200', 'Brest', 'inconnu', '', '', '', 'le bihan', 'x', 'x')",
    );
    await before.close();
    const opened = await open(file);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const insert = (renewalOf: number | null, start: string, end: string) =>
      opened.sqlite
        .prepare(
          "insert into immersions (person_id, renewal_of, host_organisation_id, host_siret, host_activity, place, tutor_name, tutor_function, tutor_phone, tutor_email, objective, trade, goals, start_date, end_date, schedule, tasks, skills, risks, equipment, prescriber_kind, prescriber_organisation_id, referent_name, referent_function, created_at, updated_at) values (1, ?, 1, '', '', '', 'T', 'F', '', '', 'confirmer', 'Boulanger', '', ?, ?, '{}', 'x', '', '', '', 'france_travail', 1, 'R', '', 'x', 'x')",
        )
        .run(renewalOf, start, end);
    insert(null, '2026-03-01', '2026-03-31');
    insert(1, '2026-04-01', '2026-04-30');
    expect(() => insert(1, '2026-05-01', '2026-05-31')).toThrow(/UNIQUE/);
    expect(() => insert(null, '2026-03-31', '2026-03-01')).toThrow(/CHECK/);
    await opened.close();
  });

  it('migration 15 keeps a typed agreement only when it names an IDCC the employer may apply', async () => {
    const file = path.join(tempDir(), 'v14.sqlite');
    copyFileSync(path.join(fixtures, 'v14.sqlite'), file);
    const before = new SqliteDatabase(file);
    const insert = before.prepare(
      'insert into employers (name, kind, address, postcode, town, siret, collective_agreement, pension_fund, provident_body, payroll_email, signatory_name, signatory_title, created_at, updated_at) select ?, ?, address, postcode, town, siret, ?, pension_fund, provident_body, payroll_email, signatory_name, signatory_title, created_at, updated_at from employers where id = 1',
    );
    for (const [name, kind, agreement] of [
      ['ACI associatif', 'autre', 'CCN des ateliers et chantiers d’insertion, IDCC 3016'],
      ['AI régie', 'association_intermediaire', 'Régies de quartier (IDCC 3105)'],
      ['AI vide', 'association_intermediaire', '  '],
      ['AI inconnue', 'association_intermediaire', 'Convention du 15 mars 1966'],
    ] as const) {
      insert.run(name, kind, agreement);
    }
    before.close();
    const opened = await open(file);
    expect(
      await opened.db
        .selectFrom('employers')
        .select(['name', 'collectiveAgreement'])
        .where('id', '>', 2)
        .orderBy('id')
        .execute(),
    ).toEqual([
      { name: 'ACI associatif', collectiveAgreement: '3016' },
      { name: 'AI régie', collectiveAgreement: '3105' },
      { name: 'AI vide', collectiveAgreement: 'aucune' },
      // « 1966 » is a year, not an IDCC of the list: left to choose.
      { name: 'AI inconnue', collectiveAgreement: null },
    ]);
    const participation = await opened.db
      .selectFrom('participations')
      .select(['classification', 'tasks', 'particularRisk', 'passIae'])
      .executeTakeFirst();
    expect(participation ?? null).toBeNull();
    await opened.close();
  });
});
