import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCodeAtConsole } from '../../src-main/app/devices';
import { savePostgresPassword } from '../../src-main/app/engine-choice';
import { createServices, type Services } from '../../src-main/app/services';
import { fileKeyStore } from '../../src-main/backup/file-key-store';
import type { EngineKind } from '../../src-main/db/engine';
import type { PostgresConnection } from '../../src-main/db/open-postgres';
import { makeCertificate } from '../../src-main/lan/certificate';
import { startOfficeServer } from '../../src-main/lan/office';
import { lanTransport, pairWithServer, parseServerAddress, probeServer } from '../../src-main/lan/client';
import { startLanServer } from '../../src-main/lan/server';
import { AppError } from '../../src-main/shared/errors';
import { engines, freePort, freshPostgres, runServer, uniqueName, type RunServer } from './support/postgres';
import { fakeClock, tempDir, TEST_PASSWORD_PARAMS } from './support/services';

/**
 * « Passerelle serveur » as `npm run server` starts it (issue 29): the data
 * opened the way the desktop app opens it, on PostgreSQL when the data
 * folder says so, a server that does not answer yet waited for; and the
 * wrong-pairing-code throttle surviving a restart, on both engines.
 */

const dialogs = { native: false as const, chooseFile: async () => null, chooseFolder: async () => null };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the wrong-code throttle survives a restart of the server', () => {
  for (const engine of engines()) {
    it(`on ${engine}`, async () => {
      const clock = fakeClock('2026-12-02T14:00:00.000Z');
      const dataDir = tempDir();
      const postgres: PostgresConnection | undefined = engine === 'postgres' ? await freshPostgres() : undefined;
      const open = () =>
        createServices({
          dataDir,
          dialogs,
          mode: 'browser',
          version: '0.0.0-test',
          clock,
          passwordParams: TEST_PASSWORD_PARAMS,
          postgres,
        });
      const certificate = makeCertificate('127.0.0.1');
      const pairOn = async (services: Services, code: string, name: string) => {
        const server = await startLanServer({ services, address: '127.0.0.1', port: 0, certificate });
        try {
          const address = { host: '127.0.0.1', port: server.port };
          return await pairWithServer({ address, identity: await probeServer(address), code, deviceName: name });
        } finally {
          await server.close();
        }
      };

      const before = await open();
      expect(before.engine.kind satisfies EngineKind).toBe(engine);
      for (const wrong of ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC', 'DDDD-DDDD'])
        expect((await refusal(pairOn(before, wrong, 'PC inconnu'))).code).toBe('UNAUTHORIZED');
      clock.set('2026-12-02T14:05:00.000Z');
      expect((await refusal(pairOn(before, 'EEEE-EEEE', 'PC inconnu'))).code).toBe('UNAUTHORIZED');
      await before.close();

      // The server PC restarted: the five wrong codes still count, the right code waits like any other.
      clock.set('2026-12-02T14:10:00.000Z');
      const after = await open();
      try {
        const right = (await createPairingCodeAtConsole(after)).code;
        const waiting = await refusal(pairOn(after, right, 'PC du secrétariat'));
        expect(waiting.code).toBe('TOO_MANY_ATTEMPTS');
        expect(waiting.message).toBe(
          'Trop de codes d’appairage erronés. Réessayez dans 5 minutes, avec un nouveau code si celui-ci a expiré.',
        );
        // One millisecond before the first wrong code leaves the window: still refused; at it, accepted.
        clock.set('2026-12-02T14:14:59.999Z');
        expect((await refusal(pairOn(after, right, 'PC du secrétariat'))).code).toBe('TOO_MANY_ATTEMPTS');
        clock.set('2026-12-02T14:15:00.000Z');
        await expect(pairOn(after, right, 'PC du secrétariat')).resolves.toMatchObject({
          deviceId: expect.any(Number),
        });
      } finally {
        await after.close();
      }
    });
  }
});

