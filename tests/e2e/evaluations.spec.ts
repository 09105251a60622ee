import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

test("l'encadrant évalue au début et à la fin, la personne se jauge, puis la secrétaire fait le bilan et l'imprime", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  const call = caller(app.services, admin);
  const yann = (await call('users/list', {})).find((u: { displayName: string }) => u.displayName === 'Yann Kervella');
  await admitPeople(app.services, admin, ['Élodie']);
  const worksiteId = await mespWorksite(app.services, admin, yann.id, '2026-06-01');
  const [person] = (await call('people/search', { status: 'admise' })).rows;
  const worksite = await call('worksites/addParticipant', {
    id: worksiteId,
    personId: person.id,
    contract: { ...MESP_CONTRACT, startDate: '2026-06-01', endDate: '2026-06-28' },
  });
  const participationId = worksite.participants[0].id;
  // Every half-day attended but the first (unjustified absence): 15 of 16.
  const sessions = (await call('worksites/get', { id: worksiteId })).sessions as { id: number; date: string }[];
  await call('attendance/save', {
    worksiteId,
    entries: sessions.map((s) => ({
      sessionId: s.id,
      participationId,
      mark: { mark: s.date === '2026-06-01' ? 'non_justifiee' : 'present' },
    })),
  });

  await page.clock.install({ time: new Date('2026-06-26T16:00:00+02:00') });
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn('Yann Kervella', COLLEAGUE_PASSWORD);
  await shell.goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('link', { name: 'Suivi et évaluations d’Élodie Participant' }).click();
  await expect(page.getByRole('heading', { name: 'Suivi d’Élodie Participant' })).toBeVisible();

  // Start: the supervisor's levels, dated 2 June.
  const grid = page.getByRole('table', { name: 'Grille d’évaluation' });
  await page.getByLabel('Date de l’évaluation').fill('02/06/2026');
  await page.keyboard.press('Tab');
  await grid.getByLabel('Niveau — Ponctualité').selectOption({ label: 'En cours d’acquisition' });
  await grid.getByLabel('Niveau — Utiliser les outils en sécurité').selectOption({ label: 'Non acquis' });
  await grid.getByLabel('Commentaire — Utiliser les outils en sécurité').fill('Oublie ses gants');
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByText('L’évaluation (début, l’encadrant) est enregistrée.')).toBeVisible();

  // End: today's date by default (26 June).
  await page.getByRole('radiogroup', { name: 'Moment de l’évaluation' }).getByText('Fin').click();
  await expect(page.getByLabel('Date de l’évaluation')).toHaveValue('26/06/2026');
  await grid.getByLabel('Niveau — Ponctualité').selectOption({ label: 'Acquis' });
  await grid.getByLabel('Niveau — Utiliser les outils en sécurité').selectOption({ label: 'Maîtrisé' });
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByText('L’évaluation (fin, l’encadrant) est enregistrée.')).toBeVisible();

  // Élodie's own view at the end, entered with her.
  await page.getByRole('radiogroup', { name: 'Qui évalue' }).getByText('Auto-évaluation de la personne').click();
  await grid.getByLabel('Niveau — Ponctualité').selectOption({ label: 'Maîtrisé' });
  await grid.getByLabel('Niveau — Utiliser les outils en sécurité').selectOption({ label: 'En cours d’acquisition' });
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByText('L’évaluation (fin, la personne (auto-évaluation)) est enregistrée.')).toBeVisible();

  const evolution = page.getByRole('table', { name: 'Évolution des compétences' });
  await expect(
    evolution.getByRole('row', { name: 'Ponctualité En cours d’acquisition — Acquis Maîtrisé' }),
  ).toBeVisible();
  await expect(
    evolution.getByRole('row', {
      name: 'Utiliser les outils en sécurité Non acquis — Maîtrisé En cours d’acquisition',
    }),
  ).toBeVisible();
  await expect(
    page
      .getByLabel('Graphique des compétences : encadrant et auto-évaluation')
      .locator('.recharts-bar-rectangle')
      .first(),
  ).toBeVisible();
  // The confirmations out of the way, to look at the chart.
  // One at a time: a notification may close by itself while the others are being closed.
  const closeButtons = page.locator('.mantine-Notification-closeButton');
  while ((await closeButtons.count()) > 0)
    await closeButtons
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  await app.screenshot(page, 'evaluations-01-graphique');

  // An observation; the supervisor sees no Bilan tab.
  await page.getByRole('tab', { name: 'Observations' }).click();
  await page.getByLabel('Ce que vous avez remarqué').fill('Vient à pied de loin, arrive fatiguée');
  await page.getByRole('button', { name: 'Ajouter l’observation' }).click();
  await expect(
    page.getByRole('table', { name: 'Observations' }).getByText('Vient à pied de loin, arrive fatiguée'),
  ).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Bilan' })).toHaveCount(0);

  // The secretary qualifies the observation, writes the bilan and prints it.
  await shell.switchUser();
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  // Another account starts from its dashboard; then she opens the participant's page.
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  await page.goto(`http://127.0.0.1:${app.server.port}/#/worksites/${worksiteId}/participants/${participationId}`);
  await page.getByRole('tab', { name: 'Observations' }).click();
  await page.getByRole('button', { name: 'Qualifier en frein : Vient à pied de loin, arrive fatiguée' }).click();
  const qualify = page.getByRole('dialog', { name: 'Qualifier en frein' });
  await qualify.getByRole('combobox', { name: /^Frein/ }).selectOption({ label: 'Mobilité' });
  await qualify.getByRole('button', { name: 'Ajouter le frein' }).click();
  await expect(page.getByText('Qualifiée en frein')).toBeVisible();

  await page.getByRole('tab', { name: 'Bilan' }).click();
  await expect(page.getByText('Taux de présence').locator('..')).toContainText('94 %');
  await expect(page.getByText('Heures travaillées').locator('..')).toContainText('52 h 30');
  await expect(
    page
      .getByRole('table', { name: 'Compétences du bilan' })
      .getByRole('row', { name: 'Utiliser les outils en sécurité Non acquis Maîtrisé En cours d’acquisition' }),
  ).toBeVisible();
  await expect(page.getByText(/Freins : Mobilité \(toujours présent\)/)).toBeVisible();
  await page.getByLabel('Ce qu’en dit la personne (ses mots)').fill("J'ai aimé le bois, je veux continuer.");
  await page.getByLabel('Orientation proposée').selectOption({ label: 'ACI ou autre structure d’insertion (SIAE)' });
  await page
    .getByLabel('Activités réalisées (pour l’attestation de compétences)')
    .fill('Fabrication de bancs pour le square');
  await page.getByRole('button', { name: 'Enregistrer le bilan' }).click();
  await expect(page.getByText('Le bilan est enregistré.')).toBeVisible();
  await app.screenshot(page, 'evaluations-02-bilan');

  await page.getByRole('button', { name: 'Imprimer le bilan ou l’attestation' }).click();
  const modal = page.getByRole('dialog', { name: 'Bilan d’Élodie Participant' });
  await expect(modal.getByRole('img', { name: /Bilan de fin de chantier, page 1 sur/ })).toBeVisible({
    timeout: 20_000,
  });
  await app.screenshot(page, 'evaluations-03-apercu-bilan');
  await modal.getByRole('button', { name: 'Générer le document' }).click();
  await expect(modal.getByText(/BI-2026-0001/)).toBeVisible({ timeout: 20_000 });
});
