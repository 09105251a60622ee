import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { caller } from './seed';
import { expectAccessible } from './support/axe';

test.use({ viewport: { width: 1366, height: 768 } });

test("sur une installation neuve, la secrétaire est invitée à créer une fiche ou importer un tableau, et à créer l'encadrant avant le chantier", async ({
  page,
  app,
}) => {
  await app.seed();
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Personnes');
  await expect(page.getByRole('heading', { name: 'Aucune personne enregistrée pour l’instant' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Personnes' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Importer un tableau' })).toHaveCount(2);
  await expectAccessible(page, 'personnes, base vide');
  await app.screenshot(page, 'empty-states-01-personnes');
  await page.getByRole('link', { name: 'Créer une fiche' }).click();
  await expect(page).toHaveURL(/#\/people\/new$/);

  await shell.goTo('Personnes');
  await page.getByRole('link', { name: 'Importer un tableau' }).last().click();
  await expect(page).toHaveURL(/#\/people\/import$/);

  await shell.goTo('Chantiers');
  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau chantier' });
  await expect(form.getByText('Aucun compte d’encadrant technique : créez-le d’abord dans')).toBeVisible();
  await app.screenshot(page, 'empty-states-02-encadrant');
  await form.getByRole('link', { name: 'Paramètres › Comptes' }).click();
  await expect(page.getByRole('tab', { name: 'Comptes' })).toHaveAttribute('aria-selected', 'true');
});

test('la recherche qui ne trouve personne le dit, sans proposer de tout recommencer', async ({ page, app }) => {
  const admin = await app.seed();
  await caller(app.services, admin)('people/create', {
    person: {
      civility: 'madame',
      lastName: 'Le Goff',
      birthName: '',
      firstNames: 'Awa',
      birthDate: '1990-03-04',
      sex: 'F',
      address: '',
      postcode: '29200',
      town: 'Brest',
      priorityArea: 'inconnu',
      phone: '',
      email: '',
      emergencyContact: '',
      nir: '',
      prescriberId: null,
      referentId: null,
    },
    situation: {
      observedOn: '2026-02-01',
      resources: 'rsa',
      rsaMonths: null,
      franceTravailSince: null,
      educationLevel: '3',
      rqth: 'non',
      housing: '',
      drivingLicence: false,
      vehicle: false,
      publicTransport: true,
    },
  });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByLabel('Rechercher').fill('Kervella');
  await expect(page.getByText('Aucune personne ne correspond.')).toBeVisible();
  await expect(page.getByText('Aucune personne enregistrée')).toHaveCount(0);
});

test('chaque rôle sait quoi faire depuis son tableau de bord, et la travailleuse sociale sait qui doit relier son compte', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Awa Diallo', 'travailleur_social');
  await app.addAccount(admin, 'Lena Morvan', 'psychologue');
  await app.addAccount(admin, 'Paul Le Bihan', 'lecture_seule');
  await app.open(page);
  const login = new LoginPage(page);
  const shell = new ShellPage(page);
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await expect(page.getByText('au fur et à mesure')).toHaveCount(0);

  await shell.switchUser();
  await login.signIn('Awa Diallo', COLLEAGUE_PASSWORD);
  await expect(page.getByText('Votre compte n’est pas encore relié à votre fiche de l’annuaire')).toBeVisible();
  await expect(page.getByText('Contacts › votre fiche › Compte Passerelle')).toBeVisible();
  await shell.goTo('Personnes');
  await expect(page.getByText('Votre compte n’est pas encore relié à votre fiche de l’annuaire')).toBeVisible();
  await app.screenshot(page, 'empty-states-03-travailleuse-sociale');

  // Once her card carries her account, she is told what comes next instead.
  const call = caller(app.services, admin);
  const organisation = await call('contacts/saveOrganisation', {
    organisation: { name: 'CDAS de Brest', kind: 'partenaire', address: '', phone: '', email: '' },
  });
  const accounts = (await call('users/list', {})) as { id: number; displayName: string }[];
  await call('contacts/saveContact', {
    contact: {
      organisationId: organisation.id,
      firstName: 'Awa',
      lastName: 'Diallo',
      service: '',
      phone: '',
      email: '',
      userId: accounts.find((a) => a.displayName === 'Awa Diallo')!.id,
      leftOn: null,
    },
  });
  await shell.goTo('Tableau de bord');
  await page.reload();
  await expect(page.getByText('Aucune personne suivie pour l’instant')).toBeVisible();

  for (const [name, screens] of [
    ['Lena Morvan', ['Entretiens']],
    ['Paul Le Bihan', ['Statistiques']],
  ] as const) {
    await shell.switchUser();
    await login.signIn(name, COLLEAGUE_PASSWORD);
    const guide = page.getByRole('heading', { name: 'Ce que vous pouvez faire' });
    await expect(guide).toBeVisible();
    await expect(page.getByText('au fur et à mesure')).toHaveCount(0);
    for (const screen of screens)
      await expect(page.getByRole('main').getByRole('link', { name: screen })).toBeVisible();
    await app.screenshot(page, `empty-states-04-${name.split(' ')[0]!.toLowerCase()}`);
  }
  await page.getByRole('main').getByRole('link', { name: 'Statistiques' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistiques' })).toBeVisible();
});

test("après l'installation, l'administratrice suit sa liste de la première semaine, puis la masque", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const steps = page.getByRole('list', { name: 'Étapes de la première semaine' });
  await expect(steps.getByRole('listitem')).toHaveCount(7);
  await expect(steps.getByRole('listitem').filter({ hasText: 'Enregistrer les employeurs' })).toContainText('(fait)');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Créer le premier chantier' })).toContainText('(à faire)');
  await expectAccessible(page, 'tableau de bord, première semaine');
  await app.screenshot(page, 'empty-states-05-premiere-semaine');

  // Each step is a link to where it is done; done through the core, it ticks itself.
  await steps.getByRole('link', { name: /^Créer les comptes/ }).click();
  await expect(page.getByRole('tab', { name: 'Comptes' })).toHaveAttribute('aria-selected', 'true');
  await app.addAccount(admin, 'Maëlle Guivarch', 'coordination');
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  await app.addAccount(admin, 'Awa Diallo', 'travailleur_social');
  await shell.goTo('Tableau de bord');
  await page.reload();
  await expect(steps.getByRole('listitem').filter({ hasText: /^Créer les comptes/ })).toContainText('(fait)');

  await page.getByRole('button', { name: 'Masquer cette liste' }).click();
  await expect(steps).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Votre première semaine avec Passerelle' })).toHaveCount(0);
});
