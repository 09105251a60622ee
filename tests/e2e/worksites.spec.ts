import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';
import { deName } from '../../src-main/shared/french';

const SIX = ['Élodie', 'Awa', 'Soazig', 'Moussa', 'Yann', 'Gaëlle'];

test('la coordinatrice planifie un chantier MESP de 4 semaines, sans les jours fériés, avec ses rattrapages', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  const people = await admitPeople(app.services, admin, SIX);
  // The browser's today: Wednesday 6 May 2026, during the worksite.
  await page.clock.install({ time: new Date('2026-05-06T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await expect(page.getByText('Aucun chantier pour l’instant.')).toBeVisible();

  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau chantier' });
  await form.getByLabel(/^Nom du chantier/).fill('Menuiserie du port');
  await form.getByRole('combobox', { name: /^Support d’activité/ }).click();
  await page.getByRole('option', { name: 'Menuiserie' }).click();
  await form.getByRole('combobox', { name: /^Encadrant technique/ }).click();
  await page.getByRole('option', { name: 'Yann Kervella' }).click();
  await form.getByLabel(/^Date de début/).fill('04/05/2026');
  await form.getByLabel(/^Date de début/).press('Tab');
  // The MESP defaults: 4 weeks, Monday to Thursday mornings, 5 places, the portage employer.
  await expect(form.getByRole('checkbox', { name: 'Jeudi matin' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Vendredi matin' })).not.toBeChecked();
  await expect(form.getByRole('combobox', { name: /^Employeur des participants/ })).toHaveValue(
    'Relais Emploi Iroise (démo)',
  );
  await app.screenshot(page, 'worksites-01-nouveau');
  await form.getByRole('button', { name: 'Enregistrer le chantier' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Menuiserie du port' })).toBeVisible();
  await page.getByRole('button', { name: 'Générer les demi-journées' }).click();
  const generate = page.getByRole('dialog', { name: 'Générer les demi-journées' });
  await expect(
    generate.getByText('14 demi-journées à créer sur les 16 prévues par le rythme du chantier.'),
  ).toBeVisible();
  await expect(generate.getByText('14/05/2026 : Ascension')).toBeVisible();
  await expect(generate.getByText('25/05/2026 : Lundi de Pentecôte')).toBeVisible();
  await expect(generate.getByRole('checkbox', { name: 'Vendredi 15/05/2026 (matin)' })).toBeChecked();
  await expect(generate.getByRole('checkbox', { name: 'Vendredi 29/05/2026 (matin)' })).toBeChecked();
  await app.screenshot(page, 'worksites-02-generation');
  await generate.getByRole('button', { name: 'Générer' }).click();

  await expect(page.getByRole('heading', { name: 'Planning (16 demi-journées)' })).toBeVisible();
  await expect(page.getByLabel('Vendredi 15/05 matin')).toBeVisible();
  await page.getByLabel('Mardi 19/05 matin').click();
  await page
    .getByRole('dialog')
    .getByLabel(/^Motif/)
    .fill('Intempéries');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler la demi-journée' }).click();
  await expect(page.getByRole('heading', { name: 'Planning (15 demi-journées)' })).toBeVisible();
  await expect(page.getByLabel('Mardi 19/05 matin, annulée')).toBeVisible();
  await app.screenshot(page, 'worksites-03-planning');

  // Five admitted people fill the five places; the sixth is warned about.
  for (const [index, name] of people.entries()) {
    await page.getByRole('button', { name: 'Ajouter un participant' }).click();
    const modal = page.getByRole('dialog', { name: 'Ajouter un participant' });
    // The picker searches everyone admitted and shows the birth date to tell homonyms apart.
    await modal
      .getByRole('combobox', { name: /^Personne admise/ })
      .fill(name.split(' ')[0]!.normalize('NFD').replace(/\p{M}/gu, ''));
    await page.getByRole('option', { name: new RegExp(`^PARTICIPANT ${name.split(' ')[0]} — né`) }).click();
    await modal.getByRole('button', { name: 'Ajouter au chantier' }).click();
    if (index === 5) {
      await expect(
        modal.getByText('Le chantier est complet (5 places). Confirmez pour dépasser sa capacité.'),
      ).toBeVisible();
      await app.screenshot(page, 'worksites-04-complet');
      await modal.getByRole('button', { name: 'Annuler' }).click();
    } else {
      await expect(page.getByRole('heading', { name: `Participants (${index + 1}/5)` })).toBeVisible();
    }
  }
  await expect(
    page
      .getByRole('table', { name: 'Participants' })
      .getByRole('row', { name: /Élodie Participant.*CDD d’usage.*12,02.*14 h.*4 jour/ }),
  ).toBeVisible();
  // A health check for one of them, in the afternoon: a paid annex time.
  await page.getByRole('button', { name: 'Ajouter un temps annexe pour Élodie Participant' }).click();
  const annex = page.getByRole('dialog', { name: 'Temps annexe d’Élodie Participant' });
  await annex.getByRole('combobox', { name: /^Type/ }).click();
  await page.getByRole('option', { name: 'Visite médicale ou bilan de santé' }).click();
  await annex.getByLabel(/^Date/).fill('05/05/2026');
  // Leaving the field, as one does after typing a date, closes its calendar (it covers part of the buttons).
  await annex.getByLabel(/^Date/).press('Tab');
  await annex.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Visite médicale ou bilan de santé le 05/05/2026, 14:00–15:30')).toBeVisible();
  await app.screenshot(page, 'worksites-05-participants');
  await page
    .getByRole('table', { name: 'Participants' })
    .getByRole('link', { name: 'Élodie Participant', exact: true })
    .click();
  const agenda = page.getByRole('table', { name: 'Agenda de la personne' });
  await expect(agenda.getByRole('row', { name: /Mardi 05\/05\/2026.*14:00–15:30.*Visite médicale/ })).toBeVisible();
  await expect(agenda.getByRole('row')).toHaveCount(17);
  await app.screenshot(page, 'people-06-agenda');
  await page.goBack();

  // The week and month plannings across worksites.
  await new ShellPage(page).goTo('Planning');
  await expect(page.getByText('Semaine du 04/05/2026')).toBeVisible();
  await expect(page.getByLabel('Menuiserie du port, 04/05/2026 matin, 5 participants')).toBeVisible();
  await app.screenshot(page, 'planning-01-semaine');
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(page.getByLabel('Menuiserie du port, 15/05/2026 matin, 5 participants')).toBeVisible();
  await page.getByText('Mois', { exact: true }).click();
  await expect(page.getByText('mai 2026')).toBeVisible();
  await expect(page.getByLabel('Menuiserie du port, 19/05/2026 matin, annulée')).toBeVisible();
  await app.screenshot(page, 'planning-02-mois');

  await page.getByRole('link', { name: 'Chantiers' }).first().click();
  await expect(
    page
      .getByRole('table', { name: 'Chantiers' })
      .getByRole('row', { name: /Menuiserie du port.*04\/05\/2026 → 31\/05\/2026.*15.*Yann Kervella/ }),
  ).toBeVisible();
});

test('la coordinatrice déplace une demi-journée, renouvelle un contrat puis enregistre une fin anticipée', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, SIX);
  const call = caller(app.services, admin);
  const worksiteId = await mespWorksite(app.services, admin);
  const first = (await call('people/search', { status: 'admise' })).rows[0];
  const [personId, name] = [first.id, `${first.firstNames} ${first.lastName}`];
  await call('worksites/addParticipant', {
    id: worksiteId,
    personId,
    contract: { ...MESP_CONTRACT, handedOn: '2026-05-04' },
  });
  await page.clock.install({ time: new Date('2026-04-27T09:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();

  // Monday 4 May moves to Tuesday afternoon; Friday 8 May (a holiday) is refused.
  await page.getByLabel('Lundi 04/05 matin').click();
  const session = page.getByRole('dialog', { name: 'Demi-journée du 04/05/2026' });
  await session.getByLabel(/^Nouvelle date/).fill('08/05/2026');
  await session.getByRole('button', { name: 'Déplacer' }).click();
  await expect(session.getByText('Le 08/05/2026 n’est pas travaillé (Victoire 1945).', { exact: true })).toBeVisible();
  await session.getByLabel(/^Nouvelle date/).fill('05/05/2026');
  await session.getByRole('combobox', { name: /^Demi-journée/ }).click();
  await page.getByRole('option', { name: 'Après-midi' }).click();
  await session.getByRole('button', { name: 'Déplacer' }).click();
  await expect(page.getByLabel('Mardi 05/05 après-midi')).toBeVisible();

  // What the contract states: the tasks (for the mise à disposition too) and a post with particular risks.
  await page.getByRole('button', { name: `Gérer le contrat ${deName(name)}` }).click();
  const contract = page.getByRole('dialog', { name: `Contrat ${deName(name)}` });
  await expect(contract.getByLabel('Tâches confiées')).toHaveValue(/ponçage et finitions/);
  await contract.getByLabel('Tâches confiées').fill('Débit de planches, ponçage et montage de bancs');
  await contract.getByLabel('Qualification et classification').fill('Niveau 1, coefficient 200');
  await contract.getByRole('checkbox', { name: /^Poste à risques particuliers/ }).check();
  await app.screenshot(page, 'worksites-05b-contenu-du-contrat');
  await contract.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(contract).toBeHidden();
  const stored = await app.services.db
    .selectFrom('participations')
    .select(['tasks', 'classification', 'particularRisk'])
    .executeTakeFirstOrThrow();
  expect(stored).toEqual({
    tasks: 'Débit de planches, ponçage et montage de bancs',
    classification: 'Niveau 1, coefficient 200',
    particularRisk: 1,
  });

  // A renewal of two weeks, agreed before the term.
  await page.getByRole('button', { name: `Gérer le contrat ${deName(name)}` }).click();
  await contract.getByRole('tab', { name: 'Renouveler' }).click();
  await contract.getByLabel(/^Nouvelle date de fin/).fill('14/06/2026');
  await contract.getByLabel(/^Accord du salarié le/).fill('20/05/2026');
  await contract.getByLabel(/^Accord du salarié le/).press('Tab');
  await app.screenshot(page, 'worksites-06-renouvellement');
  await contract.getByRole('button', { name: 'Renouveler', exact: true }).click();
  // The new end is more than a week past the worksite's last day: the coordinator confirms it is wanted.
  await contract.getByRole('button', { name: 'Renouveler quand même' }).click();
  await expect(
    page.getByRole('table', { name: 'Participants' }).getByText(/du 04\/05\/2026 au 14\/06\/2026/),
  ).toBeVisible();
  await expect(page.getByText('Renouvelé 1 fois')).toBeVisible();

  // An early end in the trial period is allowed; after it, the ground must be another one.
  await page.getByRole('button', { name: `Gérer le contrat ${deName(name)}` }).click();
  await contract.getByRole('tab', { name: 'Fin anticipée' }).click();
  await contract.getByLabel(/^Dernier jour du contrat/).fill('15/05/2026');
  await contract.getByLabel(/^Dernier jour du contrat/).press('Tab');
  await contract.getByRole('combobox', { name: /^Motif/ }).click();
  await page.getByRole('option', { name: /période d’essai/ }).click();
  await contract.getByRole('button', { name: 'Enregistrer la fin anticipée' }).click();
  // Ending a contract early asks first, saying what will happen.
  const endEarly = page.getByRole('dialog', { name: 'Mettre fin au contrat avant son terme ?' });
  await expect(endEarly.getByText(/s’arrêtera le 15\/05\/2026 au lieu du 14\/06\/2026/)).toBeVisible();
  await app.screenshot(page, 'worksites-06b-fin-anticipee-confirmation');
  await endEarly.getByRole('button', { name: 'Enregistrer la fin anticipée' }).click();
  await expect(
    contract.getByText('La période d’essai est terminée à cette date : choisissez un autre motif.', { exact: true }),
  ).toBeVisible();
  await contract.getByRole('combobox', { name: /^Motif/ }).click();
  await page.getByRole('option', { name: /Accord commun/ }).click();
  await contract.getByRole('button', { name: 'Enregistrer la fin anticipée' }).click();
  await endEarly.getByRole('button', { name: 'Enregistrer la fin anticipée' }).click();
  await expect(page.getByText('Fin anticipée le 15/05/2026')).toBeVisible();
  await app.screenshot(page, 'worksites-07-fin-anticipee');
});
