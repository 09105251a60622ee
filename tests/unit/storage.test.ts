import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../src-main/app/services';
import { loadPostgresPassword, savePostgresPassword } from '../../src-main/app/engine-choice';
import { fileKeyStore } from '../../src-main/backup/file-key-store';
import { postgresSsl } from '../../src-main/db/connection-test';
import { allEntries } from '../../src-main/db/repositories/journal';
import type { PostgresSettingInput } from '../../src-main/shared/contract/storage';
import { freePort, runServer, uniqueName, type RunServer } from './support/postgres';
import { setupInput } from './support/factories';
import { caller, configured, sessionAs, tempDir, testServices, valueOf } from './support/services';

/** On the run's server (tests/postgres/); the role and databases are this file's own. */
const SERVER_PASSWORD = 'Goémon-Serveur-Kerbrénou-2026';
const ROLE = uniqueName('passerelle');
const databases: string[] = [];
let server: RunServer;
let setting: PostgresSettingInput;

/** An empty database the role owns, as the README asks the IT provider to make. */
async function emptyDatabase(): Promise<PostgresSettingInput> {
  const name = uniqueName('passerelle');
  await server.sql('postgres', `create database ${name} owner ${ROLE}`);
  databases.push(name);
  return { ...setting, database: name };
}

beforeAll(async () => {
  server = runServer();
  await server.sql('postgres', `create role ${ROLE} login password '${SERVER_PASSWORD}'`);
  setting = { host: server.host, port: server.port, database: 'x', user: ROLE, tls: 'disable' };
  setting = await emptyDatabase();
});

afterAll(async () => {
  for (const name of databases) await server.sql('postgres', `drop database if exists ${name} with (force)`);
  await server.sql('postgres', `drop role if exists ${ROLE}`);
});

describe('storage before the first account (setup wizard)', () => {
  it('says the data is on this PC, and that this build can use a server', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const status = valueOf(await caller(services)('storage/status'));
    expect(status).toEqual({
      engine: 'sqlite',
      postgres: null,
      databaseFile: services.paths.databaseFile,
      authority: null,
      postgresAvailable: true,
    });
  });

  it('tests a connection for anyone while the wizard runs, and says in French that the server does not answer', async () => {
    const services = await testServices({ engine: 'sqlite' });
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
    const services = await testServices({ engine: 'sqlite' });
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
    const services = await testServices({ engine: 'sqlite' });
    const result = valueOf(
      await caller(services)('storage/testConnection', {
        setting: { ...setting, tls: 'no-verify' },
        password: SERVER_PASSWORD,
      }),
    );
    // The run's server has a self-signed certificate: encrypted, not checked, and said so.
    expect(result.kind).toBe('ok');
    expect(result.warnings[0]).toMatch(/Déconseillé/);
  });
});

