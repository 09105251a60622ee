/**
 * Several PCs on one PostgreSQL database (issue 28): the journal's key
 * travels in the « fichier de raccordement » (encrypted under a passphrase
 * the administrator chooses), a PC without it is refused rather than let to
 * seal the journal again, and each PC's head file, left behind by what the
 * others appended or purged, is accepted when what lies between holds under
 * the key. Two data folders (two PCs), each starting on its own SQLite file
 * as a new PC does, then moving to the same database on the run's server.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAMAGED_JOIN_FILE, NOT_A_JOIN_FILE, openJoinFile, sealJoinFile } from '../../src-main/backup/join-file';
import { allEntries } from '../../src-main/db/repositories/journal';
import { headFindings } from '../../src-main/app/journal-verify';
import type { Services } from '../../src-main/app/services';
import type { PostgresSettingInput } from '../../src-main/shared/contract/storage';
import { runServer, uniqueName, type RunServer } from './support/postgres';
import { setupInput } from './support/factories';
import { caller, fakeClock, sessionAs, tempDir, testServices, valueOf } from './support/services';

const SERVER_PASSWORD = 'Varech-Serveur-Kerbrénou-2026';
const PASSPHRASE = 'mésange-sureau-lagune-pinson';
const ROLE = uniqueName('passerelle');
const databases: string[] = [];
let server: RunServer;
let base: PostgresSettingInput;

async function emptyDatabase(): Promise<PostgresSettingInput> {
  const name = uniqueName('passerelle');
  await server.sql('postgres', `create database ${name} owner ${ROLE}`);
  databases.push(name);
  return { ...base, database: name };
}

beforeAll(async () => {
  server = runServer();
  await server.sql('postgres', `create role ${ROLE} login password '${SERVER_PASSWORD}'`);
  base = { host: server.host, port: server.port, database: 'x', user: ROLE, tls: 'disable' };
});

afterAll(async () => {
  for (const name of databases) await server.sql('postgres', `drop database if exists ${name} with (force)`);
  await server.sql('postgres', `drop role if exists ${ROLE}`);
});

type Clock = ReturnType<typeof fakeClock>;

/** A PC: its own data folder, on its own SQLite file until it moves (whatever engine the run is for). */
const pc = (clock: Clock, dataDir?: string) => testServices({ engine: 'sqlite', clock, dataDir });

async function adminOf(services: Services) {
  return caller(services, await sessionAs(services, 'administrateur', `Admin ${Math.random()}`));
}

async function verify(services: Services) {
  return valueOf(await (await adminOf(services))('journal/verify'));
}

