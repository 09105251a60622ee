/**
 * No plaintext left behind (issue 24, item 6): a backup or a restore killed
 * mid-way (SIGKILL at random moments), then Passerelle started again, leaves
 * no database in clear anywhere but the live file and the copies it keeps on
 * purpose, nothing in the work folder, nothing in the system's temporary folder.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src-main/app/services';
import type { PostgresConnection } from '../../src-main/db/open-postgres';
import { configured, postgresOf, tempDir, valueOf } from './support/services';

const CHILD = path.resolve(import.meta.dirname, 'support/backup-child.ts');
const RUNS = Number(process.env.KILL_RUNS ?? 3);
const PASSPHRASE = 'sapin-galet-hibou-tulipe-phare-radis-comète-voilier';
/** Copies of the database the app keeps on purpose, in the data folder. */
const KEPT = [
  /^passerelle\.sqlite$/,
  /^sauvegardes\/auto-\d{4}-\d{2}-\d{2}\.sqlite$/,
  /^sauvegardes\/pre-restauration-.+\.sqlite$/,
];

function runAndKill(args: string[], afterMs: number, postgres?: PostgresConnection): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PASSERELLE_KILL_POSTGRES: postgres ? JSON.stringify(postgres) : '' },
    });
    let out = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child stopped by itself (${signal ?? _code})`)),
    );
  });
}

function isSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`)
      : e.isFile()
        ? [`${prefix}${e.name}`]
        : [],
  );
}

function assertNoPlaintextLeft(dataDir: string, stick: string) {
  const clear = filesUnder(dataDir).filter(
    (name) => isSqlite(path.join(dataDir, name)) && !KEPT.some((kept) => kept.test(name)),
  );
  expect(clear).toEqual([]);
  expect(readdirSync(path.join(dataDir, 'travail'))).toEqual([]);
  expect(readdirSync(path.join(dataDir, 'sauvegardes')).filter((n) => n.startsWith('restauration-'))).toEqual([]);
  expect(readdirSync(os.tmpdir()).filter((n) => n.startsWith('passerelle-sauvegarde-'))).toEqual([]);
  for (const name of filesUnder(stick)) expect(isSqlite(path.join(stick, name)), name).toBe(false);
}

async function prepared() {
  const home = tempDir('passerelle-home-');
  const stick = tempDir('passerelle-cle-usb-');
  const { services, call } = await configured({ homeDir: home, removableDrives: () => [stick] });
  valueOf(await call('backup/setPassphrase', { passphrase: PASSPHRASE }));
  // Big enough that a kill lands mid-way: a few megabytes of scans.
  writeFileSync(path.join(services.paths.attachmentsDir, 'scan.pdf'), randomBytes(24 * 1024 * 1024));
  const file = valueOf(await call('backup/create', { folder: stick })).lastBackup!.path;
  const dataDir = services.paths.dataDir;
  const postgres = postgresOf(services);
  await services.close();
  return { dataDir, stick, home, file, postgres };
}

function restartConfig(dataDir: string, home: string, stick: string) {
  return {
    dataDir,
    dialogs: { native: false, chooseFile: async () => null, chooseFolder: async () => null },
    mode: 'browser' as const,
    version: 'test',
    homeDir: home,
    removableDrives: () => [stick],
    passwordParams: { N: 2 ** 10, r: 8, p: 1 },
  };
}

async function restart(dataDir: string, home: string, stick: string, postgres?: PostgresConnection) {
  const services = await createServices({ ...restartConfig(dataDir, home, stick), postgres });
  await services.close();
}

describe('a backup or a restore killed mid-way leaves no plaintext after a restart', () => {
  it(`backup killed ${RUNS} times`, async () => {
    const { dataDir, stick, home, postgres } = await prepared();
    for (let run = 0; run < RUNS; run++) {
      await runAndKill([dataDir, 'backup', stick, home], 100 + Math.floor(Math.random() * 900), postgres);
      await restart(dataDir, home, stick, postgres);
      assertNoPlaintextLeft(dataDir, stick);
    }
  }, 180_000);

  it(`restore killed ${RUNS} times`, async () => {
    const { dataDir, stick, home, file, postgres } = await prepared();
    for (let run = 0; run < RUNS; run++) {
      await runAndKill([dataDir, 'restore', file, home], 100 + Math.floor(Math.random() * 900), postgres);
      await restart(dataDir, home, stick, postgres);
      assertNoPlaintextLeft(dataDir, stick);
      // Pré-restauration copies are rotated: never more than two kept.
      expect(
        readdirSync(path.join(dataDir, 'sauvegardes')).filter((n) => /^pre-restauration-.+\.sqlite$/.test(n)).length,
      ).toBeLessThanOrEqual(2);
    }
    // The data is still there: the SQLite file, or the server's database.
    if (postgres) {
      const services = await createServices({ ...restartConfig(dataDir, home, stick), postgres });
      expect(await services.db.selectFrom('users').select('id').execute()).not.toEqual([]);
      await services.close();
    } else expect(statSync(path.join(dataDir, 'passerelle.sqlite')).size).toBeGreaterThan(0);
  }, 180_000);
});
