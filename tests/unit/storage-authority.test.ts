import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresSettingInput } from '../../src-main/shared/contract/storage';
import { runServer, uniqueName, type RunServer } from './support/postgres';
import { setupInput } from './support/factories';
import { caller, configured, tempDir, testServices, valueOf } from './support/services';
import {
  certificateShownBy,
  makeAuthority,
  selfSignedIdentity,
  serverIdentity,
  tlsFront,
  type Authority,
} from './support/town-authority';

/**
 * « Autorité de certification de la mairie »: the IT provider hands over its authority’s certificate (or the
 * server’s own self-signed one); « TLS obligatoire » then checks the server against it, name included. On the
 * run’s server (its own self-signed certificate), and through TLS fronts showing certificates made here.
 */
const PASSWORD = 'Goémon-Autorité-Kerbrénou-2026';
const ROLE = uniqueName('passerelle');
const databases: string[] = [];
let server: RunServer;
let setting: PostgresSettingInput;
let town: Authority;
let fronts: { port: number; close(): Promise<void> }[] = [];

async function emptyDatabase(): Promise<string> {
  const name = uniqueName('passerelle');
  await server.sql('postgres', `create database ${name} owner ${ROLE}`);
  databases.push(name);
  return name;
}

/** The run's server behind a TLS front showing `identity`: the setting to reach it with « TLS obligatoire ». */
async function behind(identity: { cert: string; key: string }): Promise<PostgresSettingInput> {
  const front = await tlsFront(identity, server.port);
  fronts.push(front);
  return { ...setting, port: front.port, tls: 'verify' };
}

/** A file the secretary chooses, on this PC: the call names its path. */
function fileOnThisPc(name: string, content: string | Buffer): string {
  const file = path.join(tempDir('passerelle-cle-usb-'), name);
  writeFileSync(file, content);
  return file;
}

beforeAll(async () => {
  server = runServer();
  await server.sql('postgres', `create role ${ROLE} login password '${PASSWORD}'`);
  setting = { host: server.host, port: server.port, database: await emptyDatabase(), user: ROLE, tls: 'verify' };
  town = makeAuthority('Autorité de la mairie de Kerbrénou');
});

afterAll(async () => {
  for (const front of fronts) await front.close();
  fronts = [];
  for (const name of databases) await server.sql('postgres', `drop database if exists ${name} with (force)`);
  await server.sql('postgres', `drop role if exists ${ROLE}`);
});

describe('choosing the authority’s file', () => {
  it('reads the certificate and says what the secretary reads to the IT provider', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const file = fileOnThisPc('autorite-mairie.crt', town.cert);
    const read = valueOf(await caller(services)('storage/readAuthority', { path: file }));
    expect(read.certificates).toHaveLength(1);
    expect(read.certificates[0]).toMatchObject({
      subject: 'CN=Autorité de la mairie de Kerbrénou, O=Mairie de Kerbrénou',
      issuer: 'CN=Autorité de la mairie de Kerbrénou, O=Mairie de Kerbrénou',
      selfSigned: true,
    });
    expect(read.certificates[0]!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(read.certificates[0]!.validUntil > read.certificates[0]!.validFrom).toBe(true);
    expect(read.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
  });

  it('takes the file sent by a client PC as bytes too, and a binary (DER) certificate', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const der = await certificateShownBy(server.port);
    const read = valueOf(
      await caller(services)('storage/readAuthority', {
        file: { name: 'C:\\Users\\secretariat\\serveur.cer', base64: der.toString('base64') },
      }),
    );
    expect(read.certificates[0]!.subject).toBe('CN=localhost');
    expect(read.pem).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('refuses a file holding a private key, even beside the certificate, and says to send the certificate only', async () => {
    const services = await testServices({ engine: 'sqlite' });
    for (const content of [town.key, `${town.cert}${town.key}`]) {
      const result = await caller(services)('storage/readAuthority', { path: fileOnThisPc('mairie.pem', content) });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'path' } });
      if (!result.ok)
        expect(result.error.message).toBe(
          'Ce fichier contient une clé privée : elle doit rester sur le serveur et ne jamais circuler. Demandez à votre prestataire informatique de vous envoyer seulement le certificat (le fichier .crt ou .pem de l’autorité, sans clé), et supprimez ce fichier-ci de cet ordinateur.',
        );
    }
  });

  it('refuses a file that is no certificate', async () => {
    const services = await testServices({ engine: 'sqlite' });
    for (const content of ['Bonjour, voici le mot de passe du serveur.', Buffer.from([0x30, 0x82, 0x01, 0x00, 0xff])]) {
      const result = await caller(services)('storage/readAuthority', { path: fileOnThisPc('mairie.crt', content) });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Ce fichier n’est pas un certificat\./) },
      });
    }
    const damaged = town.cert.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    const result = await caller(services)('storage/readAuthority', { path: fileOnThisPc('abime.crt', damaged) });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Un certificat de ce fichier est abîmé/) },
    });
  });

  it('refuses the server’s certificate sent instead of the authority that signed it, naming that authority; takes both together', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const leaf = serverIdentity(town, ['base.mairie-kerbrenou.fr']).cert;
    const alone = await caller(services)('storage/readAuthority', { path: fileOnThisPc('serveur.crt', leaf) });
    expect(alone).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!alone.ok)
      expect(alone.error.message).toBe(
        'Ce fichier ne contient pas le certificat d’une autorité racine : « CN=base.mairie-kerbrenou.fr, O=Mairie de Kerbrénou » est signé par « CN=Autorité de la mairie de Kerbrénou, O=Mairie de Kerbrénou ». Demandez à votre prestataire informatique le certificat de cette autorité-là (celui de l’autorité racine, qui est signé par elle-même).',
      );
    const chain = valueOf(
      await caller(services)('storage/readAuthority', { path: fileOnThisPc('chaine.pem', `${leaf}${town.cert}`) }),
    );
    expect(chain.certificates.map((c) => c.selfSigned)).toEqual([false, true]);
  });

  it('refuses a file over 32 Ko before reading it', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const big = `${town.cert}${'#'.repeat(32 * 1024)}`;
    const result = await caller(services)('storage/readAuthority', { path: fileOnThisPc('gros.pem', big) });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Ce fichier est trop lourd pour être un certificat d’autorité/) },
    });
  });

  it('refuses an authority that has expired, with its date', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const old = makeAuthority('Ancienne autorité de la mairie', {
      from: new Date('2018-01-01T00:00:00Z'),
      until: new Date('2020-06-30T12:00:00Z'),
    });
    const result = await caller(services)('storage/readAuthority', { path: fileOnThisPc('ancienne.crt', old.cert) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok)
      expect(result.error.message).toBe(
        'Ce certificat d’autorité a expiré le 30/06/2020 (« CN=Ancienne autorité de la mairie, O=Mairie de Kerbrénou ») : il ne permet plus de vérifier le serveur. Demandez à votre prestataire informatique le certificat en cours de son autorité.',
      );
  });
});

