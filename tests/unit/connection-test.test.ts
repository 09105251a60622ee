import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyConnectError, testPostgresConnection } from '../../src-main/db/connection-test';
import { LATEST_VERSION } from '../../src-main/db/migrations';
import { PASSERELLE_SCHEMA_TABLE } from '../../src-main/db/postgres-marker';
import type { PostgresSetting } from '../../src-main/domain/postgres-connection';
import { freePort, runServer, uniqueName, type RunServer } from './support/postgres';

/**
 * On the run's server (tests/postgres/): TLS on with a self-signed
 * certificate, like a town's server. Its roles and databases are shared with
 * every file of the run: this file's own have names of their own.
 */
const PASSWORD = 'Mot-de-passe-Passerelle-2026';
const ROLE = uniqueName('passerelle');
const DB = {
  empty: uniqueName('passerelle'),
  other: uniqueName('compta'),
  current: uniqueName('passerelle_actuelle'),
  future: uniqueName('passerelle_future'),
  closed: uniqueName('fermee'),
};
let server: RunServer;
let setting: PostgresSetting;

beforeAll(async () => {
  server = runServer();
  setting = { host: server.host, port: server.port, database: DB.empty, user: ROLE, tls: 'disable' };
  await server.sql('postgres', `create role ${ROLE} login password '${PASSWORD}'`);
  await server.sql('postgres', `create database ${DB.empty} owner ${ROLE}`);
  // Someone else’s data.
  await server.sql('postgres', `create database ${DB.other} owner ${ROLE}`);
  await server.sql(DB.other, 'create table factures (id int primary key)');
  // Passerelle’s own, at this version and at a later one.
  for (const [name, version] of [
    [DB.current, LATEST_VERSION],
    [DB.future, LATEST_VERSION + 1],
  ] as const) {
    await server.sql('postgres', `create database ${name} owner ${ROLE}`);
    await server.sql(name, `set role ${ROLE}; create table ${PASSERELLE_SCHEMA_TABLE} (version int not null)`);
    await server.sql(name, `set role ${ROLE}; insert into ${PASSERELLE_SCHEMA_TABLE} values (1), (${version})`);
    await server.sql(name, `set role ${ROLE}; create table persons (id int primary key)`);
  }
  // A database the role may enter but not build in (PostgreSQL 15+: public is no longer open to all).
  await server.sql('postgres', `create database ${DB.closed}`);
  await server.sql('postgres', `grant connect on database ${DB.closed} to ${ROLE}`);
});

afterAll(async () => {
  for (const name of Object.values(DB)) await server.sql('postgres', `drop database if exists ${name} with (force)`);
  await server.sql('postgres', `drop role if exists ${ROLE}`);
});

/**
 * What a PostgreSQL server with `ssl = off` answers to a client's SSLRequest
 * (protocol « 55.2.10. SSL Session Encryption »: the single byte `N`), on a
 * port of its own: the run's server has TLS on for every other test.
 */
