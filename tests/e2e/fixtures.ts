import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from '../../src-main/app/services';
import { pickerDialogs, uploadDialogs } from '../../src-main/app/ports';
import { startWebServer, type RunningWebServer } from '../../src-main/web/server';
import { dispatch } from '../../src-main/app/dispatch';
import { ANONYMOUS, type Session } from '../../src-main/app/session';
import type { Role } from '../../src-main/shared/contract/users';
import { demoSetup, DEMO_PASSWORD } from '../../scripts/demo-data';
import { tinyPng } from '../fixtures/images';

export const ADMIN_NAME = 'Élodie Le Gall';
export const ADMIN_PASSWORD = DEMO_PASSWORD;
export const COLLEAGUE_PASSWORD = 'Chantier-Goémon-Marée-2026';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppUnderTest {
  server: RunningWebServer;
  services: Services;
  dataDir: string;
  homeDir: string;
  /** Opens the app as a user would: the printed address, token in the fragment. */
  open(page: Page): Promise<void>;
  /** Saves a screenshot under tests/e2e/screenshots/ to be looked at. */
  screenshot(page: Page, name: string): Promise<void>;
  /** The demo structure set up through the core, as the wizard would; the administrator is Élodie Le Gall. */
  seed(): Promise<Session>;
  /** An account created by the administrator through the core. */
  addAccount(admin: Session, displayName: string, role: Role): Promise<void>;
}

/**
 * A fresh browser-mode Passerelle on a fresh temporary database for each test.
 * `filesFrom: 'client'` plays the Passerelle server on another PC (issue 29):
 * files are chosen on the browser's side and sent as bytes.
 */
export const test = base.extend<{ app: AppUnderTest; filesFrom: 'server' | 'client' }>({
  filesFrom: ['server', { option: true }],
  app: async ({ filesFrom }, use) => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'));
    const dataDir = path.join(workDir, 'donnees');
    const homeDir = path.join(workDir, 'secretaire');
    mkdirSync(path.join(homeDir, 'Images'), { recursive: true });
    writeFileSync(path.join(homeDir, 'Images', 'logo-ccas.png'), tinyPng());
    writeFileSync(path.join(homeDir, 'Images', 'notes.txt'), 'pas une image');
    const services = await createServices({
      dataDir,
      dialogs: filesFrom === 'client' ? uploadDialogs : pickerDialogs,
      mode: 'browser',
      version: 'e2e',
      homeDir,
    });
    const server = await startWebServer({
      services,
      staticDir: path.join(root, 'out', 'renderer'),
    });
    await use({
      server,
      services,
      dataDir,
      homeDir,
      open: async (page) => {
        await page.goto(server.url);
      },
      seed: async () => {
        const result = await dispatch(services, 'setup/complete', demoSetup(), ANONYMOUS);
        if (!result.ok) throw new Error(result.error.message);
        const view = result.value as { user: Session['user']; token: string };
        return { user: view.user, token: view.token };
      },
      addAccount: async (admin, displayName, role) => {
        const result = await dispatch(
          services,
          'users/create',
          { displayName, role, password: COLLEAGUE_PASSWORD },
          admin,
        );
        if (!result.ok) throw new Error(result.error.message);
        // As if the colleague had already replaced the password the administrator typed.
        await services.db
          .updateTable('users')
          .set({ mustChangePassword: 0 })
          .where('displayName', '=', displayName)
          .execute();
      },
      screenshot: async (page, name) => {
        await page.screenshot({
          path: path.join(root, 'tests', 'e2e', 'screenshots', `${name}.png`),
          fullPage: true,
          animations: 'disabled',
        });
      },
    });
    await server.close();
    await services.close();
    rmSync(workDir, { recursive: true, force: true });
  },
});

export { expect };
