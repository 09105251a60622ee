import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

test('la coordinatrice archive la fiche d’une personne sous contrat : Passerelle dit ce qui va se passer et attend son accord', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await admitPeople(app.services, admin, ['Élodie']);
  const worksiteId = await mespWorksite(app.services, admin);
  const [elodie] = (await call('people/search', { status: 'admise' })).rows;
  await call('worksites/addParticipant', { id: worksiteId, personId: elodie.id, contract: MESP_CONTRACT });
  await page.clock.install({ time: new Date('2026-05-06T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page
    .getByRole('link', { name: /Élodie/ })
    .first()
    .click();

  await page.getByRole('button', { name: 'Archiver' }).click();
  const asks = page.getByRole('dialog', { name: 'Archiver la fiche ?' });
  await expect(
    asks.getByText(
      'Élodie Participant est en chantier, sous contrat : sa fiche sera retirée de la liste des personnes, son historique gardé, et vous pourrez la réactiver.',
    ),
  ).toBeVisible();
  await app.screenshot(page, 'confirmations-01-archiver-sous-contrat');
  await asks.getByRole('button', { name: 'Annuler' }).click();
  await expect(asks).toBeHidden();
  expect((await call('people/get', { id: elodie.id })).archived).toBe(false);

  await page.getByRole('button', { name: 'Archiver' }).click();
  await asks.getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByRole('button', { name: 'Réactiver la fiche' })).toBeVisible();
  expect((await call('people/get', { id: elodie.id })).archived).toBe(true);
});

test('la secrétaire supprime un taux du SMIC : Passerelle demande d’abord, en disant ce que cela change', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  await page.getByRole('tab', { name: 'SMIC' }).click();
  const rates = page.getByRole('table', { name: 'Taux du SMIC horaire brut' });
  await expect(rates.getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Supprimer le taux du 01/01/2026' }).click();
  const asks = page.getByRole('dialog', { name: 'Supprimer ce taux ?' });
  await expect(
    asks.getByText(
      /^Le SMIC de 12,02\s€ à partir du 01\/01\/2026 sera supprimé : les heures de cette période seront contrôlées avec le taux précédent\.$/,
    ),
  ).toBeVisible();
  await app.screenshot(page, 'confirmations-02-supprimer-taux');
  await asks.getByRole('button', { name: 'Annuler' }).click();
  await expect(rates.getByRole('row')).toHaveCount(3);
  expect((await call('settings/get', {})).wageRates).toHaveLength(2);

  await page.getByRole('button', { name: 'Supprimer le taux du 01/01/2026' }).click();
  await asks.getByRole('button', { name: 'Supprimer le taux' }).click();
  await expect(rates.getByRole('row')).toHaveCount(2);
  expect((await call('settings/get', {})).wageRates).toHaveLength(1);
});

test('la coordinatrice appuie sur Échap ou clique à côté d’une fenêtre où elle a tapé : Passerelle demande avant de tout effacer', async ({
  page,
  app,
}) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');

  // Nothing typed: Escape closes at once.
  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  const modal = page.getByRole('dialog', { name: 'Nouveau chantier' });
  await expect(modal).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();

  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  await modal.getByLabel(/^Nom du chantier/).fill('Espaces verts du bourg');
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.keyboard.press('Escape');
  await expect.poll(() => questions).toEqual(['Abandonner la saisie ?']);
  // She keeps typing: the modal and her text stay.
  await expect(modal.getByLabel(/^Nom du chantier/)).toHaveValue('Espaces verts du bourg');
  await app.screenshot(page, 'confirmations-03-echap-garde-la-saisie');

  // A click outside the modal asks the same.
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.mouse.click(60, 600);
  await expect.poll(() => questions).toHaveLength(2);
  await expect(modal.getByLabel(/^Nom du chantier/)).toHaveValue('Espaces verts du bourg');

  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.accept();
  });
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();
  expect(questions).toEqual(['Abandonner la saisie ?', 'Abandonner la saisie ?', 'Abandonner la saisie ?']);
});
