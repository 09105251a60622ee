/**
 * The browser-mode main process as the benchmark measures it: bundled like
 * the desktop app's main process (no TypeScript loader), on the 10-year data.
 * Prints its address and token on one line, stops on SIGTERM.
 */
import path from 'node:path';
import { pickerDialogs } from '../../src-main/app/ports';
import { createServices } from '../../src-main/app/services';
import { startWebServer } from '../../src-main/web/server';

const [dataDir, staticDir, today] = process.argv.slice(2) as [string, string, string];
const services = await createServices({
  dataDir,
  dialogs: pickerDialogs,
  mode: 'browser',
  version: 'bench',
  clock: { now: () => new Date(`${today}T09:00:00Z`) },
});
const server = await startWebServer({ services, staticDir: path.resolve(staticDir) });
console.log(JSON.stringify({ url: server.url, port: server.port, token: server.token }));
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => services.close())
    .finally(() => process.exit(0));
});
