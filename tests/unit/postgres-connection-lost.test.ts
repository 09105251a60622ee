/**
 * The PostgreSQL server goes away while Passerelle runs (stopped for an
 * update, the network cut): each call says so in French, typed
 * DATABASE_UNREACHABLE rather than « erreur interne », and the app works again
 * by itself when the server is back, without a restart. The cut is real: the
 * app reaches its database through a TCP relay this test closes and reopens.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionLost, storeClosed } from '../../src-main/db/connection-lost';
import { freshPostgres } from './support/postgres';
import { caller, configured, valueOf } from './support/services';
import { setupInput } from './support/factories';

/** A relay from a local port to the run's server, which can be cut (every socket destroyed) and put back. */
async function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(port, 'localhost');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let relay: Awaited<ReturnType<typeof relayTo>> | null = null;
afterEach(async () => {
  relay?.cut();
  await relay?.close();
  relay = null;
});

describe('the PostgreSQL server stops while the app runs', () => {
  it('answers DATABASE_UNREACHABLE in French while it is away, and works again when it is back', async () => {
    const database = await freshPostgres();
    relay = await relayTo(database.port);
    const { services, call, view } = await configured({
      postgres: { ...database, host: '127.0.0.1', port: relay.port },
    });
    const before = valueOf(await call('people/search', {}));

    relay.cut();
    for (const method of ['people/search', 'worksites/list'] as const) {
      const result = await call(method, method === 'worksites/list' ? undefined : {});
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('DATABASE_UNREACHABLE');
      expect(result.error.message).toContain('La connexion au serveur PostgreSQL');
      expect(result.error.message).toContain('vérifiez-le');
    }
    // Signing in needs the database too: the same answer, not a wrong-password one.
    const signIn = await caller(services)('auth/login', {
      userId: view.user.id,
      password: setupInput().administrator.password,
    });
    expect(signIn.ok).toBe(false);
    if (!signIn.ok) expect(signIn.error.code).toBe('DATABASE_UNREACHABLE');

    relay.restore();
    expect(valueOf(await call('people/search', {}))).toEqual(before);
  });
});

describe('connectionLost: which failures mean the server went away', () => {
  const coded = (code: string) => Object.assign(new Error('x'), { code });
  it.each([
    ['refused by the network', coded('ECONNREFUSED'), true],
    ['reset by the network', coded('ECONNRESET'), true],
    ['admin shutdown (57P01)', coded('57P01'), true],
    ['crash shutdown (57P02)', coded('57P02'), true],
    ['cannot connect now (57P03)', coded('57P03'), true],
    ['query canceled (57014, same class, not a loss)', coded('57014'), false],
    ['connection failure (08006)', coded('08006'), true],
    ['unique violation (23505)', coded('23505'), false],
    ['serialization failure (40001, retried elsewhere)', coded('40001'), false],
    ['SQLite busy', coded('SQLITE_BUSY'), false],
    ['pg socket closed', new Error('Connection terminated unexpectedly'), true],
    ['pg client closed', new Error('Client was closed and is not queryable'), true],
    ['a fault of the code', new Error('Cannot read properties of undefined'), false],
    ['not an Error', 'Connection terminated', false],
  ])('%s', (_, error, lost) => {
    expect(connectionLost(error)).toBe(lost);
  });
});

describe('a call that runs on data closed under it (the data moved, or was restored)', () => {
  it('says in French that nothing was done, rather than « erreur interne »', async () => {
    const { services, call } = await configured();
    // What a move leaves behind: the store the call started on, closed.
    await services.db.destroy();
    const answer = await call('people/search', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!answer.ok) expect(answer.error.message).toContain('n’a pas été faite');
  });

  it.each([
    ['Kysely after destroy', new Error('driver has already been destroyed'), true],
    ['pg pool after end', new Error('Cannot use a pool after calling end on the pool'), true],
    ['better-sqlite3 closed', new TypeError('The database connection is not open'), true],
    ['another fault', new Error('no such table: persons'), false],
    ['not an Error', 'driver has already been destroyed', false],
  ])('%s', (_, error, closed) => {
    expect(storeClosed(error)).toBe(closed);
  });
});
