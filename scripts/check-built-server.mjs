/**
 * « Passerelle serveur » run by Node from the build (`out/main/lan-server.js`,
 * tests use the TypeScript source): this starts the built entry on an empty
 * data folder, on 127.0.0.1 and a free port, waits for what it prints (the
 * address, the certificate's fingerprint, a pairing code), checks that the
 * certificate presented over TLS is the one printed and that plain HTTP gets
 * the French refusal, then stops it with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

const fail = (message) => {
  console.error(message);
  process.exitCode = 1;
};

const port = await new Promise((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-serveur-construit-'));
const child = spawn(
  process.execPath,
  [path.resolve('out/main/lan-server.js'), '--data-dir', dataDir, '--adresse', '127.0.0.1', '--port', String(port)],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let printed = '';
child.stdout.on('data', (chunk) => (printed += chunk.toString('utf8')));
child.stderr.on('data', (chunk) => (printed += chunk.toString('utf8')));

try {
  const ready = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 60_000);
    const check = () => {
      if (/Pour arrêter le serveur/.test(printed)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!ready) throw new Error(`Le serveur construit ne démarre pas :\n${printed}`);
  const fingerprint = /([0-9A-F]{2}(?::[0-9A-F]{2}){31})/.exec(printed)?.[1];
  if (!printed.includes(`Adresse à saisir sur les autres PC : 127.0.0.1:${port}`))
    throw new Error(`Adresse non affichée :\n${printed}`);
  if (!/Code d’appairage .* : [0-9A-Z]{4}-[0-9A-Z]{4}/.test(printed))
    throw new Error(`Code d’appairage non affiché :\n${printed}`);
  const presented = await new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const raw = socket.getPeerCertificate().raw;
      socket.destroy();
      resolve(createHash('sha256').update(raw).digest('hex').toUpperCase().match(/../g).join(':'));
    });
    socket.once('error', reject);
  });
  if (presented !== fingerprint)
    throw new Error(`Le certificat présenté (${presented}) n’est pas celui affiché (${fingerprint}).`);
  const plain = await new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.end('GET / HTTP/1.1\r\nhost: x\r\n\r\n'));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.once('end', () => resolve(answer));
    socket.once('error', reject);
  });
  if (!/^HTTP\/1\.1 400/.test(plain)) throw new Error(`HTTP en clair non refusé :\n${plain}`);
  console.log('Le serveur construit démarre, présente le certificat affiché et refuse le HTTP en clair.');
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
}
