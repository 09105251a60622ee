import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';

test('la secrétaire choisit Saint-Barthélemy et voit ses jours fériés de l’année', async ({ page, app }) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  await page.getByRole('tab', { name: 'Calendrier' }).click();
  await expect(page.getByText(/Noël \(25\/12\)/)).toBeVisible();
  await expect(page.getByText(/Abolition de l’esclavage/)).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Jours fériés applicables' }).click();
  for (const region of [
    'Métropole',
    'Alsace-Moselle',
    'Guadeloupe',
    'Martinique',
    'Guyane',
    'La Réunion',
    'Mayotte',
    'Saint-Martin',
    'Saint-Barthélemy',
  ]) {
    await expect(page.getByRole('option', { name: region, exact: true })).toBeVisible();
  }
  await page.getByRole('option', { name: 'Saint-Barthélemy' }).click();
  await expect(page.getByText('Le calendrier est enregistré.')).toBeVisible();
  await expect(page.getByText(/Abolition de l’esclavage \(09\/10\)/)).toBeVisible();
  await app.screenshot(page, 'settings-calendar-01-saint-barthelemy');
});
