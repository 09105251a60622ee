import type { PdfPrinter } from '../../../src-main/documents/printer';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Dialogs } from '../../../src-main/app/ports';
import { createServices, type Services } from '../../../src-main/app/services';
import { ANONYMOUS, type Session } from '../../../src-main/app/session';
import { insertUser } from '../../../src-main/db/repositories/users';
import { hashPassword } from '../../../src-main/app/password-hashing';
import type { Role } from '../../../src-main/shared/contract/users';
import { setupInput } from './factories';
import { dispatch } from '../../../src-main/app/dispatch';
import type { Method, MethodInput, MethodOutput } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/errors';
import { freshPostgres, testEngine } from './postgres';
import type { EngineKind } from '../../../src-main/db/engine';
import type { PostgresConnection } from '../../../src-main/db/open-postgres';

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
/** For services made in `beforeAll` and shared by a whole file. */
const fileCleanups: Cleanup[] = [];
let sharedPhase = false;
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(async () => {
  while (fileCleanups.length) await fileCleanups.pop()!();
});

function onCleanup(cleanup: Cleanup) {
  (sharedPhase ? fileCleanups : cleanups).push(cleanup);
}

/** Runs `make` so that what it creates lives until the end of the file. */
export async function shared<T>(make: () => Promise<T>): Promise<T> {
  sharedPhase = true;
  try {
    return await make();
  } finally {
    sharedPhase = false;
  }
}

export function tempDir(prefix = 'passerelle-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function fakeClock(iso = '2026-03-02T09:00:00.000Z') {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next: string) => {
      current = new Date(next);
    },
  };
}

const postgresConnections = new WeakMap<Services, PostgresConnection>();

/** The PostgreSQL database `testServices` gave these services (undefined on SQLite): for a test that opens it again. */
export const postgresOf = (services: Services): PostgresConnection | undefined => postgresConnections.get(services);

/** Cheap scrypt parameters for tests; one test checks the real ones. */
export const TEST_PASSWORD_PARAMS = { N: 2 ** 10, r: 8, p: 1 };

export async function testServices(
  options: {
    dialogs?: Dialogs;
    homeDir?: string;
    dataDir?: string;
    clock?: ReturnType<typeof fakeClock>;
    printer?: PdfPrinter;
    removableDrives?: () => string[];
    postgresAvailable?: boolean;
    /** The engine, whatever PASSERELLE_TEST_ENGINE says (the cross-engine backup test opens one of each). */
    engine?: EngineKind;
    /** This PostgreSQL database rather than a fresh one (a test that reaches it through a proxy of its own). */
    postgres?: PostgresConnection;
  } = {},
) {
  // Cheap scrypt for the backup key too; a test checks the real parameters.
  const dataDir = options.dataDir ?? tempDir();
  // PASSERELLE_TEST_ENGINE=postgres: the same tests on a database of the run's PostgreSQL server.
  const postgres =
    options.postgres ?? ((options.engine ?? testEngine()) === 'postgres' ? await freshPostgres() : undefined);
  const services = await createServices({
    dataDir,
    dialogs: options.dialogs ?? { native: false, chooseFile: async () => null, chooseFolder: async () => null },
    mode: 'browser',
    version: '0.0.0-test',
    clock: options.clock ?? fakeClock(),
    homeDir: options.homeDir ?? tempDir('passerelle-home-'),
    // The system's temporary folder stands for a USB stick: the tests' folders (tempDir) are reachable like one.
    removableDrives: options.removableDrives ?? (() => [os.tmpdir()]),
    passwordParams: TEST_PASSWORD_PARAMS,
    printer: options.printer,
    backupKdf: { log2N: 10, r: 8, p: 1 },
    postgresAvailable: options.postgresAvailable,
    postgres,
  });
  if (postgres) postgresConnections.set(services, postgres);
  onCleanup(() => services.close());
  return services;
}

/** Calls dispatch the way a transport does, typed from the contract. */
export function caller(services: Services, session: Session = ANONYMOUS) {
  return <M extends Method>(method: M, input?: MethodInput<M>) =>
    dispatch(services, method, input, session) as Promise<Result<MethodOutput<M>>>;
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Strong enough, and free of the test structure's name (CCAS de Kerbrénou). */
export const PASSWORD = 'Chantier-Goémon-Marée-2026';

/** A signed-in account of the given role, created directly in the database. */
export async function sessionAs(services: Services, role: Role, displayName = `Compte ${role}`): Promise<Session> {
  const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_PARAMS);
  const id = await insertUser(services.db, { displayName, role, passwordHash }, services.clock.now().toISOString());
  const user = { id, role, displayName };
  return { user, token: services.sessions.create(user, services.clock.now()) };
}

/** A structure set up through the wizard's RPC, and its administrator signed in. */
export async function configured(options: Parameters<typeof testServices>[0] = {}) {
  const services = await testServices(options);
  const view = valueOf(await caller(services)('setup/complete', setupInput()));
  const session: Session = { user: view.user, token: view.token };
  return { services, session, view, call: caller(services, session) };
}
