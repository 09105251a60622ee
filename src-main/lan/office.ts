/**
 * « Passerelle serveur » (issue 29), what starts it: the data opened the way
 * the desktop app opens it, the network address chosen, the HTTPS server
 * listening, and what to type on the other PCs said. Used by `npm run server`
 * (cli.ts), the built entry `out/main/lan-server.js` (server-main.ts) and the
 * desktop app's server mode (`Passerelle.exe --serveur`, electron/main.ts).
 *
 * The address and port given are kept in the data folder (`serveur/reseau.json`)
 * for the next starts (the server mode started with the Windows session has no
 * options). At the first start the TLS certificate is made; its fingerprint is
 * said at every start, and a pairing code while no PC is paired yet (or on
 * `--code-appairage`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { activeDeviceCount, createPairingCodeAtConsole } from '../app/devices';
import { pickerDialogs } from '../app/ports';
import { createServices, type Services, type ServicesConfig } from '../app/services';
import { createFilesUserOnly } from '../app/user-only';
import { fileKeyStore } from '../backup/file-key-store';
import type { KeyStore } from '../backup/keys';
import { judgeBindAddress } from '../domain/local-network';
import { displayPairingCode } from '../domain/pairing';
import { AppError } from '../shared/errors';
import { certificateFiles, loadOrMakeCertificate } from './certificate';
import { DEFAULT_LAN_PORT } from './protocol';
import { assertLocalBindAddress, startLanServer, type RunningLanServer } from './server';

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
export function option(name: string, argv: readonly string[] = process.argv): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
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

/** What the office server needs beside the data folder; tests and the desktop app's server mode give their own. */
export interface OfficeServerOptions {
  dataDir: string;
  /** The address and port typed this time (kept for the next starts); the kept ones otherwise. */
  typed?: { address?: string; port?: string };
  /** Print a pairing code even when PCs are paired already (`--code-appairage`). */
  pairingCode?: boolean;
  version: string;
  /** Where the PostgreSQL password and the journal key are kept: the data folder's `cles` (user-only files) by default, the OS's protection in the desktop app. */
  keyStore?: KeyStore;
  /** The console; a file in the Windows server mode, which has none. */
  log?: (line: string) => void;
  /** Waited before opening the data again when its PostgreSQL server does not answer: 30 s by default. */
  beforeRetry?: () => Promise<void>;
  /** Anything else `createServices` takes (tests lower the hashing costs). */
  services?: Partial<ServicesConfig>;
}

export interface OfficeServer {
  services: Services;
  server: RunningLanServer;
  stop(): Promise<void>;
}

const RETRY_MS = 30_000;

/**
 * Opens the data the way the desktop app does (SQLite in the data folder, or
 * the PostgreSQL server `moteur.json` names, with the password of the key
 * store). A PostgreSQL server that does not answer (or refuses the password)
 * is said in French and tried again until it answers: a server PC that starts
 * before the database server waits for it instead of stopping, and never
 * opens an empty database on this PC in its place.
 */
export async function openOfficeData(options: OfficeServerOptions): Promise<Services> {
  const log = options.log ?? ((line: string) => console.log(line));
  const wait = options.beforeRetry ?? (() => new Promise<void>((resolve) => setTimeout(resolve, RETRY_MS)));
  for (;;) {
    try {
      return await createServices({
        dataDir: options.dataDir,
        dialogs: pickerDialogs,
        mode: 'browser',
        version: options.version,
        keyStore: options.keyStore ?? fileKeyStore(path.join(options.dataDir, 'cles')),
        ...options.services,
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'DATABASE_UNREACHABLE')) throw error;
      log(error.message);
      log(`Nouvel essai dans ${RETRY_MS / 1000} secondes (Ctrl+C pour arrêter).`);
      await wait();
    }
  }
}

/**
 * « Passerelle serveur »: the data opened, the certificate made or read, the
 * HTTPS server listening, and what to type on the other PCs printed: the
 * address, the certificate's fingerprint, and a pairing code while no PC is
 * paired yet.
 */
export async function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
  // The address first: a server PC with none chosen stops here, before opening anything.
  chooseNetworkSetting(options.dataDir, options.typed ?? {});
  const services = await openOfficeData(options);
  try {
    const server = await serveOffice(services, options);
    return {
      services,
      server,
      stop: async () => {
        await server.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

/**
 * Serves data already open on the office network: the certificate made or
 * read, the HTTPS server listening, and what to type on the other PCs said.
 * Also what the desktop app does in its server mode (`Passerelle.exe --serveur`).
 */
export async function serveOffice(
  services: Services,
  options: Pick<OfficeServerOptions, 'dataDir' | 'typed' | 'pairingCode' | 'log'> & {
    /** Whether a pairing code is made and said while no PC is paired (not in a log file). */
    firstCode?: boolean;
  },
): Promise<RunningLanServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const setting = chooseNetworkSetting(options.dataDir, options.typed ?? {});
  const certificate = loadOrMakeCertificate(options.dataDir, setting.address);
  const server = await startLanServer({ services, address: setting.address, port: setting.port, certificate });
  const where = server.address.includes(':')
    ? `[${server.address}]:${server.port}`
    : `${server.address}:${server.port}`;
  log(`Passerelle serveur — données : ${describeStore(services)}`);
  if (certificate.made) log('Certificat du serveur créé (premier démarrage).');
  log(`Adresse à saisir sur les autres PC : ${where}`);
  log(`Empreinte du certificat (à comparer sur chaque PC lors de l’appairage) :\n\n  ${server.fingerprint}\n`);
  if (options.pairingCode || (options.firstCode !== false && (await activeDeviceCount(services)) === 0)) {
    const { code, expiresAt } = await createPairingCodeAtConsole(services);
    const until = PARIS_TIME.format(expiresAt).replace(':', ' h ');
    log(`Code d’appairage (un seul PC, valable jusqu’à ${until}) : ${displayPairingCode(code)}`);
    log('Les codes suivants se créent dans Passerelle : Paramètres › Poste serveur (administrateur).\n');
  }
  return server;
}

/** Where the data is, for the first line printed: the folder, and the PostgreSQL server when it keeps the database. */
function describeStore(services: Services): string {
  const folder = services.paths.dataDir;
  if (services.engineChoice.engine === 'sqlite') return folder;
  const { host, port, database } = services.engineChoice.postgres;
  return `${folder} (base « ${database} » sur le serveur PostgreSQL ${host}:${port})`;
}

/** The console server: started with the options typed, stopped by Ctrl+C or the service manager. */
export async function runServer(dataDir: string, packageFile: string) {
  createFilesUserOnly();
  const version = (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
  const running = await startOfficeServer({
    dataDir,
    typed: { address: option('adresse'), port: option('port') },
    pairingCode: process.argv.includes('--code-appairage'),
    version,
  });
  console.log('Pour arrêter le serveur, fermez cette fenêtre ou appuyez sur Ctrl+C.');
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
