import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../src-main/app/services';
import { loadPostgresPassword, savePostgresPassword } from '../../src-main/app/engine-choice';
import { fileKeyStore } from '../../src-main/backup/file-key-store';
import { postgresSsl } from '../../src-main/db/connection-test';
import { allEntries } from '../../src-main/db/repositories/journal';
import type { PostgresSettingInput } from '../../src-main/shared/contract/storage';
import { freePort, SERVER_HOOK_MS, startTestServer, type TestServer } from './support/postgres-server';
import { caller, configured, sessionAs, tempDir, testServices, valueOf } from './support/services';

const SERVER_PASSWORD = 'Goémon-Serveur-Kerbrénou-2026';
let server: TestServer;
let setting: PostgresSettingInput;

beforeAll(async () => {
  server = await startTestServer();
  await server.sql('postgres', `create role passerelle login password '${SERVER_PASSWORD}'`);
  await server.sql('postgres', 'create database passerelle owner passerelle');
  setting = { host: 'localhost', port: server.port, database: 'passerelle', user: 'passerelle', tls: 'disable' };
}, SERVER_HOOK_MS);

afterAll(async () => {
  await server?.stop();
}, SERVER_HOOK_MS);

describe('storage before the first account (setup wizard)', () => {
  it('says the data is on this PC, and that this build cannot use a server yet', async () => {
    const services = await testServices();
    const status = valueOf(await caller(services)('storage/status'));
    expect(status).toEqual({
      engine: 'sqlite',
      postgres: null,
      databaseFile: services.paths.databaseFile,
      postgresAvailable: false,
    });
  });

  it('tests a connection for anyone while the wizard runs, and says in French that the server does not answer', async () => {
    const services = await testServices();
    const port = await freePort();
    const result = await caller(services)('storage/testConnection', {
      setting: { ...setting, port },
      password: 'quelconque',
    });
    expect(valueOf(result)).toMatchObject({
      kind: 'unreachable',
      ok: false,
      message: expect.stringContaining(`Le serveur PostgreSQL ne répond pas à l’adresse localhost:${port}.`),
    });
  });

  it('checks the setting with the domain’s rules first, every field at once', async () => {
    const services = await testServices();
    const result = await caller(services)('storage/testConnection', {
      setting: { host: '192.168.1.20', port: 70000, database: 'Passerelle', user: 'passerelle', tls: 'disable' },
      password: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.field)).toEqual(['setting.port', 'setting.database', 'setting.tls']);
    expect(result.error.message).toMatch(/^3 informations sont à corriger\. Le port est un nombre entier de 1 à 65535/);
  });

  it('returns the discouraged choices as warnings with the outcome', async () => {
    const services = await testServices();
    const result = valueOf(
      await caller(services)('storage/testConnection', {
        setting: { ...setting, tls: 'no-verify' },
        password: SERVER_PASSWORD,
      }),
    );
    // The test server has no TLS: the warning comes with the refusal all the same.
    expect(result.kind).toBe('server_without_tls');
    expect(result.warnings[0]).toMatch(/Déconseillé/);
  });
});