describe('« Tester la connexion » with the town’s authority', () => {
  const test = async (input: PostgresSettingInput) =>
    valueOf(
      await caller(await testServices({ engine: 'sqlite' }))('storage/testConnection', {
        setting: input,
        password: PASSWORD,
      }),
    );

  it('connects to a server whose certificate the authority signed', async () => {
    const at = await behind(serverIdentity(town, ['localhost']));
    expect(await test({ ...at, authority: town.cert })).toMatchObject({ kind: 'ok', ok: true, contents: 'empty' });
    // Without the file, as before: the public authorities only, which never signed it.
    expect(await test(at)).toMatchObject({ kind: 'certificate_untrusted' });
  });

  it('refuses a server whose certificate another authority signed, and says so', async () => {
    const other = makeAuthority('Autorité du syndicat informatique');
    const at = await behind(serverIdentity(other, ['localhost']));
    const result = await test({ ...at, authority: town.cert });
    expect(result).toMatchObject({ kind: 'certificate_untrusted', ok: false });
    expect(result.message).toBe(
      'Passerelle ne peut pas vérifier l’identité du serveur : son certificat n’est pas signé par l’autorité de la mairie choisie ici (« CN=Autorité de la mairie de Kerbrénou, O=Mairie de Kerbrénou »). Vérifiez avec votre prestataire informatique que ce fichier est bien le certificat de l’autorité qui a signé celui du serveur « localhost » (ou, pour un certificat auto-signé, le certificat du serveur lui-même).',
    );
    expect(result.technical).toMatch(
      /^Vérification TLS refusée \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\) : la chaîne du serveur ne mène pas au certificat d’autorité fourni \(SHA-256 [0-9A-F:]+\)\.$/,
    );
  });

  it('refuses a certificate the authority signed for another name: the name is checked too', async () => {
    const at = await behind(serverIdentity(town, ['base.mairie-kerbrenou.fr']));
    const result = await test({ ...at, authority: town.cert });
    expect(result.kind).toBe('certificate_untrusted');
    expect(result.message).toBe(
      'Passerelle ne peut pas vérifier l’identité du serveur. Son certificat est établi pour un autre nom que « localhost ». Demandez à votre prestataire informatique un certificat portant le nom « localhost » (ou le nom exact à saisir dans « Serveur »).',
    );
  });

  it('says when the authority’s own certificate has expired', async () => {
    const old = makeAuthority('Ancienne autorité de la mairie', {
      from: new Date('2018-01-01T00:00:00Z'),
      until: new Date('2020-06-30T12:00:00Z'),
    });
    const at = await behind(serverIdentity(old, ['localhost']));
    const result = await test({ ...at, authority: old.cert });
    expect(result.kind).toBe('certificate_untrusted');
    expect(result.message).toBe(
      'Passerelle ne peut pas vérifier l’identité du serveur : le certificat de l’autorité de la mairie choisi ici (« CN=Ancienne autorité de la mairie, O=Mairie de Kerbrénou ») a expiré le 30/06/2020. Demandez à votre prestataire informatique le certificat en cours de son autorité, puis choisissez-le dans « Autorité de certification de la mairie ».',
    );
  });

  it('connects to the run’s server when its own self-signed certificate is the file given', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const der = await certificateShownBy(server.port);
    const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    const read = valueOf(
      await caller(services)('storage/readAuthority', { path: fileOnThisPc('serveur.pem', pem) }),
    ).pem;
    expect(await test({ ...setting, authority: read })).toMatchObject({ kind: 'ok', contents: 'empty' });
  });

  it('connects to a self-signed server certificate given as the file, and refuses another one', async () => {
    const own = selfSignedIdentity(['localhost']);
    const at = await behind(own);
    expect(await test({ ...at, authority: own.cert })).toMatchObject({ kind: 'ok' });
    const other = selfSignedIdentity(['localhost']);
    expect(await test({ ...at, authority: other.cert })).toMatchObject({ kind: 'certificate_untrusted' });
  });

  it('checks the authority sent with the setting again, whatever sent it', async () => {
    const services = await testServices({ engine: 'sqlite' });
    const call = caller(services);
    const keyed = await call('storage/testConnection', {
      setting: { ...setting, authority: town.key },
      password: PASSWORD,
    });
    expect(keyed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'setting.authority', message: expect.stringMatching(/clé privée/) },
    });
    const unchecked = await call('storage/testConnection', {
      setting: { ...setting, tls: 'no-verify', authority: town.cert },
      password: PASSWORD,
    });
    expect(unchecked).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'setting.authority',
        message:
          'Le certificat de l’autorité ne sert qu’avec « TLS obligatoire » : choisissez ce mode, ou retirez le certificat.',
      },
    });
  });
});

