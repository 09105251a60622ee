/**
 * `npm test`: typecheck, lint, unit tests, build, end-to-end tests, in that
 * order. Each gate (typecheck, lint, build) counts as one check; each test
 * counts as one. Ends with one line `N passed, N failed` and a non-zero exit
 * code if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

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
gate('lint', 'npx', ['eslint', '.']);

const vitestReport = path.join(reports, 'vitest.json');
const unitOk = run('unit tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]);
const unit = readJson(vitestReport);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1);
  lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  failed += 1;
  lines.push('unit: no report (the run crashed)');
}

const built = gate('build (electron-vite)', 'npx', ['electron-vite', 'build']);

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
