/**
 * The desktop app started from source (`npm start`, `npm run test:electron`)
 * runs in Electron, whose Node has another ABI than the Node that runs the
 * tests: the better-sqlite3 of node_modules (built for Node) cannot be loaded
 * there. This builds a second copy for Electron into .electron-native/, once
 * per Electron version, and leaves node_modules as it is; the main process
 * loads that copy through better-sqlite3's `nativeBinding` option
 * (src-main/db/native-binding.ts). The packaged app is rebuilt at pack time by
 * electron-builder instead.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const target = path.resolve('.electron-native');
const binding = path.join(target, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const stamp = path.join(target, 'version-electron.txt');
const electronVersion = require('electron/package.json').version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
// Rebuilt when either changes: the JavaScript of node_modules' better-sqlite3 loads this binding.
const wanted = `electron ${electronVersion}, better-sqlite3 ${version}`;

if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) process.exit(0);

console.log(
  `Préparation de la base de données pour Electron ${electronVersion} : une seule fois, environ 2 minutes (compilation de better-sqlite3).`,
);
rmSync(target, { recursive: true, force: true });
const copy = path.join(target, 'node_modules', 'better-sqlite3');
mkdirSync(path.dirname(copy), { recursive: true });
cpSync(source, copy, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) });
writeFileSync(
  path.join(target, 'package.json'),
  JSON.stringify(
    { name: 'passerelle-electron-native', private: true, dependencies: { 'better-sqlite3': version } },
    null,
    2,
  ),
);
const { rebuild } = await import('@electron/rebuild');
try {
  await rebuild({
    buildPath: target,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
    buildFromSource: true,
  });
} catch (error) {
  console.error(`La compilation pour Electron a échoué : ${error instanceof Error ? error.message : String(error)}`);
  console.error(
    'Il faut les outils de compilation (Visual Studio Build Tools sous Windows) et un accès à internet pour les en-têtes d’Electron.',
  );
  process.exit(1);
}
if (!existsSync(binding)) {
  console.error(`La compilation n'a pas produit ${binding}.`);
  process.exit(1);
}
writeFileSync(stamp, `${wanted}\n`);
console.log('Base de données prête pour Electron.');
