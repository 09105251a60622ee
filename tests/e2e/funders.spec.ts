import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tinyPng } from '../fixtures/images';
import { COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

const FSE_MENTION =
  'Ce projet est cofinancé par le Fonds social européen plus (FSE+) dans le cadre du programme national « Emploi et inclusion » 2021-2027.';

test("la coordinatrice ajoute le FSE+ comme financeur, le rattache au chantier avec la référence de l'opération et imprime la feuille d'émargement", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Maëlle Quéré', 'coordination');
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  const call = caller(app.services, admin);
  const yann = (await call('users/list', {})).find((u: { displayName: string }) => u.displayName === 'Yann Kervella');
  await admitPeople(app.services, admin, ['Élodie', 'Awa', 'Soazig']);
  const worksiteId = await mespWorksite(app.services, admin, yann.id);
  for (const person of (await call('people/search', { status: 'admise' })).rows) {
    await call('worksites/addParticipant', { id: worksiteId, personId: person.id, contract: MESP_CONTRACT });
  }
  writeFileSync(path.join(app.homeDir, 'Images', 'embleme-fse.png'), tinyPng(160, 60, [0, 51, 153]));

  await page.clock.install({ time: new Date('2026-05-08T09:00:00+02:00') });
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn('Maëlle Quéré', COLLEAGUE_PASSWORD);

  // Paramètres › Financeurs: the funder, its emblem and its mention de financement.
  await shell.goTo('Paramètres');
  await page.getByRole('tab', { name: 'Financeurs' }).click();
  await expect(page.getByText('Aucun financeur pour l’instant.')).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter un financeur' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau financeur' });
  await form.getByRole('button', { name: 'Enregistrer le financeur' }).click();
  await expect(form.getByText('Le nom du financeur est obligatoire.', { exact: true })).toBeVisible();
  await form.getByLabel('Nom du financeur').fill('Union européenne — FSE+');
  await form.getByRole('button', { name: 'Choisir un logo…' }).click();
  const picker = page.getByRole('dialog', { name: /Choisir le logo/ });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Ouvrir le dossier Images' }).click();
  await picker.getByRole('button', { name: 'Choisir embleme-fse.png' }).click();
  await expect(picker).toBeHidden();
  await expect(form.getByRole('img', { name: 'Logo d’Union européenne — FSE+' })).toBeVisible();
  await form.getByLabel('Mention de financement').fill(FSE_MENTION);
  await app.screenshot(page, 'financeurs-01-nouveau');
  await form.getByRole('button', { name: 'Enregistrer le financeur' }).click();
  await expect(form).toBeHidden();
  const card = page
    .getByRole('region', { name: 'Financeur Union européenne — FSE+' })
    .or(page.getByLabel('Financeur Union européenne — FSE+'));
  await expect(card.getByText(FSE_MENTION)).toBeVisible();
  await expect(card.getByRole('img', { name: 'Logo d’Union européenne — FSE+' })).toBeVisible();
  await app.screenshot(page, 'financeurs-02-liste');

  // The worksite: its funder and the operation reference.
  await shell.goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('button', { name: 'Modifier' }).click();
  const worksite = page.getByRole('dialog', { name: 'Modifier le chantier' });
  await worksite.getByRole('combobox', { name: 'Financeurs' }).click({ force: true });
  await page.getByRole('option', { name: 'Union européenne — FSE+' }).click();
  await worksite.getByLabel('Référence de l’opération').fill('FSE-202301234');
  await app.screenshot(page, 'financeurs-03-chantier');
  await worksite.getByRole('button', { name: 'Enregistrer le chantier' }).click();
  await expect(worksite).toBeHidden();

  // The week's sheet, printed blank ahead: emblem, mention and reference on it.
  await page.getByRole('link', { name: 'Émargement' }).click();
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(page.getByText('Semaine du 11/05/2026')).toBeVisible();
  await page.getByRole('button', { name: 'Imprimer la feuille de la semaine' }).click();
  const sheet = page.getByRole('dialog', { name: 'Feuille d’émargement — Menuiserie du port' });
  await expect(sheet.getByRole('img', { name: 'Feuille d’émargement, page 1 sur 1' })).toBeVisible({ timeout: 20_000 });
  await sheet.getByRole('button', { name: 'Générer le document' }).click();
  await expect(sheet.getByText(/N° FE-2026-0001, version 1 — enregistré/)).toBeVisible({ timeout: 20_000 });
  await expect(sheet.getByRole('img', { name: 'Feuille d’émargement, page 1 sur 1' })).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'financeurs-04-feuille-emargement');
  const [row] = await app.services.db
    .selectFrom('documents')
    .select('snapshot')
    .where('kind', '=', 'feuille_emargement')
    .execute();
  const snapshot = JSON.parse(row!.snapshot);
  expect(snapshot.funding).toEqual({
    operationReference: 'FSE-202301234',
    funders: [{ name: 'Union européenne — FSE+', logo: 'logo', mention: FSE_MENTION }],
  });
});
