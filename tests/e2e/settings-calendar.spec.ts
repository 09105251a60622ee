import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, mespWorksite, MESP_CONTRACT } from './seed';
import { addMonths, formatFrenchDate } from '../../src-main/shared/dates';
import { parisDateOf } from '../../src-main/shared/paris-time';

const today = () => parisDateOf(new Date().toISOString());

test('la secrétaire choisit Saint-Barthélemy et voit ses jours fériés de l’année', async ({ page, app }) => {
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  await page.getByRole('tab', { name: 'Calendrier' }).click();
  await expect(page.getByText(/Noël \(25\/12\)/)).toBeVisible();
  await expect(page.getByText(/Abolition de l’esclavage/)).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Jours fériés applicables' }).click();
  for (const region of [
    'Métropole',
    'Alsace-Moselle',
    'Guadeloupe',
    'Martinique',
    'Guyane',
    'La Réunion',
    'Mayotte',
    'Saint-Martin',
    'Saint-Barthélemy',
  ]) {
    await expect(page.getByRole('option', { name: region, exact: true })).toBeVisible();
  }
  await page.getByRole('option', { name: 'Saint-Barthélemy' }).click();
  // The region counts holidays: from the first of January, the whole year follows it.
  const dialog = page.getByRole('dialog', { name: 'Changer le calendrier' });
  await dialog.getByLabel('À compter du').fill(`01/01/${today().slice(0, 4)}`);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Le changement du calendrier est enregistré.')).toBeVisible();
  await expect(page.getByText(/Abolition de l’esclavage \(09\/10\)/)).toBeVisible();
  await app.screenshot(page, 'settings-calendar-01-saint-barthelemy');
});

test('l’administratrice paie la force majeure à compter d’un mois à venir et voit l’historique', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  await page.getByRole('tab', { name: 'Calendrier' }).click();
  const history = page.getByRole('table', { name: 'Historique du calendrier' });
  await expect(history.getByRole('row')).toHaveText([
    'Depuis le début : jours fériés de Métropole ; lundi de Pentecôte chômé ; demi-journées de force majeure non payées',
  ]);

  const paid = page.getByRole('switch', { name: /force majeure sont payées/ });
  await paid.click({ force: true });
  const dialog = page.getByRole('dialog', { name: 'Changer le calendrier' });
  // Nothing sent yet to the portage employer: the change is offered from the first of this month.
  const thisMonth = `${today().slice(0, 7)}-01`;
  await expect(dialog.getByLabel('À compter du')).toHaveValue(formatFrenchDate(thisMonth));
  // A year typed wrong (a date long past) is said before saving: those days would be counted again.
  const pastWarning = dialog.getByRole('alert').filter({ hasText: 'Date passée' });
  await dialog.getByLabel('À compter du').fill('01/01/1990');
  await expect(pastWarning).toContainText('Les heures des jours déjà comptés depuis le 01/01/1990 seront recomptées');
  await expect(pastWarning).toContainText(`le jour proposé était le ${formatFrenchDate(thisMonth)}`);
  await app.screenshot(page, 'settings-calendar-02a-date-passee');
  const from = addMonths(thisMonth, 2);
  await dialog.getByLabel('À compter du').fill(formatFrenchDate(from));
  await expect(pastWarning).toHaveCount(0);
  await app.screenshot(page, 'settings-calendar-02-a-compter-du');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Le changement du calendrier est enregistré.')).toBeVisible();
  await expect(dialog).toBeHidden();

  // Today the half-days lost to force majeure are still unpaid; from that month they are paid.
  await expect(paid).not.toBeChecked();
  await expect(history.getByRole('row')).toHaveText([
    'Depuis le début : jours fériés de Métropole ; lundi de Pentecôte chômé ; demi-journées de force majeure non payées',
    `Depuis le ${formatFrenchDate(from)} : demi-journées de force majeure payéesÀ venir`,
  ]);
  // Whit Monday worked a month later: only that setting changes then; the force majeure paid to come stays paid.
  const later = addMonths(from, 1);
  await page.getByRole('switch', { name: /Pentecôte est travaillé/ }).click({ force: true });
  await dialog.getByLabel('À compter du').fill(formatFrenchDate(later));
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(history.getByRole('row')).toHaveText([
    'Depuis le début : jours fériés de Métropole ; lundi de Pentecôte chômé ; demi-journées de force majeure non payées',
    `Depuis le ${formatFrenchDate(from)} : demi-journées de force majeure payéesÀ venir`,
    `Depuis le ${formatFrenchDate(later)} : lundi de Pentecôte travailléÀ venir`,
  ]);
  await history.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'settings-calendar-03-historique');

  await history.getByRole('button', { name: `Supprimer le changement du ${formatFrenchDate(from)}` }).click();
  await expect(page.getByText('Le changement à venir est supprimé.')).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(2);
});

test('juin transmis avec une demi-journée de force majeure : daté de juin, le changement est refusé et dit quoi faire ; daté de juillet, il est pris', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
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
  const sessions = worksite.sessions as { id: number; date: string }[];
  const storm = sessions.find((s) => s.date === '2026-06-08')!.id;
  await call('worksites/cancelSession', { sessionId: storm, reason: 'Tempête', kind: 'force_majeure' });
  await call('attendance/save', {
    worksiteId,
    entries: sessions
      .filter((s) => s.id !== storm)
      .map((s) => ({ sessionId: s.id, participationId, mark: { mark: 'present' } })),
  });
  await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true });
  await call('payroll/transmit', { month: '2026-06', employerId: 1 });

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  await page.getByRole('tab', { name: 'Calendrier' }).click();
  await page.getByRole('switch', { name: /force majeure sont payées/ }).click({ force: true });
  const dialog = page.getByRole('dialog', { name: 'Changer le calendrier' });
  // Offered from the first month not yet sent.
  await expect(dialog.getByLabel('À compter du')).toHaveValue('01/07/2026');
  await expect(dialog.getByText('Dernier mois transmis à l’employeur de portage : juin 2026.')).toBeVisible();

  await dialog.getByLabel('À compter du').fill('01/06/2026');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  // Under the field (and in the list of what to correct at the form's top).
  await expect(
    dialog
      .locator('p')
      .getByText(
        /Le mois de juin 2026 a été transmis à l’employeur de portage le .* : ce réglage changerait ses heures \(le 08\/06\/2026\), déjà payées\. Pour qu’il s’applique sans toucher aux mois transmis, datez-le à compter du 01\/07\/2026 ou d’un jour suivant\./,
      ),
  ).toBeVisible();
  await app.screenshot(page, 'settings-calendar-04-refus-mois-transmis');

  await dialog.getByLabel('À compter du').fill('01/07/2026');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Le changement du calendrier est enregistré.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Historique du calendrier' }).getByRole('row').nth(1)).toHaveText(
    'Depuis le 01/07/2026 : demi-journées de force majeure payées',
  );
});
