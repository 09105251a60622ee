import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { ChoosePasswordPage } from './pages/choose-password';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';

test("l'administratrice crée le compte d'un encadrant, qui ne voit que ce qui le concerne", async ({ page, app }) => {
  await app.seed();
  await app.open(page);
  const login = new LoginPage(page);
  const shell = new ShellPage(page);
  await login.expectShown();
  await app.screenshot(page, 'accounts-01-connexion');
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);

  await shell.goTo('Paramètres');
  await page.getByRole('tab', { name: 'Comptes' }).click();
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const modal = page.getByRole('dialog', { name: 'Nouveau compte' });
  await modal.getByLabel('Nom').fill('Yann Kervella');
  await modal.getByLabel(/^Rôle/).click();
  await page.getByRole('option', { name: 'Encadrant technique' }).click();
  await modal.getByLabel(/^Mot de passe/).fill('yann1234');
  await expect(modal.getByText('Le mot de passe doit comporter au moins 12 caractères')).toBeVisible();
  await modal.getByLabel(/^Mot de passe/).fill(COLLEAGUE_PASSWORD);
  await modal.getByLabel('Confirmer le mot de passe').fill(COLLEAGUE_PASSWORD);
  await app.screenshot(page, 'accounts-02-nouveau-compte');
  await modal.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Comptes' })
      .getByRole('row', { name: /Yann Kervella.*Encadrant technique.*Actif/ }),
  ).toBeVisible();
  await app.screenshot(page, 'accounts-03-liste');

  await shell.switchUser();
  await login.signIn('Yann Kervella', COLLEAGUE_PASSWORD);
  // The administrator typed his password: he chooses his own first.
  await new ChoosePasswordPage(page).choose(COLLEAGUE_PASSWORD, 'Rabot-varlope-établi-copeaux');
  await expect(page.getByText('Bonjour Yann Kervella.')).toBeVisible();
  expect(await shell.navigationLabels()).toEqual(['Tableau de bord', 'Personnes', 'Chantiers', 'Planning', 'Aide']);
  await app.screenshot(page, 'accounts-04-encadrant');
  // The settings screen is not there for him, even by its address.
  await page.goto(`http://127.0.0.1:${app.server.port}/#/settings`);
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
});

test('chaque rôle ne voit que les écrans qui lui sont ouverts', async ({ page, app }) => {
  const admin = await app.seed();
  const expected: [string, Parameters<typeof app.addAccount>[2], string[]][] = [
    [
      'Gaëlle Coordination',
      'coordination',
      [
        'Tableau de bord',
        'Personnes',
        'Contacts',
        'Chantiers',
        'Planning',
        'Heures à transmettre',
        'État mensuel ASP',
        'Documents',
        'Suivi FSE+',
        'Statistiques',
        'Données personnelles',
        'Paramètres',
        'Aide',
      ],
    ],
    [
      'Soizic Référente',
      'travailleur_social',
      ['Tableau de bord', 'Personnes', 'Contacts', 'Chantiers', 'Planning', 'Suivi FSE+', 'Aide'],
    ],
    ['Anne Psychologue', 'psychologue', ['Tableau de bord', 'Entretiens', 'Aide']],
    ['Direction Lecture', 'lecture_seule', ['Tableau de bord', 'Statistiques', 'Aide']],
  ];
  for (const [name, role] of expected) await app.addAccount(admin, name, role);
  await app.open(page);
  const login = new LoginPage(page);
  const shell = new ShellPage(page);

  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await expect(page.getByText(`Bonjour ${ADMIN_NAME}.`)).toBeVisible();
  expect(await shell.navigationLabels()).toEqual([
    'Tableau de bord',
    'Personnes',
    'Contacts',
    'Chantiers',
    'Planning',
    'Heures à transmettre',
    'État mensuel ASP',
    'Documents',
    'Suivi FSE+',
    'Statistiques',
    'Données personnelles',
    'Sauvegardes',
    'Paramètres',
    'Aide',
  ]);
  for (const [name, , labels] of expected) {
    await shell.switchUser();
    await login.signIn(name, COLLEAGUE_PASSWORD);
    await expect(page.getByText(`Bonjour ${name}.`)).toBeVisible();
    expect(await shell.navigationLabels(), name).toEqual(labels);
  }
  await app.screenshot(page, 'accounts-05-lecture-seule');
});

test('un mot de passe faux fait patienter, et Passerelle se verrouille seule après inactivité', async ({
  page,
  app,
}) => {
  await app.seed();
  await page.clock.install();
  await app.open(page);
  const login = new LoginPage(page);

  await login.signIn(ADMIN_NAME, 'pas le bon mot de passe');
  await expect(page.getByText('Mot de passe incorrect.', { exact: true })).toBeVisible();
  await login.submitPassword('toujours pas le bon');
  await expect(page.getByText('Mot de passe incorrect.', { exact: true })).toBeVisible();
  await login.submitPassword('encore raté');
  await expect(
    page.getByText('Mot de passe incorrect. Patientez 5 secondes avant de réessayer.', { exact: true }),
  ).toBeVisible();
  await app.screenshot(page, 'accounts-06-essais');
  await page.getByRole('button', { name: 'Changer d’utilisateur' }).click();
  await page.waitForTimeout(5_500);
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await expect(page.getByText(`Bonjour ${ADMIN_NAME}.`)).toBeVisible();

  // Ten minutes without touching anything: the screen locks, her name is offered first.
  await page.clock.fastForward('10:30');
  await expect(page.getByText('Passerelle s’est verrouillée après un moment sans activité.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeVisible();
  await app.screenshot(page, 'accounts-07-verrouillage');
  await login.unlock(ADMIN_PASSWORD);
  await expect(page.getByText(`Bonjour ${ADMIN_NAME}.`)).toBeVisible();
});

test("l'administratrice vérifie le journal des accès et l'exporte sur sa clé", async ({ page, app }) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const shell = new ShellPage(page);
  await shell.goTo('Paramètres');
  await page.getByRole('tab', { name: 'Journal des accès' }).click();
  const table = page.getByRole('table', { name: 'Journal des accès' });
  await expect(table.getByRole('row', { name: /Connexion/ }).first()).toBeVisible();
  await expect(table.getByRole('row', { name: /Première installation/ })).toBeVisible();
  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(page.getByText('Journal intact : 2 entrées vérifiées.')).toBeVisible();

  // Someone deletes the journal's head file beside the database: the check says so, in French.
  rmSync(path.join(app.dataDir, 'journal-tete.json'));
  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(
    page.getByText(
      'Le fichier de tête du journal (journal-tete.json) a disparu : rien ne prouve plus que les dernières entrées sont toutes là.',
    ),
  ).toBeVisible();
  await app.screenshot(page, 'accounts-08a-journal-tete-disparue');

  await page.getByRole('button', { name: 'Exporter en CSV…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Ouvrir le dossier Images' }).click();
  await app.screenshot(page, 'accounts-08-choix-dossier');
  await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
  await expect(page.getByText(/entrées exportées dans/)).toBeVisible();
  await app.screenshot(page, 'accounts-09-journal');

  const folder = path.join(app.homeDir, 'Images');
  const file = readdirSync(folder).find((name) => name.startsWith('journal-passerelle-'))!;
  const csv = readFileSync(path.join(folder, file), 'utf8');
  // The French columns of the screen, then the references the entry holds (never a name stored in the journal).
  expect(csv).toMatch(/;Connexion;[^\r\n]*;user:1;/);
});
