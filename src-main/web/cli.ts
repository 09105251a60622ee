/**
 * `npm run web`: browser mode on 127.0.0.1, for machines without the Electron
 * binary and for the end-to-end tests. Prints the address with its token.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataPaths, defaultDataDir } from '../app/paths';
import { frenchStamp, pickerDialogs } from '../app/ports';
import { restoreLatestLocal } from '../backup/local';
import { createServices } from '../app/services';
import { createFilesUserOnly } from '../app/user-only';
import { AppError } from '../shared/errors';
import { pairedStore } from '../lan/client';
import { pairedAtStart, startStation } from '../lan/station';
import { startWebServer } from './server';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Starts browser mode on a data folder and prints where to open it. Used by `npm run web` and `npm run demo`. */
export async function runBrowserMode(dataDir: string, port = 0) {
  createFilesUserOnly();
  const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  const open = () => createServices({ dataDir, dialogs: pickerDialogs, mode: 'browser', version });
  const store = pairedStore(dataDir);
  // Paired with the office's server (`poste-serveur.json`): no database opened here, every call goes there
  // (lan/station.ts).
  const opened = (await pairedAtStart(store))
    ? null
    : await open().catch(async (error: unknown) => {
        // The server of the data does not answer: the page says why and what to do, and tries again on « Réessayer ».
        if (error instanceof AppError && error.code === 'DATABASE_UNREACHABLE') {
          console.error(error.message);
          return null;
        }
        // Damaged data: only on request, the newest verified automatic copy takes its place (the damaged file is kept).
        if (!(
          error instanceof AppError &&
          error.code === 'DATABASE_DAMAGED' &&
          process.argv.includes('--restaurer-derniere-copie')
        ))
          throw error;
        const paths = dataPaths(dataDir);
        const used = await restoreLatestLocal(paths.databaseFile, paths.backupsDir, frenchStamp(new Date()));
        if (!used)
          throw new AppError(
            'DATABASE_DAMAGED',
            'Aucune copie locale vérifiée n’est disponible : restaurez une sauvegarde de clé USB sur un Passerelle neuf.',
          );
        console.log(
          `Données restaurées depuis la copie automatique du ${used} ; le fichier endommagé est gardé à côté.`,
        );
        return open();
      });
  // While the server of the data does not answer, each call tries to open it again (the station does).
  const station = await startStation({ store, openLocal: open, local: opened });
  const server = await startWebServer({
    invoke: (method, input, sessionToken) => station.invoke(method, input, sessionToken),
    staticDir: path.join(projectRoot, 'out', 'renderer'),
    port,
  });
  console.log(
    `Passerelle (mode navigateur${station.mode() === 'client' ? ', relié au serveur Passerelle du bureau' : ''}) — données : ${dataDir}`,
  );
  console.log(`Ouvrez cette adresse dans votre navigateur :\n\n  ${server.url}\n`);
  console.log('Pour arrêter Passerelle, fermez cette fenêtre ou appuyez sur Ctrl+C.');
  const stop = async () => {
    await server.close();
    await station.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function exitWithFrenchMessage(error: unknown): never {
  console.error(error instanceof AppError ? error.message : 'Passerelle n’a pas pu démarrer.');
  if (
    error instanceof AppError &&
    error.code === 'DATABASE_DAMAGED' &&
    !process.argv.includes('--restaurer-derniere-copie')
  ) {
    console.error(
      'Pour remettre la dernière copie automatique vérifiée (le fichier endommagé est gardé), relancez avec --restaurer-derniere-copie.',
    );
  }
  if (!(error instanceof AppError)) console.error(error instanceof Error ? error.name : error);
  process.exit(1);
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const dataDir = option('data-dir') ? path.resolve(option('data-dir')!) : defaultDataDir();
  runBrowserMode(dataDir, option('port') ? Number(option('port')) : 0).catch(exitWithFrenchMessage);
}
