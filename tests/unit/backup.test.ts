import Database from 'better-sqlite3';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import { ArchiveReader, archiveHead, readArchive } from '../../src-main/backup/archive';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { writeBackup } from '../../src-main/backup/pipeline';
import { workFolder } from '../../src-main/app/work-files';
import { restoreLatestLocal } from '../../src-main/backup/local';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { keep, pdfText } from './support/pdf';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_KDF, deriveKey } from '../../src-main/backup/keys';
import {
  DAMAGED,
  decodeHeader,
  encodeHeader,
  HEADER_BYTES,
  NOT_A_BACKUP,
  openChunks,
  sealChunk,
  TRUNCATED,
  WRONG_KEY,
} from '../../src-main/backup/format';
import { handleRpc } from '../../src-main/app/dispatch';
import { configured, fakeClock, tempDir, testServices, valueOf } from './support/services';
import { person, situation } from './support/people';

const PASSPHRASE = 'sapin-galet-hibou-tulipe-phare-radis-comète-voilier';

async function backedUp() {
  const setup = await configured();
  const { call } = setup;
  valueOf(await call('people/create', { person: person(), situation: situation() }));
  valueOf(await call('backup/setPassphrase', { passphrase: PASSPHRASE }));
  const folder = tempDir('passerelle-cle-usb-');
  const after = valueOf(await call('backup/create', { folder }));
  return { ...setup, folder, file: after.lastBackup!.path, status: after };
}

async function personCount(db: Parameters<ReturnType<typeof sql>['execute']>[0]) {
  return (await sql<{ n: number }>`select count(*) as n from persons`.execute(db)).rows[0]!.n;
}

