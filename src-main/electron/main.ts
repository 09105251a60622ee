/**
 * The desktop shell: single instance, local data folder, secure window, IPC.
 * Everything else is the same core that browser mode and the tests run.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dataPaths, defaultDataDir } from '../app/paths';
import { frenchStamp } from '../app/ports';
import { restoreLatestLocal } from '../backup/local';
import { SQLITE_BINDING_VARIABLE } from '../db/native-binding';
import { electronKeyStore, electronPairedStore } from './key-store';
import { pairedAtStart, startStation, type Station } from '../lan/station';
import { createServices, type Services } from '../app/services';
import { createFilesUserOnly } from '../app/user-only';
import { AppError } from '../shared/errors';
import { certificateFiles } from '../lan/certificate';
import { serveOffice, type OfficeServerOptions } from '../lan/office';
import type { RunningLanServer } from '../lan/server';
import { nativeDialogs } from './dialogs';
import { electronPdfPrinter } from './pdf-printer';
import { registerRpc } from './ipc';
import { installSecurityGuards } from './security';
import { mainWindowOptions } from './window';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererUrl, resolveAppRequest } from './app-protocol';

let mainWindow: BrowserWindow | null = null;
/** Where every call goes: this PC's own data, or the office's Passerelle server when this PC is paired with it. */
let station: Station | null = null;
/** Set while this Passerelle serves the office network (« Passerelle serveur », issue 29). */
let lanServer: RunningLanServer | null = null;

/**
 * `Passerelle.exe --serveur [--adresse 192.168.1.10] [--port 47443]`: the
 * server mode the installer's « Ce PC est le serveur Passerelle du bureau »
 * starts at each Windows session (resources/installer.nsh). The same process
 * as the desktop app, without a window until Passerelle is opened on this PC
 * (it then opens its window onto the same data): one process owns the data,
 * and the key store is the desktop app's own (safeStorage).
 */
const serverMode = process.argv.includes('--serveur');

