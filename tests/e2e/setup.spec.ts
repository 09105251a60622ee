import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { SetupWizardPage } from './pages/setup-wizard';
import { KERBRENOU as ccas, RELAIS_IROISE as portage } from './inputs';
import { ShellPage } from './pages/shell';

test('la secrétaire configure Passerelle au premier lancement, puis retrouve tout après rechargement', async ({
  page,
  app,
}) => {
  const wizard = new SetupWizardPage(page);
  await app.open(page);
  await expect(wizard.heading).toBeVisible();
  // The token left the address bar before the app started.
  expect(page.url()).not.toContain('token');

  await wizard.fillStructure({ ...ccas, siret: '262 900 197 00018' });
  await wizard.next();
  await expect(
    page.getByText('Ce SIRET n’existe pas : un chiffre est probablement faux (clé de contrôle incorrecte).', {
      exact: true,
    }),
  ).toBeVisible();
  await app.screenshot(page, 'setup-01-siret-invalide');

  await page.getByLabel('SIRET').fill(ccas.siret);
  await wizard.chooseLogoInPicker('Images', 'logo-ccas.png');
  await app.screenshot(page, 'setup-02-structure');
  await wizard.next();

  await wizard.next();
  await expect(page.getByText('Ajoutez au moins un employeur')).toBeVisible();
  await wizard.addEmployer(portage);
  await expect(page.getByLabel(`Employeur ${portage.name}`)).toBeVisible();
  await app.screenshot(page, 'setup-03-employeurs');
  await wizard.next();

  await wizard.setHours({ morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:00', afternoonEnd: '12:30' });
  await wizard.next();
  await expect(page.getByText('La fin de l’après-midi doit venir après son début.', { exact: true })).toBeVisible();
  await wizard.setHours({ morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' });
  await wizard.next();

  const rates = page.getByRole('table', { name: 'Taux du SMIC horaire brut' });
  await expect(rates.getByRole('row', { name: /01\/01\/2026.*12,02/ })).toBeVisible();
  await expect(rates.getByRole('row', { name: /01\/11\/2024.*11,88/ })).toBeVisible();
  // A SMIC below the one before it, or below the legal SMIC of its date, is refused as it is added.
  await wizard.addWageRate('01/01/2027', '11,50');
  await expect(
    page.getByText(
      /^Taux horaire brut : Le SMIC ne baisse jamais : ce taux \(11,50\s€\) est inférieur à celui du 01\/01\/2026/,
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Taux horaire brut')).toBeFocused();
  await wizard.addWageRate('01/06/2024', '11,60');
  await expect(
    page.getByText(/inférieur au SMIC légal en vigueur le 01\/06\/2024 \(11,65\s€ depuis le 01\/01\/2024\)/).first(),
  ).toBeVisible();
  await app.screenshot(page, 'setup-04a-smic-refuse');
  await expect(rates.getByRole('row')).toHaveCount(3);
  await wizard.addWageRate('01/01/2027', '12,31');
  await expect(rates.getByRole('row', { name: /01\/01\/2027.*12,31/ })).toBeVisible();
  await expect(page.getByText('erreur à corriger')).toHaveCount(0);
  await app.screenshot(page, 'setup-04-smic');
  await wizard.next();

  // Reloaded halfway, the wizard comes back on the same step with everything typed.
  await page.getByLabel('Votre nom').fill('Élodie Le Gall');
  await page.reload();
  await expect(page.getByLabel('Votre nom')).toHaveValue('Élodie Le Gall');
  await page.getByRole('button', { name: 'Retour' }).click();
  await expect(rates.getByRole('row', { name: /01\/01\/2027.*12,31/ })).toBeVisible();
  await wizard.next();

  // The password rules are checked on this step, as she types and when she goes on.
  await wizard.createAdministrator('Élodie Le Gall', 'elodie2026');
  await wizard.next();
  const summary = page.getByRole('alert').filter({ hasText: 'à corriger' });
  await expect(
    summary.getByRole('link', { name: /^Mot de passe : Le mot de passe doit comporter au moins 12 caractères/ }),
  ).toBeVisible();
  await expect(page.getByLabel(/^Mot de passe/)).toBeFocused();
  // Said under the field and in the summary, not a third time by the meter.
  await expect(page.getByText('Le mot de passe doit comporter au moins 12 caractères')).toHaveCount(2);
  await wizard.createAdministrator('Élodie Le Gall', 'Goémon-Élodie-Marée-2026');
  await expect(page.getByText('Retirez « elodie » : il ne faut pas utiliser une partie de votre nom.')).toBeVisible();
  await wizard.next();
  await expect(
    summary.getByRole('link', {
      name: 'Mot de passe : Retirez « elodie » : il ne faut pas utiliser une partie de votre nom.',
    }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vérifiez avant de terminer' })).toHaveCount(0);
  await app.screenshot(page, 'setup-05a-mot-de-passe-avec-le-nom');
  await wizard.createAdministrator('Élodie Le Gall', 'Secrétariat-CCAS-2026');
  await page.getByLabel('Confirmer le mot de passe').fill('Secretariat-CCAS-2026');
  await wizard.next();
  await expect(page.getByText('Les deux mots de passe ne sont pas identiques.', { exact: true })).toBeVisible();
  await page.getByLabel('Confirmer le mot de passe').fill('Secrétariat-CCAS-2026');
  await expect(page.getByText('Mot de passe assez solide.')).toBeVisible();
  await app.screenshot(page, 'setup-05-compte');
  await wizard.next();

  await expect(page.getByText('Vérifiez avant de terminer')).toBeVisible();
  await app.screenshot(page, 'setup-06-recapitulatif');
  await wizard.finish();

  const shell = new ShellPage(page);
  await expect(shell.navigation).toBeVisible();
  for (const label of [
    'Tableau de bord',
    'Personnes',
    'Chantiers',
    'Planning',
    'Documents',
    'Statistiques',
    'Sauvegardes',
    'Paramètres',
  ]) {
    await expect(shell.navigation.getByRole('link', { name: label })).toBeVisible();
  }
  await expect(page.getByText('Bonjour Élodie Le Gall.')).toBeVisible();
  await app.screenshot(page, 'shell-01-tableau-de-bord');

  // A fresh structure: statistics open, with nothing to count yet.
  await shell.goTo('Statistiques');
  await expect(page.getByLabel('Personnes accompagnées : 0')).toBeVisible();
  await app.screenshot(page, 'shell-02-statistiques-vides');

  // A reload keeps her signed in (the tab keeps its session) and everything she entered.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Statistiques' })).toBeVisible();
  await shell.goTo('Paramètres');
  await expect(page.getByLabel('Nom de la structure')).toHaveValue('CCAS de Kerbrénou');
  await expect(page.getByLabel('SIRET')).toHaveValue('26290019700019');
  await expect(page.getByRole('img', { name: 'Logo de la structure' })).toBeVisible();
  await app.screenshot(page, 'settings-01-structure');

  // The stored logo is the chosen file, copied into the data folder.
  const stored = (await app.services.db.selectFrom('structure').select('logoFile').executeTakeFirstOrThrow()).logoFile!;
  expect(readFileSync(path.join(app.dataDir, 'fichiers', stored))).toEqual(
    readFileSync(path.join(app.homeDir, 'Images', 'logo-ccas.png')),
  );
});

test('dans Paramètres, une erreur est expliquée en français et une correction est gardée', async ({ page, app }) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const shell = new ShellPage(page);
  await shell.goTo('Paramètres');
  await page.getByLabel('Code postal').fill('292');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Le code postal doit comporter 5 chiffres (ex. 29200).', { exact: true })).toBeVisible();
  await page.getByLabel('Code postal').fill('29280');
  await page.getByLabel('Commune').fill('Plouzané');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Les informations de la structure sont enregistrées.')).toBeVisible();

  await page.getByRole('tab', { name: 'Employeurs' }).click();
  await expect(page.getByText('Aucune convention collective ·')).toBeVisible();
  await page.getByRole('button', { name: 'Modifier' }).first().click();
  await page.getByRole('dialog').getByLabel('E-mail du service paie').fill('paie-at-relais');
  await page.getByRole('button', { name: 'Enregistrer l’employeur' }).click();
  await expect(
    page.getByText('L’e-mail du service paie n’est pas valide (ex. accueil@ccas-exemple.fr).', { exact: true }),
  ).toBeVisible();
  await app.screenshot(page, 'settings-02-employeur-erreur');
  await page.getByRole('dialog').getByLabel('E-mail du service paie').fill('salaires@relais-iroise.fr');
  await page.getByRole('button', { name: 'Enregistrer l’employeur' }).click();
  await expect(page.getByText('Paie : salaires@relais-iroise.fr')).toBeVisible();
  await expect(page.getByText('Paie : paie@relais-iroise.example')).toBeVisible();

  // The collective agreement is chosen from the list: the ACI agreement is refused to the association intermédiaire, in French.
  await page.getByLabel('Employeur Relais Emploi Iroise (démo)').getByRole('button', { name: 'Modifier' }).click();
  const employerForm = page.getByRole('dialog', { name: 'Modifier l’employeur' });
  await employerForm.getByRole('combobox', { name: 'Convention collective' }).click();
  await page.getByRole('option', { name: 'Ateliers et chantiers d’insertion — IDCC 3016' }).click();
  await page.getByRole('button', { name: 'Enregistrer l’employeur' }).click();
  const refusal =
    'La convention collective des ateliers et chantiers d’insertion (IDCC 3016) ne s’applique qu’aux structures conventionnées comme atelier et chantier d’insertion (article L5132-15), pas à une association intermédiaire.';
  await expect(employerForm.getByText(refusal, { exact: true })).toBeVisible();
  await expect(employerForm.getByRole('link', { name: `Convention collective : ${refusal}` })).toBeVisible();
  await app.screenshot(page, 'settings-02b-convention-refusee');
  await employerForm.getByRole('combobox', { name: 'Convention collective' }).click();
  await page.getByRole('option', { name: 'Régies de quartier — IDCC 3105' }).click();
  await employerForm.getByLabel('Prix de la mise à disposition (par heure travaillée)').fill('21,40');
  await page.getByRole('button', { name: 'Enregistrer l’employeur' }).click();
  await expect(employerForm).toBeHidden();
  await expect(page.getByText('Régies de quartier — IDCC 3105 · Paie : paie@relais-iroise.example')).toBeVisible();
  const saved = await app.services.db
    .selectFrom('employers')
    .select(['collectiveAgreement', 'hourlyPriceCents'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  expect(saved).toEqual({ collectiveAgreement: '3105', hourlyPriceCents: 2140 });
  await app.screenshot(page, 'settings-02c-convention-choisie');

  await page.getByRole('tab', { name: 'SMIC' }).click();
  await page.getByLabel('Nouveau taux à partir du').fill('01/01/2026');
  await page.getByLabel('Taux horaire brut').fill('12,10');
  await page.getByRole('button', { name: 'Ajouter ce taux' }).click();
  await expect(page.getByRole('textbox', { name: 'Nouveau taux à partir du' })).toHaveAccessibleDescription(
    /^Un taux existe déjà à partir du 01\/01\/2026\./,
  );
  await expect(page.getByRole('textbox', { name: 'Nouveau taux à partir du' })).toBeFocused();
  await app.screenshot(page, 'settings-03-smic');

  await page.getByRole('tab', { name: 'Calendrier' }).click();
  await page.getByLabel('Fermeture le').fill('06/05/2026');
  await page.getByLabel('Motif').fill('Inventaire');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(
    page.getByRole('table', { name: 'Jours de fermeture' }).getByRole('row', { name: /06\/05\/2026.*Inventaire/ }),
  ).toBeVisible();
  await app.screenshot(page, 'settings-04-calendrier');

  // A reload keeps the tab she was on (it is in the address), and what she saved.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Calendrier' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Structure' }).click();
  await expect(page.getByLabel('Commune')).toHaveValue('Plouzané');
});
