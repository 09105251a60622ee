import net from 'node:net';
import type { Page } from '@playwright/test';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { KERBRENOU as ccas, RELAIS_IROISE as portage } from './inputs';
import { LoginPage } from './pages/login';
import { SetupWizardPage } from './pages/setup-wizard';
import { ShellPage } from './pages/shell';
import { expectAccessible } from './support/axe';

/** A port on this machine where nothing listens: the server « does not answer ». */
async function silentPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function fillServer(page: Page, port: number) {
  await page.getByRole('textbox', { name: 'Serveur', exact: true }).fill('localhost');
  await page.getByRole('textbox', { name: 'Port', exact: true }).fill(String(port));
  await page
    .getByRole('textbox', { name: 'Mot de passe de l’utilisateur PostgreSQL' })
    .fill('Un-mot-de-passe-du-serveur');
  await page.getByRole('combobox', { name: 'Connexion chiffrée' }).click();
  await page.getByRole('option', { name: 'Sans TLS (serveur sur ce PC)' }).click();
}

test('la secrétaire teste un serveur PostgreSQL qui ne répond pas, puis garde les données sur ce PC', async ({
  page,
  app,
}) => {
  const wizard = new SetupWizardPage(page);
  await app.open(page);
  await expect(wizard.heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Où garder les données ?' })).toBeVisible();
  // « Sur ce PC » as before: the structure's fields are right below.
  await expect(page.getByRole('radio', { name: /^Sur ce PC \(recommandé\)/ })).toBeChecked();
  await expect(page.getByLabel('Nom de la structure')).toBeVisible();
  await app.screenshot(page, 'storage-01-choix');

  await page.getByRole('radio', { name: /^Serveur PostgreSQL/ }).click();
  await expect(page.getByLabel('Nom de la structure')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Connexion chiffrée' })).toHaveValue('TLS obligatoire');

  const port = await silentPort();
  await fillServer(page, port);
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByText('Le serveur ne répond pas')).toBeVisible();
  await expect(
    page.getByText(
      `Le serveur PostgreSQL ne répond pas à l’adresse localhost:${port}. Vérifiez que cet ordinateur est bien relié au réseau`,
      { exact: false },
    ),
  ).toBeVisible();
  await app.screenshot(page, 'storage-02-serveur-injoignable');
  await expectAccessible(page, 'assistant, serveur PostgreSQL');

  // A server that does not answer is not chosen: it says so, and the data stays on this PC.
  await page.getByRole('button', { name: 'Utiliser ce serveur' }).click();
  await expect(page.getByText('Les données restent sur ce PC')).toBeVisible();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Les données restent sur ce PC' })
      .getByText(`Le serveur PostgreSQL ne répond pas à l’adresse localhost:${port}.`, { exact: false }),
  ).toBeVisible();
  expect(app.services.engine.kind).toBe('sqlite');
  await app.screenshot(page, 'storage-03-serveur-refuse');

  // Clear text towards another machine is refused under its field, before any connection.
  await page.getByRole('textbox', { name: 'Serveur', exact: true }).fill('192.168.1.20');
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByText(/^Sans TLS, les données des personnes accompagnées passeraient en clair/)).toBeVisible();

  await page.getByRole('radio', { name: /^Sur ce PC \(recommandé\)/ }).click();
  await wizard.fillStructure(ccas);
  await wizard.next();
  await wizard.addEmployer(portage);
  await wizard.next();
  await wizard.next();
  await wizard.next();
  await wizard.createAdministrator(ADMIN_NAME, ADMIN_PASSWORD);
  await wizard.next();
  await expect(page.getByText('Vérifiez avant de terminer')).toBeVisible();
  await wizard.finish();
  await expect(new ShellPage(page).navigation).toBeVisible();
});

test('l’administratrice voit où sont les données et teste un serveur depuis les paramètres', async ({ page, app }) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  await page.getByRole('tab', { name: 'Emplacement des données' }).click();
  const where = page.getByRole('table', { name: 'Emplacement actuel des données' });
  await expect(where.getByRole('row', { name: 'Emplacement Sur ce PC' })).toBeVisible();
  await expect(where.getByText(app.services.paths.databaseFile)).toBeVisible();

  const port = await silentPort();
  await fillServer(page, port);
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(
    page.getByText(`Le serveur PostgreSQL ne répond pas à l’adresse localhost:${port}.`, { exact: false }),
  ).toBeVisible();
  await expect(page.getByText(/^Pour votre prestataire informatique : Connexion TCP impossible/)).toBeVisible();
  await app.screenshot(page, 'storage-04-parametres');
  await expectAccessible(page, 'Paramètres › Emplacement des données');
});
