import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window. The renderer is untrusted by design: no Node, isolated
 * context, OS sandbox; it reaches main only through the preload's `invoke`.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'Passerelle',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      // Chromium's PDF viewer, for printing a generated document from the preview.
      plugins: true,
    },
  };
}
