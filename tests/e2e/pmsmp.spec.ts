import { COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller } from './seed';

test('une conseillère enregistre une immersion, imprime la convention, écrit le bilan ; la coordinatrice la compte', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Soizic Le Roux', 'travailleur_social');
  await app.addAccount(admin, 'Maëlle Guivarch', 'coordination');
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
  await call('contacts/saveOrganisation', {
    organisation: {
      name: 'Boulangerie Le Fournil d’Iroise',
      kind: 'partenaire',
      address: '3 place de l’Église, 29280 Plouzané',
      phone: '0298000010',
      email: '',
    },
  });
  const ft = await call('contacts/saveOrganisation', {
    organisation: {
      name: 'France Travail Brest Europe',
      kind: 'prescripteur',
      address: '12 rue de Siam, 29200 Brest',
      phone: '',
      email: '',
    },
  });
  await call('contacts/saveContact', {
    contact: {
      organisationId: ft.id,
      firstName: 'Gaëlle',
      lastName: 'Morvan',
      service: 'Conseil',
      phone: '',
      email: '',
      userId: null,
      leftOn: null,
    },
  });
  await admitPeople(app.services, admin, ['Élodie']);
  const { rows } = await call('people/search', {});
  await app.services.db.updateTable('persons').set({ referentId: card.id }).where('id', '=', rows[0].id).execute();

  await page.clock.install({ time: new Date('2026-03-02T10:00:00+01:00') });
  await app.open(page);
  await new LoginPage(page).signIn('Soizic Le Roux', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();
  await expect(page.getByRole('heading', { name: 'Immersions (PMSMP)' })).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle immersion' }).click();

  const form = page.getByRole('dialog', { name: 'Nouvelle immersion (PMSMP)' });
  await form.getByRole('combobox', { name: 'Entreprise d’accueil (répertoire des contacts)' }).click();
  await page.getByRole('option', { name: 'Boulangerie Le Fournil d’Iroise' }).click();
  await form.getByLabel('Nom du tuteur').fill('Maël Kerjean');
  await form.getByLabel('Fonction du tuteur').fill('Chef boulanger');
  await form.getByRole('combobox', { name: 'Objet de l’immersion' }).click();
  await page.getByRole('option', { name: 'Confirmer un projet professionnel' }).click();
  await form.getByLabel('Métier observé').fill('Boulanger');
  await form.getByLabel('Début').fill('09/03/2026');
  // More than a month: refused, with the last day allowed.
  await form.getByLabel('Fin (un mois au plus)').fill('10/04/2026');
  await form.getByLabel('Tâches confiées').fill('Peser, façonner et cuire les baguettes');
  await form.getByLabel('Équipements de protection individuelle (EPI)').fill('Chaussures de sécurité');
  await form.getByRole('combobox', { name: 'Type de prescripteur' }).click();
  await page.getByRole('option', { name: 'France Travail' }).click();
  await form.getByRole('combobox', { name: 'Organisme prescripteur' }).click();
  await page.getByRole('option', { name: 'France Travail Brest Europe' }).click();
  await form.getByRole('combobox', { name: 'Conseiller du prescripteur' }).click();
  await page.getByRole('option', { name: 'Gaëlle Morvan' }).click();
  await expect(form.getByText('Total de la semaine : 35 h')).toBeVisible();
  await form.getByRole('button', { name: 'Enregistrer l’immersion' }).click();
  // Said in the form's summary, which leads to the field, and under the field itself.
  await expect(
    form.getByRole('link', { name: /^Fin \(un mois au plus\) : .*se termine au plus tard le 08\/04\/2026/ }),
  ).toBeVisible();
  await expect(form.getByLabel('Fin (un mois au plus)')).toHaveAccessibleDescription(
    /se termine au plus tard le 08\/04\/2026/,
  );
  await app.screenshot(page, 'pmsmp-01-plus-d-un-mois-refuse');
  await form.getByLabel('Fin (un mois au plus)').fill('20/03/2026');
  await form.getByRole('button', { name: 'Enregistrer l’immersion' }).click();
  await expect(form).toHaveCount(0);

  const list = page.getByRole('table', { name: 'Immersions' });
  await expect(list.getByText('Boulangerie Le Fournil d’Iroise')).toBeVisible();
  await expect(list.getByText('du 09/03/2026 au 20/03/2026')).toBeVisible();
  await app.screenshot(page, 'pmsmp-02-immersion-enregistree');

  await list.getByRole('button', { name: 'Imprimer la convention' }).click();
  const preview = page.getByRole('dialog', { name: 'Convention d’immersion' });
  await expect(preview.getByRole('img', { name: /Convention d’immersion, page 1 sur/ })).toBeVisible({
    timeout: 30_000,
  });
  await app.screenshot(page, 'pmsmp-03-convention');
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The bilan, once the immersion is over (the core runs on the real clock: March 2026 is past).
  await list.getByRole('button', { name: 'Écrire le bilan' }).click();
  const bilan = page.getByRole('dialog', { name: 'Bilan de l’immersion chez Boulangerie Le Fournil d’Iroise' });
  await bilan.getByRole('combobox', { name: 'L’immersion a été' }).click();
  await page.getByRole('option', { name: 'Partiellement réalisée' }).click();
  await bilan.getByLabel('Heures manquées').fill('7');
  await bilan.getByLabel('Compétences observées').fill('Façonnage régulier ; hygiène irréprochable');
  await bilan.getByLabel('Suites proposées').fill('Candidature au CAP boulanger');
  await bilan.getByLabel('Bilan établi le').fill('20/03/2026');
  await bilan.getByRole('button', { name: 'Enregistrer le bilan' }).click();
  await expect(bilan).toHaveCount(0);
  await expect(list.getByText('Partiellement réalisée')).toBeVisible();
  await list.getByRole('button', { name: 'Imprimer le bilan' }).click();
  const bilanPreview = page.getByRole('dialog', { name: 'Bilan d’immersion' });
  await expect(bilanPreview.getByRole('img', { name: /Bilan d’immersion, page 1 sur/ })).toBeVisible({
    timeout: 30_000,
  });
  await app.screenshot(page, 'pmsmp-04-bilan');
  await page.keyboard.press('Escape');

  // The coordinator's statistics: the immersion counted by object and bilan, hidden « < 5 » until small figures are shown.
  await new ShellPage(page).switchUser();
  await new LoginPage(page).signIn('Maëlle Guivarch', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Statistiques');
  const immersions = page.getByRole('table', { name: 'Immersions (PMSMP)' });
  await expect(immersions).toBeVisible();
  const confirm = immersions.getByRole('row', { name: /^Confirmer un projet professionnel/ });
  await expect(confirm).toContainText('< 5');
  await page.getByRole('switch', { name: 'Afficher les petits effectifs (usage interne)' }).check();
  // Réalisée, partiellement, non réalisée, bilan à faire, en cours, total.
  await expect(confirm).toHaveText(/^Confirmer un projet professionnel\s*0\s*1\*\s*0\s*0\s*0\s*1$/);
  await immersions.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'pmsmp-05-statistiques');
});
