import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIntegrity, compactCopy, describeCopy } from '../../src-main/db/engine';
import { journalMac } from '../../src-main/db/journal-mac';
import { LATEST_VERSION } from '../../src-main/db/migrations';
import { openDatabase, openReadOnly } from '../../src-main/db/open';
import { macOf } from '../../src-main/db/repositories/journal';
import { configured, tempDir, valueOf } from './support/services';
import { person, situation } from './support/people';
import { engines, openTestDatabase } from './support/postgres';
import { postgresDatabaseFiles } from './support/sqlite-file';

/** Words no schema or page header holds: found in a file's bytes, they are the row's. */
const CANARY = 'Kerzhinou-Plouzévédé-7731';

async function freshDatabase() {
  const dir = tempDir();
  const file = path.join(dir, 'passerelle.sqlite');
  const opened = await openDatabase(file, { backupDir: path.join(dir, 'sauvegardes') });
  return { dir, file, opened };
}

/** The database file and its write-ahead log, as bytes (what someone copying the data folder takes). */
function bytesOf(file: string): Buffer {
  return Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);
}

describe('db/engine: the live database', () => {
  it('names the live file', async () => {
    const { file, opened } = await freshDatabase();
    try {
      expect(opened.engine.file).toBe(file);
    } finally {
      await opened.close();
    }
  });

  it('snapshotTo: an online copy that passes the integrity check and holds what was committed, while the database stays open', async () => {
    const { services, call } = await configured();
    const created = valueOf(
      await call('people/create', { person: person({ lastName: CANARY }), situation: situation() }),
    );
    const target = path.join(tempDir(), 'copie.sqlite');
    await services.engine.snapshotTo(target);
    expect(checkIntegrity(target)).toBe(true);
    const copy = openReadOnly(target);
    try {
      const row = await copy.db
        .selectFrom('persons')
        .select('lastName')
        .where('id', '=', created.id)
        .executeTakeFirst();
      expect(row?.lastName).toBe(CANARY);
    } finally {
      await copy.close();
    }
    // The app goes on writing after the copy.
    expect((await call('people/create', { person: person({ lastName: 'Le Gall' }), situation: situation() })).ok).toBe(
      true,
    );
  });

  it('compact: a deleted row leaves none of its text in the file or its log', async () => {
    const { file, opened } = await freshDatabase();
    try {
      opened.sqlite.exec('pragma secure_delete = off');
      const now = '2026-03-02T09:00:00.000Z';
      await opened.db
        .insertInto('organisations')
        .values({
          name: CANARY,
          kind: 'prescripteur',
          address: '',
          phone: '',
          email: '',
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await opened.db.deleteFrom('organisations').where('name', '=', CANARY).execute();
      // Without secure_delete, the freed page still holds the name: this is what compact must clear.
      expect(bytesOf(file).includes(Buffer.from(CANARY))).toBe(true);
      await opened.engine.compact([]);
      expect(bytesOf(file).includes(Buffer.from(CANARY))).toBe(false);
      expect(checkIntegrity(file)).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it.runIf(engines().includes('postgres'))(
    'compact on PostgreSQL: a deleted row leaves none of its text in the server’s files of the database',
    async () => {
      const opened = await openTestDatabase('postgres');
      try {
        const now = '2026-03-02T09:00:00.000Z';
        const values = {
          kind: 'prescripteur' as const,
          address: '',
          phone: '',
          email: '',
          createdAt: now,
          updatedAt: now,
        };
        await opened.db
          .insertInto('organisations')
          .values({ name: CANARY, ...values })
          .execute();
        await opened.db
          .insertInto('organisations')
          .values({ name: 'Mission locale', ...values })
          .execute();
        await opened.db.deleteFrom('organisations').where('name', '=', CANARY).execute();
        const holding = async () => {
          const files = await postgresDatabaseFiles(opened.db);
          return files.filter((file) => readFileSync(file).includes(Buffer.from(CANARY)));
        };
        // The deleted row is still in the table's file (a dead tuple): this is what compact must clear.
        expect(await holding()).not.toEqual([]);
        await opened.engine.compact(['organisations']);
        expect(await holding()).toEqual([]);
        expect(await opened.db.selectFrom('organisations').select('name').execute()).toEqual([
          { name: 'Mission locale' },
        ]);
      } finally {
        await opened.close();
      }
    },
  );

  it('useJournalKey: the connection seals with the key given, which never enters the file', async () => {
    const { file, opened } = await freshDatabase();
    try {
      await expect(macOf(opened.db, 'entrée')).rejects.toThrow();
      const key = Buffer.alloc(32, 7);
      opened.engine.useJournalKey(key);
      expect(await macOf(opened.db, 'entrée')).toBe(journalMac(key, 'entrée'));
      expect(bytesOf(file).includes(key)).toBe(false);
    } finally {
      await opened.close();
    }
  });
});

describe('db/engine: database files not open in the app', () => {
  it('compactCopy: one self-contained file (no -wal), checked sound, with the writes still in the live log', async () => {
    // compactCopy works on SQLite files (the live one here, with its log): on PostgreSQL, `snapshotTo` above already makes one.
    const { services, call } = await configured({ engine: 'sqlite' });
    valueOf(await call('people/create', { person: person({ lastName: CANARY }), situation: situation() }));
    // The write is in the live database's log, not yet in its main file.
    expect(existsSync(`${services.engine.file}-wal`)).toBe(true);
    const target = path.join(tempDir(), 'instantane.sqlite');
    compactCopy(services.engine.file, target);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(checkIntegrity(target)).toBe(true);
    const facts = describeCopy(target);
    expect(facts).toMatchObject({
      sound: true,
      schemaVersion: LATEST_VERSION,
      counts: { persons: 1, worksites: 0, documents: 0 },
    });
    expect(facts.structureName).not.toBe('');
    expect(readFileSync(target).includes(Buffer.from(CANARY))).toBe(true);
  });

  it('compactCopy refuses to overwrite an existing file', async () => {
    const { file, opened } = await freshDatabase();
    try {
      const target = path.join(tempDir(), 'deja-la.sqlite');
      writeFileSync(target, 'déjà là');
      expect(() => compactCopy(file, target)).toThrow();
      expect(readFileSync(target, 'utf8')).toBe('déjà là');
    } finally {
      await opened.close();
    }
  });

  it('checkIntegrity: false for a damaged page, a file that is not a database, or no file', async () => {
    const { file, opened } = await freshDatabase();
    const copy = path.join(tempDir(), 'copie.sqlite');
    try {
      compactCopy(file, copy);
    } finally {
      await opened.close();
    }
    expect(checkIntegrity(copy)).toBe(true);
    const bytes = readFileSync(copy);
    const pageSize = bytes.readUInt16BE(16);
    // Page 1 (the schema) stays readable; the header of every other page, the tables and indexes, is scribbled over.
    for (let page = 1; page * pageSize < bytes.length; page++) bytes.fill(0x5a, page * pageSize, page * pageSize + 12);
    const damaged = path.join(tempDir(), 'endommagee.sqlite');
    writeFileSync(damaged, bytes);
    expect(checkIntegrity(damaged)).toBe(false);
    const text = path.join(tempDir(), 'pas-une-base.sqlite');
    writeFileSync(text, 'Ceci est une liste de courses, pas une base de données.');
    expect(checkIntegrity(text)).toBe(false);
    expect(checkIntegrity(path.join(tempDir(), 'absente.sqlite'))).toBe(false);
  });

  it('describeCopy: a copy with a foreign key pointing nowhere is not sound', async () => {
    const { file, opened } = await freshDatabase();
    try {
      opened.sqlite.pragma('foreign_keys = OFF');
      opened.sqlite.exec(
        `insert into contacts (organisation_id, first_name, last_name, created_at, updated_at) values (999, 'Élodie', 'Le Gall', '', '')`,
      );
      const target = path.join(tempDir(), 'copie.sqlite');
      compactCopy(file, target);
      expect(checkIntegrity(target)).toBe(true);
      expect(describeCopy(target).sound).toBe(false);
    } finally {
      await opened.close();
    }
  });

  it('openReadOnly: the repositories read the file, and nothing can be written through it', async () => {
    const { file, opened } = await freshDatabase();
    await opened.close();
    const before = readFileSync(file);
    const copy = openReadOnly(file);
    try {
      expect(await copy.db.selectFrom('journal').select('id').execute()).toEqual([]);
      await expect(copy.db.deleteFrom('organisations').execute()).rejects.toThrow(/readonly/);
    } finally {
      await copy.close();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
