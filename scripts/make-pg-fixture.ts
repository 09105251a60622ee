/**
 * Writes tests/fixtures/db/pg-v<N>.sql: a PostgreSQL database made by the
 * current schema version (the structure and the demo's forty people, through
 * the RPC as the screens make them), dumped as plain SQL, committed so that
 * later migrations are tested on a real PostgreSQL database made by an older
 * version, as the SQLite fixtures are (tests/unit/postgres-fixtures.test.ts).
 *
 * Made on Debian's PostgreSQL 15, the oldest server Passerelle accepts
 * (db/connection-test.ts), with its own pg_dump: a dump of an older server
 * loads into every newer one, not the reverse. Needs the `postgresql-15`
 * Debian package (installed on the project's machines, not running):
 * `npx tsx scripts/make-pg-fixture.ts`, once per released schema version.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../src-main/app/dispatch';
import { pickerDialogs } from '../src-main/app/ports';
import { createServices } from '../src-main/app/services';
import { ANONYMOUS } from '../src-main/app/session';
import { LATEST_VERSION } from '../src-main/db/migrations';
import type { MethodOutput } from '../src-main/shared/contract';
import { demoSetup } from './demo-data';
import { seedDemoPeople } from './demo-people';

const BIN = '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool as the `postgres` system user when this is root (initdb refuses root). */
function asPostgres(tool: string, args: string[]): string {
  const asRoot = os.userInfo().uid === 0;
  const [command, full] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, tool), ...args]]
    : [path.join(BIN, tool), args];
  return execFileSync(command, full, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

const root = mkdtempSync(path.join(os.tmpdir(), 'passerelle-pg15-'));
chmodSync(root, 0o777);
const dataDir = path.join(root, 'data');
const port = await freePort();
asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
// A log file, so the server started in the background holds no pipe of this process open.
asPostgres('pg_ctl', [
  '-D',
  dataDir,
  '-l',
  path.join(root, 'server.log'),
  '-o',
  `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=`,
  '-w',
  'start',
]);
const work = mkdtempSync(path.join(os.tmpdir(), 'passerelle-fixture-'));
try {
  spawnSync(path.join(BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'passerelle']);
  const services = await createServices({
    dataDir: work,
    dialogs: pickerDialogs,
    mode: 'browser',
    version: 'fixture',
    postgresAvailable: true,
    postgres: { host: '127.0.0.1', port, database: 'passerelle', user: 'postgres', password: '', ssl: false },
  });
  try {
    const result = await dispatch(services, 'setup/complete', demoSetup(), ANONYMOUS);
    if (!result.ok) throw new Error(result.error.message);
    const admin = result.value as MethodOutput<'setup/complete'>;
    await seedDemoPeople(services, { user: admin.user, token: admin.token });
  } finally {
    await services.close();
  }
  const dump = asPostgres('pg_dump', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '--column-inserts',
    '--no-owner',
    '--no-privileges',
    'passerelle',
  ]);
  const target = path.resolve(import.meta.dirname, '../tests/fixtures/db', `pg-v${LATEST_VERSION}.sql`);
  writeFileSync(target, dump);
  console.log(`Écrit : ${target}`);
} finally {
  asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', 'stop']);
  rmSync(root, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
