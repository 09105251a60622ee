import { COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { ADMIN_NAME, ADMIN_PASSWORD } from './fixtures';
import { LoginPage } from './pages/login';
import { admitPeople, caller } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

test('la secrétaire retrouve une personne au clavier seul : Ctrl+K, « elodie », flèche, Entrée', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  // Two homonyms: the birth date tells them apart.
  await admitPeople(app.services, admin, ['Élodie', 'Inès', 'Élodie']);
  const { rows } = await caller(app.services, admin)('people/search', { query: 'elodie', sort: 'birthDate' });
  const younger = rows[1];

  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const chantiers = page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Chantiers' });
  await chantiers.focus();

  // Escape closes and gives the focus back where it was.
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Rechercher' });
  const box = dialog.getByRole('combobox', { name: 'Rechercher une personne, un chantier, un document ou une page' });
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(chantiers).toBeFocused();

  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.type('elodie');
  const people = dialog.getByRole('group', { name: 'Personnes' });
  await expect(people.getByRole('option')).toHaveCount(2);
  await expect(people.getByRole('option').nth(0)).toContainText('née le 01/02/1980 · Brest');
  await expect(people.getByRole('option').nth(1)).toContainText('née le 03/02/1982 · Brest');
  await expect(people.getByRole('option').nth(0)).toHaveAttribute('aria-selected', 'true');
  await app.screenshot(page, 'search-01-homonymes');

  await page.keyboard.press('ArrowDown');
  await expect(people.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute(
    'aria-activedescendant',
    (await people.getByRole('option').nth(1).getAttribute('id'))!,
  );
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#?/people/${younger.id}$`));
  // The keyboard starts on the opened record's title, not back on the menu.
  await expect(page.getByRole('heading', { level: 1, name: 'Élodie PARTICIPANT' })).toBeFocused();
  await expect(page.getByText('03/02/1982').first()).toBeVisible();
  await app.screenshot(page, 'search-02-fiche-ouverte');

  // Screens too, by their folded name.
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.type('parametres');
  await expect(dialog.getByRole('group', { name: 'Pages' }).getByRole('option', { name: /Paramètres/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings$/);
});

test('la travailleuse sociale ne trouve que les personnes qu’elle suit, et aucun document', async ({ page, app }) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Soizic Le Roux', 'travailleur_social');
  const call = caller(app.services, admin);
  const soizic = (await call('users/list', {})).find(
    (u: { displayName: string }) => u.displayName === 'Soizic Le Roux',
  );
  const service = await call('contacts/saveOrganisation', {
    organisation: { name: 'Service social du CCAS', kind: 'prescripteur', address: '', phone: '', email: '' },
  });
  const card = await call('contacts/saveContact', {
    contact: {
      organisationId: service.id,
      firstName: 'Soizic',
      lastName: 'Le Roux',
      service: '',
      phone: '',
      email: '',
      userId: soizic.id,
      leftOn: null,
    },
  });
  await admitPeople(app.services, admin, ['Élodie', 'Inès']);
  const { rows } = await call('people/search', { query: 'elodie' });
  await app.services.db.updateTable('persons').set({ referentId: card.id }).where('id', '=', rows[0].id).execute();

  await app.open(page);
  await new LoginPage(page).signIn('Soizic Le Roux', COLLEAGUE_PASSWORD);
  await expect(page.getByRole('button', { name: /^Rechercher/ })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Rechercher' });
  // The box takes the focus once the dialog has opened: type then, as a person would.
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('participant');
  await expect(dialog.getByRole('group', { name: 'Personnes' }).getByRole('option')).toHaveText([/Élodie Participant/]);
  await expect(dialog.getByText('Inès')).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'Documents' })).toHaveCount(0);
  await app.screenshot(page, 'search-03-travailleuse-sociale');
  // Only the screens her role opens: the planning, not the statistics.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('planning');
  await expect(dialog.getByRole('group', { name: 'Pages' }).getByRole('option')).toHaveText([/Planning/]);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('statistiques');
  await expect(dialog.getByText('Aucun résultat : vérifiez l’orthographe ou tapez moins de lettres.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Fermer la recherche' })).toBeVisible();
});
