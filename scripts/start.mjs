/**
 * `npm start`: the desktop app when the Electron binary is installed;
 * otherwise (machines that cannot download it) a French explanation and
 * browser mode instead.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (electronBinary()) {
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
