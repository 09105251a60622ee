/**
 * The desktop shell: single instance, local data folder, secure window, IPC.
 * Everything else is the same core that browser mode and the tests run.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dataPaths, defaultDataDir } from '../app/paths';
import { frenchStamp } from '../app/ports';
import { restoreLatestLocal } from '../backup/local';
import { electronKeyStore } from './key-store';
import { createServices, type Services } from '../app/services';
import { AppError } from '../shared/errors';
import { nativeDialogs } from './dialogs';
import { electronPdfPrinter } from './pdf-printer';
import { registerRpc } from './ipc';
import { installSecurityGuards } from './security';
import { mainWindowOptions } from './window';

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appUrl = devServerUrl ? new URL('/', devServerUrl).toString() : pathToFileURL(rendererFile).toString();

function showWindow() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start() {
  installSecurityGuards(app, session.defaultSession, appUrl);
  const dataDir = defaultDataDir();
  const open = () =>
    createServices({
      dataDir,
      dialogs: nativeDialogs(() => mainWindow),
      mode: 'desktop',
      version: app.getVersion(),
      printer: electronPdfPrinter(),
      keyStore: electronKeyStore(path.join(dataDir, 'cles')),
    });
  try {
    services = await open().catch(async (error: unknown) => {
      if (!(error instanceof AppError && error.code === 'DATABASE_DAMAGED')) throw error;
      // The "données endommagées" screen: never an automatic repair; the user chooses.
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Données endommagées',
        message: error.message,
        detail: "Passerelle peut remettre la dernière copie automatique vérifiée de vos données (faite au démarrage d'un jour précédent). Le fichier endommagé est gardé à côté, pour le support.",
        buttons: ['Restaurer la dernière copie vérifiée', 'Quitter'],
        defaultId: 0,
        cancelId: 1,
      });
      if (response !== 0) throw error;
      const paths = dataPaths(dataDir);
      const used = await restoreLatestLocal(paths.databaseFile, paths.backupsDir, frenchStamp(new Date()));
      if (!used) throw new AppError('DATABASE_DAMAGED', "Aucune copie locale vérifiée n'est disponible : restaurez une sauvegarde de clé USB depuis l'écran Sauvegardes d'un Passerelle neuf.");
      return open();
    });
  } catch (error) {
    const message =
      error instanceof AppError ? error.message : "Passerelle n'a pas pu ouvrir ses données. Vos fichiers ne sont pas modifiés.";
    dialog.showErrorBox('Passerelle ne peut pas démarrer', message);
    app.quit();
    return;
  }
  registerRpc(ipcMain, services, appUrl);

  mainWindow = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (devServerUrl) await mainWindow.loadURL(devServerUrl);
  else await mainWindow.loadFile(rendererFile);
}

// Chromium's own controls (time fields, date pickers, menus) in French whatever the language of Windows: 14:00, not 02:00 PM.
app.commandLine.appendSwitch('lang', 'fr-FR');

if (!app.requestSingleInstanceLock()) {
  // One Passerelle at a time: a second launch brings the first window forward.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void services?.close();
  });
}
