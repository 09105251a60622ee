import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

test("la coordinatrice imprime la feuille d'émargement de la semaine et toutes les convocations du chantier", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  const call = caller(app.services, admin);
  const yann = (await call('users/list', {})).find((u: { displayName: string }) => u.displayName === 'Yann Kervella');
  await admitPeople(app.services, admin, ['Élodie', 'Awa', 'Soazig', 'Moussa', 'Gaëlle']);
  const worksiteId = await mespWorksite(app.services, admin, yann.id);
  for (const person of (await call('people/search', { status: 'admise' })).rows) {
    await call('worksites/addParticipant', { id: worksiteId, personId: person.id, contract: MESP_CONTRACT });
  }
  // Friday 8 May 2026: the sheet of the week of 11 May is printed blank ahead.
  await page.clock.install({ time: new Date('2026-05-08T09:00:00+02:00') });
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('link', { name: 'Émargement' }).click();
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(page.getByText('Semaine du 11/05/2026')).toBeVisible();
  await page.getByRole('button', { name: 'Imprimer la feuille de la semaine' }).click();
  const sheet = page.getByRole('dialog', { name: 'Feuille d’émargement — Menuiserie du port' });
  await expect(sheet.getByRole('img', { name: 'Feuille d’émargement, page 1 sur 1' })).toBeVisible({ timeout: 20_000 });
  await sheet.getByRole('button', { name: 'Générer le document' }).click();
  await expect(sheet.getByText(/N° FE-2026-0001, version 1 — enregistré/)).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'documents-05-feuille-emargement');
  await page.keyboard.press('Escape');

  // All the convocations in one go, with the progress shown.
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('button', { name: 'Imprimer en lot' }).click();
  const batch = page.getByRole('dialog', { name: 'Imprimer en lot — Menuiserie du port' });
  await batch.getByRole('combobox', { name: 'Documents' }).click();
  await page.getByRole('option', { name: 'Toutes les convocations' }).click();
  await batch.getByRole('button', { name: 'Générer le lot' }).click();
  await expect(batch.getByText('5 / 5 documents traités')).toBeVisible({ timeout: 30_000 });
  await expect(batch.getByText('5 documents enregistrés, 5 pages en un seul PDF')).toBeVisible({ timeout: 20_000 });
  await expect(batch.getByRole('img', { name: 'Lot, page 5 sur 5' })).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'documents-06-lot-convocations');
  await page.keyboard.press('Escape');

  // The Documents page finds them again.
  await shell.goTo('Documents');
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Convocation' }).click();
  await expect(
    page.getByRole('table', { name: 'Documents trouvés' }).getByRole('button', { name: /^Réimprimer Convocation d/ }),
  ).toHaveCount(5);
  await page.getByLabel('Personne, titre ou numéro').fill('gaelle');
  await expect(
    page.getByRole('table', { name: 'Documents trouvés' }).getByRole('button', { name: /^Réimprimer/ }),
  ).toHaveCount(1);
  await app.screenshot(page, 'documents-07-recherche');
});
