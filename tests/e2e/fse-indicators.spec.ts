import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { fseOperation } from './seed';

test('la coordinatrice produit le tableau des indicateurs FSE+ d’une opération pour l’année, et l’exporte', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Maëlle Quéré', 'coordination');
  const year = new Date().getUTCFullYear() - 1;
  await fseOperation(app.services, admin, year);
  mkdirSync(path.join(app.homeDir, 'Financeurs'), { recursive: true });

  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn('Maëlle Quéré', COLLEAGUE_PASSWORD);
  await shell.goTo('Statistiques');
  await page.getByRole('link', { name: 'Indicateurs FSE+' }).click();
  await expect(page.getByRole('heading', { name: 'Indicateurs FSE+', level: 1 })).toBeVisible();

  await page.getByRole('combobox', { name: 'Opération' }).click();
  await page.getByRole('option', { name: 'Chantiers d’insertion FSE+ — Conseil départemental' }).click();
  // The operation's whole period by default.
  await expect(page.getByRole('combobox', { name: 'Période' })).toHaveValue('Toute l’opération');
  const table = page.getByRole('table', { name: 'Indicateurs FSE+' });
  await expect(table.getByRole('row', { name: /EECO11 Nombre total de participants/ })).toBeVisible();
  // Three women and three men: each hidden, with what the mark means.
  await expect(table.getByLabel(/^Nombre total de participants, femmes : < 5, Moins de 5 personnes/)).toBeVisible();
  await expect(table.getByRole('row', { name: /Participants handicapés : refus de répondre/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /EECR04/ })).toBeVisible();
  await expect(page.getByText(/« refus de répondre » est compté à part et jamais comme « oui »/)).toBeVisible();
  // The coordination sees the aggregated table, not the file with each participant's sensitive answers.
  await expect(page.getByRole('button', { name: 'Fichier des participants (CSV)…' })).toHaveCount(0);
  await app.screenshot(page, 'fse-01-indicateurs');

  await page.getByRole('button', { name: 'Voir le PDF' }).click();
  const preview = page.getByRole('dialog', { name: 'Indicateurs FSE+ (PDF)' });
  await expect(preview.getByRole('img', { name: /Indicateurs FSE\+, page 1 sur/ })).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'fse-02-pdf');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Exporter (Excel)…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Ouvrir le dossier Financeurs' }).click();
  await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
  await expect(page.getByText(/Tableur enregistré/)).toBeVisible();
  expect(readdirSync(path.join(app.homeDir, 'Financeurs'))).toEqual([
    `Indicateurs_FSE_Chantiers_d’insertion_FSE+_${year}-01-01_${year}-12-31.xlsx`,
  ]);
});
