import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate, type ServerCertificate } from '../../src-main/lan/certificate';
import { lanTransport, pairWithServer, pairedStore, parseServerAddress, probeServer } from '../../src-main/lan/client';
import { PLAIN_HTTP_REFUSAL } from '../../src-main/lan/protocol';
import { startLanServer, type RunningLanServer } from '../../src-main/lan/server';
import { AppError } from '../../src-main/shared/errors';
import type { Services } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import { caller, configured, fakeClock, shared, tempDir, valueOf } from './support/services';

/**
 * « Passerelle serveur » (issue 29): pairing, revocation, certificate pinning,
 * plain HTTP and unpaired PCs refused, public addresses refused, and the
 * journal naming the PC — through real HTTPS on 127.0.0.1.
 */
let certificate: ServerCertificate;
let other: ServerCertificate;
let services: Services;
let admin: Session;
let server: RunningLanServer;
let clock: ReturnType<typeof fakeClock>;
const ADMIN_PASSWORD = 'Secrétariat-CCAS-2026';

beforeAll(async () => {
  await shared(async () => {
    certificate = makeCertificate('127.0.0.1');
    other = makeCertificate('127.0.0.1');
    clock = fakeClock('2026-12-02T09:00:00.000Z');
    ({ services, session: admin } = await configured({ clock }));
    server = await startLanServer({ services, address: '127.0.0.1', port: 0, certificate });
  });
});
afterAll(async () => {
  await server?.close();
});

const address = () => ({ host: '127.0.0.1', port: server.port });

