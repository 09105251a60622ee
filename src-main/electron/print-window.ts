import type { BrowserWindowConstructorOptions } from 'electron';

/** A document is static HTML: the printing window runs no script, has no preload and reaches no network. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: 'passerelle-print',
      spellcheck: false,
    },
  };
}