describe('wrong codes sent all at once', () => {
  for (const engine of engines()) {
    it(`are counted one after the other on ${engine}: five refused as wrong, the rest told to wait`, async () => {
      const clock = fakeClock('2026-12-02T16:00:00.000Z');
      const postgres = engine === 'postgres' ? await freshPostgres() : undefined;
      const services = await createServices({
        dataDir: tempDir(),
        dialogs,
        mode: 'browser',
        version: '0.0.0-test',
        clock,
        passwordParams: TEST_PASSWORD_PARAMS,
        postgres,
      });
      const server = await startLanServer({
        services,
        address: '127.0.0.1',
        port: 0,
        certificate: makeCertificate('127.0.0.1'),
      });
      try {
        const address = { host: '127.0.0.1', port: server.port };
        const identity = await probeServer(address);
        const codes = Array.from({ length: 12 }, (_, i) => `ZZZZ-ZZ${String(i).padStart(2, '0')}`);
        const refusals = await Promise.all(
          codes.map((code) => refusal(pairWithServer({ address, identity, code, deviceName: 'PC pressé' }))),
        );
        const counts = refusals.reduce<Record<string, number>>(
          (n, e) => ({ ...n, [e.code]: (n[e.code] ?? 0) + 1 }),
          {},
        );
        expect(counts).toEqual({ UNAUTHORIZED: 5, TOO_MANY_ATTEMPTS: 7 });
      } finally {
        await server.close();
        await services.close();
      }
    });
  }
});

describe('npm run server on a data folder set for PostgreSQL', () => {
  const SERVER_PASSWORD = 'Bigorneau-Serveur-Plouhinec-2026';
  const ROLE = uniqueName('passerelle_lan');
  const DATABASE = uniqueName('passerelle_lan');
  let server: RunServer;

  beforeAll(async () => {
    server = runServer();
    await server.sql('postgres', `create role ${ROLE} login password '${SERVER_PASSWORD}'`);
    await server.sql('postgres', `create database ${DATABASE} owner ${ROLE}`);
  });
  afterAll(async () => {
    await server.sql('postgres', `drop database if exists ${DATABASE} with (force)`);
    await server.sql('postgres', `drop role if exists ${ROLE}`);
  });

  it('waits for a server that refuses it, then answers a paired PC from the PostgreSQL data', async () => {
    const dataDir = tempDir();
    const setting = { host: server.host, port: server.port, database: DATABASE, user: ROLE, tls: 'disable' };
    writeFileSync(path.join(dataDir, 'moteur.json'), JSON.stringify({ engine: 'postgres', postgres: setting }));
    // The password kept on this PC is an old one: the server refuses it until the IT provider's new one is kept.
    const keyStore = fileKeyStore(path.join(dataDir, 'cles'));
    await savePostgresPassword(keyStore, 'ancien-mot-de-passe');
    const lines: string[] = [];
    let retries = 0;
    const port = await freePort();
    const office = await startOfficeServer({
      dataDir,
      typed: { address: '127.0.0.1', port: String(port) },
      version: '0.0.0-test',
      log: (line) => lines.push(line),
      beforeRetry: async () => {
        retries++;
        await savePostgresPassword(keyStore, SERVER_PASSWORD);
      },
      services: { passwordParams: TEST_PASSWORD_PARAMS },
    });
    try {
      expect(retries).toBe(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^Passerelle garde ses données sur le serveur PostgreSQL « localhost » \\(base « ${DATABASE} »\\) et ne peut pas l’ouvrir\\. Le serveur refuse le mot de passe enregistré sur ce PC`,
        ),
      );
      expect(lines[1]).toBe('Nouvel essai dans 30 secondes (Ctrl+C pour arrêter).');
      expect(lines).toContain(
        `Passerelle serveur — données : ${dataDir} (base « ${DATABASE} » sur le serveur PostgreSQL localhost:${server.port})`,
      );
      expect(lines).toContain(`Adresse à saisir sur les autres PC : 127.0.0.1:${port}`);
      expect(office.services.engine.kind).toBe('postgres');

      // What the console printed is all a client PC needs: the address, the fingerprint to compare, the code.
      const printed = lines.join('\n');
      const address = parseServerAddress(/Adresse à saisir sur les autres PC : (\S+)/.exec(printed)![1]!);
      const code = /Code d’appairage .* : ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(printed)![1]!;
      const identity = await probeServer(address);
      expect(printed).toContain(identity.fingerprint);
      const paired = await pairWithServer({ address, identity, code, deviceName: 'PC du secrétariat' });
      const transport = lanTransport(paired);
      try {
        expect(await transport.invoke('setup/status', {}, null)).toMatchObject({
          ok: true,
          value: { completed: false, needsAdministrator: false },
        });
      } finally {
        transport.close();
      }

      // The PC is recorded on the PostgreSQL server, and no SQLite file was made in the data folder.
      const client = new pg.Client({
        host: server.host,
        port: server.port,
        user: ROLE,
        password: SERVER_PASSWORD,
        database: DATABASE,
      });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>('select name from devices where revoked_at is null');
        expect(rows).toEqual([{ name: 'PC du secrétariat' }]);
      } finally {
        await client.end();
      }
      expect(existsSync(path.join(dataDir, 'passerelle.sqlite'))).toBe(false);
    } finally {
      await office.stop();
    }
  });
});
