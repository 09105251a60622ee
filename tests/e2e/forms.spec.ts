import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { PeoplePage } from './pages/people';
import { ShellPage } from './pages/shell';
import { caller } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

const SITUATION = {
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
};

function someone(lastName: string, firstNames: string, birthDate: string, sex: 'F' | 'M') {
  return {
    civility: null,
    lastName,
    birthName: '',
    firstNames,
    birthDate,
    sex,
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
  };
}

test('la secrétaire enregistre une demande RGPD : le choix de la personne trouve tout le monde et distingue les homonymes', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  // More people than the old list showed (25), two homonyms, and the one asked for last in alphabetical order.
  for (let i = 0; i < 38; i++) {
    await call('people/create', {
      person: someone(
        `Dupont${String(i).padStart(2, '0')}`,
        'Jean',
        `1980-01-${String((i % 28) + 1).padStart(2, '0')}`,
        'M',
      ),
      situation: SITUATION,
      confirmedNotDuplicate: true,
    });
  }
  await call('people/create', { person: someone('Martin', 'Léa', '1990-03-04', 'F'), situation: SITUATION });
  await call('people/create', {
    person: someone('Martin', 'Léa', '1995-11-20', 'F'),
    situation: SITUATION,
    confirmedNotDuplicate: true,
  });
  await call('people/create', { person: someone('Zébulon-Kérouac', 'Zoé', '1988-07-14', 'F'), situation: SITUATION });

  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Données personnelles');
  await page.getByRole('tab', { name: 'Demandes des personnes' }).click();

  // Saving without a person is refused, in French, next to the field.
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Choisissez la personne qui a fait la demande.', { exact: true })).toBeVisible();

  // Homonyms are told apart by their birth date.
  const picker = page.getByRole('combobox', { name: /^Personne/ });
  await picker.fill('martin lea');
  await expect(page.getByRole('option', { name: 'MARTIN Léa — née le 04/03/1990' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'MARTIN Léa — née le 20/11/1995' })).toBeVisible();
  await app.screenshot(page, 'forms-01-homonymes');

  // The 41st person is found by typing part of the name without accents.
  await picker.fill('kerouac');
  await page.getByRole('option', { name: 'ZÉBULON-KÉROUAC Zoé — née le 14/07/1988' }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('La demande est enregistrée.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Demandes des personnes' }).getByText(/Zoé/)).toBeVisible();
  await app.screenshot(page, 'forms-02-demande-enregistree');
});

test('la coordinatrice saisit un NIR qui ne correspond pas au sexe : elle est prévenue, puis confirme l’exception', async ({
  page,
  app,
}) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  const people = new PeoplePage(page);
  await people.fillNewPerson({
    lastName: 'Lefèvre',
    firstNames: 'Élodie',
    birthDate: '12/05/1985',
    sex: 'Femme',
    town: 'Brest',
    resources: 'RSA',
    educationLevel: 'Niveau 3 (CAP, BEP)',
  });
  await page.getByLabel(/^N° de sécurité sociale/).fill('1 85 05 78 006 084 91');
  const mismatch =
    'Le NIR commence par 1 (homme) mais la fiche indique une femme : vérifiez, ou confirmez s’il s’agit d’une exception.';
  await expect(page.getByText(mismatch)).toBeVisible();
  await people.create();
  const asks = page.getByRole('dialog', { name: 'Vérifiez le numéro de sécurité sociale' });
  await expect(asks.getByText(mismatch)).toBeVisible();
  await app.screenshot(page, 'forms-03-nir-a-confirmer');
  await asks.getByRole('button', { name: 'Confirmer l’exception' }).click();
  await people.expectRecord('Élodie LEFÈVRE');
});
