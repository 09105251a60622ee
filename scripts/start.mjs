/**
 * `npm start`: the desktop app when the Electron binary is installed;
 * otherwise (machines that cannot download it) a French explanation and
 * browser mode instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (electronBinary()) {
  // better-sqlite3 for Electron's ABI, built apart once (node_modules keeps Node's, for the tests).
  const prepared = spawnSync('node', ['scripts/electron-native.mjs'], { stdio: 'inherit' });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  run('npx', ['electron-vite', 'preview']);
} else {
  console.log(
    [
      "Le programme Electron n'est pas installé sur cet ordinateur (il n'a pas pu être téléchargé).",
      "Passerelle s'ouvre donc en mode navigateur : copiez l'adresse affichée ci-dessous dans votre navigateur.",
      '',
    ].join('\n'),
  );
  run('npm', ['run', 'web']);
}
