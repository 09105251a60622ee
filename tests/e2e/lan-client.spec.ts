import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../../src-main/app/services';
import { pickerDialogs } from '../../src-main/app/ports';
import { makeCertificate } from '../../src-main/lan/certificate';
import { pairedStore } from '../../src-main/lan/client';
import { startLanServer } from '../../src-main/lan/server';
import { startStation } from '../../src-main/lan/station';
import { startWebServer } from '../../src-main/web/server';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople } from './seed';
import { expectAccessible } from './support/axe';

test.use({ viewport: { width: 1366, height: 768 } });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Issue 29, « Sur chaque autre PC »: the administrator makes a pairing code on
 * the server; the secretary’s PC (browser mode on a data folder of its own,
 * its station sending every call to the server once paired) joins it from the
 * first-launch wizard, comparing the fingerprint, then people sign in with
 * their accounts on the server and open a record kept there. Revoked, the PC
 * says so and offers to pair again.
 */
test('un second PC rejoint le serveur Passerelle du bureau depuis l’assistant, puis travaille sur ses données', async ({
  page,
  app,
  browser,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, ['Maëlys']);
  const certificate = makeCertificate('127.0.0.1');
  const lan = await startLanServer({ services: app.services, address: '127.0.0.1', port: 0, certificate });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-poste-'));
  const dataDir = path.join(workDir, 'donnees-accueil');
  const station = await startStation({
    store: pairedStore(dataDir),
    openLocal: () => createServices({ dataDir, dialogs: pickerDialogs, mode: 'browser', version: 'e2e' }),
    hostName: 'PC-ACCUEIL',
  });
  const secondPc = await startWebServer({
    invoke: (method, input, token) => station.invoke(method, input, token),
    staticDir: path.join(root, 'out', 'renderer'),
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  try {
    // On the server: the administrator reads the fingerprint and makes a code.
    await app.open(page);
    await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
    await new ShellPage(page).goTo('Paramètres');
    await page.getByRole('tab', { name: 'Poste serveur' }).click();
    const serverPrint = (await page.getByTestId('lan-fingerprint').textContent()) ?? '';
    await page.getByRole('button', { name: 'Créer un code d’appairage' }).click();
    const code = (await page.getByTestId('lan-pairing-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // On the secretary’s PC: a Passerelle never set up.
    const pc = await context.newPage();
    await pc.goto(secondPc.url);
    await expect(pc.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
    const steps = pc.getByTestId('wizard-steps');
    // The wizard’s own steps (the pairing form inside has its own, smaller: address, fingerprint, code).
    const ownSteps = steps.locator(':scope > .mantine-Stepper-steps > .mantine-Stepper-step');
    const stepLabels = ownSteps.locator('.mantine-Stepper-stepLabel');
    const currentStep = ownSteps.and(pc.locator('[data-progress]')).locator('.mantine-Stepper-stepLabel');
    // Keeping the data on this PC: the wizard’s own steps.
    await expect(stepLabels).toHaveText(['Structure', 'Employeurs', 'Horaires', 'SMIC', 'Compte']);
    await app.screenshot(pc, 'lan-client-00a-assistant-sur-ce-pc');
    const joinChoice = pc.getByRole('radio', { name: /^Ce PC rejoint le serveur Passerelle du bureau/ });
    await joinChoice.click();
    // Nothing of the structure is asked, nor shown as still to do: the server has it. Only this PC’s own steps.
    await expect(stepLabels).toHaveText(['Où garder les données', 'Rejoindre le serveur', 'Se connecter']);
    await expect(currentStep).toHaveText('Rejoindre le serveur');
    // The same choices, not another screen: the keyboard stays where it was.
    await expect(joinChoice).toBeFocused();
    await expect(pc.getByLabel(/^Nom de la structure/)).toHaveCount(0);
    await expect(pc.getByRole('button', { name: 'Suivant' })).toHaveCount(0);
    await app.screenshot(pc, 'lan-client-00b-rejoindre-adresse');
    await expectAccessible(pc, 'assistant, ce PC rejoint le serveur');
    // A port where nothing listens: a server PC switched off.
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    await pc.getByLabel(/^Adresse du PC serveur/).fill(`127.0.0.1:${closedPort}`);
    await pc.getByRole('button', { name: 'Vérifier le serveur' }).click();
    await expect(pc.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas' })).toBeVisible();
    await app.screenshot(pc, 'lan-client-01-serveur-injoignable');

    await pc.getByLabel(/^Adresse du PC serveur/).fill(`127.0.0.1:${lan.port}`);
    await pc.getByRole('button', { name: 'Vérifier le serveur' }).click();
    const shown = pc.getByTestId('poste-fingerprint');
    await expect(shown).toHaveText(certificate.fingerprint.replace(/^(.{47}):/, '$1'));
    // The same characters as on the server’s screen, in the same two halves.
    expect(await shown.textContent()).toBe(serverPrint);
    await app.screenshot(pc, 'lan-client-02-empreinte');
    await pc.getByRole('button', { name: 'Les empreintes sont identiques' }).click();

    await expect(pc.getByLabel(/^Nom de ce PC sur le serveur/)).toHaveValue('PC-ACCUEIL');
    await pc.getByLabel(/^Nom de ce PC sur le serveur/).fill('PC de l’accueil');
    await pc.getByLabel(/^Code d’appairage/).fill('ZZZZ-ZZZZ');
    await pc.getByRole('button', { name: 'Appairer ce PC' }).click();
    await expect(pc.getByText('Ce code d’appairage n’est pas valable', { exact: false })).toBeVisible();
    await app.screenshot(pc, 'lan-client-03-code-errone');
    await pc.getByLabel(/^Code d’appairage/).fill(code.toLowerCase());
    await pc.getByRole('button', { name: 'Appairer ce PC' }).click();
    await expect(pc.getByText(`Ce PC est relié au serveur Passerelle 127.0.0.1:${lan.port}`)).toBeVisible();
    // Paired: the question of where this PC keeps data is closed (the storage methods refuse a client PC);
    // what is left is signing in, the one action offered.
    await expect(currentStep).toHaveText('Se connecter');
    await expect(stepLabels).toHaveText(['Où garder les données', 'Rejoindre le serveur', 'Se connecter']);
    await expect(pc.getByRole('radio')).toHaveCount(0);
    await expect(pc.getByRole('button', { name: 'Utiliser ce serveur' })).toHaveCount(0);
    await expect(pc.getByRole('button', { name: 'Appairer ce PC' })).toHaveCount(0);
    // The stepper’s steps are shown, not clicked (out of the tab order): the one thing to do is to sign in.
    await expect(pc.locator('button:not(.mantine-Stepper-step)')).toHaveText(['Aller à la connexion']);
    await expect(pc.getByRole('button', { name: 'Aller à la connexion' })).toBeFocused();
    await app.screenshot(pc, 'lan-client-04-relie');
    await expectAccessible(pc, 'assistant, ce PC est relié au serveur');
    await pc.getByRole('button', { name: 'Aller à la connexion' }).click();

    // The server’s accounts: each person signs in with her own.
    await new LoginPage(pc).signIn(ADMIN_NAME, ADMIN_PASSWORD);
    await new ShellPage(pc).goTo('Personnes');
    await pc.getByRole('link', { name: 'PARTICIPANT Maëlys' }).click();
    await expect(pc.getByRole('heading', { name: /Maëlys/ })).toBeVisible();
    await app.screenshot(pc, 'lan-client-05-fiche');

    // Paramètres › Ce poste says which server, with its fingerprint.
    await new ShellPage(pc).goTo('Paramètres');
    await pc.getByRole('tab', { name: 'Ce poste' }).click();
    const link = pc.getByRole('table', { name: 'Serveur de ce poste' });
    await expect(link).toContainText(`127.0.0.1:${lan.port}`);
    await expect(link).toContainText('PC de l’accueil');
    await app.screenshot(pc, 'lan-client-06-ce-poste');
    // Where the office’s data is kept is the server PC’s business: said, with no form to change it from here.
    await pc.getByRole('tab', { name: 'Emplacement des données' }).click();
    // What is true of this PC: on the server, which one; no local or PostgreSQL storage to choose as if standalone.
    const place = pc.getByRole('table', { name: 'Emplacement actuel des données' });
    await expect(place).toContainText('Sur le serveur Passerelle du bureau');
    await expect(place).toContainText(`127.0.0.1:${lan.port}`);
    await expect(place).toContainText('PC de l’accueil');
    await expect(pc.getByText('se règle sur le PC serveur', { exact: false })).toBeVisible();
    await expect(pc.getByRole('button', { name: 'Tester la connexion' })).toHaveCount(0);
    await expect(pc.getByRole('button', { name: /Revenir à « Sur ce PC »|Utiliser ce serveur/ })).toHaveCount(0);
    await app.screenshot(pc, 'lan-client-06b-emplacement');
    await expectAccessible(pc, 'emplacement des données d’un PC relié au serveur');
    await pc.getByRole('link', { name: 'Ouvrir « Ce poste »' }).click();
    await expect(pc.getByRole('tab', { name: 'Ce poste' })).toHaveAttribute('aria-selected', 'true');
    await expect(pc.getByRole('table', { name: 'Serveur de ce poste' })).toBeVisible();

    // The server lists the PC under its name; revoked, the PC says so and offers to pair again.
    await page.reload();
    const devices = page.getByRole('table', { name: 'Postes appairés' });
    await devices.getByRole('button', { name: 'Révoquer PC de l’accueil' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Révoquer ce poste' }).click();
    await expect(devices.getByRole('row', { name: /PC de l’accueil/ })).toContainText('Révoqué le');
    await pc.reload();
    await expect(pc.getByRole('heading', { name: 'Ce PC n’est plus relié au serveur Passerelle' })).toBeVisible();
    await expect(pc.getByText('retiré des postes autorisés', { exact: false })).toBeVisible();
    await app.screenshot(pc, 'lan-client-07-revoque');
    // A new code from the administrator, the same server (its address proposed), the fingerprint compared again.
    await page.getByRole('button', { name: 'Créer un code d’appairage' }).click();
    const again = (await page.getByTestId('lan-pairing-code').textContent()) ?? '';
    await expect(pc.getByLabel(/^Adresse du PC serveur/)).toHaveValue(`127.0.0.1:${lan.port}`);
    await pc.getByRole('button', { name: 'Vérifier le serveur' }).click();
    await expect(pc.getByTestId('poste-fingerprint')).toHaveText(serverPrint);
    await pc.getByRole('button', { name: 'Les empreintes sont identiques' }).click();
    await expect(pc.getByLabel(/^Nom de ce PC sur le serveur/)).toHaveValue('PC de l’accueil');
    await pc.getByLabel(/^Code d’appairage/).fill(again);
    await pc.getByRole('button', { name: 'Appairer ce PC' }).click();
    await pc.getByRole('button', { name: 'Aller à la connexion' }).click();
    await new LoginPage(pc).expectShown();

    // The server PC gets another address: the banner says the server does not answer, and offers to pair again.
    await lan.close();
    const moved = await startLanServer({ services: app.services, address: '127.0.0.1', port: 0, certificate });
    try {
      await pc.reload();
      const banner = pc.getByRole('alert').filter({ hasText: 'Le serveur Passerelle ne répond pas' });
      await banner.getByRole('button', { name: 'Le serveur a changé d’adresse ? Appairer ce PC de nouveau' }).click();
      await expect(pc.getByRole('heading', { name: 'Relier ce PC au serveur Passerelle' })).toBeVisible();
      await app.screenshot(pc, 'lan-client-08-nouvelle-adresse');
      await pc.getByLabel(/^Adresse du PC serveur/).fill(`127.0.0.1:${moved.port}`);
      await pc.getByRole('button', { name: 'Vérifier le serveur' }).click();
      await expect(pc.getByTestId('poste-fingerprint')).toHaveText(serverPrint);
      await pc.getByRole('button', { name: 'Les empreintes sont identiques' }).click();
      await page.getByRole('button', { name: 'Créer un code d’appairage' }).click();
      // The previous code stays on the server’s screen until the new one replaces it.
      await expect(page.getByTestId('lan-pairing-code')).not.toHaveText(again);
      await pc.getByLabel(/^Code d’appairage/).fill((await page.getByTestId('lan-pairing-code').textContent()) ?? '');
      await pc.getByRole('button', { name: 'Appairer ce PC' }).click();
      await pc.getByRole('button', { name: 'Aller à la connexion' }).click();
      await new LoginPage(pc).signIn(ADMIN_NAME, ADMIN_PASSWORD);
      await expect(pc.getByRole('link', { name: 'Personnes', exact: true })).toBeVisible();
    } finally {
      await moved.close();
    }
  } finally {
    await context.close();
    await secondPc.close();
    await station.close();
    await lan.close();
    rmSync(workDir, { recursive: true, force: true });
  }
});
