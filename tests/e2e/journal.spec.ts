import { dispatch } from '../../src-main/app/dispatch';
import { ANONYMOUS, type Session } from '../../src-main/app/session';
import { frenchDate } from '../../src-main/app/ports';
import { addDays, formatFrenchDate } from '../../src-main/shared/dates';
import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller } from './seed';

test("l'administratrice retrouve qui a consulté la fiche d'une personne dans le journal des accès", async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const admin = await app.seed();
  await app.addAccount(admin, 'Soizic Le Roux', 'coordination');
  await admitPeople(app.services, admin, ['Élodie', 'Inès']);
  const call = caller(app.services, admin);
  const { rows } = await call('people/search', {});
  const idOf = (firstNames: string) =>
    rows.find((r: { firstNames: string }) => r.firstNames === firstNames).id as number;
  const soizicId = (await call('users/list', {})).find(
    (u: { displayName: string }) => u.displayName === 'Soizic Le Roux',
  ).id;
  // Soizic signs in and opens Élodie's record; the administrator opens Inès's.
  const login = await dispatch(
    app.services,
    'auth/login',
    { userId: soizicId, password: COLLEAGUE_PASSWORD },
    ANONYMOUS,
  );
  if (!login.ok) throw new Error(login.error.message);
  const soizic = login.value as Session & { token: string };
  await caller(app.services, { user: soizic.user, token: soizic.token })('people/get', { id: idOf('Élodie') });
  await call('people/get', { id: idOf('Inès') });

  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  await page.getByRole('tab', { name: 'Journal des accès' }).click();
  const journal = page.getByRole('table', { name: 'Journal des accès' });
  await expect(journal.getByRole('cell', { name: 'Consultation de la fiche' }).first()).toBeVisible();
  await expect(journal.getByText('people/get')).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Personne' }).fill('Élodie');
  await page.getByRole('option', { name: /PARTICIPANT Élodie/ }).click();
  await page.getByRole('combobox', { name: 'Action' }).fill('Consultation de la fiche');
  await page.getByRole('option', { name: 'Consultation de la fiche', exact: true }).click();
  await expect(page.getByText('1 entrée', { exact: true })).toBeVisible();
  const row = journal.getByRole('row').nth(1);
  await expect(row).toContainText('Soizic Le Roux');
  await expect(row).toContainText('Consultation de la fiche');
  await expect(row).toContainText('réussi');
  await expect(row).toContainText('PARTICIPANT Élodie');
  await expect(journal.getByText('PARTICIPANT Inès')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Exporter ces entrées en CSV…' })).toBeVisible();
  // Days are those of France: from today, the consultation is there; from tomorrow, nothing yet.
  const today = frenchDate(new Date());
  await page.getByRole('textbox', { name: 'Du' }).fill(formatFrenchDate(today));
  await expect(page.getByText('1 entrée', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Du' }).fill(formatFrenchDate(addDays(today, 1)));
  await expect(page.getByText('Aucune entrée ne correspond à ces critères.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Du' }).fill(formatFrenchDate(today));
  await expect(row).toContainText('Soizic Le Roux');
  await app.screenshot(page, 'journal-01-qui-a-consulte-la-fiche');

  // Back to the whole journal: both consultations, each under its person's name.
  await page.getByRole('button', { name: 'Tout afficher' }).click();
  await expect(journal.getByText('PARTICIPANT Inès')).not.toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Personne' })).toHaveValue('');
});
