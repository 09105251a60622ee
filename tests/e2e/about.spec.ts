import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';

test('la secrétaire ouvre « À propos » : la version installée et comment mettre Passerelle à jour', async ({
  page,
  app,
}) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).openUserMenu();
  await page.getByRole('menuitem', { name: 'À propos de Passerelle' }).click();
  const about = page.getByRole('dialog', { name: 'À propos de Passerelle' });
  await expect(about.getByText('Version e2e (version de développement), mode navigateur.')).toBeVisible();
  await expect(about.getByRole('heading', { name: 'Mettre Passerelle à jour' })).toBeVisible();
  await expect(about.getByText(/Lancez le nouvel installateur/)).toBeVisible();
  await expect(
    about.getByText(/Un installateur plus ancien que la version installée refuse de la remplacer/),
  ).toBeVisible();
  await app.screenshot(page, 'about-01-a-propos');
});
