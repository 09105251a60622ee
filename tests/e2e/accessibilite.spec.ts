import type { Page } from '@playwright/test';
import { frenchDate } from '../../src-main/app/ports';
import { seedDemoPeople } from '../../scripts/demo-people';
import { seedDemoWorksites } from '../../scripts/demo-worksites';
import { seedDemoIae } from '../../scripts/demo-iae';
import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { SetupWizardPage } from './pages/setup-wizard';
import { ShellPage } from './pages/shell';
import { expectAccessible } from './support/axe';

test.use({ viewport: { width: 1366, height: 768 } });

async function openScreen(page: Page, shell: ShellPage, label: string) {
  await shell.goTo(label);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test("l'assistant de première installation et l'écran de connexion se lisent au lecteur d'écran et au clavier", async ({
  page,
  app,
}) => {
  await app.open(page);
  const wizard = new SetupWizardPage(page);
  await expect(wizard.heading).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expectAccessible(page, 'assistant de configuration');

  await app.seed();
  await page.reload();
  await new LoginPage(page).expectShown();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'connexion');
  await page.getByRole('button', { name: `Se connecter en tant que ${ADMIN_NAME}` }).click();
  await expectAccessible(page, 'connexion, mot de passe');
});

test("la secrétaire parcourt chaque écran de la démo sans obstacle d'accessibilité", async ({ page, app }) => {
  // Twenty screens, each audited: longer than one journey, still a hang detector.
  test.setTimeout(360_000);
  const admin = await app.seed();
  await seedDemoPeople(app.services, admin);
  await seedDemoWorksites(app.services, admin, frenchDate(new Date()));
  await seedDemoIae(app.services, admin, frenchDate(new Date()));
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await expect(shell.navigation).toBeVisible();

  // From the top of the window, the skip link is the first stop of the keyboard and lands on the screen's content.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expectAccessible(page, 'tableau de bord');
  await app.screenshot(page, 'accessibilite-01-tableau-de-bord');
  // The PASS IAE ending soon leads to a person's eligibility: criteria with their proofs and the PASS.
  await page.getByRole('link', { name: /^PASS IAE de .* expire le/ }).click();
  await expect(page.getByRole('heading', { name: 'Éligibilité IAE' })).toBeVisible();
  await expect(page.getByTestId('iae-resultat')).toContainText('Éligible : 3 critères de niveau 2');
  await expectAccessible(page, 'fiche personne, éligibilité IAE');

  await openScreen(page, shell, 'Personnes');
  // The pagination's arrows and numbers say what they do.
  await expect(page.getByRole('button', { name: 'Page suivante' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Page 2' })).toBeVisible();
  await expectAccessible(page, 'personnes');
  await page.getByRole('table', { name: 'Personnes' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'fiche personne');
  await app.screenshot(page, 'accessibilite-02-fiche');

  await openScreen(page, shell, 'Contacts');
  await expectAccessible(page, 'contacts');

  await openScreen(page, shell, 'Chantiers');
  await expectAccessible(page, 'chantiers');
  await page.getByRole('link', { name: 'Entretien des espaces verts (démo)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Entretien des espaces verts/ })).toBeVisible();
  await expectAccessible(page, 'chantier');
  await app.screenshot(page, 'accessibilite-03-chantier');
  await page.getByRole('link', { name: 'Émargement' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'émargement');
  await app.screenshot(page, 'accessibilite-04-emargement');

  await openScreen(page, shell, 'Planning');
  await expectAccessible(page, 'planning');
  await openScreen(page, shell, 'Heures à transmettre');
  await expectAccessible(page, 'heures à transmettre');
  await openScreen(page, shell, 'État mensuel ASP');
  await expectAccessible(page, 'état mensuel ASP');
  await openScreen(page, shell, 'Documents');
  await expectAccessible(page, 'documents');
  await openScreen(page, shell, 'Statistiques');
  await expectAccessible(page, 'statistiques');
  await app.screenshot(page, 'accessibilite-05-statistiques');
  await openScreen(page, shell, 'Données personnelles');
  await expectAccessible(page, 'données personnelles');
  await openScreen(page, shell, 'Sauvegardes');
  await expectAccessible(page, 'sauvegardes');

  await openScreen(page, shell, 'Paramètres');
  // The tabs come with the settings: wait for them before reading their names.
  await expect(page.getByRole('tab', { name: 'Comptes' })).toBeVisible();
  const tabs = await page.getByRole('tab').allInnerTexts();
  expect(tabs).toContain('Comptes');
  expect(tabs).toContain('Journal des accès');
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectAccessible(page, `paramètres, onglet ${tab}`);
  }
  await app.screenshot(page, 'accessibilite-06-journal');
});

test('chaque rôle trouve un tableau de bord accessible', async ({ page, app }) => {
  const admin = await app.seed();
  await seedDemoPeople(app.services, admin);
  const colleagues = [
    ['Maëlle Guivarch', 'coordination'],
    ['Yann Kervella', 'encadrant'],
    ['Awa Diallo', 'travailleur_social'],
    ['Lena Morvan', 'psychologue'],
    ['Paul Le Bihan', 'lecture_seule'],
  ] as const;
  for (const [name, role] of colleagues) await app.addAccount(admin, name, role);
  await app.open(page);
  const login = new LoginPage(page);
  const shell = new ShellPage(page);
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  for (const [name, role] of colleagues) {
    await shell.switchUser();
    await login.signIn(name, COLLEAGUE_PASSWORD);
    await expect(page.getByRole('button', { name: 'Mon compte' })).toContainText(name);
    await expectAccessible(page, `tableau de bord (${role})`);
    await app.screenshot(page, `accessibilite-tableau-de-bord-${role}`);
    if (role === 'psychologue') {
      await openScreen(page, shell, 'Entretiens');
      await expectAccessible(page, 'entretiens');
    }
  }
});
