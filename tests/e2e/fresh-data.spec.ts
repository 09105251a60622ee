import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

test("la coordinatrice verrouille l'écran au milieu de l'émargement et retrouve ses présences en revenant", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  const call = caller(app.services, admin);
  await admitPeople(app.services, admin, ['Élodie', 'Awa']);
  const worksiteId = await mespWorksite(app.services, admin, null, '2026-06-01');
  for (const person of (await call('people/search', { status: 'admise' })).rows) {
    await call('worksites/addParticipant', {
      id: worksiteId,
      personId: person.id,
      contract: { ...MESP_CONTRACT, startDate: '2026-06-01', endDate: '2026-06-28' },
    });
  }
  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  const login = new LoginPage(page);
  const shell = new ShellPage(page);
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('link', { name: 'Émargement' }).click();
  await page.getByRole('button', { name: 'Awa Participant, Lundi 01/06 matin : à remplir' }).focus();
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(page.getByText('2 modifications non enregistrées')).toBeVisible();

  // She locks the screen: nothing of the grid shows, and nothing is lost.
  await shell.openUserMenu();
  await page.getByRole('menuitem', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeVisible();
  await expect(page.getByText('2 modifications non enregistrées')).toBeHidden();
  await app.screenshot(page, 'fresh-data-01-verrouille');
  await login.unlock(ADMIN_PASSWORD);
  await expect(page.getByText('2 modifications non enregistrées')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Awa Participant, Lundi 01/06 matin : Présent' })).toBeVisible();
  await app.screenshot(page, 'fresh-data-02-deverrouille');
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByText('2 présences enregistrées.')).toBeVisible();
  // The hours on the same page follow at once.
  await expect(
    page
      .getByRole('table', { name: 'Heures et présence' })
      .getByRole('row', { name: /Awa Participant 56 h 3 h 30 3 h 30/ }),
  ).toBeVisible();

  // A mark left unsaved, then a colleague takes the PC: her work is dropped, and he is told.
  await page.getByRole('button', { name: 'Awa Participant, Mardi 02/06 matin : à remplir' }).focus();
  await page.keyboard.press('p');
  await expect(page.getByText('1 modification non enregistrée')).toBeVisible();
  await shell.openUserMenu();
  await page.getByRole('menuitem', { name: 'Verrouiller' }).click();
  await page.getByRole('button', { name: 'Changer d’utilisateur' }).click();
  await login.signIn('Yann Kervella', COLLEAGUE_PASSWORD);
  await expect(page.getByText(`Les modifications non enregistrées d’${ADMIN_NAME} ont été abandonnées.`)).toBeVisible();
  await expect(page.getByText('1 modification non enregistrée')).toBeHidden();
  await app.screenshot(page, 'fresh-data-03-autre-compte');

  // A reload of the tab keeps him signed in.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Mon compte' })).toContainText('Yann Kervella');
});

test('la coordinatrice ajoute un participant : la carte « Heures et présence » suit sans changer de page', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await admitPeople(app.services, admin, ['Élodie', 'Awa']);
  const worksiteId = await mespWorksite(app.services, admin);
  const elodie = (await call('people/search', { status: 'admise' })).rows.find(
    (p: { firstNames: string }) => p.firstNames === 'Élodie',
  );
  await call('worksites/addParticipant', { id: worksiteId, personId: elodie.id, contract: MESP_CONTRACT });
  await page.clock.install({ time: new Date('2026-05-06T09:00:00+02:00') });
  const methods: string[] = [];
  page.on('request', (request) => {
    const match = /\/rpc\/(.+)$/.exec(request.url());
    if (match?.[1]) methods.push(decodeURIComponent(match[1]));
  });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  const hours = page.getByRole('table', { name: 'Heures et présence' });
  await expect(hours.getByRole('row', { name: /Élodie Participant/ })).toBeVisible();
  await expect(hours.getByRole('row', { name: /Awa Participant/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Ajouter un participant' }).click();
  const modal = page.getByRole('dialog', { name: 'Ajouter un participant' });
  // The person picker searches the whole list as one types, and tells homonyms apart by birth date.
  await modal.getByRole('combobox', { name: /^Personne admise/ }).fill('Awa');
  await page.getByRole('option', { name: /^PARTICIPANT Awa — né/ }).click();
  await modal.getByRole('button', { name: 'Ajouter au chantier' }).click();
  await expect(page.getByRole('heading', { name: 'Participants (2/5)' })).toBeVisible();
  await expect(hours.getByRole('row', { name: /Awa Participant/ })).toBeVisible();
  await app.screenshot(page, 'fresh-data-04-carte-heures');
  // One refetch per screen query after the write, not a loop.
  await expect(page.getByRole('button', { name: 'Ajouter un participant' })).toBeEnabled();
  expect(methods.filter((m) => m === 'attendance/hours').length).toBeLessThanOrEqual(3);
});

test("une travailleuse sociale est rattachée à ses personnes suivies : sa liste les montre sans qu'elle se reconnecte", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Maëlle Guivarch', 'travailleur_social');
  const call = caller(app.services, admin);
  const worker = (await call('users/list', {})).find(
    (u: { displayName: string }) => u.displayName === 'Maëlle Guivarch',
  );
  const service = await call('contacts/saveOrganisation', {
    organisation: { name: 'Service social du CCAS', kind: 'prescripteur', address: '', phone: '', email: '' },
  });
  const contact = {
    organisationId: service.id,
    firstName: 'Maëlle',
    lastName: 'Guivarch',
    service: 'Accompagnement',
    phone: '',
    email: '',
    userId: null,
    leftOn: null,
  };
  const referent = await call('contacts/saveContact', { contact });
  for (const [firstNames, birthDate] of [
    ['Awa', '1990-03-04'],
    ['Yann', '1985-11-20'],
  ] as const) {
    await call('people/create', {
      person: {
        civility: null,
        lastName: 'Suivi',
        birthName: '',
        firstNames,
        birthDate,
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
        referentId: referent.id,
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
      confirmedNotDuplicate: true,
    });
  }
  await app.open(page);
  await new LoginPage(page).signIn('Maëlle Guivarch', COLLEAGUE_PASSWORD);
  const shell = new ShellPage(page);
  await shell.goTo('Personnes');
  // Nothing linked yet: she is told who links her account, and where.
  await expect(page.getByText('Votre compte n’est pas encore relié à votre fiche de l’annuaire')).toBeVisible();

  // Meanwhile, at the secretariat, her contact card is linked to her account.
  await call('contacts/saveContact', { id: referent.id, contact: { ...contact, userId: worker.id } });

  // She goes on working, without signing out: her caseload shows.
  await shell.goTo('Tableau de bord');
  await shell.goTo('Personnes');
  await expect(page.getByText('2 personnes', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Personnes' }).getByRole('row', { name: /Awa/ })).toBeVisible();
  await app.screenshot(page, 'fresh-data-05-personnes-suivies');
  await expect(page.getByRole('button', { name: 'Mon compte' })).toContainText('Maëlle Guivarch');
});