async function newCode(): Promise<string> {
  return valueOf(await caller(services, admin)('lan/createPairingCode', {})).code;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function pair(name: string, code?: string) {
  const identity = await probeServer(address());
  return pairWithServer({ address: address(), identity, code: code ?? (await newCode()), deviceName: name });
}

describe('the server', () => {
  it('shows the fingerprint of the certificate it presents, on the settings page', async () => {
    const identity = await probeServer(address());
    expect(identity.fingerprint).toBe(certificate.fingerprint);
    expect(identity.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const status = valueOf(await caller(services, admin)('lan/status', {}));
    expect(status.server).toEqual({ address: '127.0.0.1', port: server.port, fingerprint: certificate.fingerprint });
  });

  it('refuses to listen on a public address or on every interface', async () => {
    for (const [bad, message] of [
      ['8.8.8.8', /joignable depuis Internet/],
      ['0.0.0.0', /toutes les adresses/],
      ['serveur.local', /pas un nom/],
    ] as const) {
      const error = await refusal(startLanServer({ services, address: bad, port: 0, certificate }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(message);
    }
  });

  it('answers plain HTTP on its port with a French refusal and nothing else', async () => {
    const before = valueOf(await caller(services, admin)('lan/status', {})).liveCodes;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/rpc/lan/createPairingCode', method: 'POST' },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(answer).toEqual({ status: 400, body: `${PLAIN_HTTP_REFUSAL}\n` });
    expect(valueOf(await caller(services, admin)('lan/status', {})).liveCodes).toBe(before);
  });
});

describe('pairing', () => {
  it('turns a one-time code into a credential, once', async () => {
    const code = await newCode();
    const paired = await pair('PC du secrétariat', code);
    expect(paired.fingerprint).toBe(certificate.fingerprint);
    expect(paired.credential).toMatch(/^[\w-]{43}$/);
    const transport = lanTransport(paired);
    expect(await transport.invoke('app/info', {}, null)).toMatchObject({ ok: true, value: { version: '0.0.0-test' } });
    transport.close();

    const again = await refusal(pair('PC de l’accueil', code));
    expect(again.code).toBe('UNAUTHORIZED');
    expect(again.message).toMatch(/n’est pas valable : il a peut-être expiré ou déjà servi/);
    const devices = valueOf(await caller(services, admin)('lan/status', {})).devices;
    expect(devices.filter((d) => d.name === 'PC de l’accueil')).toEqual([]);
    expect(devices.find((d) => d.id === paired.deviceId)).toMatchObject({ name: 'PC du secrétariat', revokedAt: null });
  });

  it('accepts a code until its tenth minute, not at it', async () => {
    const late = await newCode();
    const inTime = await newCode();
    clock.set('2026-12-02T09:09:59.999Z');
    await expect(pair('PC à l’heure', inTime)).resolves.toMatchObject({ fingerprint: certificate.fingerprint });
    clock.set('2026-12-02T09:10:00.000Z');
    expect((await refusal(pair('PC en retard', late))).code).toBe('UNAUTHORIZED');
    clock.set('2026-12-02T09:00:00.000Z');
  });

  it('throttles wrong codes: five pass, then every code waits, even the right one', async () => {
    clock.set('2026-12-02T11:00:00.000Z');
    const right = await newCode();
    for (const wrong of ['AAAA-AAAA', 'BBBB-BBBB', 'trop court', 'CCCC-CCCC', 'DDDD-DDDD'])
      expect((await refusal(pair('PC inconnu', wrong))).code).toBe('UNAUTHORIZED');
    const waiting = await refusal(pair('PC du bureau', right));
    expect(waiting.code).toBe('TOO_MANY_ATTEMPTS');
    expect(waiting.message).toBe(
      'Trop de codes d’appairage erronés. Réessayez dans 15 minutes, avec un nouveau code si celui-ci a expiré.',
    );
    clock.set('2026-12-02T11:15:00.000Z');
    await expect(pair('PC du bureau', await newCode())).resolves.toMatchObject({ deviceId: expect.any(Number) });
  });

  it('keeps the credential protected in the PC’s store, and reads it back', async () => {
    const paired = await pair('PC de la coordination');
    const dir = tempDir();
    const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
    const store = pairedStore(dir, xor, xor);
    await store.save(paired);
    const { readFileSync, statSync } = await import('node:fs');
    expect(readFileSync(store.file, 'utf8')).not.toContain(paired.credential);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(await store.load()).toEqual(paired);
    await store.forget();
    expect(await store.load()).toBeNull();
  });

  it('reads the address as the server prints it', () => {
    expect(parseServerAddress('192.168.1.10:47443')).toEqual({ host: '192.168.1.10', port: 47443 });
    expect(parseServerAddress(' 192.168.1.10 ')).toEqual({ host: '192.168.1.10', port: 47443 });
    expect(parseServerAddress('[fd00::1]:5000')).toEqual({ host: 'fd00::1', port: 5000 });
    expect(parseServerAddress('fd00::1')).toEqual({ host: 'fd00::1', port: 47443 });
    expect(() => parseServerAddress('192.168.1.10:99999')).toThrow(/adresse du PC serveur/);
  });
});

describe('every call', () => {
  it('is refused without a credential, or with one the server never gave', async () => {
    const paired = await pair('PC réel');
    for (const credential of ['', 'x'.repeat(43), paired.credential.slice(0, -1)]) {
      const transport = lanTransport({ ...paired, credential });
      const result = await transport.invoke('app/info', {}, null);
      transport.close();
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'DEVICE_NOT_PAIRED',
          message:
            'Ce PC n’est pas appairé avec le serveur Passerelle. Demandez un code d’appairage à l’administrateur (Paramètres › Poste serveur) et saisissez-le sur ce PC.',
        },
      });
    }
  });

  it('is refused once the PC is revoked, and its signed-in sessions end', async () => {
    const paired = await pair('PC prêté');
    const transport = lanTransport(paired);
    const login = await transport.invoke('auth/login', { userId: admin.user!.id, password: ADMIN_PASSWORD }, null);
    const token = (login as { value: { token: string } }).value.token;
    expect(await transport.invoke('auth/me', {}, token)).toMatchObject({
      ok: true,
      value: { session: { user: { role: 'administrateur' } } },
    });

    valueOf(await caller(services, admin)('lan/revokeDevice', { id: paired.deviceId }));
    const refused = await transport.invoke('auth/me', {}, token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'DEVICE_NOT_PAIRED' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/retiré des postes autorisés/);
    expect(services.sessions.resolve(token, clock.now(), 10, paired.deviceId)).toBeNull();
    expect(
      valueOf(await caller(services, admin)('lan/status', {})).devices.find((d) => d.id === paired.deviceId),
    ).toMatchObject({ revokedAt: expect.any(String), revokedByName: 'Élodie Le Gall' });
    expect(await caller(services, admin)('lan/revokeDevice', { id: paired.deviceId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    transport.close();
  });

  it('signs people in with their own accounts, and the journal names the PC', async () => {
    const paired = await pair('PC des encadrants');
    const transport = lanTransport(paired);
    const wrong = await transport.invoke('auth/login', { userId: admin.user!.id, password: 'pas le bon' }, null);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', field: 'password' } });
    const login = await transport.invoke('auth/login', { userId: admin.user!.id, password: ADMIN_PASSWORD }, null);
    const token = (login as { value: { token: string } }).value.token;
    const made = await transport.invoke('lan/createPairingCode', {}, token);
    expect(made).toMatchObject({ ok: true, value: { code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/) } });
    // A session opened on the server’s own PC is no session on a paired PC, and a paired PC’s token no session elsewhere.
    expect(await transport.invoke('lan/status', {}, admin.token!)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(services.sessions.resolve(token, clock.now(), 10)).toBeNull();

    const journal = valueOf(await caller(services, admin)('journal/list', { pageSize: 200 }));
    const device = { ref: `device:${paired.deviceId}`, label: 'Poste « PC des encadrants »' };
    for (const action of ['login-failed', 'login', 'change'] as const) {
      const entry = journal.entries.find((e) => e.action === action && e.records.some((r) => r.ref === device.ref));
      expect(entry, action).toBeDefined();
      expect(entry!.records).toContainEqual(device);
    }
    const pairing = journal.entries.find((e) => e.method === 'lan/pair' && e.records[0]?.ref === device.ref);
    expect(pairing).toMatchObject({ userId: null, action: 'change' });
    transport.close();
  });

  it('locks an idle session the same way as on the server’s own PC', async () => {
    const paired = await pair('PC de la salle de réunion');
    const transport = lanTransport(paired);
    const login = await transport.invoke('auth/login', { userId: admin.user!.id, password: ADMIN_PASSWORD }, null);
    const token = (login as { value: { token: string } }).value.token;
    const start = clock.now();
    clock.set(new Date(start.getTime() + 11 * 60_000).toISOString());
    expect(await transport.invoke('lan/status', {}, token)).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: 'Passerelle s’est verrouillée après un moment sans activité. Reconnectez-vous pour continuer.',
      },
      dataVersion: expect.any(Number),
    });
    clock.set(start.toISOString());
    transport.close();
  });

  it('goes to the pinned certificate only: another server on the same address is refused', async () => {
    const paired = await pair('PC épinglé');
    const impostor = await startLanServer({ services, address: '127.0.0.1', port: 0, certificate: other });
    try {
      const transport = lanTransport({ ...paired, port: impostor.port });
      const error = await refusal(transport.invoke('app/info', {}, null));
      transport.close();
      expect(error.code).toBe('SERVER_UNTRUSTED');
      expect(error.message).toMatch(/ne présente pas le certificat enregistré/);
      // Pairing itself sends the code only to the certificate the person compared.
      const identity = await probeServer(address());
      const code = await newCode();
      const sent = await refusal(
        pairWithServer({ address: { host: '127.0.0.1', port: impostor.port }, identity, code, deviceName: 'PC piégé' }),
      );
      expect(sent.code).toBe('SERVER_UNTRUSTED');
      await expect(pairWithServer({ address: address(), identity, code, deviceName: 'PC sûr' })).resolves.toMatchObject(
        {
          fingerprint: certificate.fingerprint,
        },
      );
    } finally {
      await impostor.close();
      services.lan = { address: '127.0.0.1', port: server.port, fingerprint: certificate.fingerprint };
    }
  });

  it('says the server is unreachable when nothing answers', async () => {
    const paired = await pair('PC débranché');
    const closed = await startLanServer({ services, address: '127.0.0.1', port: 0, certificate });
    const port = closed.port;
    await closed.close();
    services.lan = { address: '127.0.0.1', port: server.port, fingerprint: certificate.fingerprint };
    const transport = lanTransport({ ...paired, port });
    const error = await refusal(transport.invoke('app/info', {}, null));
    transport.close();
    expect(error.code).toBe('SERVER_UNREACHABLE');
  });
});
