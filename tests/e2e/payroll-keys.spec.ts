import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { PayrollPage } from './pages/payroll';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

/** June 2026: Élodie present at every half-day of a 4-week MESP; today is Thursday 2 July. */
async function june(app: App, page: Page) {
  const admin = await app.seed();
  await app.addAccount(admin, 'Marc Coordination', 'coordination');
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
  await call('attendance/save', {
    worksiteId,
    entries: worksite.sessions.map((s: { id: number }) => ({
      sessionId: s.id,
      participationId,
      mark: { mark: 'present' },
    })),
  });
  await call('payroll/setMatricule', { personId, employerId: 1, matricule: 'AI-0042' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.install({ time: new Date('2026-07-02T10:00:00+02:00') });
  await app.open(page);
  return { call, shell: new ShellPage(page), login: new LoginPage(page), payroll: new PayrollPage(page) };
}

test('la secrétaire, qui fait le lien avec la paie, associe un code de rubrique de son logiciel de paie, valide et enregistre les variables de paie', async ({
  page,
  app,
}) => {
  const { shell, login, payroll } = await june(app, page);
  mkdirSync(path.join(app.homeDir, 'Paie'), { recursive: true });
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Paramètres');
  await page.getByRole('tab', { name: 'Employeurs' }).click();
  await page
    .locator('[aria-label^="Employeur Relais Emploi Iroise"]')
    .getByRole('button', { name: 'Rubriques de paie' })
    .click();
  const dialog = page.getByRole('dialog', { name: /Rubriques de paie/ });
  const normal = dialog.getByLabel('Code de la rubrique Heures normales travaillées (au taux en vigueur chaque jour)');
  await expect(normal).toHaveValue('HN');
  await normal.fill('1000');
  // A code another rubrique already has is refused, in French, beside the field.
  const hc25 = dialog.getByLabel(
    'Code de la rubrique Heures complémentaires majorées de 25 % (au-delà du dixième du contrat)',
  );
  await hc25.fill('HC10');
  await dialog.getByRole('button', { name: 'Enregistrer les codes' }).click();
  await expect(
    dialog.getByText(
      'Le code « HC10 » est déjà celui de la rubrique « Heures complémentaires majorées de 10 % (dans la limite du dixième du contrat) » : chaque rubrique a son propre code.',
    ),
  ).toBeVisible();
  await app.screenshot(page, 'payroll-keys-01-rubriques');
  await dialog
    .getByRole('button', {
      name: 'Remettre le code par défaut : Heures complémentaires majorées de 25 % (au-delà du dixième du contrat)',
    })
    .click();
  await expect(hc25).toHaveValue('HC25');
  await dialog.getByRole('button', { name: 'Enregistrer les codes' }).click();
  await expect(page.getByText(/Les codes de rubrique de Relais Emploi Iroise .* sont enregistrés/)).toBeVisible();

  await shell.goTo('Heures à transmettre');
  await page.getByRole('button', { name: 'Valider le mois' }).click();
  await page.getByRole('button', { name: 'Valider quand même' }).click();
  await expect(page.getByText(`Validé par ${ADMIN_NAME}`)).toBeVisible();
  await payroll.saveInto('Enregistrer les variables de paie (.csv)', 'Paie');
  const [name] = readdirSync(path.join(app.homeDir, 'Paie'));
  expect(name).toBe('Variables_paie_Relais_Emploi_Iroise_(démo)_2026-06.csv');
  const lines = readFileSync(path.join(app.homeDir, 'Paie', name!), 'utf8').split('\r\n');
  expect(lines[1]).toMatch(/^01\/06\/2026;30\/06\/2026;AI-0042;1000;56,00;12,02;673,12;/);
  await app.screenshot(page, 'payroll-keys-02-variables-enregistrees');
});

test('« À revalider » apparaît quand un émargement change après la validation', async ({ page, app }) => {
  const { call, shell, login, payroll } = await june(app, page);
  await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true });
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);

  // Thursday 25 June becomes an unjustified absence.
  await shell.goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await page.getByRole('link', { name: 'Émargement' }).click();
  await page.getByRole('button', { name: 'Semaine précédente' }).click();
  await expect(page.getByText('Semaine du 22/06/2026')).toBeVisible();
  await page.getByRole('button', { name: 'Élodie Participant, Jeudi 25/06 matin : Présent·e' }).focus();
  await page.keyboard.press('n');
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByText('1 présence enregistrée.')).toBeVisible();

  await shell.goTo('Heures à transmettre');
  await expect(page.getByText('À revalider', { exact: true })).toBeVisible();
  await expect(page.getByText('À revalider : les chiffres ont changé depuis la validation')).toBeVisible();
  await expect(
    payroll.changes.getByRole('row', {
      name: /Élodie Participant Absence non payée : absence non justifiée .* 0 h .* 3 h 30/,
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marquer comme transmis' })).toHaveCount(0);
  await app.screenshot(page, 'payroll-keys-03-a-revalider');
  await page.getByRole('button', { name: 'Valider à nouveau' }).click();
  await page.getByRole('button', { name: 'Valider quand même' }).click();
  await expect(payroll.changes).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Marquer comme transmis' })).toBeVisible();
});

test('l’administratrice retire une transmission faite par erreur, avec un motif ; la coordination ne le peut pas', async ({
  page,
  app,
}) => {
  const { call, shell, login } = await june(app, page);
  await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true });
  await call('payroll/transmit', { month: '2026-06', employerId: 1 });

  await login.signIn('Marc Coordination', COLLEAGUE_PASSWORD);
  await shell.goTo('Heures à transmettre');
  await expect(page.getByText('Transmis à l’employeur')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer la transmission' })).toHaveCount(0);

  await shell.switchUser();
  await login.signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await shell.goTo('Heures à transmettre');
  await page.getByRole('button', { name: 'Retirer la transmission' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retirer la transmission de juin 2026 ?' });
  await dialog.getByRole('button', { name: 'Retirer la transmission' }).click();
  await expect(dialog.getByText('Le motif du retrait est obligatoire.')).toBeVisible();
  await dialog.getByLabel(/^Motif du retrait/).fill('Marqué transmis par erreur : le fichier n’est pas parti');
  await app.screenshot(page, 'payroll-keys-04-retrait-motif');
  await dialog.getByRole('button', { name: 'Retirer la transmission' }).click();
  await expect(page.getByText('Validé', { exact: true })).toBeVisible();
  await expect(
    page.getByText(/retirée par Élodie Le Gall le .* : Marqué transmis par erreur : le fichier n’est pas parti/),
  ).toBeVisible();
  await app.screenshot(page, 'payroll-keys-05-transmission-retiree');
});
