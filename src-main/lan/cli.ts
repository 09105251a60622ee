/**
 * `npm run server`: « Passerelle serveur », the main process without a window
 * (issue 29). Owns the data folder (the database, whichever engine it is set
 * to, and the kept files) and serves the other PCs of the office over HTTPS
 * on one address of the local network.
 *
 *   npm run server -- --adresse 192.168.1.10 [--port 47443] [--data-dir D] [--code-appairage]
 *
 * The address and port given are kept in the data folder (`serveur/reseau.json`)
 * for the next starts (the Windows service starts it without options). At the
 * first start the TLS certificate is made; its fingerprint is printed at
 * every start, and a pairing code is printed while no PC is paired yet (or
 * on `--code-appairage`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { activeDeviceCount, createPairingCodeAtConsole } from '../app/devices';
import { dataPaths, defaultDataDir } from '../app/paths';
import { pickerDialogs } from '../app/ports';
import { createServices } from '../app/services';
import { createFilesUserOnly } from '../app/user-only';
import { judgeBindAddress } from '../domain/local-network';
import { displayPairingCode } from '../domain/pairing';
import { AppError } from '../shared/errors';
import { exitWithFrenchMessage } from '../web/cli';
import { certificateFiles, loadOrMakeCertificate } from './certificate';
import { DEFAULT_LAN_PORT } from './protocol';
import { assertLocalBindAddress, startLanServer } from './server';

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface NetworkSetting {
  address: string;
  port: number;
}

function settingFile(dataDir: string) {
  return path.join(certificateFiles(dataDir).dir, 'reseau.json');
}

/** The addresses of this PC the server could listen on, for the message that asks to choose one. */
export function localAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && !a.internal)
    .map((a) => a.address)
    .filter((a) => judgeBindAddress(a).ok);
}

/** The address from the options, else the one kept from a previous start; a French message otherwise. */
export function chooseNetworkSetting(dataDir: string, typed: { address?: string; port?: string }): NetworkSetting {
  const file = settingFile(dataDir);
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as NetworkSetting) : null;
  const address = typed.address ?? kept?.address;
  if (!address) {
    const offered = localAddresses();
    throw new AppError(
      'INVALID_INPUT',
      `Choisissez l’adresse de ce PC sur le réseau du bureau : npm run server -- --adresse ${offered[0] ?? '192.168.1.10'}` +
        (offered.length > 1 ? ` (adresses possibles : ${offered.join(', ')})` : ''),
    );
  }
  const port = typed.port !== undefined ? Number(typed.port) : (kept?.port ?? DEFAULT_LAN_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new AppError('INVALID_INPUT', 'Le port est un nombre de 1 à 65535 (47443 par défaut).');
  const setting = { address: assertLocalBindAddress(address), port };
  if (typed.address !== undefined || typed.port !== undefined) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(setting, null, 2)}\n`, { mode: 0o600 });
  }
  return setting;
}

export async function runServer(dataDir: string) {
  createFilesUserOnly();
  const setting = chooseNetworkSetting(dataDir, { address: option('adresse'), port: option('port') });
  const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  const services = await createServices({ dataDir, dialogs: pickerDialogs, mode: 'browser', version });
  const certificate = loadOrMakeCertificate(dataDir, setting.address);
  const server = await startLanServer({ services, address: setting.address, port: setting.port, certificate });
  const where = server.address.includes(':')
    ? `[${server.address}]:${server.port}`
    : `${server.address}:${server.port}`;
  console.log(`Passerelle serveur — données : ${dataPaths(dataDir).dataDir}`);
  if (certificate.made) console.log('Certificat du serveur créé (premier démarrage).');
  console.log(`Adresse à saisir sur les autres PC : ${where}`);
  console.log(`Empreinte du certificat (à comparer sur chaque PC lors de l’appairage) :\n\n  ${server.fingerprint}\n`);
  if (process.argv.includes('--code-appairage') || (await activeDeviceCount(services)) === 0) {
    const { code, expiresAt } = await createPairingCodeAtConsole(services);
    const until = PARIS_TIME.format(expiresAt).replace(':', ' h ');
    console.log(`Code d’appairage (un seul PC, valable jusqu’à ${until}) : ${displayPairingCode(code)}`);
    console.log('Les codes suivants se créent dans Passerelle : Paramètres › Poste serveur (administrateur).\n');
  }
  console.log('Pour arrêter le serveur, fermez cette fenêtre ou appuyez sur Ctrl+C.');
  const stop = async () => {
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const dataDir = option('data-dir') ? path.resolve(option('data-dir')!) : defaultDataDir();
  runServer(dataDir).catch(exitWithFrenchMessage);
}
