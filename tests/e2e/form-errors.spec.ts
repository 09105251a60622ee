import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { caller } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

test('la coordinatrice enregistre une fiche incomplète : les erreurs sont listées en haut, chacune mène à son champ', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await page.clock.install({ time: new Date('2026-05-06T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'Nouvelle personne' }).click();

  // She fills the end of the form only, then saves.
  await page.getByLabel(/^Commune/).fill('Brest');
  await page.getByLabel(/^Date de naissance/).fill('31/02/1990');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();

  const summary = page.getByRole('alert').filter({ hasText: /erreurs? à corriger/ });
  await expect(summary).toBeVisible();
  const links = summary.getByRole('link');
  // In the order of the screen, with the words shown under each field.
  await expect(links.first()).toHaveText(/^Nom : /);
  await expect(
    summary.getByRole('link', { name: 'Date de naissance : Le 31 février n’existe pas (février a 28 jours).' }),
  ).toBeVisible();
  const lastName = page.getByRole('textbox', { name: /^Nom$|^Nom \*/ }).first();
  // Focus went to the first invalid field, at the top of the summary's list.
  await expect(lastName).toBeFocused();
  const firstCount = await links.count();
  expect(firstCount).toBeGreaterThanOrEqual(3);
  await app.screenshot(page, 'form-errors-01-recapitulatif');

  // Each link takes her to its field.
  await summary.getByRole('link', { name: /^Date de naissance : / }).click();
  await expect(page.getByLabel(/^Date de naissance/)).toBeFocused();

  // The list follows her corrections.
  await page.getByLabel(/^Date de naissance/).fill('28/02/1990');
  await lastName.fill('Kerbrat');
  await expect(links).toHaveCount(firstCount - 2);
  await expect(summary.getByRole('link', { name: /^Date de naissance/ })).toHaveCount(0);
  expect((await call('people/search', { query: 'Kerbrat' })).rows).toEqual([]);
  await app.screenshot(page, 'form-errors-02-corrige-en-partie');

  // In a modal too: the summary sits at the top of the form, focus on its first invalid field.
  await new ShellPage(page).goTo('Chantiers');
  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  const modal = page.getByRole('dialog', { name: 'Nouveau chantier' });
  await modal.getByRole('button', { name: 'Enregistrer le chantier' }).click();
  const modalSummary = modal.getByRole('alert').filter({ hasText: /erreurs? à corriger/ });
  await expect(modalSummary.getByRole('link').first()).toHaveText(/^Nom du chantier : /);
  await expect(modal.getByLabel(/^Nom du chantier/)).toBeFocused();
  await app.screenshot(page, 'form-errors-03-modale');
  expect(await call('worksites/list', {})).toHaveLength(0);
});
