import type { Page } from '@playwright/test';
import type { Role } from '../../src-main/shared/contract/users';
import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test, type AppUnderTest } from './fixtures';
import { LoginPage } from './pages/login';
import { caller } from './seed';
import { expectAccessible } from './support/axe';

test.use({ viewport: { width: 1366, height: 768 } });

/** A fresh install (setup done, nothing else), one colleague of the role, signed in on their dashboard. */
async function firstMorning(page: Page, app: AppUnderTest, name: string, role: Role) {
  const admin = await app.seed();
  await app.addAccount(admin, name, role);
  await app.open(page);
  await new LoginPage(page).signIn(name, COLLEAGUE_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  return admin;
}

test("l'administratrice suit sa première semaine jusqu'aux comptes, voit qui doit changer son mot de passe et relie la travailleuse sociale à sa fiche", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  // Created as the administrator does it: the colleague still has to choose her own password.
  await call('users/create', { displayName: 'Awa Diallo', role: 'travailleur_social', password: COLLEAGUE_PASSWORD });
  const organisation = await call('contacts/saveOrganisation', {
    organisation: { name: 'CDAS de Brest', kind: 'partenaire', address: '', phone: '', email: '' },
  });
  await call('contacts/saveContact', {
    contact: {
      organisationId: organisation.id,
      firstName: 'Awa',
      lastName: 'Diallo',
      service: 'Insertion',
      phone: '',
      email: '',
      userId: null,
      leftOn: null,
    },
  });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const steps = page.getByRole('list', { name: 'Étapes de la première semaine' });
  await expect(
    steps.getByRole('listitem').filter({ hasText: 'Relier le compte de chaque travailleur social' }),
  ).toContainText('(à faire)');
  await app.screenshot(page, 'first-steps-01-administratrice');

  await steps
    .getByRole('link', { name: 'Relier le compte de chaque travailleur social à sa fiche du répertoire' })
    .click();
  await expect(page.getByRole('tab', { name: 'Comptes' })).toHaveAttribute('aria-selected', 'true');
  const accounts = page.getByRole('table', { name: 'Comptes' });
  const awa = accounts.getByRole('row').filter({ hasText: 'Awa Diallo' });
  await expect(awa).toContainText('Mot de passe à changer à la prochaine connexion');
  await expect(awa).toContainText('Non reliée');
  await expect(accounts.getByRole('row').filter({ hasText: ADMIN_NAME })).not.toContainText('Mot de passe à changer');
  await expectAccessible(page, 'paramètres, comptes à relier');
  await app.screenshot(page, 'first-steps-02-comptes');

  await awa.getByRole('button', { name: 'Relier à sa fiche le compte d’Awa Diallo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Relier le compte d’Awa Diallo à sa fiche' });
  await dialog.getByRole('combobox', { name: 'Fiche du répertoire' }).click();
  await page.getByRole('option', { name: 'Awa Diallo (CDAS de Brest)' }).click();
  await expectAccessible(page, 'relier un compte à sa fiche');
  await app.screenshot(page, 'first-steps-03-relier');
  await dialog.getByRole('button', { name: 'Relier' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(awa).toContainText('Awa Diallo (CDAS de Brest)');
  await expect(awa).not.toContainText('Non reliée');
  const cards = await call('contacts/list', { includeArchived: false });
  const users = (await call('users/list', {})) as { id: number; displayName: string }[];
  expect(cards[0]!.contacts[0]!.userId).toBe(users.find((u) => u.displayName === 'Awa Diallo')!.id);

  // Back on the dashboard, the step is ticked from the data.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Tableau de bord' })
    .click();
  await expect(
    steps.getByRole('listitem').filter({ hasText: 'Relier le compte de chaque travailleur social' }),
  ).toContainText('(fait)');

  // Unlinking is as easy, and says so.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await page.getByRole('tab', { name: 'Comptes' }).click();
  await awa.getByRole('button', { name: 'Délier le compte d’Awa Diallo de sa fiche' }).click();
  await expect(awa).toContainText('Non reliée');

  // Hidden, the first-week list comes back with one click.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Tableau de bord' })
    .click();
  await page.getByRole('button', { name: 'Masquer cette liste' }).click();
  await expect(steps).toHaveCount(0);
  await page.getByRole('button', { name: 'Réafficher la liste de la première semaine' }).click();
  await expect(steps.getByRole('listitem')).toHaveCount(7);
});

test('la coordinatrice passe de son tableau de bord à la création de son premier chantier', async ({ page, app }) => {
  await firstMorning(page, app, 'Maëlle Guivarch', 'coordination');
  await expect(page.getByText('Aucun chantier en cours ni dans les 30 jours.')).toBeVisible();
  await expectAccessible(page, 'tableau de bord, coordination');
  await app.screenshot(page, 'first-steps-04-coordination');
  await page.getByRole('main').getByRole('link', { name: 'Créer un chantier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chantiers' })).toBeVisible();
  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  await expect(page.getByRole('dialog', { name: 'Nouveau chantier' })).toBeVisible();
  await app.screenshot(page, 'first-steps-05-nouveau-chantier');
});

test("l'encadrant sans chantier apprend qui le lui confie et trouve ses écrans", async ({ page, app }) => {
  await firstMorning(page, app, 'Yann Kervella', 'encadrant');
  await expect(page.getByText('Un chantier apparaît ici dès que la coordination vous en confie un.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ce que vous pouvez faire' })).toBeVisible();
  await expectAccessible(page, 'tableau de bord, encadrant');
  await app.screenshot(page, 'first-steps-06-encadrant');
  await page.getByRole('main').getByRole('link', { name: 'Chantiers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chantiers' })).toBeVisible();
  await expect(page.getByText('Aucun chantier pour l’instant.')).toBeVisible();
});

test('la travailleuse sociale apprend qui doit relier son compte, et où', async ({ page, app }) => {
  await firstMorning(page, app, 'Awa Diallo', 'travailleur_social');
  const hint = page
    .getByRole('alert')
    .filter({ hasText: 'Votre compte n’est pas encore relié à votre fiche de l’annuaire' });
  await expect(hint).toContainText('Paramètres › Comptes');
  await expectAccessible(page, 'tableau de bord, travailleuse sociale');
  await app.screenshot(page, 'first-steps-07-travailleuse-sociale');
  await page.getByRole('main').getByRole('link', { name: 'Personnes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('la psychologue va de son tableau de bord à ses entretiens', async ({ page, app }) => {
  await firstMorning(page, app, 'Lena Morvan', 'psychologue');
  await expect(page.getByRole('heading', { name: 'Ce que vous pouvez faire' })).toBeVisible();
  await expectAccessible(page, 'tableau de bord, psychologue');
  await app.screenshot(page, 'first-steps-08-psychologue');
  await page.getByRole('main').getByRole('link', { name: 'Entretiens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entretiens' })).toBeVisible();
  await expectAccessible(page, 'entretiens, base vide');
});

test('la direction en lecture seule va de son tableau de bord aux statistiques de l’année', async ({ page, app }) => {
  await firstMorning(page, app, 'Paul Le Bihan', 'lecture_seule');
  await expect(page.getByRole('heading', { name: 'Ce que vous pouvez faire' })).toBeVisible();
  await app.screenshot(page, 'first-steps-09-lecture-seule');
  await page.getByRole('main').getByRole('link', { name: 'Statistiques' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistiques' })).toBeVisible();
  await expect(page.getByText(/^Chiffres arrêtés au \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expectAccessible(page, 'statistiques, base vide');
  await app.screenshot(page, 'first-steps-10-statistiques');
});
