import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import { makeCertificate, type ServerCertificate } from '../../src-main/lan/certificate';
import { lanTransport, pairedStore, pairWithServer, probeServer } from '../../src-main/lan/client';
import { startLanServer, type RunningLanServer } from '../../src-main/lan/server';
import { pairedAtStart, startStation, type Station, type StationAnswer } from '../../src-main/lan/station';
import { person, situation } from './support/people';
import { caller, configured, sessionAs, shared, tempDir, testServices, valueOf } from './support/services';

/**
 * A PC paired with the office’s Passerelle server (issue 29, « Sur chaque
 * autre PC »): its station sends every call to a real LAN server over HTTPS
 * on 127.0.0.1, answers its own `poste/…` methods, keeps the pairing in its
 * data folder (the credential protected, never in clear), and says when the
 * server refuses it or does not answer.
 */
let certificate: ServerCertificate;
let services: Services;
let admin: Session;
let server: RunningLanServer;
let personId: number;

/** Stands for Electron’s safeStorage: a key outside the data folder (the OS’s). */
const osKey = randomBytes(32);
const protect = (secret: Buffer) => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', osKey, iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
};
const unprotect = (stored: Buffer) => {
  const decipher = createDecipheriv('aes-256-gcm', osKey, stored.subarray(0, 12));
  decipher.setAuthTag(stored.subarray(12, 28));
  return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
};

beforeAll(async () => {
  await shared(async () => {
    certificate = makeCertificate('127.0.0.1');
    ({ services, session: admin } = await configured());
    server = await startLanServer({ services, address: '127.0.0.1', port: 0, certificate });
    personId = valueOf(
      await caller(services, admin)('people/create', {
        person: person({ firstNames: 'Maëlys', lastName: 'Quéméner' }),
        situation: situation(),
      }),
    ).id;
  });
});
afterAll(async () => {
  await server?.close();
});

const address = () => `127.0.0.1:${server.port}`;
const newCode = async () => valueOf(await caller(services, admin)('lan/createPairingCode', {})).code;

