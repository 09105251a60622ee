/**
 * The desktop shell: single instance, local data folder, secure window, IPC.
 * Everything else is the same core that browser mode and the tests run.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultDataDir } from '../app/paths';
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
  try {
    services = await createServices({
      dataDir: defaultDataDir(),
      dialogs: nativeDialogs(() => mainWindow),
      mode: 'desktop',
      version: app.getVersion(),
      printer: electronPdfPrinter(),
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
