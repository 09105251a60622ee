import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { frenchDate } from '../../src-main/app/ports';
import { addDays, formatFrenchDate, mondayOf } from '../../src-main/shared/dates';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

test("l'encadrant remplit la semaine au clavier, corrige un retard et voit les totaux", async ({ page, app }) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  const call = caller(app.services, admin);
  const yann = (await call('users/list', {})).find((u: { displayName: string }) => u.displayName === 'Yann Kervella');
  await admitPeople(app.services, admin, ['Élodie', 'Awa']);
  const worksiteId = await mespWorksite(app.services, admin, yann.id, '2026-06-01');
  for (const person of (await call('people/search', { status: 'admise' })).rows) {
    await call('worksites/addParticipant', {
      id: worksiteId,
      personId: person.id,
      contract: { ...MESP_CONTRACT, startDate: '2026-06-01', endDate: '2026-06-28' },
    });
  }
  // Friday 5 June 2026: the first week is over.
  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn('Yann Kervella', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('link', { name: 'Émargement' }).click();
  await expect(page.getByText('Semaine du 01/06/2026')).toBeVisible();

  // Keyboard only: a letter sets the cell and goes down to the next person; arrows move.
  await page.getByRole('button', { name: 'Awa Participant, Lundi 01/06 matin : à remplir' }).focus();
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('m'); // Awa, Tuesday: sick
  await page.keyboard.press('r'); // Élodie, Tuesday: late
  const late = page.getByRole('dialog', { name: 'Élodie Participant, Mardi 02/06 matin' });
  await late.getByLabel('Arrivée réelle').fill('09:00');
  await late.getByRole('button', { name: 'Valider' }).click();
  await page
    .getByRole('button', { name: 'Élodie Participant, Mardi 02/06 matin : Retard ou départ anticipé, R 09:00–12:00' })
    .focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('n'); // Awa, Wednesday: unjustified
  await page.keyboard.press('p'); // Élodie, Wednesday
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(page.getByText('8 modifications non enregistrées')).toBeVisible();
  await app.screenshot(page, 'attendance-01-grille');
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByText('8 présences enregistrées.')).toBeVisible();

  const totals = page.getByRole('table', { name: 'Heures et présence' });
  // Élodie: 3 h 30 + 3 h + 3 h 30 + 3 h 30; Awa: Monday and Thursday only.
  await expect(totals.getByRole('row', { name: /Élodie Participant 56 h 13 h 30 13 h 30 0 h/ })).toBeVisible();
  await expect(totals.getByRole('row', { name: /Awa Participant 56 h 7 h 7 h 0 h/ })).toBeVisible();

  // The late arrival was at 9:15 in fact.
  await page.getByRole('button', { name: /Élodie Participant, Mardi 02\/06 matin : Retard/ }).focus();
  await page.keyboard.press('Enter');
  await late.getByLabel('Arrivée réelle').fill('09:15');
  await late.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(totals.getByRole('row', { name: /Élodie Participant 56 h 13 h 15 13 h 15/ })).toBeVisible();
  await totals.getByRole('button', { name: 'Détail des heures : Élodie Participant' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Par semaine' })
      .getByRole('row', { name: 'Semaine du 01/06/2026 14 h 13 h 15 13 h 15' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Par mois' }).getByRole('row', { name: 'juin 2026 56 h 13 h 15 13 h 15' }),
  ).toBeVisible();
  await app.screenshot(page, 'attendance-02-totaux');
});

test("la coordinatrice voit la semaine prochaine : les demi-journées à venir ne s'émargent pas encore", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, ['Élodie']);
  // The core runs on the real clock here: next week is in the future.
  const nextMonday = mondayOf(addDays(frenchDate(new Date()), 7));
  const worksiteId = await mespWorksite(app.services, admin, null, nextMonday);
  const call = caller(app.services, admin);
  const person = (await call('people/search', { status: 'admise' })).rows[0];
  await call('worksites/addParticipant', {
    id: worksiteId,
    personId: person.id,
    contract: { ...MESP_CONTRACT, startDate: nextMonday, endDate: addDays(nextMonday, 27) },
  });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('link', { name: 'Émargement' }).click();
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await expect(page.getByText(`Semaine du ${formatFrenchDate(nextMonday)}`)).toBeVisible();

  const monday = page.getByRole('button', {
    name: `Élodie Participant, Lundi ${formatFrenchDate(nextMonday).slice(0, 5)} matin : pas encore eu lieu`,
  });
  await expect(monday).toBeDisabled();
  await expect(page.getByRole('cell').filter({ has: monday })).toHaveAttribute(
    'title',
    /^Cette demi-journée n’a pas encore eu lieu/,
  );
  await expect(page.getByText('À venir', { exact: true })).toHaveCount(4);
  await expect(page.getByRole('button', { name: /Tous présents/ })).toHaveCount(0);
  await app.screenshot(page, 'attendance-03-a-venir');
});
