import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against
 * browser mode (the Electron binary cannot be downloaded on these machines).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  // A hang detector for journeys of 30+ steps on a two-core machine, not a speed target.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1366, height: 850 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        // As the desktop app does: Chromium's own controls in French (a time field shows 14:00).
        '--lang=fr-FR',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      // On Linux, Chromium takes the format of its own controls from the environment's language.
      // LC_ALL: the file names' encoding. This machine has no fr_FR.UTF-8 locale, so without it the C
      // locale (ASCII) applies and a download named with an accent (« contrat signé.pdf ») is saved as
      // « download »; C.UTF-8 exists everywhere and leaves the controls' French format as it is.
      env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr', LC_ALL: 'C.UTF-8' },
    },
  },
});
