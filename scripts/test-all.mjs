/**
 * `npm test`: typecheck, lint, unit tests, build, end-to-end tests, in that
 * order. Each gate (typecheck, lint, build) counts as one check; each test
 * counts as one. Ends with one line `N passed, N failed` and a non-zero exit
 * code if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { exclusions, postgresTestFiles } from './postgres-test-files.mjs';

const reports = path.resolve('.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function gate(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${label}: ${ok ? 'ok' : 'ÉCHEC'}`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

gate('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
gate('lint', 'npm', ['run', 'lint']);

function vitest(label, report, args = [], env = {}) {
  const file = path.join(reports, report);
  const ok = run(
    label,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`, ...args],
    env,
  );
  const result = readJson(file);
  if (result) {
    passed += result.numPassedTests;
    failed += result.numFailedTests + (ok || result.numFailedTests > 0 ? 0 : 1);
    lines.push(`${label}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
  } else {
    failed += 1;
    lines.push(`${label}: no report (the run crashed)`);
  }
}

vitest('unit tests (vitest)', 'vitest.json');
// Calendar rules must not depend on the machine's time zone.
for (const tz of ['America/Guadeloupe', 'Pacific/Kiritimati']) {
  vitest(
    `calendar rules under TZ=${tz}`,
    `vitest-${tz.replace('/', '-')}.json`,
    [
      'tests/unit/domain-calendar.test.ts',
      'tests/unit/rules.test.ts',
      'tests/unit/attendance-rules.test.ts',
      'tests/unit/rotation.test.ts',
    ],
    { TZ: tz },
  );
}

// The data-layer and RPC tests again on PostgreSQL (issue 28): every file that opens the app's database, found by
// its imports, less the few about the SQLite file itself (tests/postgres/files.json, each with its reason). The engine
// differences and the migrator run on both engines in the run above already.
const onPostgres = postgresTestFiles();
console.log(
  `\n${onPostgres.length} fichiers rejoués sur PostgreSQL, ${Object.keys(exclusions()).length} exclus (tests/postgres/files.json).`,
);
vitest('data-layer tests on PostgreSQL', 'vitest-postgres.json', onPostgres, { PASSERELLE_TEST_ENGINE: 'postgres' });

const built = gate('build (electron-vite)', 'npx', ['electron-vite', 'build']);
if (built) gate('built backup worker', 'node', ['scripts/check-built-worker.mjs']);
if (built) gate('built office server (node out/main/lan-server.js)', 'node', ['scripts/check-built-server.mjs']);

if (built && existsSync('out/renderer/index.html')) {
  const e2eReport = path.join(reports, 'playwright.json');
  const e2eOk = run('end-to-end tests (playwright, chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  const e2e = readJson(e2eReport);
  if (e2e?.stats) {
    const bad = e2e.stats.unexpected + e2e.stats.flaky;
    passed += e2e.stats.expected;
    failed += bad + (e2eOk || bad > 0 ? 0 : 1);
    lines.push(`e2e: ${e2e.stats.expected} passed, ${bad} failed`);
  } else {
    failed += 1;
    lines.push('e2e: no report (the run crashed)');
  }
} else {
  failed += 1;
  lines.push('e2e: not run (the build failed)');
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
