import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { caller } from './seed';
import { mespWorksiteInput } from './inputs';

/** A NIR with its key (97 − n mod 97). */
const nirOf = (body13: string) => `${body13}${String(97 - Number(BigInt(body13) % 97n)).padStart(2, '0')}`;

test('la secrétaire vérifie et exporte l’état mensuel ASP de l’ACI', async ({ page, app }) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  // « Ressourcerie du Moulin »: an ACI from Monday 1 June 2026, Monday–Thursday, 08:30–12:00 and 13:30–17:00 (28 h a week).
  // Its employer is the CCAS's own ACI, the structure that declares to the ASP.
  const aci = (await call('settings/get', {})).employers.find(
    (e: { kind: string }) => e.kind !== 'association_intermediaire',
  );
  const worksite = await call('worksites/save', {
    worksite: {
      ...mespWorksiteInput(null, '2026-06-01'),
      employerId: aci.id,
      name: 'Ressourcerie du Moulin',
      kind: 'aci',
      weeks: 20,
      slots: [0, 1, 2, 3].flatMap((weekday) => [
        { weekday, halfDay: 'morning' },
        { weekday, halfDay: 'afternoon' },
      ]),
    },
  });
  const { sessions } = await call('worksites/generateSessions', { id: worksite.id, makeUps: [] });
  const hire = async (firstNames: string, body: string, passIae: string) => {
    const { id: personId } = await call('people/create', {
      person: {
        civility: 'madame',
        lastName: 'Kerbrat',
        birthName: '',
        firstNames,
        birthDate: '1985-05-12',
        sex: 'F',
        address: '3 rue des Ajoncs',
        postcode: '29200',
        town: 'Brest',
        priorityArea: 'inconnu',
        phone: '',
        email: '',
        emergencyContact: '',
        nir: nirOf(body),
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
      confirmedNotDuplicate: true,
    });
    const journeyId = (await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0].id;
    for (const status of ['candidature', 'entretien', 'admise'])
      await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' });
    const added = await call('worksites/addParticipant', {
      id: worksite.id,
      personId,
      contract: {
        type: 'cddi',
        startDate: '2026-06-01',
        endDate: '2026-09-30',
        position: 'Valoriste',
        hourlyCents: 1202,
        handedOn: '2026-06-01',
        signedOn: '2026-06-01',
        derogationUntil: null,
        passIae,
      },
      confirmWarnings: true,
    });
    const participationId = added.participants.find((p: { personId: number }) => p.personId === personId).id;
    return { personId, journeyId, participationId };
  };
  const maiwenn = await hire('Maïwenn', '2850529019123', '999992612345');
  const soizic = await hire('Soizic', '2850529019456', '');
  // Soizic leaves on Thursday 11 June for a six-week CDD: her exit is recorded.
  await call('contracts/endEarly', {
    participationId: soizic.participationId,
    earlyEnd: { date: '2026-06-11', reason: 'accord_commun' },
  });
  await call('people/recordOutcome', {
    journeyId: soizic.journeyId,
    outcome: {
      category: 'emploi_transition',
      detail: 'CDD de 6 semaines',
      exitedOn: '2026-06-11',
      afterThreeMonths: '',
      afterSixMonths: '',
    },
  });
  const june = sessions.filter((s: { date: string }) => s.date <= '2026-06-30');
  await call('attendance/save', {
    worksiteId: worksite.id,
    entries: [
      ...june.map((s: { id: number }) => ({
        sessionId: s.id,
        participationId: maiwenn.participationId,
        mark: { mark: 'present' },
      })),
      ...june
        .filter((s: { date: string }) => s.date <= '2026-06-11')
        .map((s: { id: number }) => ({
          sessionId: s.id,
          participationId: soizic.participationId,
          mark: { mark: 'present' },
        })),
    ],
  });
  mkdirSync(path.join(app.homeDir, 'ASP'), { recursive: true });

  // Thursday 2 July 2026: June is the month to declare.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.install({ time: new Date('2026-07-02T10:00:00+02:00') });
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('État mensuel ASP');
  await expect(page.getByRole('combobox', { name: 'Mois' })).toHaveValue('juin 2026');
  const state = page.getByRole('table', { name: 'État mensuel ASP' });
  // 18 days of 7 h = 126 h; Soizic: 1–4 and 8–11 June, 8 days = 56 h.
  await expect(
    state.getByRole('row', { name: /KERBRAT MAIWENN 999992612345 Ressourcerie du Moulin 126 h 126 Oui — — —/ }),
  ).toBeVisible();
  await expect(
    state.getByRole('row', {
      name: /KERBRAT SOIZIC .* Ressourcerie du Moulin 56 h 56 Non 11\/06\/2026 Emploi de transition/,
    }),
  ).toBeVisible();
  await expect(page.getByText('À corriger avant de valider (1)')).toBeVisible();
  await expect(
    page.getByText('Numéro de PASS IAE manquant : saisissez-le sur le contrat (fiche de la personne).').first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Valider le mois' })).toBeDisabled();
  await app.screenshot(page, 'asp-01-a-corriger');

  // The PASS IAE is entered on the contract; the month can be validated.
  await call('contracts/update', {
    participationId: soizic.participationId,
    contract: {
      position: 'Valoriste',
      handedOn: '2026-06-01',
      signedOn: '2026-06-01',
      derogationUntil: null,
      passIae: '999992612346',
    },
  });
  await page.reload();
  await expect(page.getByText('À corriger avant de valider')).toHaveCount(0);
  await page.getByRole('button', { name: 'Valider le mois' }).click();
  await expect(page.getByText(`Validé par ${ADMIN_NAME}`)).toBeVisible();
  await expect(state.getByRole('row', { name: /Total \(2\) 182 h 182/ })).toBeVisible();

  const saveInto = async (button: string) => {
    await page.getByRole('button', { name: button }).click();
    const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
    await picker.getByRole('button', { name: 'Dossier personnel' }).click();
    await picker.getByRole('button', { name: 'Ouvrir le dossier ASP' }).click();
    await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
    await expect(page.getByText('Fichier enregistré').last()).toBeVisible();
  };
  await saveInto('Enregistrer le tableau (.csv)');
  await saveInto('Enregistrer l’état à ressaisir (.pdf)');
  await expect.poll(() => readdirSync(path.join(app.homeDir, 'ASP')).length).toBe(2);
  const files = readdirSync(path.join(app.homeDir, 'ASP')).sort();
  expect(files).toEqual([
    'Etat_mensuel_ASP_CCAS_de_Kerbrénou_—_atelier_et_chantier_d’insertion_2026-06.csv',
    'Etat_mensuel_ASP_CCAS_de_Kerbrénou_—_atelier_et_chantier_d’insertion_2026-06.pdf',
  ]);
  const csv = readFileSync(path.join(app.homeDir, 'ASP', files[0]!), 'utf8');
  expect(csv).toContain('06;2026;KERBRAT;MAIWENN;999992612345;01/06/2026;126;126,00;O;;;');
  expect(csv).toContain('06;2026;KERBRAT;SOIZIC;999992612346;01/06/2026;56;56,00;N;11/06/2026;Emploi de transition;');
  await app.screenshot(page, 'asp-02-valide');
});
