/**
 * The built entry of « Passerelle serveur » (`out/main/lan-server.js`,
 * electron.vite.config.ts): what `npm run server` runs, without the
 * TypeScript loader, for a server PC run by Node (the IT provider's choice:
 * a Windows service made with a service wrapper, or a Linux systemd unit; see
 * the README). `scripts/check-built-server.mjs` checks that it starts.
 *
 *   node out/main/lan-server.js --adresse 192.168.1.10 [--port 47443] [--data-dir D] [--code-appairage]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../app/paths';
import { AppError } from '../shared/errors';
import { option, runServer } from './office';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = option('data-dir') ? path.resolve(option('data-dir')!) : defaultDataDir();
runServer(dataDir, path.join(here, '..', '..', 'package.json')).catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : 'Passerelle serveur n’a pas pu démarrer.');
  process.exit(1);
});