function argOf(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const appUrl = rendererUrl({ packaged: app.isPackaged, env: process.env });

// From source, Electron loads the better-sqlite3 built for its own ABI apart
// (scripts/electron-native.mjs); the packaged app has the one rebuilt at pack time.
if (!app.isPackaged) {
  process.env[SQLITE_BINDING_VARIABLE] ??= path.join(
    app.getAppPath(),
    '.electron-native',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

// Before `ready`: app:// gets an origin of its own, like https.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

/** Serves the built renderer, and nothing outside its folder. */
function serveRenderer() {
  protocol.handle(APP_SCHEME, (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir);
    if ('status' in resolved) return new Response(null, { status: resolved.status });
    return net.fetch(pathToFileURL(resolved.file).toString());
  });
}

function showWindow() {
  if (!mainWindow) {
    // Server mode: the first opening of Passerelle on this PC makes the window.
    if (station) void openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function openWindow() {
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(appUrl);
}

/** The server mode's log: `serveur/serveur.log` of the data folder, the user's alone (no personal data is ever written there). */
function serverLog(dataDir: string): NonNullable<OfficeServerOptions['log']> {
  const file = path.join(certificateFiles(dataDir).dir, 'serveur.log');
  return (line) => {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    appendFileSync(file, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
  };
}

/**
 * Serves the office network from this process. No console on Windows: what
 * `npm run server` prints goes to `serveur/serveur.log` in the data folder
 * (the address and fingerprint; no pairing code: codes are made in Paramètres
 * › Poste serveur). A failure is said in a message box.
 */
async function startServing(dataDir: string, argv: readonly string[]) {
  const services = station?.localServices() ?? null;
  if (lanServer || !services) return;
  const log = serverLog(dataDir);
  try {
    lanServer = await serveOffice(services, {
      dataDir,
      typed: { address: argOf(argv, 'adresse'), port: argOf(argv, 'port') },
      log,
      firstCode: false,
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'Le serveur Passerelle n’a pas pu démarrer.';
    log(message);
    dialog.showErrorBox('Passerelle serveur', message);
  }
}

/**
 * The PostgreSQL server of the data does not answer (or refuses the password): the French reason and what
 * to do, with « Réessayer » (the server may be starting) — never an empty database on this PC in its place.
 */
async function openOrAskAgain(open: () => Promise<Services>): Promise<Services> {
  for (;;) {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'DATABASE_UNREACHABLE')) throw error;
      if (serverMode) {
        // Nobody at the server PC to answer a box: said in its log, tried again in 30 s (the database server may be starting).
        serverLog(defaultDataDir())(`${error.message} Nouvel essai dans 30 secondes.`);
        await new Promise((resolve) => setTimeout(resolve, 30_000));
        continue;
      }
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: 'Serveur des données injoignable',
        message: 'Passerelle ne peut pas ouvrir ses données sur le serveur PostgreSQL.',
        detail: error.message,
        buttons: ['Réessayer', 'Quitter'],
        defaultId: 0,
        cancelId: 1,
      });
      if (response !== 0) throw error;
    }
  }
}

async function start() {
  createFilesUserOnly();
  installSecurityGuards(app, session.defaultSession, appUrl);
  serveRenderer();
  const dataDir = defaultDataDir();
  const open = () =>
    createServices({
      dataDir,
      dialogs: nativeDialogs(() => mainWindow),
      mode: 'desktop',
      version: app.getVersion(),
      // Its temporary HTML in the data folder's work folder, emptied at each start like the others.
      printer: electronPdfPrinter(dataPaths(dataDir).workDir),
      keyStore: electronKeyStore(path.join(dataDir, 'cles')),
    });
  // Paired with the office's Passerelle server: no database opened on this PC, every call goes there.
  // The server PC itself is never paired: its --serveur mode always opens its own data.
  const store = electronPairedStore(dataDir);
  let services: Services | null = null;
  try {
    if (serverMode || !(await pairedAtStart(store)))
      services = await openOrAskAgain(open).catch(async (error: unknown) => {
        if (!(error instanceof AppError && error.code === 'DATABASE_DAMAGED')) throw error;
        // The "données endommagées" screen: never an automatic repair; the user chooses.
        const { response } = await dialog.showMessageBox({
          type: 'error',
          title: 'Données endommagées',
          message: error.message,
          detail:
            'Passerelle peut remettre la dernière copie automatique vérifiée de vos données (faite au démarrage d’un jour précédent). Le fichier endommagé est gardé à côté, pour le support.',
          buttons: ['Restaurer la dernière copie vérifiée', 'Quitter'],
          defaultId: 0,
          cancelId: 1,
        });
        if (response !== 0) throw error;
        const paths = dataPaths(dataDir);
        const used = await restoreLatestLocal(paths.databaseFile, paths.backupsDir, frenchStamp(new Date()));
        if (!used)
          throw new AppError(
            'DATABASE_DAMAGED',
            'Aucune copie locale vérifiée n’est disponible : restaurez une sauvegarde de clé USB depuis l’écran Sauvegardes d’un Passerelle neuf.',
          );
        return open();
      });
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : 'Passerelle n’a pas pu ouvrir ses données. Vos fichiers ne sont pas modifiés.';
    dialog.showErrorBox('Passerelle ne peut pas démarrer', message);
    app.quit();
    return;
  }
  station = await startStation({ store, openLocal: open, local: services });
  registerRpc(ipcMain, station, appUrl);
  if (serverMode) {
    await startServing(dataDir, process.argv);
    return;
  }
  await openWindow();
}

// Chromium's own controls (time fields, date pickers, menus) in French whatever the language of Windows: 14:00, not 02:00 PM.
app.commandLine.appendSwitch('lang', 'fr-FR');

if (!app.requestSingleInstanceLock()) {
  // One Passerelle at a time: a second launch brings the first window forward.
  app.quit();
} else {
  // A second launch: with --serveur (the Windows session started while Passerelle was open), this one serves too; otherwise its window comes forward.
  app.on('second-instance', (_event, argv) => {
    if (argv.includes('--serveur')) void startServing(defaultDataDir(), argv);
    else showWindow();
  });
  app.whenReady().then(start);
  // Closing the window of a server keeps serving the other PCs.
  app.on('window-all-closed', () => {
    if (!lanServer) app.quit();
  });
  app.on('will-quit', () => {
    void lanServer?.close();
    void station?.close();
  });
}
