/**
 * The packaged app starts the backup worker from `out/main/backup-worker.js`
 * (tests use the TypeScript source): this checks the built bundle loads on
 * its own and answers a request with a French error, as the app expects.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const worker = new Worker(pathToFileURL(path.resolve('out/main/backup-worker.js')));
const timer = setTimeout(() => {
  console.error('Le worker de sauvegarde construit ne répond pas.');
  process.exit(1);
}, 20000);
worker.on('error', (error) => {
  console.error('Le worker de sauvegarde construit ne démarre pas :', error.message);
  process.exit(1);
});
worker.on('message', async (reply) => {
  clearTimeout(timer);
  await worker.terminate();
  const ok = reply.id === 1 && reply.error?.code === 'FILE_ERROR' && /fichier/.test(reply.error.message);
  console.log(ok ? 'Le worker de sauvegarde construit répond.' : `Réponse inattendue : ${JSON.stringify(reply)}`);
  process.exit(ok ? 0 : 1);
});
worker.postMessage({
  id: 1,
  op: 'read',
  args: { file: path.resolve('out/absent.passerelle-backup'), key: new Uint8Array(32), extractTo: null },
});