function ok(answer: StationAnswer): unknown {
  if (!answer.ok) throw new Error(`expected success, got ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

/** A PC of its own: a fresh data folder whose wizard is not done, and its station. */
async function newPc(
  openLocal: (dataDir: string) => Promise<Services> = async () => {
    throw new Error('no local database for a paired PC');
  },
): Promise<{ station: Station; dataDir: string; local: Services }> {
  const dataDir = tempDir('passerelle-poste-');
  const local = await testServices({ dataDir });
  const station = await startStation({
    store: pairedStore(dataDir, protect, unprotect),
    openLocal: () => openLocal(dataDir),
    local,
    hostName: 'PC-ACCUEIL',
  });
  return { station, dataDir, local };
}

async function pairPc(station: Station, code?: string) {
  const probed = ok(await station.invoke('poste/probe', { address: address() }, null)) as {
    address: string;
    fingerprint: string;
  };
  return station.invoke(
    'poste/pair',
    {
      address: probed.address,
      fingerprint: probed.fingerprint,
      code: code ?? (await newCode()),
      deviceName: 'PC de l’accueil',
    },
    null,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('a PC that joins the office’s server', () => {
  it('probes the server, shows its fingerprint, pairs with the code, then works through the server only', async () => {
    const { station, dataDir, local } = await newPc();
    expect(ok(await station.invoke('poste/status', {}, null))).toEqual({
      mode: 'local',
      server: null,
      thisPcName: 'PC-ACCUEIL',
    });
    // The wizard of this PC is not done: its own setup says so, before pairing.
    expect(ok(await station.invoke('setup/status', {}, null))).toMatchObject({ completed: false });
    const probed = ok(await station.invoke('poste/probe', { address: address() }, null));
    expect(probed).toEqual({ address: address(), fingerprint: certificate.fingerprint });

    const paired = ok(await pairPc(station)) as { server: { deviceId: number } };
    expect(paired).toEqual({
      server: {
        address: address(),
        fingerprint: certificate.fingerprint,
        deviceId: expect.any(Number),
        deviceName: 'PC de l’accueil',
      },
    });
    expect(station.mode()).toBe('client');
    expect(station.localServices()).toBeNull();
    // The local database was closed: this PC no longer reads its own folder.
    await expect(local.db.selectFrom('users').select('id').execute()).rejects.toThrow();
    // The server’s structure, its accounts, its people.
    expect(ok(await station.invoke('setup/status', {}, null))).toMatchObject({
      completed: true,
      structureName: 'CCAS de Kerbrénou',
    });
    const token = services.sessions.create(admin.user!, services.clock.now(), paired.server.deviceId);
    expect(ok(await station.invoke('people/get', { id: personId }, token))).toMatchObject({
      firstNames: 'Maëlys',
      lastName: 'Quéméner',
    });
    // The server names this PC in its list, as the person named it.
    const devices = valueOf(await caller(services, admin)('lan/status', {})).devices;
    expect(devices.find((d) => d.id === paired.server.deviceId)?.name).toBe('PC de l’accueil');
    // Kept in this PC’s data folder: the server, its certificate, this PC’s name there.
    const kept = readFileSync(path.join(dataDir, 'poste-serveur.json'), 'utf8');
    expect(JSON.parse(kept)).toMatchObject({ host: '127.0.0.1', port: server.port, deviceName: 'PC de l’accueil' });
    await station.close();
  });

  it('keeps the pairing in its data folder, the credential never in clear, and starts as a client without opening a database', async () => {
    const { station, dataDir } = await newPc();
    ok(await pairPc(station));
    await station.close();
    const store = pairedStore(dataDir, protect, unprotect);
    const kept = await store.load();
    expect(kept).toMatchObject({ host: '127.0.0.1', port: server.port, fingerprint: certificate.fingerprint });
    const credential = kept!.credential;
    expect(credential.length).toBeGreaterThanOrEqual(40);
    // Neither the credential nor any usual encoding of it, in any file of the data folder.
    const forms = [credential, Buffer.from(credential).toString('base64'), Buffer.from(credential).toString('hex')];
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      for (const form of forms) expect(bytes.includes(Buffer.from(form)), `${file}`).toBe(false);
    }
    // Another PC’s OS (another key) cannot read it back: refused until paired again, never a crash.
    const foreign = pairedStore(dataDir, protect, () => {
      throw new Error('not this OS account');
    });
    expect(await pairedAtStart(foreign)).toBe(true);
    const lost = await startStation({
      store: foreign,
      openLocal: async () => {
        throw new Error('no local database for a paired PC');
      },
    });
    expect(lost.mode()).toBe('client');
    expect(await lost.invoke('setup/status', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_PAIRED' },
    });
    await lost.close();

    let opened = 0;
    expect(await pairedAtStart(store)).toBe(true);
    const again = await startStation({
      store,
      openLocal: async () => {
        opened += 1;
        throw new Error('no local database for a paired PC');
      },
    });
    expect(again.mode()).toBe('client');
    expect(ok(await again.invoke('poste/status', {}, null))).toMatchObject({
      mode: 'client',
      server: { address: address(), deviceName: 'PC de l’accueil' },
    });
    expect(ok(await again.invoke('auth/users', {}, null))).toEqual(
      expect.arrayContaining([expect.objectContaining({ displayName: admin.user!.displayName })]),
    );
    expect(opened).toBe(0);
    await again.close();
  });

  it('refuses a pairing whose fingerprint is not the one probed, and a wrong code with the server’s French message', async () => {
    const { station } = await newPc();
    const probed = ok(await station.invoke('poste/probe', { address: address() }, null)) as { fingerprint: string };
    const otherPrint = makeCertificate('127.0.0.1').fingerprint;
    expect(otherPrint).not.toBe(probed.fingerprint);
    expect(
      await station.invoke(
        'poste/pair',
        { address: address(), fingerprint: otherPrint, code: await newCode(), deviceName: 'PC' },
        null,
      ),
    ).toMatchObject({ ok: false, error: { code: 'SERVER_UNTRUSTED', message: expect.stringContaining('empreinte') } });
    expect(
      await station.invoke(
        'poste/pair',
        { address: address(), fingerprint: probed.fingerprint, code: 'ZZZZ-ZZZZ', deviceName: 'PC' },
        null,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', field: 'code', message: expect.stringContaining('code') },
    });
    expect(await station.invoke('poste/probe', { address: 'pas une adresse !' }, null)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'address' },
    });
    expect(station.mode()).toBe('local');
    await station.close();
  });

  it('asks the administrator of a PC whose own data is set up before pairing it', async () => {
    const dataDir = tempDir('passerelle-poste-');
    const { services: local } = await configured({ dataDir });
    const station = await startStation({ store: pairedStore(dataDir), openLocal: async () => local, local });
    expect(await station.invoke('poste/probe', { address: address() }, null)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    const secretary = await sessionAs(local, 'coordination');
    expect(await station.invoke('poste/probe', { address: address() }, secretary.token!)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(station.mode()).toBe('local');
    expect(existsSync(path.join(dataDir, 'poste-serveur.json'))).toBe(false);
    await station.close();
  });

  it('says when the server revoked this PC, and lets it pair again with a new code', async () => {
    const { station } = await newPc();
    const paired = ok(await pairPc(station)) as { server: { deviceId: number } };
    // While the server accepts it, only an administrator signed in on the server changes its link.
    expect(await station.invoke('poste/forget', {}, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const clerk = await sessionAs(services, 'coordination', 'Secrétaire du réseau');
    const clerkToken = services.sessions.create(clerk.user!, services.clock.now(), paired.server.deviceId);
    expect(await station.invoke('poste/probe', { address: address() }, clerkToken)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    valueOf(await caller(services, admin)('lan/revokeDevice', { id: paired.server.deviceId }));
    expect(await station.invoke('setup/status', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_PAIRED', message: expect.stringContaining('nouveau code') },
    });
    expect(station.mode()).toBe('client');
    const again = ok(await pairPc(station)) as { server: { deviceId: number } };
    expect(again.server.deviceId).not.toBe(paired.server.deviceId);
    expect(ok(await station.invoke('setup/status', {}, null))).toMatchObject({ completed: true });
    await station.close();
  });

  it('lets an administrator of the server detach the PC, which then keeps its own data again', async () => {
    const { station, dataDir } = await newPc((dir) => testServices({ dataDir: dir }));
    // Not paired yet: nothing to detach.
    expect(await station.invoke('poste/forget', {}, null)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const paired = ok(await pairPc(station)) as { server: { deviceId: number } };
    const token = services.sessions.create(admin.user!, services.clock.now(), paired.server.deviceId);
    expect(ok(await station.invoke('poste/forget', {}, token))).toEqual({ done: true });
    expect(station.mode()).toBe('local');
    expect(existsSync(path.join(dataDir, 'poste-serveur.json'))).toBe(false);
    // Its own data folder again, opened at the next call: a Passerelle whose wizard is not done.
    expect(ok(await station.invoke('setup/status', {}, null))).toMatchObject({ completed: false });
    expect(ok(await station.invoke('poste/status', {}, null))).toMatchObject({ mode: 'local', server: null });
    await station.close();
  });

  it('is refused on the server itself, which keeps the office’s data', async () => {
    expect(await caller(services, admin)('poste/probe', { address: address() })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('c’est lui qui garde les données') },
    });
    expect(valueOf(await caller(services)('poste/status', {}))).toMatchObject({ mode: 'local', server: null });
  });

  it('is refused on a desktop app serving the office, at its own window and from a paired PC', async () => {
    // `Passerelle.exe --serveur`: the desktop app’s station keeps the data, and its LAN server serves them.
    const dataDir = tempDir('passerelle-serveur-');
    const { services: office, session: officeAdmin } = await configured({ dataDir });
    const station = await startStation({ store: pairedStore(dataDir), openLocal: async () => office, local: office });
    const lan = await startLanServer({
      services: office,
      address: '127.0.0.1',
      port: 0,
      certificate: makeCertificate('127.0.0.1'),
    });
    try {
      // At the server PC’s own window, an administrator: this PC serves the others, it does not join another.
      expect(await station.invoke('poste/probe', { address: address() }, officeAdmin.token!)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('c’est lui qui garde les données') },
      });

      // From a PC paired with it, an administrator of the server: the server’s own link is not reachable.
      const officeAddress = { host: '127.0.0.1', port: lan.port };
      const code = valueOf(await caller(office, officeAdmin)('lan/createPairingCode', {})).code;
      const paired = await pairWithServer({
        address: officeAddress,
        identity: await probeServer(officeAddress),
        code,
        deviceName: 'PC de l’accueil',
      });
      const remote = lanTransport(paired);
      const token = office.sessions.create(officeAdmin.user!, office.clock.now(), paired.deviceId);
      const otherServer = await probeServer({ host: '127.0.0.1', port: server.port });
      const pair = {
        address: address(),
        fingerprint: otherServer.fingerprint,
        code: await newCode(),
        deviceName: 'Serveur détourné',
      };
      for (const [method, input] of [
        ['poste/probe', { address: address() }],
        ['poste/pair', pair],
        ['poste/forget', {}],
      ] as const) {
        expect(await remote.invoke(method, input, token), method).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', message: expect.stringContaining('se règle sur ce poste-là') },
        });
      }
      remote.close();
      expect(station.mode()).toBe('local');
      expect(existsSync(path.join(dataDir, 'poste-serveur.json'))).toBe(false);
      // Still serving: the office’s data answers at the server PC’s window.
      expect(ok(await station.invoke('setup/status', {}, null))).toMatchObject({ completed: true });
    } finally {
      await lan.close();
      await station.close();
    }
  });

  it('says which address did not answer when probing, and where to read the right one', async () => {
    const { station } = await newPc();
    // A port where nothing listens: a server PC switched off, or a port mistyped.
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const answer = await station.invoke('poste/probe', { address: `127.0.0.1:${closed}` }, null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    expect(answer.ok ? null : answer.error.message).toBe(
      `Aucun serveur Passerelle ne répond à l’adresse 127.0.0.1:${closed}. Vérifiez l’adresse (celle affichée dans Paramètres › Poste serveur du PC serveur, avec le nombre après les deux-points), puis que le PC serveur est allumé et relié au réseau du bureau.`,
    );
    expect(station.mode()).toBe('local');
    await station.close();
  });

  it('answers with the unreachable marker when the server does not answer, and still answers its own status', async () => {
    const other = makeCertificate('127.0.0.1');
    const spare = await configured();
    const down = await startLanServer({ services: spare.services, address: '127.0.0.1', port: 0, certificate: other });
    const dataDir = tempDir('passerelle-poste-');
    const station = await startStation({
      store: pairedStore(dataDir),
      openLocal: async () => testServices({ dataDir }),
    });
    const probed = ok(await station.invoke('poste/probe', { address: `127.0.0.1:${down.port}` }, null)) as {
      address: string;
      fingerprint: string;
    };
    expect(probed.fingerprint).toBe(other.fingerprint);
    const code = valueOf(await caller(spare.services, spare.session)('lan/createPairingCode', {})).code;
    ok(await station.invoke('poste/pair', { ...probed, code, deviceName: 'PC du chantier' }, null));
    await down.close();

    const answer = await station.invoke('people/search', {}, null);
    expect(answer).toMatchObject({ ok: false, unreachable: true, error: { code: 'SERVER_UNREACHABLE' } });
    expect(answer.ok ? null : answer.error.message).toContain('ne répond pas');
    expect(ok(await station.invoke('poste/status', {}, null))).toMatchObject({
      mode: 'client',
      server: { address: probed.address },
    });
    // A server that does not answer cannot say who is administrator: the person may pair this PC again.
    expect(await station.invoke('poste/probe', { address: probed.address }, null)).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE' },
    });
    await station.close();
  });

  it('refuses a server that presents another certificate at the paired address, without the unreachable marker', async () => {
    const { station, dataDir } = await newPc();
    ok(await pairPc(station));
    await station.close();
    const store = pairedStore(dataDir, protect, unprotect);
    const kept = (await store.load())!;
    const impostor = await startLanServer({
      services: (await configured()).services,
      address: '127.0.0.1',
      port: 0,
      certificate: makeCertificate('127.0.0.1'),
    });
    await store.save({ ...kept, port: impostor.port });
    const moved = await startStation({ store, openLocal: async () => services });
    const answer = await moved.invoke('auth/users', {}, null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'SERVER_UNTRUSTED' } });
    expect('unreachable' in answer).toBe(false);
    await moved.close();
    await impostor.close();
  });
});
