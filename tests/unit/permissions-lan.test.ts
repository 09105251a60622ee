import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS, type Method } from '../../src-main/shared/contract';
import { ROLES, type Role } from '../../src-main/shared/contract/users';
import { scopeFor } from '../../src-main/app/permissions';
import type { Services } from '../../src-main/app/services';
import type { SessionUser } from '../../src-main/app/session';
import { makeCertificate } from '../../src-main/lan/certificate';
import { lanTransport, pairWithServer, probeServer, type LanTransport } from '../../src-main/lan/client';
import { startLanServer, type RunningLanServer } from '../../src-main/lan/server';
import { caller, configured, sessionAs, shared, valueOf } from './support/services';

/**
 * The role matrix through the LAN transport (issue 29): the same property as
 * tests/unit/permissions.test.ts, each call going paired client → HTTPS
 * (pinned certificate, device credential) → Passerelle serveur → dispatch.
 * permissions.test.ts checks the matrix against the product’s written table;
 * here the matrix must hold the same way once the network is in between.
 */
let services: Services;
let server: RunningLanServer;
let transport: LanTransport;
let deviceId: number;
const users = {} as Record<Role, SessionUser>;

beforeAll(async () => {
  await shared(async () => {
    const { services: made, session: admin } = await configured();
    services = made;
    for (const role of ROLES) users[role] = (await sessionAs(services, role, `Compte ${role} réseau`)).user!;
    server = await startLanServer({
      services,
      address: '127.0.0.1',
      port: 0,
      certificate: makeCertificate('127.0.0.1'),
    });
    const address = { host: '127.0.0.1', port: server.port };
    const code = valueOf(await caller(services, admin)('lan/createPairingCode', {})).code;
    const paired = await pairWithServer({
      address,
      identity: await probeServer(address),
      code,
      deviceName: 'PC des essais',
    });
    deviceId = paired.deviceId;
    transport = lanTransport(paired);
  });
});
afterAll(async () => {
  transport?.close();
  await server?.close();
});

const allowed = (method: Method, role: Role) => scopeFor(method, role) !== null;

/** A session opened through the paired PC, fresh for each call (a logout ends only its own). */
function freshToken(role: Role): string {
  return services.sessions.create(users[role], services.clock.now(), deviceId);
}

describe('permission matrix over the LAN transport', () => {
  it.each(ROLES)('as %s, every method answers as the matrix says', async (role) => {
    for (const method of METHODS) {
      const result = await transport.invoke(method, {}, freshToken(role));
      if (allowed(method, role)) {
        if (!result.ok) expect(result.error.code, method).not.toMatch(/^(FORBIDDEN|UNAUTHORIZED|DEVICE_NOT_PAIRED)$/);
      } else {
        expect(result, method).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Vous n’avez pas le droit de faire cette action.' },
        });
      }
    }
  });

  it('never lets a caller past the matrix, whatever the method, role and input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.constantFrom(...ROLES, null),
        fc.oneof(fc.constant({}), fc.object(), fc.string(), fc.constant(null)),
        async (method, role, input) => {
          const result = await transport.invoke(method, input, role ? freshToken(role) : null);
          if (role === null && contract[method].access !== 'public') {
            expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
          } else if (role !== null && !allowed(method, role)) {
            expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          }
          if (!result.ok) expect(result.error.message).toMatch(/[a-zé]{3}/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a session opened without the paired PC, as if nobody were signed in', async () => {
    const local = services.sessions.create(users.administrateur, services.clock.now());
    expect(await transport.invoke('users/list', {}, local)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Connectez-vous pour continuer.' },
    });
  });
});
