import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

test('la secrétaire vérifie le mois, la coordinatrice valide, le mois part, puis une journée est régularisée', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Marc Coordination', 'coordination');
  const call = caller(app.services, admin);
  await admitPeople(app.services, admin, ['Élodie']);
  const worksiteId = await mespWorksite(app.services, admin, null, '2026-06-01');
  const personId = (await call('people/search', { status: 'admise' })).rows[0].id;
  const worksite = await call('worksites/addParticipant', {
    id: worksiteId,
    personId,
    contract: { ...MESP_CONTRACT, startDate: '2026-06-01', endDate: '2026-06-28' },
  });
  const participationId = worksite.participants[0].id;
  await call('attendance/save', {
    worksiteId,
    entries: worksite.sessions.map((s: { id: number }) => ({
      sessionId: s.id,
      participationId,
      mark: { mark: 'present' },
    })),
  });
  await call('worksites/addAnnexTime', {
    participationId,
    annexTime: { kind: 'bilan_mi_parcours', date: '2026-06-24', start: '14:00', end: '15:00', paid: true },
  });
  mkdirSync(path.join(app.homeDir, 'Paie'), { recursive: true });

  // Thursday 2 July 2026: June is the month to send.
  await page.clock.install({ time: new Date('2026-07-02T10:00:00+02:00') });
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Heures à transmettre');
  await expect(page.getByRole('combobox', { name: 'Mois' })).toHaveValue('juin 2026');
  const month = page.getByRole('table', { name: 'Heures du mois' });
  await expect(
    month.getByRole('row', { name: /Élodie Participant Menuiserie du port 56 h 56 h 56 h 0 h — 12,02 € 673,12/ }),
  ).toBeVisible();
  await expect(
    page.getByText('Élodie Participant : le contrat de travail n’a pas été établi dans Passerelle.'),
  ).toBeVisible();
  await app.screenshot(page, 'payroll-01-verifications');

  // The coordinator validates despite the checks.
  await shell.switchUser();
  await new LoginPage(page).signIn('Marc Coordination', COLLEAGUE_PASSWORD);
  await shell.goTo('Heures à transmettre');
  await page.getByRole('button', { name: 'Valider le mois' }).click();
  await page.getByRole('button', { name: 'Valider quand même' }).click();
  await expect(page.getByText('Validé par Marc Coordination')).toBeVisible();

  // The secretary saves the files and marks the month as sent.
  await shell.switchUser();
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Heures à transmettre');
  await page.getByRole('button', { name: 'Enregistrer le fichier de paie (.csv)' }).click();
  const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Ouvrir le dossier Paie' }).click();
  await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
  await expect(page.getByText('Fichier enregistré')).toBeVisible();
  const [csvName] = readdirSync(path.join(app.homeDir, 'Paie'));
  expect(csvName).toBe('Heures_Relais_Emploi_Iroise_(démo)_2026-06.csv');
  expect(readFileSync(path.join(app.homeDir, 'Paie', csvName!), 'utf8')).toContain(';56,00;');
  await page.getByRole('button', { name: 'Marquer comme transmis' }).click();
  // Transmitting locks the month: it asks first, in one sentence.
  const asks = page.getByRole('dialog', { name: 'Marquer comme transmis ?' });
  await expect(
    asks.getByText(
      /Les journées de juin 2026 de ses salariés seront verrouillées : toute correction demandera un motif et partira en régularisation avec le mois suivant/,
    ),
  ).toBeVisible();
  await app.screenshot(page, 'payroll-02a-confirmation-transmission');
  await asks.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByText('Transmis à l’employeur')).toHaveCount(0);
  await page.getByRole('button', { name: 'Marquer comme transmis' }).click();
  await asks.getByRole('button', { name: 'Marquer comme transmis' }).click();
  await expect(page.getByText('Transmis à l’employeur')).toBeVisible();
  await app.screenshot(page, 'payroll-02-transmis');

  // A day of June is corrected afterwards: a reason is asked, a régularisation is recorded.
  await shell.goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('link', { name: 'Émargement' }).click();
  await page.getByRole('button', { name: 'Semaine précédente' }).click();
  await expect(page.getByText('Semaine du 22/06/2026')).toBeVisible();
  await page.getByRole('button', { name: 'Élodie Participant, Jeudi 25/06 matin : Présent·e' }).focus();
  await page.keyboard.press('n');
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  const locked = page.getByRole('dialog', { name: 'Mois déjà transmis' });
  await locked.getByLabel(/^Motif de la correction/).fill('Absence signalée après l’envoi');
  await locked.getByRole('button', { name: 'Corriger et régulariser' }).click();
  await expect(
    page.getByText('Régularisation du 25/06/2026 : − 3 h 30 payées (Absence signalée après l’envoi), à envoyer'),
  ).toBeVisible();
  await app.screenshot(page, 'payroll-03-regularisation');

  // An annex time of June marked done afterwards asks for its reason in the same way.
  await page.getByRole('switch', { name: /^Bilan de mi-parcours de .* effectué$/ }).click({ force: true });
  await expect(locked.getByText(/pour changer les heures du 24\/06\/2026, indiquez le motif/)).toBeVisible();
  await locked.getByLabel(/^Motif de la correction/).fill('Bilan fait, pointé après l’envoi');
  await locked.getByRole('button', { name: 'Corriger et régulariser' }).click();
  await expect(
    page.getByText('Temps annexe corrigé ; la régularisation partira avec le prochain envoi.'),
  ).toBeVisible();
  await expect(page.getByRole('switch', { name: /^Bilan de mi-parcours de .* effectué$/ })).toBeChecked();

  // Moving a half-day of the sent month is refused, and the message says what to do instead.
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByLabel('Jeudi 25/06 matin', { exact: true }).click();
  const session = page.getByRole('dialog', { name: 'Demi-journée du 25/06/2026' });
  await session.getByLabel(/^Nouvelle date/).fill('26/06/2026');
  await session.getByRole('button', { name: 'Déplacer' }).click();
  await expect(
    // Sent today by the server's clock (the page's clock alone is set to 2 July).
    session.getByText(
      /^Le mois de juin 2026 a été transmis à l’employeur de portage le \d{2}\/\d{2}\/\d{4} : ses demi-journées ne se changent plus\. Pour changer ces heures, corrigez les présences du 25\/06\/2026 dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant\.$/,
    ),
  ).toBeVisible();
  await app.screenshot(page, 'payroll-04-demi-journee-transmise');
  await session
    .getByRole('button', { name: /Fermer|close/i })
    .first()
    .click();
  await expect(page.getByLabel('Jeudi 25/06 matin', { exact: true })).toBeVisible();
});