describe('what « Tester la connexion » tells the IT provider who followed the README', () => {
  const test = async (
    services: Awaited<ReturnType<typeof testServices>>,
    input: PostgresSettingInput,
    password: string,
  ) => valueOf(await caller(services)('storage/testConnection', { setting: input, password }));

  it('says a refused password may be a misspelt user name: PostgreSQL answers the same for a role that does not exist', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const missing = uniqueName('passerel');
    const result = await test(services, { ...setting, user: missing }, SERVER_PASSWORD);
    expect(result).toMatchObject({ kind: 'wrong_password', ok: false });
    expect(result.message).toBe(
      `Le serveur refuse le mot de passe de l’utilisateur « ${missing} ». Vérifiez le nom de l’utilisateur puis retapez le mot de passe (attention aux majuscules) ; s’ils sont justes, demandez à votre prestataire informatique de vérifier ce compte.`,
    );
    expect(result.technical).toContain('rôle inexistant');
    // The password typed for this test is never said back.
    expect(JSON.stringify(result)).not.toContain(SERVER_PASSWORD);
  });

  it('gives the IT provider the server’s own words when pg_hba.conf turns the PC away', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const turnedAway = uniqueName('passerelle_refuse');
    await server.sql('postgres', `create role ${turnedAway} login password '${SERVER_PASSWORD}'`);
    try {
      await server.preferHbaLine(`host all ${turnedAway} all reject`);
      // The reload is the postmaster's own: wait until the line applies.
      let result = await test(services, { ...setting, user: turnedAway, tls: 'no-verify' }, SERVER_PASSWORD);
      for (let attempt = 0; result.kind !== 'access_refused' && attempt < 100; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        result = await test(services, { ...setting, user: turnedAway, tls: 'no-verify' }, SERVER_PASSWORD);
      }
      expect(result.kind).toBe('access_refused');
      expect(result.message).toContain(
        'Vérifiez ces deux noms ; s’ils sont justes, votre prestataire informatique doit autoriser ce poste',
      );
      expect(result.technical).toMatch(/^PostgreSQL 28000 : accès refusé \(pg_hba\.conf ou privilège CONNECT\) : « /);
      expect(result.technical).toContain('pg_hba.conf rejects connection for host');
      expect(result.technical).toContain(turnedAway);
    } finally {
      await server.sql('postgres', `drop role if exists ${turnedAway}`);
    }
  });

  it('names a self-signed certificate for the IT provider, and never sends anyone to this PC’s certificate store', async () => {
    const services = await testServices({ engine: 'sqlite' });
    // The run's server has a self-signed certificate, as a town's server often has.
    const result = await test(services, { ...setting, tls: 'verify' }, SERVER_PASSWORD);
    expect(result.kind).toBe('certificate_untrusted');
    expect(result.message).toBe(
      `Passerelle ne peut pas vérifier l’identité du serveur. Son certificat n’est pas délivré par une autorité publique reconnue par Passerelle. Demandez à votre prestataire informatique le certificat de l’autorité qui a signé celui du serveur « ${setting.host} » (ou ce certificat lui-même s’il est auto-signé), à choisir dans « Autorité de certification de la mairie ».`,
    );
    expect(result.technical).toBe(
      'Vérification TLS refusée (DEPTH_ZERO_SELF_SIGNED_CERT) : certificat auto-signé. Sans certificat d’autorité fourni, Passerelle ne reconnaît que les autorités de la liste de Mozilla livrée avec Node.js, pas le magasin de certificats de Windows.',
    );
    expect(result.message).not.toContain('cet ordinateur');
  });
});

