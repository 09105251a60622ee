import { defineConfig } from '@playwright/test';

/**
 * The desktop app in Electron itself (tests/electron/), run by
 * `npm run test:electron` where an Electron binary exists: the Windows release
 * workflow. The browser-mode journeys stay in playwright.config.ts.
 */
export default defineConfig({
  testDir: 'tests/electron',
  workers: 1,
  fullyParallel: false,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