async function serverWithoutTls(): Promise<{ port: number; close(): Promise<void> }> {
  const stub = net.createServer((socket) => {
    socket.once('data', () => socket.end('N'));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  return {
    port: (stub.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => stub.close(() => resolve())),
  };
}

describe('connection test against a real PostgreSQL server', () => {
  it('succeeds on an empty database the role owns, with the server’s version', async () => {
    const result = await testPostgresConnection(setting, PASSWORD);
    expect(result).toMatchObject({ kind: 'ok', ok: true, contents: 'empty' });
    expect(result.serverVersion).toMatch(/^1[5-9]\.\d+$/);
    expect(result.message).toBe(
      `Connexion réussie (PostgreSQL ${result.serverVersion}). La base est vide : Passerelle y créera ses tables.`,
    );
  });

  it('says so when the password is wrong, without ever repeating it', async () => {
    const result = await testPostgresConnection(setting, 'pas-le-bon');
    expect(result).toMatchObject({ kind: 'wrong_password', ok: false, serverVersion: null });
    expect(result.message).toContain(`Le serveur refuse le mot de passe de l’utilisateur « ${ROLE} ».`);
    expect(JSON.stringify(result)).not.toContain('pas-le-bon');
  });

  it('names the database that does not exist', async () => {
    const result = await testPostgresConnection({ ...setting, database: 'passerelle_inconnue' }, PASSWORD);
    expect(result.kind).toBe('unknown_database');
    expect(result.message).toMatch(/^La base « passerelle_inconnue » n’existe pas sur ce serveur\./);
  });

  it('leaves a database holding someone else’s tables alone', async () => {
    const result = await testPostgresConnection({ ...setting, database: DB.other }, PASSWORD);
    expect(result.kind).toBe('not_passerelle');
    expect(result.message).toContain('contient déjà d’autres données que celles de Passerelle');
    expect(result.technical).toContain('public.factures');
  });

  it('recognises Passerelle’s own database at this version', async () => {
    const result = await testPostgresConnection({ ...setting, database: DB.current }, PASSWORD);
    expect(result).toMatchObject({ kind: 'ok', contents: 'passerelle' });
  });

  it('refuses a database written by a newer Passerelle', async () => {
    const result = await testPostgresConnection({ ...setting, database: DB.future }, PASSWORD);
    expect(result.kind).toBe('newer_passerelle');
    expect(result.message).toMatch(/version plus récente de Passerelle/);
  });

  it('says when the role may connect but not create tables', async () => {
    const result = await testPostgresConnection({ ...setting, database: DB.closed }, PASSWORD);
    expect(result.kind).toBe('cannot_create_tables');
    expect(result.message).toContain('n’a pas le droit de créer des tables');
  });

  it('refuses a server older than the minimum, read from the server itself', async () => {
    const result = await testPostgresConnection(setting, PASSWORD, { minimumVersionNum: 990000 });
    expect(result.kind).toBe('server_too_old');
    expect(result.message).toMatch(
      /^Ce serveur a PostgreSQL 1\d\.\d+ : Passerelle demande PostgreSQL 99 ou plus récent/,
    );
  });

  it('says the server does not answer on a port where nothing listens', async () => {
    const port = await freePort();
    const result = await testPostgresConnection({ ...setting, port }, PASSWORD);
    expect(result.kind).toBe('unreachable');
    expect(result.message).toContain(`Le serveur PostgreSQL ne répond pas à l’adresse localhost:${port}.`);
  });

  it('refuses to go on in clear when TLS is required and the server has none', async () => {
    const clear = await serverWithoutTls();
    try {
      const result = await testPostgresConnection({ ...setting, port: clear.port, tls: 'verify' }, PASSWORD);
      expect(result.kind).toBe('server_without_tls');
      expect(result.message).toMatch(/n’accepte pas les connexions chiffrées/);
    } finally {
      await clear.close();
    }
  });

  describe('on the server’s TLS with a self-signed certificate', () => {
    it('refuses a certificate no authority vouches for when TLS is required', async () => {
      const result = await testPostgresConnection({ ...setting, tls: 'verify' }, PASSWORD);
      expect(result.kind).toBe('certificate_untrusted');
      expect(result.message).toContain('Passerelle ne peut pas vérifier l’identité du serveur.');
    });

    it('connects, encrypted, when the certificate is not checked', async () => {
      const result = await testPostgresConnection({ ...setting, tls: 'no-verify' }, PASSWORD);
      expect(result).toMatchObject({ kind: 'ok', contents: 'empty' });
    });

    it('says the server requires TLS when it refuses clear connections', async () => {
      await server.preferHbaLine(`hostnossl all ${ROLE} all reject`);
      // The reload is the postmaster's own: wait until a clear connection is turned away.
      let result = await testPostgresConnection(setting, PASSWORD);
      for (let attempt = 0; result.ok && attempt < 100; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        result = await testPostgresConnection(setting, PASSWORD);
      }
      expect(result.kind).toBe('tls_required_by_server');
      expect(result.message).toBe('Le serveur exige une connexion chiffrée (TLS). Choisissez « TLS obligatoire ».');
      expect((await testPostgresConnection({ ...setting, tls: 'no-verify' }, PASSWORD)).kind).toBe('ok');
    });
  });
});

describe('classifying what a server cannot be made to do here', () => {
  const at = {
    ...({} as PostgresSetting),
    host: 'base.mairie.fr',
    port: 5432,
    database: 'passerelle',
    user: 'passerelle',
    tls: 'verify' as const,
  };
  it.each([
    [{ code: 'ENOTFOUND' }, 'host_not_found'],
    [{ code: 'EAI_AGAIN' }, 'host_not_found'],
    [{ code: 'ECONNREFUSED' }, 'unreachable'],
    [{ code: 'ETIMEDOUT' }, 'unreachable'],
    [{ code: 'EHOSTUNREACH' }, 'unreachable'],
    [new Error('Connection terminated due to connection timeout'), 'unreachable'],
    [{ code: '28P01' }, 'wrong_password'],
    [{ code: '3D000' }, 'unknown_database'],
    [
      {
        code: '28000',
        message: 'no pg_hba.conf entry for host "10.0.0.2", user "passerelle", database "passerelle", no encryption',
      },
      'tls_required_by_server',
    ],
    [
      // A server whose lc_messages is French (Debian installed in French) says it in French.
      {
        code: '28000',
        message:
          "aucune entrée dans pg_hba.conf pour l'hôte « 127.0.0.1 », utilisateur « passerelle »,\nbase de données « passerelle », aucun chiffrement",
      },
      'tls_required_by_server',
    ],
    [{ code: '28000', message: 'no pg_hba.conf entry for host "10.0.0.2", SSL encryption' }, 'access_refused'],
    [
      {
        code: '28000',
        message:
          "aucune entrée dans pg_hba.conf pour l'hôte « 10.0.0.2 », utilisateur « passerelle »,\nbase de données « passerelle », chiffrement SSL",
      },
      'access_refused',
    ],
    [new Error('The server does not support SSL connections'), 'server_without_tls'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'certificate_untrusted'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'certificate_untrusted'],
    [{ code: '57P03' }, 'server_busy'],
    [new TypeError('boom'), 'failed'],
  ])('%o → %s', (error, kind) => {
    const result = classifyConnectError(error, at);
    expect(result.kind).toBe(kind);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/[a-zé]{3}/);
  });

  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ssl_cert_file sans les certificats intermédiaires (prendre fullchain.pem)'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'émetteur introuvable : autorité interne'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'autorité interne ?'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'certificat auto-signé'],
  ])(
    'tells the IT provider which untrusted certificate %s is, and that the Windows store is not read',
    (code, cause) => {
      const result = classifyConnectError({ code }, at);
      expect(result.message).toContain('n’est pas délivré par une autorité publique reconnue par Passerelle.');
      expect(result.technical).toContain(cause);
      expect(result.technical).toContain('pas le magasin de certificats de Windows');
    },
  );

  it('asks for the town’s authority when an IP address was typed: no public authority certifies it', () => {
    const result = classifyConnectError({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, { ...at, host: '192.168.1.20' });
    expect(result.message).toBe(
      'Passerelle ne peut pas vérifier l’identité du serveur. Son certificat n’est pas délivré par une autorité publique reconnue par Passerelle. Demandez à votre prestataire informatique le certificat de l’autorité qui a signé celui du serveur (ou ce certificat lui-même s’il est auto-signé), à choisir dans « Autorité de certification de la mairie » : une autorité publique ne certifie pas une adresse du réseau local.',
    );
    expect(classifyConnectError({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, at).message).toContain(
      'le certificat de l’autorité qui a signé celui du serveur « base.mairie.fr » (ou ce certificat lui-même s’il est auto-signé), à choisir dans « Autorité de certification de la mairie ».',
    );
  });

  it('asks for the name on the certificate when an IP address was typed, not for a certificate for that address', () => {
    for (const host of ['192.168.1.20', '[fd00::5]']) {
      const result = classifyConnectError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, { ...at, host });
      expect(result.message).toBe(
        `Passerelle ne peut pas vérifier l’identité du serveur. Son certificat porte un nom, pas l’adresse « ${host} ». Demandez à votre prestataire informatique le nom du serveur tel qu’il figure dans son certificat (par exemple base.mairie.fr), à saisir dans « Serveur » à la place de l’adresse IP.`,
      );
      expect(result.technical).not.toContain('Mozilla');
    }
  });

  it('names the certificate’s problem', () => {
    expect(classifyConnectError({ code: 'CERT_HAS_EXPIRED' }, at).message).toContain('Son certificat a expiré.');
    expect(classifyConnectError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, at).message).toContain(
      'établi pour un autre nom que « base.mairie.fr »',
    );
  });
});
