import { writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

/** A one-page PDF as a scanner would make it (any real PDF header and body will do). */
const SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 595 842]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('depuis la fiche d’une participante : aperçu et génération du contrat MESP, pièce jointe, réimpression', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await admitPeople(app.services, admin, ['Élodie']);
  const worksiteId = await mespWorksite(app.services, admin);
  const personId = (await call('people/search', { status: 'admise' })).rows[0].id;
  await call('worksites/addParticipant', { id: worksiteId, personId, contract: MESP_CONTRACT });
  mkdirSync(path.join(app.homeDir, 'Numérisations'), { recursive: true });
  writeFileSync(path.join(app.homeDir, 'Numérisations', 'contrat-signe.pdf'), SCAN);
  mkdirSync(path.join(app.homeDir, 'Contrats'), { recursive: true });

  await page.clock.install({ time: new Date('2026-04-27T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();

  // The preview is the PDF itself, before anything is recorded.
  await page.getByRole('button', { name: 'Établir un document pour Menuiserie du port' }).click();
  const modal = page.getByRole('dialog', { name: 'Documents — Menuiserie du port' });
  await expect(modal.getByRole('img', { name: 'Contrat de travail, page 1 sur 3' })).toBeVisible({ timeout: 20_000 });
  await expect(modal.getByText('Aperçu (non enregistré)')).toBeVisible();
  await app.screenshot(page, 'documents-01-apercu');
  await modal.getByRole('button', { name: 'Générer le document' }).click();
  await expect(modal.getByText('N° CT-2026-0001, version 1 — enregistré')).toBeVisible({ timeout: 20_000 });
  await expect(modal.getByRole('img', { name: 'Contrat de travail, page 3 sur 3' })).toBeVisible();

  // A copy into a folder chosen in the in-app picker; the next one goes there directly.
  await modal.getByRole('button', { name: 'Enregistrer une copie…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Ouvrir le dossier Contrats' }).click();
  await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
  await expect(page.getByText('Copie enregistrée')).toBeVisible();
  expect(readdirSync(path.join(app.homeDir, 'Contrats'))).toEqual(['Contrat_PARTICIPANT_Élodie_2026-05-04.pdf']);
  await page
    .getByRole('dialog', { name: 'Documents — Menuiserie du port' })
    .getByRole('button', { name: 'Enregistrer dans « Contrats »' })
    .click();
  await expect.poll(() => readdirSync(path.join(app.homeDir, 'Contrats')).length).toBe(2);
  await page.keyboard.press('Escape');

  // The signed contract, scanned, is kept with the record.
  const documents = page.getByRole('table', { name: 'Documents' });
  await expect(documents.getByText('Contrat de travail d’Élodie Participant')).toBeVisible();
  await page.getByRole('button', { name: 'Joindre un document numérisé' }).click();
  const attach = page.getByRole('dialog', { name: 'Joindre un document numérisé' });
  await attach.getByLabel(/^Libellé/).fill('Contrat signé');
  await attach.getByRole('button', { name: 'Choisir le fichier…' }).click();
  const files = page.getByRole('dialog', { name: 'Choisir le document numérisé (PDF, JPEG ou PNG)' });
  await files.getByRole('button', { name: 'Dossier personnel' }).click();
  await files.getByRole('button', { name: 'Ouvrir le dossier Numérisations' }).click();
  await files.getByRole('button', { name: 'Choisir contrat-signe.pdf' }).click();
  await attach.getByRole('button', { name: 'Joindre' }).click();
  await expect(documents.getByText('Contrat signé')).toBeVisible();
  await app.screenshot(page, 'documents-02-fiche');

  // "Réimprimer" shows the stored file.
  await documents
    .getByRole('button', { name: 'Réimprimer Contrat de travail d’Élodie Participant, version 1' })
    .click();
  const reprint = page.getByRole('dialog', { name: /n° CT-2026-0001, version 1/ });
  await expect(reprint.getByText('Le fichier tel qu’il a été généré (empreinte vérifiée).')).toBeVisible();
  await expect(reprint.getByRole('img', { name: /page 1 sur 3/ })).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'documents-03-reimpression');
});

test('un document sans les données nécessaires dit lesquelles compléter, avec un lien (convocation sans encadrant)', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await admitPeople(app.services, admin, ['Awa']);
  const worksiteId = await mespWorksite(app.services, admin);
  const person = (await call('people/search', { status: 'admise' })).rows[0];
  await call('worksites/addParticipant', { id: worksiteId, personId: person.id, contract: MESP_CONTRACT });
  await page.clock.install({ time: new Date('2026-04-27T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('button', { name: 'Documents d’Awa Participant' }).click();
  const modal = page.getByRole('dialog', { name: 'Documents d’Awa Participant' });
  await modal.getByRole('combobox', { name: 'Document' }).click();
  await page.getByRole('option', { name: 'Convocation' }).click();
  await expect(modal.getByText('Ce document ne peut pas encore être établi')).toBeVisible();
  await expect(
    modal.getByRole('link', { name: 'Compléter l’encadrant technique du chantier (à qui se présenter)' }),
  ).toBeVisible();
  await app.screenshot(page, 'documents-04-donnees-manquantes');
});
