import { COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, mespWorksite, socialWorkerCard } from './seed';

test('une CIP enregistre l’entrée et la sortie FSE+ d’une personne, puis retrouve le suivi à 6 mois à faire', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Soizic Le Roux', 'travailleur_social');
  const call = caller(app.services, admin);
  const card = await socialWorkerCard(app.services, admin, 'Soizic Le Roux');
  const funder = await call('funders/save', {
    funder: { name: 'Union européenne — FSE+', logoFile: null, fundingMention: '' },
  });
  await call('fse/saveOperation', {
    operation: {
      name: 'Chantiers d’insertion 2026',
      funderId: funder.id,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      worksiteIds: [],
    },
  });
  await admitPeople(app.services, admin, ['Élodie']);
  const { rows } = await call('people/search', {});
  await app.services.db.updateTable('persons').set({ referentId: card.id }).where('id', '=', rows[0].id).execute();

  await app.open(page);
  await new LoginPage(page).signIn('Soizic Le Roux', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();
  await expect(page.getByRole('heading', { name: 'FSE+', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Entrée dans une opération FSE+' }).click();

  const entry = page.getByRole('dialog', { name: 'FSE+ — données à l’entrée' });
  await entry.getByLabel(/^Date d’entrée dans l’opération/).fill('02/03/2026');
  // The level comes from the record, said to be a suggestion; RSA without France Travail is not guessed.
  await expect(entry.getByText(/Proposé d’après la fiche : Niveau 3 \(CAP, BEP\), soit CITE 3 et 4/)).toBeVisible();
  await expect(entry.getByText('Âge à l’entrée : 46 ans (calculé d’après la date de naissance).')).toBeVisible();
  await entry.getByRole('combobox', { name: /^Situation sur le marché du travail/ }).click();
  await page.getByRole('option', { name: 'Chômeur', exact: true }).click();
  await entry.getByRole('button', { name: 'Enregistrer l’entrée' }).click();
  // Each sensitive item is asked: « Ne souhaite pas répondre » is an answer, no answer is not.
  await expect(entry.getByText(/Répondez à la question « Personne handicapée »/).first()).toBeVisible();
  await app.screenshot(page, 'fse-01-entree-question-sans-reponse');
  for (const [item, answer] of [
    ['Personne handicapée', 'Non'],
    ['Ressortissant d’un pays tiers (hors Union européenne)', 'Non'],
    ['Personne d’origine étrangère', 'Ne souhaite pas répondre'],
    [/^Appartenance à une minorité/, 'Ne souhaite pas répondre'],
  ] as const) {
    await entry.getByRole('radiogroup', { name: item }).getByRole('radio', { name: answer }).check();
  }
  await entry.getByLabel('Vit en zone rurale (à demander : le code postal ne suffit pas)').check();
  await entry.getByRole('button', { name: 'Enregistrer l’entrée' }).click();
  await expect(entry).toHaveCount(0);

  const fse = page.getByLabel('FSE+ Chantiers d’insertion 2026');
  await expect(fse.getByText(/Le 02\/03\/2026, à 46 ans — Chômeur — Niveau 3/)).toBeVisible();
  await expect(fse.getByText('Personne d’origine étrangère : ne souhaite pas répondre')).toBeVisible();

  await fse.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  const exit = page.getByRole('dialog', { name: 'FSE+ — sortie de « Chantiers d’insertion 2026 »' });
  await exit.getByLabel(/^Date de sortie/).fill('29/05/2026');
  await exit.getByLabel('Occupe un emploi (y compris indépendant)').check();
  await exit.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  await expect(exit).toHaveCount(0);
  await expect(fse.getByText(/Le 29\/05\/2026 — cherche un emploi : non .* en emploi : oui/)).toBeVisible();
  await expect(fse.getByText('À recueillir à partir du 29/11/2026')).toBeVisible();
  await app.screenshot(page, 'fse-02-fiche-entree-et-sortie');

  // The dashboard says how many are due and leads to the list.
  await new ShellPage(page).goTo('Tableau de bord');
  await expect(page.getByText('1 situation à 6 mois à recueillir.')).toBeVisible();
  await page.getByRole('link', { name: 'Voir les suivis à 6 mois à faire' }).click();
  const due = page.getByRole('table', { name: 'Suivis à 6 mois à faire' });
  const line = due.getByRole('row', { name: /Élodie Participant/ });
  await expect(line).toContainText('Chantiers d’insertion 2026');
  await expect(line).toContainText('29/05/2026');
  await expect(line).toContainText('29/11/2026');
  await expect(line).toContainText('À faire');
  await app.screenshot(page, 'fse-03-suivis-a-6-mois');
});

test('la coordinatrice crée une opération FSE+ avec son financeur, sa période et ses chantiers', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Maëlle Quéré', 'coordination');
  const call = caller(app.services, admin);
  await call('funders/save', { funder: { name: 'Union européenne — FSE+', logoFile: null, fundingMention: '' } });
  await mespWorksite(app.services, admin, null);

  await app.open(page);
  await new LoginPage(page).signIn('Maëlle Quéré', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Suivi FSE+');
  await expect(page.getByText('Aucune opération FSE+.')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle opération' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle opération FSE+' });
  await form.getByLabel(/^Nom de l’opération/).fill('Chantiers d’insertion 2026');
  await form.getByRole('combobox', { name: /^Financeur/ }).click();
  await page.getByRole('option', { name: 'Union européenne — FSE+' }).click();
  await form.getByRole('textbox', { name: /^Début/ }).fill('01/01/2026');
  await form.getByRole('textbox', { name: /^Fin/ }).fill('31/12/2025');
  await form.getByRole('button', { name: 'Enregistrer l’opération' }).click();
  await expect(
    form.getByText('La date de fin de l’opération ne peut pas précéder sa date de début.').first(),
  ).toBeVisible();
  await form.getByRole('textbox', { name: /^Fin/ }).fill('31/12/2026');
  await form.getByRole('combobox', { name: 'Chantiers couverts' }).click();
  await page.getByRole('option').first().click();
  await page.keyboard.press('Escape');
  await app.screenshot(page, 'fse-04-nouvelle-operation');
  await form.getByRole('button', { name: 'Enregistrer l’opération' }).click();
  await expect(form).toHaveCount(0);
  const row = page
    .getByRole('table', { name: 'Opérations FSE+' })
    .getByRole('row', { name: /Chantiers d’insertion 2026/ });
  await expect(row).toContainText('Union européenne — FSE+');
  await expect(row).toContainText('du 01/01/2026 au 31/12/2026');
  await expect(row).toContainText('0');
});
