import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';

test('la secrétaire ouvre l’Aide, lit sa première semaine, puis le « i » de QPV sur une fiche', async ({
  page,
  app,
}) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const shell = new ShellPage(page);

  await shell.goTo('Aide');
  await expect(page.getByRole('heading', { level: 1, name: 'Aide' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Première semaine au secrétariat' })).toBeVisible();
  await expect(page.getByText(/^Paramètres › Comptes › «\s*Nouveau compte\s*»/)).toBeVisible();
  // Another role's guide opens on demand.
  await page.getByRole('button', { name: /Encadrant technique/ }).click();
  await expect(page.getByText(/^Chantiers › votre chantier › «\s*Émargement\s*»/)).toBeVisible();
  await expect(page.getByText('QPV — Quartier prioritaire de la politique de la ville')).toBeVisible();
  await app.screenshot(page, 'help-01-aide');

  await shell.goTo('Personnes');
  await page.getByRole('link', { name: 'Nouvelle personne' }).click();
  const qpv = page.getByRole('button', { name: 'Qu’est-ce que « QPV » ?' });
  await qpv.click();
  const definition = page.getByRole('dialog', { name: 'QPV' });
  await expect(definition.getByText('QPV : Quartier prioritaire de la politique de la ville')).toBeVisible();
  await expect(definition.getByText(/Loi n°\s2014-173/)).toBeVisible();
  // Opening the help does not open the field's list.
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await app.screenshot(page, 'help-02-qpv');
  // Escape from inside the help (its focus trap holds the focus there) closes it.
  await definition.press('Escape');
  await expect(definition).toBeHidden();
});

test('l’encadrant trouve son guide en premier dans l’Aide', async ({ page, app }) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  await app.open(page);
  await new LoginPage(page).signIn('Yann Kervella', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Aide');
  await expect(page.getByRole('heading', { name: 'Première semaine d’encadrant technique' })).toBeVisible();
  await app.screenshot(page, 'help-03-encadrant');
});
