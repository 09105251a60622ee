import { existsSync } from 'node:fs';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT } from './seed';

const iso = (d: Date) => d.toISOString().slice(0, 10);

test("la secrétaire suit un lien du tableau de bord, puis sort les chiffres de l'an dernier pour un financeur et les exporte", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  const call = caller(app.services, admin);
  await admitPeople(app.services, admin, ['Élodie', 'Awa', 'Inès', 'Marc']);
  const people = (await call('people/search', { status: 'admise' })).rows as { id: number; firstNames: string }[];
  const funder = await call('contacts/saveOrganisation', {
    organisation: { name: 'Conseil départemental', kind: 'financeur', address: '', phone: '', email: '' },
  });
  const lastYear = new Date().getUTCFullYear() - 1;

  const worksite = async (name: string, startDate: string, fundersIds: number[]) => {
    const saved = await call('worksites/save', {
      worksite: {
        name,
        kind: 'mesp',
        activity: 'menuiserie',
        clientId: null,
        workAddress: 'Atelier municipal',
        supervisorId: null,
        coordinatorId: null,
        employerId: 1,
        fundersIds,
        startDate,
        weeks: 4,
        slots: [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' })),
        capacity: 5,
        hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
        status: 'preparation',
      },
    });
    await call('worksites/generateSessions', { id: saved.id, makeUps: [] });
    return saved.id as number;
  };
  // Last year: a MESP funded by the Département, with three people.
  const funded = await worksite('Menuiserie du port', `${lastYear}-06-02`, [funder.id]);
  const contract = { ...MESP_CONTRACT, startDate: `${lastYear}-06-02`, endDate: `${lastYear}-06-29` };
  for (const p of people.slice(0, 3)) await call('worksites/addParticipant', { id: funded, personId: p.id, contract });

  // This year: a worksite started two weeks ago, its attendance not recorded yet.
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() - 14 - ((monday.getUTCDay() + 6) % 7));
  const current = await worksite('Espaces verts', iso(monday), []);
  await call('worksites/addParticipant', {
    id: current,
    personId: people[3]!.id,
    contract: { ...MESP_CONTRACT, startDate: iso(monday), endDate: iso(new Date(monday.getTime() + 27 * 86400000)) },
  });
  mkdirSync(path.join(app.homeDir, 'Financeurs'), { recursive: true });

  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const todo = page
    .getByText('Émargement à saisir')
    .locator('xpath=ancestor::div[contains(@class, "mantine-Card-root")]');
  await expect(todo).toBeVisible();
  await app.screenshot(page, 'stats-01-tableau-de-bord');
  await todo.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /Émargement/ })).toBeVisible();

  await shell.goTo('Statistiques');
  // The screen opens on the current year, counted up to today, and says so.
  await expect(page.getByRole('combobox', { name: 'Période' })).toHaveValue(`Année ${lastYear + 1}`);
  await expect(page.getByText(/^Chiffres arrêtés au .* : la période n’est pas finie/)).toBeVisible();
  await expect(page.getByLabel('Personnes accompagnées : < 5')).toBeVisible();
  await page.getByRole('combobox', { name: 'Période' }).click();
  await page.getByRole('option', { name: `Année ${lastYear}` }).click();
  await expect(page.getByText(`Chiffres arrêtés au 31/12/${lastYear}, fin de la période.`)).toBeVisible();
  // Three people: statistical secrecy hides the count, on screen too.
  await expect(page.getByLabel('Personnes accompagnées : < 5')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sexe' }).getByRole('row', { name: /Femme < 5/ })).toBeVisible();
  await app.screenshot(page, 'stats-02-annee-secret');
  // For the team only, the small figures in full; the title says so.
  await page.getByLabel('Afficher les petits effectifs (usage interne)').check();
  await expect(
    page.getByRole('heading', { name: 'Statistiques — petits effectifs affichés, usage interne, ne pas transmettre' }),
  ).toBeVisible();
  await expect(page.getByLabel('Personnes accompagnées : 3')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sexe' }).getByRole('row', { name: /Femme 2/ })).toBeVisible();
  // The people behind a figure.
  await page.getByRole('button', { name: '2 — voir les personnes : Femme', exact: true }).click();
  const list = page.getByRole('dialog', { name: 'Sexe : Femme' });
  await expect(list.getByRole('link')).toHaveCount(2);
  await page.keyboard.press('Escape');
  // A cell of the sex × age table opens its people too.
  await page.getByRole('button', { name: '2 — voir les personnes : Femme, 26 à 49 ans' }).click();
  await expect(page.getByRole('dialog', { name: 'Femme, 26 à 49 ans' }).getByRole('link')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await app.screenshot(page, 'stats-02-annee');

  await page.getByRole('combobox', { name: 'Financeur' }).click();
  await page.getByRole('option', { name: 'Conseil départemental' }).click();
  await expect(page.getByRole('combobox', { name: 'Financeur' })).toHaveValue('Conseil départemental');
  await expect(page.getByLabel('Personnes accompagnées : 3')).toBeVisible();
  await expect(page.getByLabel('Chantiers : 1')).toBeVisible();

  await page.getByRole('button', { name: 'Exporter les tableaux (Excel)…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Ouvrir le dossier Financeurs' }).click();
  await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
  await expect(page.getByText(/Tableaux enregistrés/)).toBeVisible();
  const [file] = readdirSync(path.join(app.homeDir, 'Financeurs'));
  expect(file).toMatch(new RegExp(`^Statistiques_CCAS_de_Kerbrénou_${lastYear}-01-01_${lastYear}-12-31\\.xlsx$`));
  expect(existsSync(path.join(app.homeDir, 'Financeurs', file!))).toBe(true);

  // The report for the funder: small figures hidden again.
  await page.getByLabel('Afficher les petits effectifs (usage interne)').uncheck();
  await expect(page.getByLabel('Personnes accompagnées : < 5')).toBeVisible();
  await page.getByRole('button', { name: 'Rapport pour un financeur…' }).click();
  const report = page.getByRole('dialog', { name: 'Rapport pour un financeur' });
  await report.getByLabel('Commentaire (facultatif)').fill('Première année du chantier de menuiserie.');
  await report.getByRole('button', { name: 'Voir le rapport' }).click();
  await expect(report.getByRole('img', { name: /Rapport, page 1 sur/ })).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'stats-03-rapport');
});
