import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';

test('la coordinatrice planifie un chantier MESP de 4 semaines, sans les jours fériés, avec ses rattrapages', async ({ page, app }) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await expect(page.getByText("Aucun chantier pour l'instant.")).toBeVisible();

  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau chantier' });
  await form.getByLabel(/^Nom du chantier/).fill('Menuiserie du port');
  await form.getByRole('combobox', { name: /^Support d'activité/ }).click();
  await page.getByRole('option', { name: 'Menuiserie' }).click();
  await form.getByRole('combobox', { name: /^Encadrant technique/ }).click();
  await page.getByRole('option', { name: 'Yann Kervella' }).click();
  await form.getByLabel(/^Date de début/).fill('04/05/2026');
  // The MESP defaults: 4 weeks, Monday to Thursday mornings, 5 places, the portage employer.
  await expect(form.getByRole('checkbox', { name: 'Jeudi matin' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Vendredi matin' })).not.toBeChecked();
  await expect(form.getByRole('combobox', { name: /^Employeur des participants/ })).toHaveValue('Relais Emploi Iroise (démo)');
  await app.screenshot(page, 'worksites-01-nouveau');
  await form.getByRole('button', { name: 'Enregistrer le chantier' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Menuiserie du port' })).toBeVisible();
  await page.getByRole('button', { name: 'Générer les demi-journées' }).click();
  const generate = page.getByRole('dialog', { name: 'Générer les demi-journées' });
  await expect(generate.getByText('14 demi-journée(s) à créer sur les 16 prévues par le rythme du chantier.')).toBeVisible();
  await expect(generate.getByText('14/05/2026 : Ascension')).toBeVisible();
  await expect(generate.getByText('25/05/2026 : Lundi de Pentecôte')).toBeVisible();
  await expect(generate.getByRole('checkbox', { name: 'vendredi 15 mai (matin)' })).toBeChecked();
  await expect(generate.getByRole('checkbox', { name: 'vendredi 29 mai (matin)' })).toBeChecked();
  await app.screenshot(page, 'worksites-02-generation');
  await generate.getByRole('button', { name: 'Générer' }).click();

  await expect(page.getByRole('heading', { name: 'Planning (16 demi-journées)' })).toBeVisible();
  await expect(page.getByLabel('Vendredi 15/05 matin')).toBeVisible();
  await page.getByLabel('Mardi 19/05 matin').click();
  await page.getByRole('dialog').getByLabel(/^Motif/).fill('Intempéries');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler la demi-journée' }).click();
  await expect(page.getByRole('heading', { name: 'Planning (15 demi-journées)' })).toBeVisible();
  await expect(page.getByLabel('Mardi 19/05 matin, annulée')).toBeVisible();
  await app.screenshot(page, 'worksites-03-planning');

  await page.getByRole('link', { name: 'Chantiers' }).first().click();
  await expect(page.getByRole('table', { name: 'Chantiers' }).getByRole('row', { name: /Menuiserie du port.*04\/05\/2026 → 31\/05\/2026.*15.*Yann Kervella/ })).toBeVisible();
});