describe('backup file format', () => {
  it('reads an archive fed in pieces of any size, empty entries included, and refuses a changed byte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 20 }),
        (files, cuts) => {
          const contents = files.map((f) => Buffer.from(f));
          const manifest = {
            createdAt: '2026-01-01T00:00:00.000Z',
            structureName: 'CCAS',
            schemaVersion: 1,
            counts: { persons: 0, worksites: 0, documents: 0 },
            entries: contents.map((bytes, i) => ({
              name: `fichiers/${i}`,
              size: bytes.length,
              sha256: createHash('sha256').update(bytes).digest('hex'),
            })),
          };
          const whole = Buffer.concat([archiveHead(manifest), ...contents]);
          const received = new Map<string, Buffer>();
          const reader = new ArchiveReader((entry) => {
            const parts: Buffer[] = [];
            return {
              write: (b) => parts.push(Buffer.from(b)),
              end: () => received.set(entry.name, Buffer.concat(parts)),
            };
          });
          for (let offset = 0, i = 0; offset < whole.length; i++) {
            const size = cuts[i % cuts.length]!;
            reader.push(whole.subarray(offset, offset + size));
            offset += size;
          }
          expect(reader.finish()).toEqual(manifest);
          expect([...received.values()]).toEqual(contents);
          const withData = contents.findIndex((c) => c.length > 0);
          if (withData >= 0) {
            const changed = Buffer.from(whole);
            changed[whole.length - contents.slice(withData).reduce((n, c) => n + c.length, 0)]! ^= 1;
            expect(() => readArchive(changed)).toThrow(DAMAGED);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  const key = Buffer.alloc(32, 7);
  const header = encodeHeader(
    { keyId: '0123456789abcdef', salt: Buffer.alloc(16, 1), kdf: { log2N: 17, r: 8, p: 1 }, chunkBytes: 1048576 },
    key,
  );

  it('has the documented header, byte for byte', () => {
    expect(header.length).toBe(HEADER_BYTES);
    expect(header.subarray(0, 48).toString('hex')).toBe(
      Buffer.concat([
        Buffer.from('PSRLBAK1'),
        // Version 2: the data as a logical copy of every table (db/logical.ts).
        Buffer.from([2]),
        Buffer.from('0123456789abcdef'),
        Buffer.alloc(16, 1),
        Buffer.from([17, 8, 1]),
        Buffer.from([0, 16, 0, 0]),
      ]).toString('hex'),
    );
    expect(decodeHeader(header)).toEqual({
      version: 2,
      keyId: '0123456789abcdef',
      salt: Buffer.alloc(16, 1),
      kdf: { log2N: 17, r: 8, p: 1 },
      chunkBytes: 1048576,
    });
  });

  it('derives the key with scrypt N=2^17, r=8 in the app', async () => {
    expect(BACKUP_KDF).toEqual({ log2N: 17, r: 8, p: 1 });
    const derived = await deriveKey('phrase', Buffer.alloc(16), { log2N: 10, r: 8, p: 1 });
    expect(derived).toHaveLength(32);
    expect(await deriveKey('phrase', Buffer.alloc(16), { log2N: 10, r: 8, p: 1 })).toEqual(derived);
  });

  const file = Buffer.concat([
    header,
    sealChunk(key, header, 0, false, Buffer.from('premier morceau')),
    sealChunk(key, header, 1, true, Buffer.from('dernier')),
  ]);

  it('reads back what it sealed, with a fresh IV for every chunk', () => {
    const parts: string[] = [];
    openChunks(key, file, (p) => parts.push(p.toString()));
    expect(parts).toEqual(['premier morceau', 'dernier']);
    const ivs = new Set(
      Array.from({ length: 200 }, () =>
        sealChunk(key, header, 0, false, Buffer.from('x')).subarray(4, 16).toString('hex'),
      ),
    );
    expect(ivs.size).toBe(200);
  });

  it('rejects any single flipped byte, anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, flip) => {
        const damaged = Buffer.from(file);
        damaged[position] = damaged[position]! ^ flip;
        expect(() => openChunks(key, damaged, () => undefined)).toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('names what is wrong: another key, a cut file, a foreign file', () => {
    expect(() => openChunks(Buffer.alloc(32, 8), file, () => undefined)).toThrow(WRONG_KEY);
    expect(() => openChunks(key, file.subarray(0, file.length - 40), () => undefined)).toThrow(TRUNCATED);
    const firstChunkOnly = file.subarray(0, HEADER_BYTES + 4 + 12 + 15 + 16);
    expect(() => openChunks(key, firstChunkOnly, () => undefined)).toThrow(TRUNCATED);
    expect(() => openChunks(key, randomBytes(500), () => undefined)).toThrow(NOT_A_BACKUP);
    expect(() => openChunks(key, Buffer.alloc(0), () => undefined)).toThrow(NOT_A_BACKUP);
    const tampered = Buffer.from(file);
    tampered[HEADER_BYTES + 20] = tampered[HEADER_BYTES + 20]! ^ 1;
    expect(() => openChunks(key, tampered, () => undefined)).toThrow(DAMAGED);
  });
});

describe('backup to a USB stick and restore', () => {
  it('writes a verified, encrypted backup under a clear name, nothing partial left', async () => {
    const { file, folder, status } = await backedUp();
    expect(path.basename(file)).toMatch(/^Passerelle_CCAS_de_Kerbrénou_2026-03-02_10h00\.passerelle-backup$/);
    expect(readdirSync(folder)).toEqual([path.basename(file)]);
    expect(status).toMatchObject({
      configured: true,
      stale: false,
      lastFolder: folder,
      lastBackup: { previousVerified: null },
    });
    // Encrypted: no name, no SQLite header in clear.
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('Lefèvre'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('prints the recovery sheet with the current passphrase only, and keeps it nowhere', async () => {
    const printer = nodePdfPrinter();
    try {
      const { call, services } = await configured({ printer });
      valueOf(await call('backup/setPassphrase', { passphrase: PASSPHRASE }));
      expect(await call('backup/recoverySheet', { passphrase: 'une-autre-phrase-de-passe' })).toMatchObject({
        ok: false,
        error: { field: 'passphrase' },
      });
      const sheet = valueOf(await call('backup/recoverySheet', { passphrase: PASSPHRASE }));
      const file = keep('fiche-de-secours', Buffer.from(sheet.pdfBase64, 'base64'));
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toContain(PASSPHRASE);
      expect(text).toContain('Fiche de secours des sauvegardes Passerelle');
      expect(readdirSync(services.paths.documentsDir)).toEqual([]);
      const journal = (
        await sql<{ records: string }>`select records from journal where method = 'backup/recoverySheet'`.execute(
          services.db,
        )
      ).rows;
      expect(journal).toHaveLength(1);
      expect(journal[0]!.records).not.toContain(PASSPHRASE);
    } finally {
      await printer.close();
    }
  });

  it('re-verifies the previous backup on the stick at the next one', async () => {
    const { call, folder } = await backedUp();
    expect(valueOf(await call('backup/create', { folder })).lastBackup!.previousVerified).toBe(true);
  });

  it('restores: preview first, the current data kept as pré-restauration, everyone signs in again', async () => {
    const { call, services, file, session } = await backedUp();
    valueOf(
      await call('people/create', {
        person: person({ firstNames: 'Awa' }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    expect(await personCount(services.db)).toBe(2);
    expect(valueOf(await call('backup/inspect', { path: file }))).toMatchObject({
      structureName: 'CCAS de Kerbrénou',
      counts: { persons: 1, worksites: 0, documents: 0 },
    });
    valueOf(await call('backup/restore', { path: file, confirm: true }));
    expect(await personCount(services.db)).toBe(1);
    expect(readdirSync(services.paths.backupsDir).some((n) => n.startsWith('pre-restauration-'))).toBe(true);
    expect(services.sessions.resolve(session.token!, services.clock.now(), 10)).toBeNull();
    expect(await handleRpc(services, 'people/search', {}, session.token!)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('restores on another PC with the passphrase alone, and refuses a wrong one', async () => {
    const { file } = await backedUp();
    const other = await configured();
    expect(await other.call('backup/inspect', { path: file })).toMatchObject({
      ok: false,
      error: { field: 'passphrase' },
    });
    expect(await other.call('backup/inspect', { path: file, passphrase: 'pas-la-bonne-phrase-du-tout' })).toMatchObject(
      { ok: false, error: { message: WRONG_KEY } },
    );
    expect(valueOf(await other.call('backup/inspect', { path: file, passphrase: PASSPHRASE })).counts.persons).toBe(1);
  });

  it('refuses a cut, tampered, random, empty or future file, leaving the current data unchanged', async () => {
    const { call, services, file } = await backedUp();
    const dir = tempDir('passerelle-abimees-');
    const bytes = readFileSync(file);
    const cases: [string, Buffer, RegExp][] = [
      ['coupee', bytes.subarray(0, bytes.length - 100), /incomplète/],
      ['modifiee', Buffer.from(bytes.map((b, i) => (i === bytes.length - 30 ? b ^ 1 : b))), /abîmée ou a été modifiée/],
      ['aleatoire', randomBytes(5000), /n’est pas une sauvegarde/],
      ['vide', Buffer.alloc(0), /n’est pas une sauvegarde/],
      ['future', Buffer.from(bytes.map((b, i) => (i === 8 ? 3 : b))), /version plus récente/],
      // scrypt N=2^30 would hold the PC for minutes: refused before any derivation.
      [
        'couteuse',
        Buffer.from(bytes.map((b, i) => (i === 41 ? 30 : b))),
        /réglages de chiffrement que Passerelle n’utilise pas/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const target = path.join(dir, `${name}.passerelle-backup`);
      writeFileSync(target, content);
      const result = await call('backup/restore', { path: target, confirm: true });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.message, name).toMatch(message);
    }
    expect(await personCount(services.db)).toBe(1);
  });

  it('keeps answering other calls while a large backup runs, with its progress in percent', async () => {
    const { call, services, folder } = await backedUp();
    writeFileSync(path.join(services.paths.attachmentsDir, 'gros-scan.pdf'), randomBytes(40 * 1024 * 1024));
    let backupDone = false;
    const running = call('backup/create', { folder }).then((r) => {
      backupDone = true;
      return r;
    });
    const seen: { step: string; percent: number }[] = [];
    while (!backupDone) {
      const progress = valueOf(await call('backup/progress'));
      if (progress && !backupDone) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(valueOf(await call('backup/status')).lastBackup).not.toBeNull();
    expect((await running).ok).toBe(true);
    // Answered while the backup ran, moving forward through its steps.
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.percent)).toEqual([...seen.map((p) => p.percent)].sort((a, b) => a - b));
    expect(new Set(seen.map((p) => p.step))).toContain('Chiffrement et copie sur la clé');
    expect(seen.some((p) => p.percent > 0 && p.percent < 100)).toBe(true);
    expect(valueOf(await call('backup/progress'))).toBeNull();
  });

  it('refuses a second backup while one runs', async () => {
    const { call, folder } = await backedUp();
    const first = call('backup/create', { folder });
    const second = await call('backup/create', { folder });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Une sauvegarde est déjà en cours : attendez la fin.' },
    });
    expect((await first).ok).toBe(true);
  });

  it('refuses to back up before a passphrase is chosen, or into a missing folder', async () => {
    const { call } = await configured();
    expect(await call('backup/create', { folder: tempDir() })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    valueOf(await call('backup/setPassphrase', { passphrase: PASSPHRASE }));
    expect(await call('backup/create', { folder: '/nulle/part' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('backup/setPassphrase', { passphrase: 'court' })).toMatchObject({
      ok: false,
      error: { field: 'passphrase' },
    });
  });
});

// The daily local copy is of the SQLite file: on PostgreSQL the server's data is backed up by whoever runs the
// server (README, « Plusieurs postes », « Les données sur un serveur PostgreSQL »), and no copy of it is left on each PC that starts.
describe('automatic local backups, PostgreSQL', () => {
  it('makes no daily copy of the server’s data on the PC', async () => {
    const dataDir = tempDir();
    const { call, services } = await configured({ dataDir, engine: 'postgres' });
    valueOf(await call('people/create', { person: person(), situation: situation() }));
    await services.close();
    await (await testServices({ dataDir, clock: fakeClock('2026-03-03T09:00:00.000Z'), engine: 'postgres' })).close();
    expect(readdirSync(path.join(dataDir, 'sauvegardes'))).toEqual([]);
  });
});

describe('automatic local backups (the SQLite file on this PC)', () => {
  it('makes one checked copy a day at start, and rotates older ones', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const dataDir = tempDir();
    const first = await testServices({ dataDir, clock, engine: 'sqlite' });
    await first.close();
    const backups = path.join(dataDir, 'sauvegardes');
    expect(readdirSync(backups).filter((n) => n.startsWith('auto-'))).toEqual(['auto-2026-03-02.sqlite']);
    // Twenty daily starts later: 7 days kept, plus the newest of older weeks.
    for (let day = 3; day <= 22; day++) {
      clock.set(`2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`);
      const services = await testServices({ dataDir, clock, engine: 'sqlite' });
      await services.close();
    }
    const autos = readdirSync(backups)
      .filter((n) => n.startsWith('auto-'))
      .sort();
    expect(autos).toContain('auto-2026-03-22.sqlite');
    expect(autos).toContain('auto-2026-03-16.sqlite');
    expect(autos).not.toContain('auto-2026-03-03.sqlite');
    expect(autos.length).toBeLessThan(12);
  });

  it('makes the day’s copy even over a half-written one left by a start cut short, self-contained and complete', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const dataDir = tempDir();
    const { call, services } = await configured({ dataDir, clock, engine: 'sqlite' });
    valueOf(await call('people/create', { person: person(), situation: situation() }));
    await services.close();
    const backups = path.join(dataDir, 'sauvegardes');
    writeFileSync(path.join(backups, 'auto-2026-03-03.sqlite.tmp'), randomBytes(5000));
    clock.set('2026-03-03T09:00:00.000Z');
    await (await testServices({ dataDir, clock, engine: 'sqlite' })).close();
    const names = readdirSync(backups);
    expect(names).toContain('auto-2026-03-03.sqlite');
    expect(names.filter((n) => n.endsWith('.tmp') || n.endsWith('-wal') || n.endsWith('-shm'))).toEqual([]);
    const copy = new Database(path.join(backups, 'auto-2026-03-03.sqlite'), { readonly: true });
    expect(copy.prepare('select last_name as name from persons').all()).toEqual([{ name: person().lastName }]);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });
});

describe('faults while writing to the stick', () => {
  async function keyOf(services: Awaited<ReturnType<typeof configured>>['services']) {
    const settings = await services.db.selectFrom('backupSettings').selectAll().executeTakeFirstOrThrow();
    return {
      keyId: settings.keyId,
      key: (await services.keyStore.load(settings.keyId))!,
      salt: settings.salt,
      kdf: { log2N: settings.log2n, r: settings.r, p: settings.p },
    };
  }

  it.each([
    ['a full stick (ENOSPC) at a random offset', 'ENOSPC', /plus assez de place/],
    ['a stick removed mid-write (EIO)', 'EIO', /retirée ou ne répond plus/],
    ['a read-only stick (EROFS)', 'EROFS', /protégée en écriture/],
  ])(
    '%s: a French message, the previous backup untouched, nothing under the final name',
    async (_case, code, message) => {
      const { services, folder, file } = await backedUp();
      writeFileSync(path.join(services.paths.attachmentsDir, 'scan.pdf'), randomBytes(3 * 1024 * 1024));
      const before = readFileSync(file);
      const failAfter = code === 'EROFS' ? 0 : 1 + Math.floor(Math.random() * 3 * 1024 * 1024);
      let written = 0;
      const result = await writeBackup({
        engine: services.engine,
        filesDir: services.paths.filesDir,
        folder,
        fileName: 'Passerelle_essai.passerelle-backup',
        workDir: await workFolder(services.paths, 'sauvegarde'),
        key: await keyOf(services),
        createdAt: '2026-03-02T09:00:00.000Z',
        openTarget: async (target) => {
          if (failAfter === 0) throw Object.assign(new Error('read-only'), { code });
          const real = await open(target, 'w');
          return {
            write: (async (bytes: Buffer) => {
              written += bytes.length;
              if (written > failAfter) throw Object.assign(new Error('fault'), { code });
              return real.write(bytes);
            }) as never,
            sync: () => real.sync(),
            close: () => real.close(),
          };
        },
      }).then(
        () => null,
        (error: Error) => error,
      );
      expect(result?.message).toMatch(message);
      expect(readdirSync(folder)).toEqual([path.basename(file)]);
      expect(readFileSync(file).equals(before)).toBe(true);
    },
  );
});

// About the SQLite file on the PC, damaged and put back from its local copy: a PostgreSQL server checks its own.
describe('start-up check (the SQLite file on this PC)', () => {
  it('refuses damaged data without touching it, and on request puts back the newest verified local copy', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const dataDir = tempDir();
    const { call, services } = await configured({ dataDir, clock, engine: 'sqlite' });
    valueOf(await call('people/create', { person: person(), situation: situation() }));
    await services.close();
    // The next day's start makes the copy that holds Élodie.
    clock.set('2026-03-03T09:00:00.000Z');
    await (await testServices({ dataDir, clock, engine: 'sqlite' })).close();
    const file = path.join(dataDir, 'passerelle.sqlite');
    const bytes = readFileSync(file);
    // Scramble the middle of the file, leaving its header readable.
    const damaged = Buffer.from(bytes);
    randomBytes(8192).copy(damaged, 4096 * 3);
    writeFileSync(file, damaged);
    await expect(testServices({ dataDir, clock, engine: 'sqlite' })).rejects.toMatchObject({
      code: 'DATABASE_DAMAGED',
    });
    expect(readFileSync(file).equals(damaged)).toBe(true);

    expect(await restoreLatestLocal(file, path.join(dataDir, 'sauvegardes'), '2026-03-04_10h00')).toBe('2026-03-03');
    expect(readFileSync(path.join(dataDir, 'passerelle-endommagee-2026-03-04_10h00.sqlite')).equals(damaged)).toBe(
      true,
    );
    const restored = await testServices({ dataDir, clock, engine: 'sqlite' });
    expect(await personCount(restored.db)).toBe(1);
  });
});