/** PC A: moves to the empty database, sets the structure up there, writes, and makes the fichier de raccordement. */
async function firstPc(clock: Clock) {
  const target = await emptyDatabase();
  const a = await pc(clock);
  valueOf(await caller(a)('storage/choosePostgres', { setting: target, password: SERVER_PASSWORD }));
  const view = valueOf(await caller(a)('setup/complete', setupInput()));
  const callA = caller(a, { user: view.user, token: view.token });
  valueOf(await callA('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1250 }));
  const folder = tempDir('passerelle-cle-usb-');
  const { file } = valueOf(await callA('storage/writeJoinFile', { folder, passphrase: PASSPHRASE }));
  return { a, callA, target, file };
}

describe('joining a PC to a Passerelle database on PostgreSQL', () => {
  it('carries the key in the fichier de raccordement: both PCs write, each verifies the chain clean', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { a, callA, target, file } = await firstPc(clock);
    expect(path.basename(file)).toBe(`raccordement-${target.database}.passerelle-raccordement`);

    // Nothing in clear: neither the password, nor the key (raw, hex or base64), nor the server's name.
    const bytes = readFileSync(file);
    for (const secret of [
      Buffer.from(SERVER_PASSWORD),
      a.journal.key,
      Buffer.from(a.journal.key.toString('hex')),
      Buffer.from(a.journal.key.toString('base64')),
      Buffer.from(target.database),
      Buffer.from(ROLE),
    ])
      expect(bytes.includes(secret)).toBe(false);

    // PC B, new (the wizard): connecting without the key is refused, and nothing is kept.
    const b = await pc(clock);
    const refused = await caller(b)('storage/choosePostgres', { setting: target, password: SERVER_PASSWORD });
    expect(refused).toMatchObject({ ok: false, error: { code: 'JOURNAL_KEY_REQUIRED' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('dont le journal des accès est scellé avec une clé que ce PC n’a pas');
      expect(refused.error.message).toContain('« Rejoindre avec un fichier de raccordement »');
    }
    expect(b.engine.kind).toBe('sqlite');
    expect(existsSync(b.paths.engineFile)).toBe(false);

    // A wrong passphrase: said in French, on the passphrase.
    expect(await caller(b)('storage/joinWithFile', { path: file, passphrase: 'pas-la-bonne-phrase' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'passphrase',
        message:
          'La phrase de passe ne correspond pas à ce fichier de raccordement. Demandez-la à l’administrateur qui a fait le fichier.',
      },
    });
    expect(b.engine.kind).toBe('sqlite');

    // The right one: B is on the server, with the journal's key.
    const joined = valueOf(await caller(b)('storage/joinWithFile', { path: file, passphrase: PASSPHRASE }));
    expect(joined).toMatchObject({ leftFile: b.paths.databaseFile, outcome: { kind: 'ok', contents: 'passerelle' } });
    expect(b.engine.kind).toBe('postgres');
    expect(b.journal.key.equals(a.journal.key)).toBe(true);
    expect(JSON.parse(readFileSync(b.paths.engineFile, 'utf8'))).toEqual({ engine: 'postgres', postgres: target });
    // The structure set up by A: B's wizard is over.
    expect(valueOf(await caller(b)('setup/status')).completed).toBe(true);

    const callB = await adminOf(b);
    for (let i = 0; i < 3; i++) {
      valueOf(
        await callA('settings/addWageRate', { effectiveFrom: `${2028 + 2 * i}-01-01`, hourlyCents: 1260 + 20 * i }),
      );
      valueOf(
        await callB('settings/addWageRate', { effectiveFrom: `${2029 + 2 * i}-01-01`, hourlyCents: 1270 + 20 * i }),
      );
    }
    for (const services of [a, b]) expect(await verify(services)).toMatchObject({ valid: true, findings: [] });
    // No alert journaled by either start, no second seal: one chain under one key.
    const entries = await allEntries(a.db);
    expect(entries.filter((e) => e.action === 'alert' || e.action === 'seal')).toEqual([]);
    expect(entries.filter((e) => e.method === 'storage/joinWithFile')).toHaveLength(0);
    // B's move is journaled in B's SQLite file, where it was made from; the key never in the journal.
    expect(JSON.stringify(entries)).not.toContain(a.journal.key.toString('base64'));
  });

  it('accepts a head left behind by another PC’s purge, and still refuses a PC without the key at start', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { a, target, file } = await firstPc(clock);
    const b = await pc(clock);
    valueOf(await caller(b)('storage/joinWithFile', { path: file, passphrase: PASSPHRASE }));
    valueOf(await (await adminOf(b))('settings/addWageRate', { effectiveFrom: '2029-01-01', hourlyCents: 1300 }));
    const headOfB = readFileSync(b.journal.headFile, 'utf8');
    const announced = (JSON.parse(headOfB) as { lastId: number }).lastId;
    // A writes after it the same day: the purge's anchor lands beyond what B's head announced.
    valueOf(await (await adminOf(a))('settings/addWageRate', { effectiveFrom: '2030-01-01', hourlyCents: 1305 }));

    // A year later A works, then starts again: everything B's head announced is purged (older than 12 months).
    clock.set('2027-03-10T09:00:00.000Z');
    valueOf(await (await adminOf(a))('settings/addWageRate', { effectiveFrom: '2031-01-01', hourlyCents: 1310 }));
    clock.set('2027-03-10T10:00:00.000Z');
    const aAgain = await pc(clock, a.paths.dataDir);
    const purged = (await allEntries(aAgain.db)).find((e) => e.action === 'purge');
    expect(purged?.records).toMatch(/journal:\d+/);
    const anchor = await aAgain.db.selectFrom('journalState').select('anchorId').executeTakeFirstOrThrow();
    expect(anchor.anchorId).toBeGreaterThan(announced);

    // B starts again: its head names entries purged since, after a purge entry that holds under the key.
    clock.set('2027-03-10T11:00:00.000Z');
    expect(readFileSync(b.journal.headFile, 'utf8')).toBe(headOfB);
    const bAgain = await pc(clock, b.paths.dataDir);
    expect((await allEntries(bAgain.db)).filter((e) => e.action === 'alert')).toEqual([]);
    for (const services of [aAgain, bAgain])
      expect(await verify(services)).toMatchObject({ valid: true, findings: [] });

    // A third PC set by hand for the server (its moteur.json and password copied), without the key: refused at start.
    const c = await pc(clock);
    writeFileSync(c.paths.engineFile, JSON.stringify({ engine: 'postgres', postgres: target }));
    await c.keyStore.save('postgres', Buffer.from(SERVER_PASSWORD));
    const start = pc(clock, c.paths.dataDir);
    await expect(start).rejects.toMatchObject({ code: 'JOURNAL_KEY_REQUIRED' });
    const said = await start.catch((error: Error) => error.message);
    expect(said).toContain('renommez le fichier « moteur.json » du dossier des données en « moteur-ancien.json »');
    expect(said).toContain('« Rejoindre avec un fichier de raccordement »');
    expect((await allEntries(aAgain.db)).filter((e) => e.action === 'seal' || e.action === 'alert')).toEqual([]);
  });

  it('moves a running PC’s head past another PC’s purge that holds under the key', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { a, file } = await firstPc(clock);
    const b = await pc(clock);
    valueOf(await caller(b)('storage/joinWithFile', { path: file, passphrase: PASSPHRASE }));
    const callB = await adminOf(b);
    valueOf(await callB('settings/addWageRate', { effectiveFrom: '2029-01-01', hourlyCents: 1300 }));
    valueOf(await (await adminOf(a))('settings/addWageRate', { effectiveFrom: '2030-01-01', hourlyCents: 1305 }));
    clock.set('2027-03-10T09:00:00.000Z');
    valueOf(await (await adminOf(a))('settings/addWageRate', { effectiveFrom: '2031-01-01', hourlyCents: 1310 }));
    clock.set('2027-03-10T10:00:00.000Z');
    const aAgain = await pc(clock, a.paths.dataDir);
    expect((await allEntries(aAgain.db)).some((e) => e.action === 'purge')).toBe(true);

    // B, still running, calls the server again: its head follows the purge.
    expect(await verify(b)).toMatchObject({ valid: true, findings: [] });
    const last = (await allEntries(b.db)).at(-1)!;
    expect((JSON.parse(readFileSync(b.journal.headFile, 'utf8')) as { lastId: number }).lastId).toBe(last.id);
  });

  it('is the administrator’s, and needs the data on a server', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const services = await pc(clock);
    const view = valueOf(await caller(services)('setup/complete', setupInput()));
    const folder = tempDir('passerelle-cle-usb-');
    expect(
      await caller(services, { user: view.user, token: view.token })('storage/writeJoinFile', {
        folder,
        passphrase: PASSPHRASE,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Les données de Passerelle sont sur ce PC/) },
    });
    const coordination = caller(services, await sessionAs(services, 'coordination'));
    expect(await coordination('storage/writeJoinFile', { folder, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await caller(services, { user: view.user, token: view.token })('storage/writeJoinFile', {
        folder,
        passphrase: 'court',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'passphrase' } });
  });
});

describe('the fichier de raccordement itself', () => {
  const content = {
    kind: 'passerelle-raccordement' as const,
    setting: { host: 'srv-mairie', port: 5432, database: 'passerelle', user: 'passerelle', tls: 'verify' as const },
    password: SERVER_PASSWORD,
    journalKey: Buffer.alloc(32, 7).toString('base64'),
    madeAt: '2026-03-02T09:00:00.000Z',
  };
  const kdf = { log2N: 10, r: 8, p: 1 };

  it('opens with its passphrase only, and refuses a changed byte or another file in French', async () => {
    const sealed = await sealJoinFile(content, PASSPHRASE, kdf);
    expect(await openJoinFile(sealed, PASSPHRASE)).toEqual(content);
    const changed = Buffer.from(sealed);
    changed[changed.length - 20]! ^= 1;
    await expect(openJoinFile(changed, PASSPHRASE)).rejects.toMatchObject({ message: DAMAGED_JOIN_FILE });
    await expect(openJoinFile(Buffer.from('PSRLBAK1 une sauvegarde'), PASSPHRASE)).rejects.toMatchObject({
      message: NOT_A_JOIN_FILE,
    });
    // A header asking for an absurd scrypt cost is refused before any derivation.
    const costly = Buffer.from(sealed);
    costly.writeUInt8(30, 25);
    await expect(openJoinFile(costly, PASSPHRASE)).rejects.toMatchObject({ message: NOT_A_JOIN_FILE });
  });
});

describe('a head left behind by a purge made on another PC', () => {
  // The head announced entry 3 (HMAC "c"); the database's anchor is now 5: entries 1–5 were purged.
  const head = { status: 'ok' as const, head: { sealId: 1, anchorId: 0, lastId: 3, count: 3, lastMac: 'c' } };
  const rows = [
    { id: 6, hash: 'f' },
    { id: 7, hash: 'g' },
  ];
  const state = { sealedId: 1, anchorId: 5 };
  const codes = (purges: { id: number }[], over = state) => headFindings(head, rows, over, purges).map((f) => f.code);

  it('is accepted with a purge entry after what it announced, whose HMAC held', () => {
    expect(codes([{ id: 6 }])).toEqual([]);
  });

  it('alerts without one: rows cut and the anchor moved by hand, or a purge older than the head', () => {
    expect(codes([])).toEqual(['head-mismatch']);
    expect(codes([{ id: 2 }])).toEqual(['head-mismatch']);
    // Another seal since (the key lost on a PC): not the journal the head announced.
    expect(codes([{ id: 6 }], { sealedId: 6, anchorId: 5 })).toEqual(['head-mismatch']);
  });
});
