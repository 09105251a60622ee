/**
 * The desktop app itself, on its first day at the CCAS: the wizard, a person,
 * a contract previewed (pdf.js under app://) and printed by Electron, a backup
 * to a folder, then a restart that finds everything. Plus what only Electron
 * can show: the sandbox, no Node in the page, navigation and new windows
 * refused. Runs with `npm run test:electron` where an Electron binary exists
 * (the Windows release workflow); `npm test` only typechecks and lints it.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginPage } from '../e2e/pages/login';
import { PeoplePage } from '../e2e/pages/people';
import { SetupWizardPage } from '../e2e/pages/setup-wizard';
import { ShellPage } from '../e2e/pages/shell';
import { KERBRENOU, MESP_CONTRACT, mespWorksiteInput, RELAIS_IROISE } from '../e2e/inputs';
import { answerDialogsWith, invoke, launch, root } from './app';

const ADMIN = 'Élodie Le Gall';
const PASSWORD = 'Secrétariat-CCAS-2026';

let workDir = '';
let folders = { dataDir: '', homeDir: '' };

test.beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-electron-'));
  folders = { dataDir: path.join(workDir, 'donnees'), homeDir: path.join(workDir, 'secretaire') };
  mkdirSync(path.join(folders.homeDir, 'CLE-USB'), { recursive: true });
});

test.afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const screenshot = (page: import('@playwright/test').Page, name: string) =>
  page.screenshot({ path: path.join(root, 'tests', 'electron', 'screenshots', `${name}.png`), animations: 'disabled' });

test.describe.configure({ mode: 'serial' });

test('premier démarrage : la secrétaire configure, crée une fiche, imprime un contrat et sauvegarde', async () => {
  const { app, window: page } = await launch(folders);
  const wizard = new SetupWizardPage(page);
  await expect(wizard.heading).toBeVisible({ timeout: 30_000 });
  await wizard.fillStructure(KERBRENOU);
  await wizard.next();
  await wizard.addEmployer(RELAIS_IROISE);
  await wizard.next();
  await wizard.next();
  await wizard.next();
  await wizard.createAdministrator(ADMIN, PASSWORD);
  await wizard.next();
  await expect(page.getByText('Vérifiez avant de terminer')).toBeVisible();
  await wizard.finish();
  const shell = new ShellPage(page);
  await expect(shell.navigation).toBeVisible();
  await screenshot(page, 'electron-01-tableau-de-bord');

  // A person, typed in the form.
  await shell.goTo('Personnes');
  const people = new PeoplePage(page);
  await people.fillNewPerson({
    lastName: 'Kerouac',
    firstNames: 'Awa',
    birthDate: '14/07/1985',
    sex: 'Femme',
    town: 'Brest',
    resources: 'RSA',
    educationLevel: 'Niveau 3 (CAP, BEP)',
  });
  await people.create();
  await people.expectRecord('KEROUAC Awa');

  // Her admission and a worksite, through the same bridge the screens use.
  const { token } = await invoke<{ token: string }>(page, 'auth/login', { userId: 1, password: PASSWORD }, null);
  const personId = (await invoke<{ rows: { id: number }[] }>(page, 'people/search', { text: 'Kerouac' }, token))
    .rows[0]!.id;
  const journeyId = (
    await invoke<{ journeys: { id: number }[] }>(
      page,
      'people/openJourney',
      { personId, openedOn: '2026-02-02' },
      token,
    )
  ).journeys[0]!.id;
  for (const status of ['candidature', 'entretien', 'admise']) {
    await invoke(page, 'people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }, token);
  }
  const worksite = await invoke<{ id: number }>(page, 'worksites/save', { worksite: mespWorksiteInput() }, token);
  await invoke(page, 'worksites/generateSessions', { id: worksite.id, makeUps: [] }, token);
  await invoke(
    page,
    'worksites/addParticipant',
    {
      id: worksite.id,
      personId,
      contract: MESP_CONTRACT,
    },
    token,
  );

  // The contract: previewed by pdf.js under app://, then printed to PDF by Electron and kept.
  // Reloaded to show what was added through the bridge; the desktop app keeps no session across a reload.
  await page.reload();
  await new LoginPage(page).signIn(ADMIN, PASSWORD);
  await shell.goTo('Personnes');
  await page.getByRole('link', { name: 'KEROUAC Awa' }).click();
  await page.getByRole('button', { name: 'Établir un document pour Menuiserie du port' }).click();
  const modal = page.getByRole('dialog', { name: 'Documents — Menuiserie du port' });
  await expect(modal.getByRole('img', { name: /Contrat de travail, page 1 sur \d/ })).toBeVisible({ timeout: 30_000 });
  await modal.getByRole('button', { name: 'Générer le document' }).click();
  await expect(modal.getByText(/N° CT-\d{4}-0001, version 1 — enregistré/)).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'electron-02-contrat');
  await page.keyboard.press('Escape');
  expect(readdirSync(path.join(folders.dataDir, 'fichiers', 'documents')).some((name) => name.endsWith('.pdf'))).toBe(
    true,
  );

  // A backup on "the USB stick": the native folder dialog answers with it.
  await answerDialogsWith(app, path.join(folders.homeDir, 'CLE-USB'));
  await shell.goTo('Sauvegardes');
  await page.getByRole('button', { name: 'Proposer une phrase' }).click();
  const phrase = page.getByLabel('Phrase de passe des sauvegardes');
  await expect(phrase).toHaveValue(/^[^-\s]+(-[^-\s]+){11}$/);
  await page.getByLabel('Confirmez la phrase de passe').fill(await phrase.inputValue());
  await page.getByRole('button', { name: 'Enregistrer la phrase de passe' }).click();
  // The recovery sheet opens once the key is derived (a few seconds): closed only once it is there.
  const sheet = page.getByRole('dialog', { name: 'Fiche de secours' });
  await expect(sheet.getByRole('img', { name: 'Fiche de secours, page 1 sur 1' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await shell.goTo('Tableau de bord');
  await page.getByRole('button', { name: 'Sauvegarder sur clé USB…' }).click();
  await expect(page.getByText('Sauvegarde vérifiée', { exact: true }).first()).toBeVisible({ timeout: 120_000 });
  expect(readdirSync(path.join(folders.homeDir, 'CLE-USB'))).toEqual([expect.stringMatching(/\.passerelle-backup$/)]);
  await screenshot(page, 'electron-03-sauvegarde');

  await app.close();
});

test('après un redémarrage, tout est là', async () => {
  const { app, window: page } = await launch(folders);
  await new LoginPage(page).signIn(ADMIN, PASSWORD);
  const shell = new ShellPage(page);
  await shell.goTo('Personnes');
  await expect(new PeoplePage(page).table.getByText('KEROUAC')).toBeVisible();
  await app.close();
});

test('ce que seul Electron montre : bac à sable, pas de Node dans la page, ni navigation ni nouvelle fenêtre', async () => {
  const { app, window: page } = await launch(folders);
  // Every renderer ("Tab") process runs in the OS sandbox (reported on Windows and macOS).
  const renderers = await app.evaluate(({ app: electronApp }) =>
    electronApp
      .getAppMetrics()
      .filter((metric) => metric.type === 'Tab')
      .map((metric) => metric.sandboxed),
  );
  expect(renderers.length).toBeGreaterThan(0);
  expect(renderers.every((sandboxed) => sandboxed === true)).toBe(true);
  expect(
    await page.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);
  // The preload exposes one function, nothing of Node or Electron.
  expect(await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api))).toEqual(['invoke']);

  const start = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(start);
  expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
  await app.close();
});