describe('using the server with the town’s authority', () => {
  it('keeps the authority in moteur.json with the setting, and opens the app’s pool with it, at once and at the next start', async () => {
    const { services, call } = await configured({ engine: 'sqlite' });
    const at = { ...(await behind(serverIdentity(town, ['localhost']))), database: await emptyDatabase() };
    const chosen = valueOf(
      await call('storage/choosePostgres', { setting: { ...at, authority: town.cert }, password: PASSWORD }),
    );
    expect(chosen.outcome).toMatchObject({ kind: 'ok', contents: 'empty' });
    expect(services.engine.kind).toBe('postgres');
    const kept = JSON.parse(readFileSync(services.paths.engineFile, 'utf8')) as { postgres: PostgresSettingInput };
    expect(kept.postgres.authority).toContain('-----BEGIN CERTIFICATE-----');
    expect(JSON.stringify(kept)).not.toContain(PASSWORD);
    // The pool went through the front, checked against the authority: the wizard's first call answers.
    expect(valueOf(await caller(services)('setup/status')).completed).toBe(false);
    const status = valueOf(await caller(services)('storage/status'));
    expect(status.authority?.[0]?.subject).toBe('CN=Autorité de la mairie de Kerbrénou, O=Mairie de Kerbrénou');
    const dataDir = services.paths.dataDir;
    await services.close();

    const again = await testServices({ dataDir, engine: 'sqlite' });
    expect(again.engine.kind).toBe('postgres');
    expect(valueOf(await caller(again)('setup/status')).completed).toBe(false);
    await again.close();

    // The same setting without the authority would not open: the pool does check the certificate.
    writeFileSync(
      services.paths.engineFile,
      JSON.stringify({ engine: 'postgres', postgres: { ...kept.postgres, authority: null } }),
    );
    await expect(testServices({ dataDir, engine: 'sqlite' })).rejects.toMatchObject({
      code: 'DATABASE_UNREACHABLE',
      message: expect.stringContaining('Passerelle ne peut pas vérifier l’identité du serveur.'),
    });
  });

  it('gives the authority to a PC that joins with the fichier de raccordement', async () => {
    const at = { ...(await behind(serverIdentity(town, ['localhost']))), database: await emptyDatabase() };
    const first = await testServices({ engine: 'sqlite' });
    valueOf(
      await caller(first)('storage/choosePostgres', { setting: { ...at, authority: town.cert }, password: PASSWORD }),
    );
    const view = valueOf(await caller(first)('setup/complete', setupInput()));
    const passphrase = 'goéland-verger-sentier-iris';
    const { file } = valueOf(
      await caller(first, { user: view.user, token: view.token })('storage/writeJoinFile', {
        folder: tempDir('passerelle-cle-usb-'),
        passphrase,
      }),
    );
    const second = await testServices({ engine: 'sqlite' });
    valueOf(await caller(second)('storage/joinWithFile', { path: file, passphrase }));
    expect(second.engine.kind).toBe('postgres');
    const kept = JSON.parse(readFileSync(second.paths.engineFile, 'utf8')) as { postgres: PostgresSettingInput };
    expect(kept.postgres.authority).toBe(JSON.parse(readFileSync(first.paths.engineFile, 'utf8')).postgres.authority);
    expect(valueOf(await caller(second)('setup/status')).completed).toBe(true);
  });
});
