/**
 * `npm run test:electron`: the desktop app's smoke journey in Electron itself.
 * - PASSERELLE_ELECTRON_APP=<exe>: against that packaged executable (built with
 *   its inspector allowed, since Playwright drives Electron through it);
 * - PASSERELLE_ELECTRON_FUSES=<exe>: reads the fuses of the executable made for
 *   the installer (never launched: its inspector is off);
 * - neither: against the app from source, in the Electron of node_modules, with
 *   better-sqlite3 built for Electron apart (scripts/electron-native.mjs).
 * Where no Electron binary exists (these build machines), says so in French
 * and ends without failing: `npm test` covers everything else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

const packaged = process.env.PASSERELLE_ELECTRON_APP;
const fuses = process.env.PASSERELLE_ELECTRON_FUSES;
const config = ['playwright', 'test', '-c', 'playwright.electron.config.ts'];

if (fuses) {
  process.exit(run('npx', [...config, 'tests/electron/fuses.spec.ts']));
}
if (packaged) {
  if (!existsSync(packaged)) {
    console.error(
      `L'exécutable ${packaged} n'existe pas : construisez d'abord l'application (electron-builder --dir).`,
    );
    process.exit(1);
  }
  process.exit(run('npx', [...config, 'tests/electron/smoke.spec.ts']));
}
if (!electronBinary()) {
  console.log(
    [
      "Le programme Electron n'est pas installé sur cet ordinateur (il n'a pas pu être téléchargé) :",
      "le parcours de l'application de bureau n'est pas lancé ici. Il tourne dans le flux de publication",
      'Windows (.github/workflows/release.yml) ; `npm test` vérifie tout le reste en mode navigateur.',
    ].join('\n'),
  );
  process.exit(0);
}
let status = run('npm', ['run', 'build']);
if (status === 0) status = run('node', ['scripts/electron-native.mjs']);
if (status === 0) status = run('npx', [...config, 'tests/electron/smoke.spec.ts']);
process.exit(status);
