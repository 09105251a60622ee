import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Dialogs } from '../../../src-main/app/ports';
import { createServices, type Services } from '../../../src-main/app/services';
import { LOCAL_ADMINISTRATOR, type Session } from '../../../src-main/app/session';
import { dispatch } from '../../../src-main/app/dispatch';
import type { Method, MethodInput, MethodOutput } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/errors';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(prefix = 'passerelle-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
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

export async function testServices(options: { dialogs?: Dialogs; homeDir?: string; dataDir?: string } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const services = await createServices({
    dataDir,
    dialogs: options.dialogs ?? { native: false, chooseFile: async () => null },
    mode: 'browser',
    version: '0.0.0-test',
    clock: fakeClock(),
    homeDir: options.homeDir ?? tempDir('passerelle-home-'),
  });
  cleanups.push(() => services.close());
  return services;
}

/** Calls dispatch the way a transport does, typed from the contract. */
export function caller(services: Services, session: Session = LOCAL_ADMINISTRATOR) {
  return <M extends Method>(method: M, input?: MethodInput<M>) =>
    dispatch(services, method, input, session) as Promise<Result<MethodOutput<M>>>;
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
