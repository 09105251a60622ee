import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test, type PostgresForTest } from './fixtures';
import { KERBRENOU as ccas, RELAIS_IROISE as portage } from './inputs';
import { LoginPage } from './pages/login';
import { PeoplePage } from './pages/people';
import { SetupWizardPage } from './pages/setup-wizard';
import { ShellPage } from './pages/shell';
import { expectAccessible } from './support/axe';
import { certificateShownBy } from '../unit/support/town-authority';

// The secretary's laptop screen.
test.use({ viewport: { width: 1366, height: 768 } });

async function fillServer(page: Page, postgres: PostgresForTest, tls: string) {
  await page.getByRole('textbox', { name: 'Serveur', exact: true }).fill('localhost');
  await page.getByRole('textbox', { name: 'Port', exact: true }).fill(String(postgres.port));
  await page.getByRole('textbox', { name: 'Base de données', exact: true }).fill(postgres.database);
  await page.getByRole('textbox', { name: 'Utilisateur PostgreSQL', exact: true }).fill(postgres.user);
  await page.getByRole('textbox', { name: 'Mot de passe de l’utilisateur PostgreSQL' }).fill(postgres.password);
  await page.getByRole('combobox', { name: 'Connexion chiffrée' }).click();
  await page.getByRole('option', { name: tls }).click();
}

