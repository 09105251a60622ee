/**
 * `npm run server`: « Passerelle serveur », the main process without a window
 * (issue 29). Owns the data folder (the database, whichever engine it is set
 * to, and the kept files) and serves the other PCs of the office over HTTPS
 * on one address of the local network (office.ts).
 *
 *   npm run server -- --adresse 192.168.1.10 [--port 47443] [--data-dir D] [--code-appairage]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../app/paths';
import { exitWithFrenchMessage } from '../web/cli';
import { option, runServer } from './office';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const dataDir = option('data-dir') ? path.resolve(option('data-dir')!) : defaultDataDir();
  runServer(dataDir, path.join(projectRoot, 'package.json')).catch(exitWithFrenchMessage);
}