describe('storage once set up', () => {
  it('is the administrator’s alone', async () => {
    const { services, call } = await configured({ engine: 'sqlite' });
    expect(valueOf(await call('storage/status')).engine).toBe('sqlite');
    const coordination = caller(services, await sessionAs(services, 'coordination'));
    expect(await coordination('storage/status')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await caller(services)('storage/testConnection', { setting, password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('refuses to choose a server this build cannot use, and writes nothing', async () => {
    const { services, call } = await configured({ postgresAvailable: false, engine: 'sqlite' });
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
    const { services, call } = await configured({ engine: 'sqlite' });
    const result = await call('storage/choosePostgres', { setting, password: 'pas-le-bon' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok)
      expect(result.error.message).toMatch(`Le serveur refuse le mot de passe de l’utilisateur « ${ROLE} »`);
    expect(existsSync(services.paths.engineFile)).toBe(false);
    expect(services.engine.kind).toBe('sqlite');
  });

  it('keeps the setting in moteur.json and the password in the key store only: never in the database, the journal or the logs', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      }),
    );
    try {
      const { services, call, session } = await configured({ engine: 'sqlite' });
      const target = await emptyDatabase();
      const sqliteDb = services.db;
      const chosen = valueOf(await call('storage/choosePostgres', { setting: target, password: SERVER_PASSWORD }));
      expect(chosen).toMatchObject({
        leftFile: services.paths.databaseFile,
        outcome: { kind: 'ok', contents: 'empty' },
      });

      const file = readFileSync(services.paths.engineFile, 'utf8');
      expect(JSON.parse(file)).toEqual({ engine: 'postgres', postgres: target });
      expect(file).not.toContain(SERVER_PASSWORD);
      const kept = await services.keyStore.load('postgres');
      expect(kept?.toString('utf8')).toBe(SERVER_PASSWORD);
      // Browser mode: a file of the data folder only this account may read.
      expect(statSync(path.join(services.paths.dataDir, 'cles', 'cle-postgres.bin')).mode & 0o777).toBe(0o600);

      // The running app is on the server now, and everyone signs in again there.
      expect(services.engine.kind).toBe('postgres');
      expect(services.db).not.toBe(sqliteDb);
      expect(services.sessions.resolve(session.token!, services.clock.now(), 10)).toBeNull();
      // The server's database is empty: the wizard's calls are open, going back to this PC among them.
      expect(valueOf(await caller(services)('setup/status')).completed).toBe(false);
      expect(valueOf(await caller(services)('storage/chooseSqlite'))).toEqual({
        databaseFile: services.paths.databaseFile,
      });
      expect(services.engine.kind).toBe('sqlite');
      // The SQLite file as it was left: the structure set up before the move.
      expect(valueOf(await caller(services)('setup/status')).completed).toBe(true);
      // Journaled where the move was made from: the SQLite file, before it closed.
      const entries = await allEntries(services.db);
      const chose = entries.find((entry) => entry.method === 'storage/choosePostgres');
      // Each store keeps its own journal head: the round trip is no journal cut.
      expect(entries.filter((entry) => entry.method === 'journal/check')).toEqual([]);
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
  const start = (dataDir: string, postgresAvailable?: boolean) =>
    createServices({
      dataDir,
      dialogs: { native: false, chooseFile: async () => null, chooseFolder: async () => null },
      mode: 'browser',
      version: '0.0.0-test',
      postgresAvailable,
    });
  const setFor = async (dataDir: string, target: PostgresSettingInput, password: string | null) => {
    writeFileSync(path.join(dataDir, 'moteur.json'), JSON.stringify({ engine: 'postgres', postgres: target }));
    if (password !== null) await savePostgresPassword(fileKeyStore(path.join(dataDir, 'cles')), password);
  };

  it('stops with a French message when this build cannot use the server, without making an empty database', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'moteur.json'), JSON.stringify({ engine: 'postgres', postgres: setting }));
    await expect(start(dataDir, false)).rejects.toMatchObject({
      code: 'ENGINE_UNAVAILABLE',
      message: expect.stringContaining(
        'Passerelle est réglée pour garder ses données sur le serveur PostgreSQL « localhost », mais cette version ne sait pas encore le faire.',
      ),
    });
    expect(existsSync(path.join(dataDir, 'passerelle.sqlite'))).toBe(false);
  });

  it('opens the chosen server with the password kept on this PC, and finds its data again at the next start', async () => {
    const dataDir = tempDir();
    const target = await emptyDatabase();
    await setFor(dataDir, target, SERVER_PASSWORD);
    const first = await testServices({ dataDir, engine: 'sqlite' });
    expect(first.engine.kind).toBe('postgres');
    expect(valueOf(await caller(first)('storage/status'))).toMatchObject({ engine: 'postgres', postgres: target });
    valueOf(await caller(first)('setup/complete', setupInput()));
    await first.close();

    const again = await testServices({ dataDir, engine: 'sqlite' });
    expect(again.engine.kind).toBe('postgres');
    expect(valueOf(await caller(again)('setup/status'))).toMatchObject({ completed: true });
    expect((await allEntries(again.db)).filter((entry) => entry.method === 'journal/check')).toEqual([]);
    // Nothing was ever written on this PC's side.
    expect(existsSync(path.join(dataDir, 'passerelle.sqlite'))).toBe(false);
  });

  it('lets a second PC join the server another PC set up, with the fichier de raccordement: its wizard gives way to the login', async () => {
    const target = await emptyDatabase();
    const first = await testServices({ engine: 'sqlite' });
    valueOf(await caller(first)('storage/choosePostgres', { setting: target, password: SERVER_PASSWORD }));
    const view = valueOf(await caller(first)('setup/complete', setupInput()));
    const folder = tempDir('passerelle-cle-usb-');
    const passphrase = 'goéland-verger-sentier-iris';
    const { file } = valueOf(
      await caller(first, { user: view.user, token: view.token })('storage/writeJoinFile', { folder, passphrase }),
    );

    // The first PC holds the journal's key: its test says the data will be used.
    expect(
      valueOf(
        await caller(first, { user: view.user, token: view.token })('storage/testConnection', {
          setting: target,
          password: SERVER_PASSWORD,
        }),
      ),
    ).toMatchObject({ kind: 'ok', ok: true, contents: 'passerelle' });

    const second = await testServices({ engine: 'sqlite' });
    expect(valueOf(await caller(second)('setup/status')).completed).toBe(false);
    // The test says at once what « Utiliser ce serveur » will refuse, and the way that works.
    const tested = valueOf(
      await caller(second)('storage/testConnection', { setting: target, password: SERVER_PASSWORD }),
    );
    expect(tested).toMatchObject({ kind: 'needs_join_file', ok: false, contents: 'passerelle' });
    expect(tested.message).toMatch(
      /^Connexion réussie \(PostgreSQL \d+\.\d+\), mais cette base contient déjà les données d’un autre poste Passerelle, dont le journal des accès est scellé avec une clé que ce PC n’a pas\. Pour raccorder ce PC, faites un « fichier de raccordement » sur un poste déjà raccordé \(Paramètres › Emplacement des données › Raccorder un autre poste\), puis choisissez ici « Rejoindre avec un fichier de raccordement »\.$/,
    );
    // The setting and password alone no longer do: the server's journal is under the first PC's key.
    expect(
      await caller(second)('storage/choosePostgres', { setting: target, password: SERVER_PASSWORD }),
    ).toMatchObject({ ok: false, error: { code: 'JOURNAL_KEY_REQUIRED' } });
    const joined = valueOf(await caller(second)('storage/joinWithFile', { path: file, passphrase }));
    expect(joined.outcome).toMatchObject({ kind: 'ok', contents: 'passerelle' });
    expect(valueOf(await caller(second)('setup/status'))).toMatchObject({
      completed: true,
      structureName: setupInput().structure.name,
    });
    // From now on the server's accounts decide: back to this PC is the administrator's.
    expect(await caller(second)('storage/chooseSqlite')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('says in French that the server does not answer, and never opens an empty database on this PC instead', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    await setFor(dataDir, { ...setting, port }, SERVER_PASSWORD);
    const failure = start(dataDir);
    await expect(failure).rejects.toMatchObject({ code: 'DATABASE_UNREACHABLE' });
    const message = (await failure.catch((error: Error) => error.message)) as string;
    expect(message).toMatch(
      `Passerelle garde ses données sur le serveur PostgreSQL « localhost » (base « ${setting.database} ») et ne peut pas l’ouvrir. Le serveur PostgreSQL ne répond pas à l’adresse localhost:${port}.`,
    );
    expect(message).toContain('Rien n’a été modifié, ni sur ce PC ni sur le serveur.');
    expect(message).not.toContain(SERVER_PASSWORD);
    expect(existsSync(path.join(dataDir, 'passerelle.sqlite'))).toBe(false);
  });

  it('refuses a database this PC worked on that is empty now (made again for a restore not finished), creating nothing; a PC new to it still creates the tables', async () => {
    const dataDir = tempDir();
    const target = await emptyDatabase();
    await setFor(dataDir, target, SERVER_PASSWORD);
    const first = await testServices({ dataDir, engine: 'sqlite' });
    valueOf(await caller(first)('setup/complete', setupInput()));
    await first.close();
    // The README's restore, steps 1 and 2: Passerelle stopped, the database dropped and made again, empty.
    await server.sql('postgres', `drop database ${target.database} with (force)`);
    await server.sql('postgres', `create database ${target.database} owner ${ROLE}`);
    const failure = start(dataDir);
    await expect(failure).rejects.toMatchObject({ code: 'DATABASE_UNREACHABLE' });
    const message = (await failure.catch((error: Error) => error.message)) as string;
    expect(message).toBe(
      `Passerelle garde ses données sur le serveur PostgreSQL « localhost » (base « ${target.database} »), mais cette base est vide alors que ce PC y a déjà travaillé : elle a sans doute été recréée pour une restauration qui n’est pas finie. Passerelle n’y crée rien, pour ne pas remplacer vos données par une base neuve. Demandez à votre prestataire informatique de finir la restauration (pg_restore dans la base « ${target.database} »), puis réessayez. Pour repartir vraiment d’une base vide : fermez Passerelle, renommez le fichier « moteur.json » du dossier des données en « moteur-ancien.json », relancez Passerelle et choisissez de nouveau « Serveur PostgreSQL » avec ce serveur (à la première étape de l’assistant, « Où garder les données ? »). Rien n’a été modifié, ni sur ce PC ni sur le serveur.`,
    );
    // Nothing was created there: pg_restore still finds the database as it made it.
    const stillEmpty = `do $$ begin if exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public') then raise exception 'des objets ont été créés'; end if; end $$`;
    await expect(server.sql(target.database, stillEmpty)).resolves.toBeUndefined();
    expect(existsSync(path.join(dataDir, 'passerelle.sqlite'))).toBe(false);

    // A PC that never opened it (no journal head of this database): the first start creates the tables.
    const newcomer = tempDir();
    await setFor(newcomer, target, SERVER_PASSWORD);
    const fresh = await start(newcomer);
    expect(fresh.engine.kind).toBe('postgres');
    expect(valueOf(await caller(fresh)('setup/status')).completed).toBe(false);
    await fresh.close();
  });

  it('says what to do when the server refuses the kept password (changed by the IT provider)', async () => {
    const dataDir = tempDir();
    await setFor(dataDir, setting, 'Ancien-mot-de-passe-2025');
    const message = await start(dataDir).then(
      () => 'opened',
      (error: Error & { code?: string }) => `${error.code} ${error.message}`,
    );
    expect(message).toMatch(/^DATABASE_UNREACHABLE /);
    expect(message).toContain(
      `Le serveur refuse le mot de passe enregistré sur ce PC pour l’utilisateur « ${ROLE} » : il a peut-être été changé.`,
    );
    expect(message).toContain('renommez le fichier « moteur.json »');
    expect(message).not.toContain('Ancien-mot-de-passe-2025');
    expect(existsSync(path.join(dataDir, 'passerelle.sqlite'))).toBe(false);
  });

  it('says so when the password is no longer kept on this PC', async () => {
    const dataDir = tempDir();
    await setFor(dataDir, setting, null);
    await expect(start(dataDir)).rejects.toMatchObject({
      code: 'DATABASE_UNREACHABLE',
      message: expect.stringContaining(`le mot de passe de l’utilisateur « ${ROLE} » n’est plus enregistré sur ce PC`),
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
    const services = await testServices({ dataDir, engine: 'sqlite' });
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
    // The town's authority replaces Node's list of public ones (libpq's sslrootcert), with « TLS obligatoire » only.
    const authority = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(postgresSsl({ ...at, tls: 'verify', authority })).toEqual({ rejectUnauthorized: true, ca: authority });
    expect(postgresSsl({ ...at, tls: 'verify', authority: null })).toEqual({ rejectUnauthorized: true });
  });
});
