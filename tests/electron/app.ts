/**
 * Launches the desktop app itself for the smoke journey: the packaged build
 * (`PASSERELLE_ELECTRON_APP`, the .exe of `dist/…-unpacked/`) or, without it,
 * the app from source (`out/`, built by `npm run build`) in the Electron of
 * node_modules. Each launch gets the data folder and home folder it is given,
 * so a second launch on the same folders is the "restart" of the journey.
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The packaged executable under test, or null for the app from source. */
export function packagedApp(): string | null {
  const exe = process.env.PASSERELLE_ELECTRON_APP;
  return exe ? path.resolve(exe) : null;
}

export interface Launched {
  app: ElectronApplication;
  window: Page;
}

export async function launch(folders: { dataDir: string; homeDir: string }): Promise<Launched> {
  const exe = packagedApp();
  const env = {
    ...process.env,
    PASSERELLE_DATA_DIR: folders.dataDir,
    // The in-app picker's "Dossier personnel" and the native dialogs start here.
    HOME: folders.homeDir,
    USERPROFILE: folders.homeDir,
  } as Record<string, string>;
  const app = exe
    ? await electron.launch({ executablePath: exe, env })
    : await electron.launch({ args: [root], cwd: root, env });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

/**
 * The native file dialogs cannot be clicked by a test: the main process's
 * `dialog` answers with the given folder, as the secretary would choose it.
 */
export async function answerDialogsWith(app: ElectronApplication, folder: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    const answer = async () => ({ canceled: false, filePaths: [chosen], filePath: chosen });
    Object.assign(dialog, { showOpenDialog: answer, showSaveDialog: answer });
  }, folder);
}

/** Calls the core through the real preload bridge and IPC, as the renderer does. */
export async function invoke<T = any>(page: Page, method: string, input: unknown, token: string | null): Promise<T> {
  const result = await page.evaluate(
    ([m, i, t]) =>
      (window as unknown as { api: { invoke(m: string, i: unknown, t: string | null): Promise<any> } }).api.invoke(
        m,
        i,
        t,
      ),
    [method, input, token] as const,
  );
  if (!result.ok) throw new Error(`${method} : ${result.error.message}`);
  return result.value as T;
}