test('la secrétaire choisit le serveur PostgreSQL de la mairie, puis travaille dessus, même après un redémarrage', async ({
  page,
  app,
  postgres,
}) => {
  const wizard = new SetupWizardPage(page);
  await app.open(page);
  await expect(wizard.heading).toBeVisible();
  await page.getByRole('radio', { name: /^Serveur PostgreSQL/ }).click();
  await expect(page.getByText('Pas encore disponible dans cette version')).toHaveCount(0);

  // The server's certificate is self-signed: « TLS obligatoire » refuses it, in French.
  await fillServer(page, postgres, 'TLS obligatoire');
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByText('Certificat du serveur non reconnu')).toBeVisible();
  await expect(
    page.getByText('Passerelle ne peut pas vérifier l’identité du serveur.', { exact: false }),
  ).toBeVisible();
  await app.screenshot(page, 'storage-pg-01-certificat');

  // The IT provider sends the server's own certificate (Windows saved it as a binary .cer): « TLS obligatoire »
  // checks the server against it, name included.
  writeFileSync(path.join(app.homeDir, 'serveur-mairie.cer'), await certificateShownBy(postgres.port));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(path.join(app.homeDir, 'serveur-mairie.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const certificatePicker = page.getByRole('dialog', {
    name: 'Choisir le certificat de l’autorité (.crt, .pem ou .cer)',
  });
  // The key sent by mistake is refused, with what to ask for instead.
  await page.getByRole('button', { name: 'Choisir le certificat…' }).click();
  await certificatePicker.getByRole('button', { name: 'Dossier personnel' }).click();
  await certificatePicker.getByRole('button', { name: 'Choisir serveur-mairie.pem' }).click();
  await expect(page.getByText('Ce fichier n’a pas été retenu')).toBeVisible();
  await expect(page.getByText(/^Ce fichier contient une clé privée/)).toBeVisible();
  await app.screenshot(page, 'storage-pg-01b-cle-refusee');
  await page.getByRole('button', { name: 'Choisir le certificat…' }).click();
  await certificatePicker.getByRole('button', { name: 'Dossier personnel' }).click();
  await certificatePicker.getByRole('button', { name: 'Choisir serveur-mairie.cer' }).click();
  const chosen = page.getByRole('alert').filter({ hasText: 'Certificat choisi' });
  await expect(chosen.getByText('CN=localhost', { exact: true })).toBeVisible();
  // Laid out group by group (two lines of four groups), read as one fingerprint.
  const fingerprint = chosen.getByTestId('empreinte-autorite');
  await expect(fingerprint).toBeVisible();
  const bytes = (await fingerprint.innerText()).split(/[\s:]+/).filter(Boolean);
  expect(bytes).toHaveLength(32);
  for (const byte of bytes) expect(byte).toMatch(/^[0-9A-F]{2}$/);
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await expect(page.getByText('Connexion réussie', { exact: true })).toBeVisible();
  await expect(page.getByText('À savoir')).toHaveCount(0);
  await expect(page.getByText('La base est vide : Passerelle y créera ses tables.', { exact: false })).toBeVisible();
  await app.screenshot(page, 'storage-pg-02-connexion-reussie');

  await page.getByRole('button', { name: 'Utiliser ce serveur' }).click();
  await expect(page.getByText('Les données sont sur le serveur', { exact: true })).toBeVisible();
  await expect(
    page.getByText(`Passerelle garde ses données sur le serveur « localhost » (base « ${postgres.database} »).`, {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Serveur PostgreSQL/ })).toBeChecked();
  expect(app.services.engine.kind).toBe('postgres');
  await expect(page.getByLabel('Nom de la structure')).toBeVisible();
  await app.screenshot(page, 'storage-pg-03-serveur-choisi');
  await expectAccessible(page, 'assistant, données sur le serveur');

  await wizard.fillStructure(ccas);
  await wizard.next();
  await wizard.addEmployer(portage);
  await wizard.next();
  await wizard.next();
  await wizard.next();
  await wizard.createAdministrator(ADMIN_NAME, ADMIN_PASSWORD);
  await wizard.next();
  await wizard.finish();
  const shell = new ShellPage(page);
  await expect(shell.navigation).toBeVisible();

  await shell.goTo('Personnes');
  const people = new PeoplePage(page);
  await people.fillNewPerson({
    lastName: 'Le Bihan',
    firstNames: 'Maïwenn',
    birthDate: '03/09/1991',
    sex: 'Femme',
    town: 'Landerneau',
    resources: 'RSA',
    educationLevel: 'Niveau 3 (CAP, BEP)',
  });
  await people.create();
  await people.expectRecord('Maïwenn LE BIHAN');

  // Passerelle is closed and launched again: it opens the server, not the file of this PC.
  await app.restart();
  expect(app.services.engine.kind).toBe('postgres');
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Personnes');
  await people.search('maiwenn');
  await expect(people.table.getByText('Maïwenn')).toBeVisible();
  await app.screenshot(page, 'storage-pg-04-apres-redemarrage');

  await shell.goTo('Paramètres');
  await page.getByRole('tab', { name: 'Emplacement des données' }).click();
  const where = page.getByRole('table', { name: 'Emplacement actuel des données' });
  await expect(where.getByRole('row', { name: 'Emplacement Serveur PostgreSQL' })).toBeVisible();
  await expect(where.getByRole('row', { name: `Serveur localhost:${postgres.port}` })).toBeVisible();
  await expect(where.getByRole('row', { name: /^Autorité de certification de la mairie CN=localhost/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revenir à « Sur ce PC »' })).toBeVisible();
  await app.screenshot(page, 'storage-pg-05-parametres');
  await expectAccessible(page, 'Paramètres › Emplacement des données, serveur');

  // « Raccorder un autre poste »: the fichier de raccordement, encrypted under a passphrase, in the home folder.
  await page.getByLabel('Phrase de passe du fichier').fill('mésange-sureau-lagune-pinson');
  await page.getByRole('button', { name: 'Écrire le fichier de raccordement…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
  await expect(page.getByText('Fichier de raccordement écrit', { exact: true })).toBeVisible();
  const joinFile = path.join(app.homeDir, `raccordement-${postgres.database}.passerelle-raccordement`);
  await expect(page.getByText(joinFile, { exact: true })).toBeVisible();
  expect(readFileSync(joinFile).includes(Buffer.from(postgres.password))).toBe(false);
  await page.getByText('Fichier de raccordement écrit', { exact: true }).scrollIntoViewIfNeeded();
  await app.screenshot(page, 'storage-pg-05b-raccorder-un-poste');

  // The town's server stops: at the next start, the page says why and what to do — no empty data in its place.
  await postgres.stop();
  await app.restart();
  await app.open(page);
  await expect(page.getByText('Passerelle n’a pas pu ouvrir vos données')).toBeVisible();
  await expect(
    page.getByText(
      `Passerelle garde ses données sur le serveur PostgreSQL « localhost » (base « ${postgres.database} ») et ne peut pas l’ouvrir. Le serveur PostgreSQL ne répond pas à l’adresse localhost:${postgres.port}.`,
      { exact: false },
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  await app.screenshot(page, 'storage-pg-06-serveur-arrete');
  await expectAccessible(page, 'serveur des données injoignable');
});

test('l’administratrice passe au serveur depuis les paramètres, puis revient « Sur ce PC »', async ({
  page,
  app,
  postgres,
}) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const shell = new ShellPage(page);
  await shell.goTo('Paramètres');
  await page.getByRole('tab', { name: 'Emplacement des données' }).click();
  await expect(page.getByText('Vos données actuelles restent sur ce PC')).toBeVisible();
  await expect(page.getByText(app.services.paths.databaseFile, { exact: false }).first()).toBeVisible();
  await fillServer(page, postgres, 'Sans TLS (serveur sur ce PC)');
  await app.screenshot(page, 'storage-pg-07-parametres-passer');
  await page.getByRole('button', { name: 'Utiliser ce serveur' }).click();

  // The server is empty: everyone signs in again there, and the wizard sets it up.
  await expect(new SetupWizardPage(page).heading).toBeVisible();
  await expect(page.getByText('Les données sont sur le serveur', { exact: true })).toBeVisible();
  await app.screenshot(page, 'storage-pg-08-assistant-sur-le-serveur');
  expect(app.services.engine.kind).toBe('postgres');

  await page.getByRole('button', { name: 'Revenir à « Sur ce PC »' }).click();
  // The file of this PC as it was left: its structure and accounts.
  await expect(page.getByText('Qui êtes-vous ?')).toBeVisible();
  expect(app.services.engine.kind).toBe('sqlite');
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await expect(shell.navigation).toBeVisible();
});
