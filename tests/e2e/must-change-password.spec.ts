import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { ChoosePasswordPage } from './pages/choose-password';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';

const GIVEN = 'Remis-à-zéro-par-Élodie-2026';
const HER_OWN = 'Vélo-bleu-sous-la-pluie-de-Brest';

test("l'administratrice réinitialise le mot de passe d'une référente, qui doit en choisir un à elle avant tout", async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const admin = await app.seed();
  await app.addAccount(admin, 'Soizic Le Bras', 'travailleur_social');
  await app.open(page);
  const login = new LoginPage(page);
  const shell = new ShellPage(page);
  const choose = new ChoosePasswordPage(page);

  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Paramètres');
  await page.getByRole('tab', { name: 'Comptes' }).click();
  await page.getByRole('button', { name: 'Réinitialiser le mot de passe de Soizic Le Bras' }).click();
  const modal = page.getByRole('dialog', { name: 'Réinitialiser le mot de passe de Soizic Le Bras' });
  await expect(modal.getByText('devra en choisir un à lui')).toBeVisible();
  await modal.getByLabel('Nouveau mot de passe').fill(GIVEN);
  await modal.getByLabel('Confirmer le mot de passe').fill(GIVEN);
  await modal.getByRole('button', { name: 'Réinitialiser' }).click();
  await expect(page.getByText('Le mot de passe de Soizic Le Bras est réinitialisé.')).toBeVisible();

  await shell.switchUser();
  await login.signIn('Soizic Le Bras', GIVEN);
  await choose.expectShown();
  // Nothing of the app behind it: no navigation, no dashboard.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByText('Bonjour Soizic Le Bras.', { exact: true })).toHaveCount(0);

  // Keeping the administrator's password is refused, with the live rules on the new one.
  await choose.fill(GIVEN, GIVEN);
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await expect(page.getByText('Choisissez un mot de passe différent de l’actuel.', { exact: true })).toBeVisible();
  // The live strength rules of the change-password form, with her name refused.
  await choose.fill(GIVEN, 'Soizic-Le-Bras-2026-chantier');
  await expect(page.getByText('Mot de passe assez solide.')).toHaveCount(0);
  await choose.fill(GIVEN, HER_OWN);
  await expect(page.getByText('Mot de passe assez solide.')).toBeVisible();
  await app.screenshot(page, 'must-change-password-01-choisir');

  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await expect(page.getByText('Bonjour Soizic Le Bras.')).toBeVisible();
  expect(await shell.navigationLabels()).toEqual([
    'Tableau de bord',
    'Personnes',
    'Contacts',
    'Chantiers',
    'Planning',
    'Suivi FSE+',
    'Aide',
  ]);
  await app.screenshot(page, 'must-change-password-02-ouvert');

  // The password the administrator chose no longer opens her account.
  await shell.switchUser();
  await login.signIn('Soizic Le Bras', GIVEN);
  await expect(page.getByText('Mot de passe incorrect.', { exact: true })).toBeVisible();
  await login.submitPassword(HER_OWN);
  await expect(page.getByText('Bonjour Soizic Le Bras.')).toBeVisible();
});