describe('storage once set up', () => {
  it('is the administrator’s alone', async () => {
    const { services, call } = await configured();
    expect(valueOf(await call('storage/status')).engine).toBe('sqlite');
    const coordination = caller(services, await sessionAs(services, 'coordination'));
    expect(await coordination('storage/status')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await caller(services)('storage/testConnection', { setting, password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('refuses to choose a server this build cannot use, and writes nothing', async () => {
    const { services, call } = await configured();
    const result = await call('storage/choosePostgres', { setting, password: SERVER_PASSWORD });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'ENGINE_UNAVAILABLE',
        message:
          'Cette version de Passerelle ne sait pas encore garder ses données sur un serveur PostgreSQL. Gardez-les « Sur ce PC » : rien n’a été changé.',
      },
    });
    expect(existsSync(services.paths.engineFile)).toBe(false);
    expect(readdirSync(path.join(services.paths.dataDir, 'cles'))).not.toContain('cle-postgres.bin');
  });

  it('refuses a server that fails the test, and writes nothing', async () => {
    const { services, call } = await configured({ postgresAvailable: true });
    const result = await call('storage/choosePostgres', { setting, password: 'pas-le-bon' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Le mot de passe de l’utilisateur « passerelle » est refusé/);
    expect(existsSync(services.paths.engineFile)).toBe(false);
  });

  it('keeps the setting in moteur.json and the password in the key store only: never in the database, the journal or the logs', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      }),
    );
    try {
      const { services, call } = await configured({ postgresAvailable: true });
      const chosen = valueOf(await call('storage/choosePostgres', { setting, password: SERVER_PASSWORD }));
      expect(chosen).toMatchObject({ restartRequired: true, outcome: { kind: 'ok', contents: 'empty' } });

      const file = readFileSync(services.paths.engineFile, 'utf8');
      expect(JSON.parse(file)).toEqual({ engine: 'postgres', postgres: setting });
      expect(file).not.toContain(SERVER_PASSWORD);
      const kept = await services.keyStore.load('postgres');
      expect(kept?.toString('utf8')).toBe(SERVER_PASSWORD);
      // Browser mode: a file of the data folder only this account may read.
      expect(statSync(path.join(services.paths.dataDir, 'cles', 'cle-postgres.bin')).mode & 0o777).toBe(0o600);

      const entries = await allEntries(services.db);
      const chose = entries.find((entry) => entry.method === 'storage/choosePostgres');
      expect(chose).toMatchObject({ action: 'change', records: expect.stringContaining('storage:postgres') });
      expect(JSON.stringify(entries)).not.toContain(SERVER_PASSWORD);
      await services.close();
      for (const name of readdirSync(services.paths.dataDir).filter((n) => n.startsWith('passerelle.sqlite'))) {
        expect(readFileSync(path.join(services.paths.dataDir, name)).includes(Buffer.from(SERVER_PASSWORD))).toBe(
          false,
        );
      }
      expect(logged.join('\n')).not.toContain(SERVER_PASSWORD);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('starting on a data folder set for PostgreSQL', () => {
  const start = (dataDir: string) =>
    createServices({
      dataDir,
      dialogs: { native: false, chooseFile: async () => null, chooseFolder: async () => null },
      mode: 'browser',
      version: '0.0.0-test',
    });

  it('stops with a French message when this build cannot use the server, without making an empty database', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'moteur.json'), JSON.stringify({ engine: 'postgres', postgres: setting }));
    await expect(start(dataDir)).rejects.toMatchObject({
      code: 'ENGINE_UNAVAILABLE',
      message: expect.stringContaining(
        'Passerelle est réglée pour garder ses données sur le serveur PostgreSQL « localhost », mais cette version ne sait pas encore le faire.',
      ),
    });
    expect(existsSync(path.join(dataDir, 'passerelle.sqlite'))).toBe(false);
  });

  it('says so when moteur.json is unreadable', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'moteur.json'), '{"engine": "oracle"}');
    await expect(start(dataDir)).rejects.toMatchObject({
      code: 'FILE_ERROR',
      message: expect.stringMatching(/^Le fichier « moteur\.json » du dossier des données .* est illisible/),
    });
  });

  it('keeps SQLite when the file says so', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'moteur.json'), '{"engine": "sqlite"}');
    const services = await testServices({ dataDir });
    expect(services.engineChoice).toEqual({ engine: 'sqlite' });
  });
});

describe('the password at rest', () => {
  it('goes through the key store’s protection, as safeStorage wraps it in the desktop app', async () => {
    const dir = tempDir();
    // Stands for Electron's safeStorage (DPAPI on Windows): what is on disk is never the password.
    const flip = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
    const store = fileKeyStore(dir, flip, flip);
    await savePostgresPassword(store, SERVER_PASSWORD);
    const onDisk = readFileSync(path.join(dir, 'cle-postgres.bin'));
    expect(onDisk.includes(Buffer.from(SERVER_PASSWORD))).toBe(false);
    expect(await loadPostgresPassword(store)).toBe(SERVER_PASSWORD);
    expect(await loadPostgresPassword(fileKeyStore(tempDir()))).toBeNull();
  });

  it('maps each TLS mode to the driver’s options', () => {
    const at = { host: 'base.mairie.fr', port: 5432, database: 'passerelle', user: 'passerelle' };
    expect(postgresSsl({ ...at, tls: 'verify' })).toEqual({ rejectUnauthorized: true });
    expect(postgresSsl({ ...at, tls: 'no-verify' })).toEqual({ rejectUnauthorized: false });
    expect(postgresSsl({ ...at, tls: 'disable' })).toBe(false);
  });
});
