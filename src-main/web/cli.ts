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
import { createServices, type Services } from '../app/services';
import { createFilesUserOnly } from '../app/user-only';
import { AppError } from '../shared/errors';
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
  const opened = await open().catch(async (error: unknown) => {
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
    console.log(`Données restaurées depuis la copie automatique du ${used} ; le fichier endommagé est gardé à côté.`);
    return open();
  });
  let services = opened;
  let opening: Promise<Services> | null = null;
  const current = async (): Promise<Services> => {
    if (services) return services;
    opening ??= open().finally(() => {
      opening = null;
    });
    services = await opening;
    return services;
  };
  const server = await startWebServer({
    services: services ?? current,
    staticDir: path.join(projectRoot, 'out', 'renderer'),
    port,
  });
  console.log(`Passerelle (mode navigateur) — données : ${dataDir}`);
  console.log(`Ouvrez cette adresse dans votre navigateur :\n\n  ${server.url}\n`);
  console.log('Pour arrêter Passerelle, fermez cette fenêtre ou appuyez sur Ctrl+C.');
  const stop = async () => {
    await server.close();
    await services?.close();
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
