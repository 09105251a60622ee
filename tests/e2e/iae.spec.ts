import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, socialWorkerCard } from './seed';
import { addDays, formatFrenchDate } from '../../src-main/shared/dates';
import { parisDateOf } from '../../src-main/shared/paris-time';

// The office PC's usual screen.
test.use({ viewport: { width: 1366, height: 768 } });

/** A one-page PDF as a scanner would make it. */
const SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 595 842]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('une CIP coche le RSA avec son justificatif, voit « Éligible », enregistre le PASS IAE ; le tableau de bord prévient avant la fin', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Soizic Le Roux', 'travailleur_social');
  const call = caller(app.services, admin);
  const card = await socialWorkerCard(app.services, admin, 'Soizic Le Roux');
  await admitPeople(app.services, admin, ['Élodie']);
  const { rows } = await call('people/search', {});
  await app.services.db.updateTable('persons').set({ referentId: card.id }).where('id', '=', rows[0].id).execute();
  mkdirSync(path.join(app.homeDir, 'Numérisations'), { recursive: true });
  writeFileSync(path.join(app.homeDir, 'Numérisations', 'attestation-rsa.pdf'), SCAN);
  // The server's own day: the proof is dated ten days ago, the PASS starts today and ends in 60 days.
  const today = parisDateOf(app.services.clock.now().toISOString());
  const fr = (iso: string) => formatFrenchDate(iso);

  await app.open(page);
  await new LoginPage(page).signIn('Soizic Le Roux', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();
  const iae = page.getByTestId('iae-resultat');
  await expect(iae).toContainText(
    'Non éligible : il manque un critère de niveau 1, ou 3 critères de niveau 2 (3 sont nécessaires en ACI)',
  );

  await page.getByRole('button', { name: 'Cocher : Bénéficiaire du RSA' }).click();
  const form = page.getByRole('dialog', { name: 'Bénéficiaire du RSA' });
  await expect(form.getByRole('combobox', { name: 'Justificatif' })).toHaveValue('Attestation RSA');
  await form.getByLabel('Date du justificatif').fill(fr(addDays(today, -10)));
  await form.getByRole('button', { name: 'Joindre le justificatif numérisé…' }).click();
  const files = page.getByRole('dialog', { name: 'Choisir le document numérisé (PDF, JPEG ou PNG)' });
  await files.getByRole('button', { name: 'Dossier personnel' }).click();
  await files.getByRole('button', { name: 'Ouvrir le dossier Numérisations' }).click();
  await files.getByRole('button', { name: 'Choisir attestation-rsa.pdf' }).click();
  await expect(form.getByText('attestation-rsa.pdf')).toBeVisible();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form).toBeHidden();
  await expect(iae).toContainText('Éligible : 1 critère de niveau 1 (RSA)');
  const rsa = page.getByTestId('critere-RSA');
  await expect(rsa).toContainText(`Attestation RSA du ${fr(addDays(today, -10))}`);
  await expect(rsa).toContainText('Document numérisé : attestation-rsa.pdf');
  await rsa.getByRole('button', { name: 'Voir le justificatif : Bénéficiaire du RSA' }).click();
  const proof = page.getByRole('dialog', { name: 'Justificatif : Bénéficiaire du RSA' });
  await expect(proof).toBeVisible();
  await expect(proof.getByText('Aucun justificatif')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(proof).toBeHidden();
  await app.screenshot(page, 'iae-01-eligible-rsa');
  // The card as a 1366×768 screen shows it.
  await page.getByRole('heading', { name: 'Éligibilité IAE' }).evaluate((h) => h.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'tests/e2e/screenshots/iae-01-carte-1366x768.png', animations: 'disabled' });

  // The PASS IAE: a malformed number is refused, then recorded with its dates.
  await page.getByRole('button', { name: 'Enregistrer le PASS IAE' }).click();
  const pass = page.getByRole('dialog', { name: 'PASS IAE' });
  await pass.getByLabel('Numéro de PASS IAE ou d’agrément').fill('99999 26 1234');
  await pass.getByLabel('Début').fill(fr(today));
  await pass.getByLabel('Fin', { exact: true }).fill(fr(addDays(today, 60)));
  await pass.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(pass.getByRole('alert')).toHaveText(
    'Le numéro de PASS IAE ou d’agrément compte 12 chiffres ou lettres (par exemple 99999 26 12345) : vérifiez-le.',
  );
  await pass.getByLabel('Numéro de PASS IAE ou d’agrément').fill('99999 26 12345');
  await pass.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(pass).toBeHidden();
  const recorded = page.getByTestId('pass-iae');
  await expect(recorded).toContainText('PASS IAE 99999 26 12345');
  await expect(recorded).toContainText(`du ${fr(today)} au ${fr(addDays(today, 60))}`);
  await expect(recorded).toContainText(`Expire le ${fr(addDays(today, 60))}`);
  await expect(iae).toContainText('Éligible : 1 critère de niveau 1 (RSA)');
  await app.screenshot(page, 'iae-02-pass-iae');

  // The dashboard warns before the end.
  await new ShellPage(page).goTo('Tableau de bord');
  await expect(
    page.getByRole('link', { name: `PASS IAE de Élodie Participant expire le ${fr(addDays(today, 60))}` }),
  ).toBeVisible();
  await app.screenshot(page, 'iae-03-tableau-de-bord');

  // Prolonged for a training to finish: no longer warned.
  await page.getByRole('link', { name: /PASS IAE de Élodie Participant/ }).click();
  await page.getByRole('button', { name: 'Prolonger' }).click();
  const prolong = page.getByRole('dialog', { name: 'Prolonger le PASS IAE' });
  await prolong.getByRole('combobox', { name: 'Motif' }).click();
  await page.getByRole('option', { name: 'Fin d’une formation' }).click();
  await prolong.getByLabel('Nouvelle date de fin').fill(fr(addDays(today, 200)));
  await prolong.getByLabel('Décision du').fill(fr(today));
  await prolong.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(prolong).toBeHidden();
  await expect(recorded).toContainText(
    `Prolongé du ${fr(addDays(today, 60))} au ${fr(addDays(today, 200))} : Fin d’une formation`,
  );
  await expect(recorded).not.toContainText('Expire le');
  await new ShellPage(page).goTo('Tableau de bord');
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByText(/PASS IAE de Élodie Participant/)).toHaveCount(0);
});
