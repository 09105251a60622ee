import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../src-main/electron/window';
import { printWindowOptions } from '../../src-main/electron/print-window';
import { guardWebContents, installSecurityGuards, isAppUrl } from '../../src-main/electron/security';
import { registerRpc } from '../../src-main/electron/ipc';
import { pairedStore } from '../../src-main/lan/client';
import { startStation } from '../../src-main/lan/station';
import { tempDir, testServices } from './support/services';

const APP_URL = 'file:///C:/Program%20Files/Passerelle/resources/app.asar/out/renderer/index.html';

function fakeContents() {
  const emitter = new EventEmitter() as EventEmitter & { setWindowOpenHandler: ReturnType<typeof vi.fn> };
  emitter.setWindowOpenHandler = vi.fn();
  return emitter;
}

describe('Electron shell', () => {
  it('opens the window isolated, sandboxed and without Node', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('prints documents in a hidden window without scripts, preload or shared session', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: 'passerelle-print',
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('denies navigation away from the app, new windows and webviews', () => {
    const contents = fakeContents();
    guardWebContents(contents as never, APP_URL);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://exemple.fr/')).toBe(true);
    expect(navigate('file:///C:/Windows/system32/')).toBe(true);
    expect(navigate(`${APP_URL}#/settings`)).toBe(false);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and guards every new web contents', () => {
    const app = new EventEmitter();
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    installSecurityGuards(app as never, session as never, APP_URL);
    const answer = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0](null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
    const contents = fakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('answers IPC only from the app’s own frame', async () => {
    const services = await testServices();
    let handler!: (event: unknown, method: unknown, input: unknown, token?: unknown) => Promise<unknown>;
    const ipcMain = { handle: vi.fn((_channel: string, fn: typeof handler) => (handler = fn)) };
    const station = await startStation({
      store: pairedStore(tempDir()),
      openLocal: async () => services,
      local: services,
    });
    registerRpc(ipcMain as never, station, APP_URL);
    expect(ipcMain.handle).toHaveBeenCalledWith('rpc', expect.any(Function));
    // Every answer carries the data version, from which the renderer knows what to refresh.
    expect(await handler({ senderFrame: { url: `${APP_URL}#/` } }, 'setup/status', {})).toEqual({
      ok: true,
      value: { completed: false, structureName: null, needsAdministrator: false },
      dataVersion: 0,
    });
    expect(await handler({ senderFrame: { url: 'https://exemple.fr/' } }, 'setup/status', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('recognises only the app page as the app', () => {
    expect(isAppUrl(`${APP_URL}#/people`, APP_URL)).toBe(true);
    expect(isAppUrl('file:///C:/autre.html', APP_URL)).toBe(false);
    expect(isAppUrl('pas une adresse', APP_URL)).toBe(false);
  });
});
