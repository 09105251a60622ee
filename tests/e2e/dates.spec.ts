import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { PeoplePage } from './pages/people';
import { ShellPage } from './pages/shell';
import { caller } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

test("la secrétaire tape une date de naissance impossible et rien n'est enregistré tant qu'elle n'est pas corrigée", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await page.clock.install({ time: new Date('2026-05-06T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');

  const people = new PeoplePage(page);
  await people.fillNewPerson({
    lastName: 'Kerbrat',
    firstNames: 'Maëlle',
    birthDate: '31/02/2026',
    sex: 'Femme',
    town: 'Brest',
    resources: 'RSA',
    educationLevel: 'Niveau 3 (CAP, BEP)',
  });
  const birthDate = page.getByLabel(/^Date de naissance/);
  await birthDate.press('Tab');
  await expect(page.getByText('Le 31 février n’existe pas (février a 28 jours).', { exact: true })).toBeVisible();
  // The text stays as typed: it is not changed into 03/03/2026.
  await expect(birthDate).toHaveValue('31/02/2026');
  await app.screenshot(page, 'dates-01-naissance-impossible');
  await people.create();
  await expect(page.getByText('Le 31 février n’existe pas (février a 28 jours).', { exact: true })).toBeVisible();
  expect((await call('people/search', { query: 'Kerbrat' })).rows).toEqual([]);

  await birthDate.fill('15/13/2026');
  await birthDate.press('Tab');
  await expect(page.getByText('Le mois 13 n’existe pas (de 1 à 12).', { exact: true })).toBeVisible();
  await expect(birthDate).toHaveValue('15/13/2026');
  await people.create();
  await expect(page.getByText('Le mois 13 n’existe pas (de 1 à 12).', { exact: true })).toBeVisible();
  expect((await call('people/search', { query: 'Kerbrat' })).rows).toEqual([]);

  // Read day first; a birth date's two-digit year is in the past.
  await birthDate.fill('1/5/85');
  await birthDate.press('Tab');
  await expect(birthDate).toHaveValue('01/05/1985');
  await expect(page.getByText(/n’existe pas/)).toHaveCount(0);
  await people.create();
  await people.expectRecord('Maëlle KERBRAT');
  const saved = (await call('people/search', { query: 'Kerbrat' })).rows;
  expect(saved.map((r: { birthDate: string }) => r.birthDate)).toEqual(['1985-05-01']);
});

test('la coordinatrice tape la date de début d’un chantier sous toutes ses formes, jour d’abord', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await page.clock.install({ time: new Date('2026-05-06T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');

  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau chantier' });
  await form.getByLabel(/^Nom du chantier/).fill('Espaces verts du bourg');
  await form.getByRole('combobox', { name: /^Support d’activité/ }).click();
  await page.getByRole('option', { name: 'Menuiserie' }).click();
  const start = form.getByLabel(/^Date de début/);

  await start.fill('31/02/2026');
  await start.press('Tab');
  await expect(form.getByText('Le 31 février n’existe pas (février a 28 jours).', { exact: true })).toBeVisible();
  await form.getByRole('button', { name: 'Enregistrer le chantier' }).click();
  await expect(form.getByText('Le 31 février n’existe pas (février a 28 jours).', { exact: true })).toBeVisible();
  await app.screenshot(page, 'dates-02-debut-impossible');
  expect(await call('worksites/list', {})).toHaveLength(0);

  await start.fill('15/13/2026');
  await form.getByRole('button', { name: 'Enregistrer le chantier' }).click();
  await expect(form.getByText('Le mois 13 n’existe pas (de 1 à 12).', { exact: true })).toBeVisible();
  expect(await call('worksites/list', {})).toHaveLength(0);

  // 1/5/26 is 1 May 2026, not 5 January.
  await start.fill('1/5/26');
  await start.press('Tab');
  await expect(start).toHaveValue('01/05/2026');
  await expect(form.getByText(/n’existe pas/)).toHaveCount(0);

  // Eight digits without separators: JJMMAAAA.
  await start.fill('01052026');
  await start.press('Tab');
  await expect(start).toHaveValue('01/05/2026');
  await app.screenshot(page, 'dates-03-debut-lu');
  await form.getByRole('button', { name: 'Enregistrer le chantier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Espaces verts du bourg' })).toBeVisible();
  const [worksite] = await call('worksites/list', {});
  expect(worksite.startDate).toBe('2026-05-01');
});

test('la coordinatrice tape une période impossible dans les statistiques et les documents : rien n’est montré pour une autre date', async ({
  page,
  app,
}) => {
  await app.seed();
  await page.clock.install({ time: new Date('2026-05-06T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Statistiques');
  const from = page.getByLabel('Du', { exact: true });
  await expect(page.getByRole('button', { name: 'Rapport pour un financeur…' })).toBeEnabled();
  // A good date first, then a wrong one: the figures must not stay those of the good date.
  await from.fill('1.5.2026');
  await from.press('Tab');
  await from.fill('31/04/2026');
  await from.press('Tab');
  await expect(page.getByText('Le 31 avril n’existe pas (avril a 30 jours).', { exact: true })).toBeVisible();
  await expect(page.getByText('Corrigez les dates de la période pour voir les chiffres.')).toBeVisible();
  await expect(page.getByText('La fin de la période est avant son début.')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rapport pour un financeur…' })).toBeDisabled();
  await app.screenshot(page, 'dates-04-periode-impossible');
  await from.fill('01/01/2025');
  await from.press('Tab');
  await expect(page.getByText('Corrigez les dates de la période pour voir les chiffres.')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Sexe et âge à l’entrée' })).toBeVisible();

  await new ShellPage(page).goTo('Documents');
  // The statistics stay on screen while the documents page loads: type once it is there.
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  const docsFrom = page.getByLabel('Du', { exact: true });
  await docsFrom.fill('29/02/2027');
  await docsFrom.press('Tab');
  await expect(
    page.getByText('Le 29 février 2027 n’existe pas (2027 n’est pas bissextile).', { exact: true }),
  ).toBeVisible();
  await expect(page.getByText('Corrigez la date pour voir les documents.')).toBeVisible();
  await docsFrom.fill('');
  await expect(page.getByText('Corrigez la date pour voir les documents.')).toHaveCount(0);
});
