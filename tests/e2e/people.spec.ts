import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { PeoplePage } from './pages/people';
import { ShellPage } from './pages/shell';

test('la coordinatrice crée une fiche, la retrouve sans accents et évite un doublon', async ({ page, app }) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const shell = new ShellPage(page);

  // The directory first: the prescriber and the référent are chosen from it.
  await shell.goTo('Contacts');
  await page.getByRole('button', { name: 'Nouvel organisme' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/^Nom de l’organisme/)
    .fill('France Travail Brest Iroise');
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
  const organisation = page.getByLabel('Organisme France Travail Brest Iroise');
  await organisation.getByRole('button', { name: 'Ajouter un contact' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/^Prénom/)
    .fill('Soizic');
  await page.getByRole('dialog').getByLabel(/^Nom/).fill('Le Roux');
  await page.getByRole('dialog').getByLabel('Service', { exact: true }).fill('Accompagnement global');
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(organisation.getByText('Soizic Le Roux')).toBeVisible();
  await app.screenshot(page, 'people-01-contacts');

  await shell.goTo('Personnes');
  const people = new PeoplePage(page);
  await people.fillNewPerson({
    lastName: 'Lefèvre',
    firstNames: 'Élodie',
    birthDate: '12/05/1985',
    sex: 'Femme',
    town: 'Brest',
    prescriber: 'France Travail Brest Iroise',
    referent: 'Soizic Le Roux — France Travail Brest Iroise',
    resources: 'RSA',
    educationLevel: 'Niveau 3 (CAP, BEP)',
  });
  await page.getByLabel(/^N° de sécurité sociale/).fill('2 85 05 78 006 084 42');
  await people.create();
  await expect(
    page.getByText('La clé du numéro de sécurité sociale ne correspond pas : vérifiez chaque chiffre.', {
      exact: true,
    }),
  ).toBeVisible();
  await app.screenshot(page, 'people-02-erreur-nir');
  await page.getByLabel(/^N° de sécurité sociale/).fill('2 85 05 78 006 084 41');
  await people.create();
  await people.expectRecord('Élodie LEFÈVRE');
  await expect(page.getByText('2 85 •• •• ••• ••• ••')).toBeVisible();
  await expect(page.getByText('Référent social : Soizic Le Roux')).toBeVisible();
  await app.screenshot(page, 'people-03-fiche');

  // A new situation is added; the first one stays in the history.
  await page.getByRole('button', { name: 'Nouvelle situation' }).click();
  const modal = page.getByRole('dialog', { name: 'Nouvelle situation' });
  await modal.getByRole('combobox', { name: /^Ressources/ }).click();
  await page.getByRole('option', { name: 'Salaire ou activité' }).click();
  await modal.getByRole('button', { name: 'Enregistrer la situation' }).click();
  await expect(page.getByText('Ressources : Salaire ou activité')).toBeVisible();
  await expect(page.getByText('Ressources : RSA')).toBeVisible();
  await app.screenshot(page, 'people-03b-historique');

  // The parcours: oriented, application, interview, admitted — each step dated.
  await page.getByRole('button', { name: 'Orienter vers un chantier' }).click();
  for (const step of ['Candidature reçue', 'Entretien', 'Admis·e']) {
    await page.getByRole('button', { name: step, exact: true }).click();
    await page
      .getByRole('dialog', { name: `Passer à « ${step} »` })
      .getByRole('button', { name: 'Enregistrer l’étape' })
      .click();
    await expect(page.getByText(`Étape « ${step} » enregistrée.`)).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Enregistrer la sortie' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter un frein' }).click();
  const frein = page.getByRole('dialog', { name: 'Nouveau frein' });
  await frein.getByRole('combobox', { name: /^Frein/ }).click();
  await page.getByRole('option', { name: 'Mobilité' }).click();
  await frein.getByLabel('Actions engagées').fill('Orientation vers l’auto-école sociale');
  await frein.getByRole('button', { name: 'Enregistrer le frein' }).click();
  await expect(
    page.getByRole('table', { name: 'Freins' }).getByText('Orientation vers l’auto-école sociale'),
  ).toBeVisible();
  await app.screenshot(page, 'people-03c-parcours');

  await shell.goTo('Personnes');
  for (const query of ['lefevre', 'LEFÈVRE', 'elodie']) {
    await people.search(query);
    await expect(people.table.getByRole('row', { name: /LEFÈVRE Élodie.*Admis·e/ })).toBeVisible();
  }
  await people.search('martin');
  await expect(page.getByText('Aucune personne ne correspond.')).toBeVisible();
  await app.screenshot(page, 'people-04-liste');

  // The same person typed again without accents: the existing record is offered.
  await people.search('');
  await people.fillNewPerson({
    lastName: 'LEFEVRE',
    firstNames: 'elodie',
    birthDate: '12/05/1985',
    sex: 'Femme',
    town: 'Brest',
    resources: 'RSA',
    educationLevel: 'Niveau 3 (CAP, BEP)',
  });
  await people.create();
  const duplicates = page.getByRole('dialog', { name: 'Cette personne a peut-être déjà une fiche' });
  await expect(duplicates.getByText('Élodie Lefèvre')).toBeVisible();
  await app.screenshot(page, 'people-05-doublon');
  await duplicates.getByRole('link', { name: 'Ouvrir cette fiche' }).click();
  await people.expectRecord('Élodie LEFÈVRE');
});
