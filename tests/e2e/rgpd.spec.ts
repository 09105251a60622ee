import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople } from './seed';
import { insertParticipation, insertPerson, insertWorksite } from '../unit/support/stats-fixture';

test('la secrétaire revoit les dossiers anciens, en anonymise un, puis remet à une personne toutes ses données', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, ['Élodie']);
  // A file whose last activity was the end of a contract on 28 June 2024: due for review since 28 June 2026.
  const w = await insertWorksite(app.services, { name: 'Chantier 2024', startDate: '2024-06-03' });
  const old = await insertPerson(
    app.services,
    { sex: 'M', birthDate: '1970-04-04', resources: 'rsa', education: '3' },
    1,
  );
  await insertParticipation(app.services, { worksiteId: w, ...old, startDate: '2024-06-03', endDate: '2024-06-28' });
  await app.services.db
    .updateTable('persons')
    .set({ createdAt: '2024-05-02T08:00:00.000Z' })
    .where('id', '=', old.personId)
    .execute();

  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Les revoir' }).click();
  const list = page.getByRole('table', { name: 'Dossiers à revoir' });
  await expect(list.getByRole('row', { name: /FICTIF1 Personne1 28\/06\/2024 28\/06\/2026/ })).toBeVisible();
  await app.screenshot(page, 'rgpd-01-dossiers-a-revoir');
  await list.getByRole('checkbox', { name: 'Choisir FICTIF1 Personne1' }).check();
  await page.getByRole('button', { name: 'Anonymiser 1 dossier…' }).click();
  await page
    .getByRole('dialog', { name: 'Anonymiser définitivement' })
    .getByRole('button', { name: 'Anonymiser' })
    .click();
  await expect(page.getByText('1 dossier anonymisé.')).toBeVisible();
  await expect(page.getByText('Aucun dossier à revoir.')).toBeVisible();

  await shell.goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();
  await page.getByRole('button', { name: 'Ses données (RGPD)' }).click();
  const modal = page.getByRole('dialog', { name: 'Données de la personne (droit d’accès)' });
  await expect(modal.getByRole('img', { name: /Données de la personne, page 1 sur/ })).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'rgpd-02-export-personne');
  await page.keyboard.press('Escape');

  // The information notice handed to her: numbered, kept with her documents, addressed to her.
  await page.getByRole('button', { name: 'Notice d’information sur ses données' }).click();
  const documents = page.getByRole('table', { name: 'Documents' });
  await expect(documents.getByText(/Notice d.information sur vos données — Élodie/)).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'rgpd-03-notice-remise');
});
