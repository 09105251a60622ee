import type { Browser, Page } from '@playwright/test';
import { ADMIN_NAME, ADMIN_PASSWORD, COLLEAGUE_PASSWORD, expect, test, type AppUnderTest } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

/** A second person at another window of the same running Passerelle: a browser context of its own. */
async function secondWindow(browser: Browser, app: AppUnderTest, name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(name, password);
  return page;
}

async function openPerson(page: Page) {
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();
  await page.getByRole('button', { name: 'Modifier', exact: true }).click();
  return page.getByRole('dialog', { name: 'Modifier l’identité' });
}

test('deux personnes modifient la même fiche : la seconde est prévenue, recharge et ne perd rien de sa saisie', async ({
  page,
  app,
  browser,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Marie Durand', 'coordination');
  await admitPeople(app.services, admin, ['Élodie']);

  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const marie = await secondWindow(browser, app, 'Marie Durand', COLLEAGUE_PASSWORD);

  // Both open the identity form on the same version.
  const mine = await openPerson(page);
  const hers = await openPerson(marie);

  await hers.getByRole('textbox', { name: 'Commune', exact: true }).fill('Brest');
  await hers.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(marie.getByText('La fiche est enregistrée.')).toBeVisible();

  await mine.getByRole('textbox', { name: 'Commune', exact: true }).fill('Quimper');
  await mine.getByRole('textbox', { name: 'Téléphone', exact: true }).fill('06 12 34 56 78');
  await mine.getByRole('button', { name: 'Enregistrer' }).click();
  const notice = mine.getByRole('alert').filter({ hasText: 'Modifiée pendant votre saisie' });
  await expect(notice).toContainText(
    /Cette fiche a été modifiée par Marie Durand le \d{2}\/\d{2}\/\d{4} à \d{1,2}\sh\s\d{2} pendant que vous la modifiiez\./,
  );
  // The server keeps its own clock (the page's is set): the day and time are checked for their form.
  // Nothing was lost meanwhile: the typing is still in the fields.
  await expect(mine.getByRole('textbox', { name: 'Commune', exact: true })).toHaveValue('Quimper');
  await app.screenshot(page, 'concurrent-01-refusee');

  await notice.getByRole('button', { name: 'Recharger la version actuelle' }).click();
  await expect(mine.getByRole('textbox', { name: 'Commune', exact: true })).toHaveValue('Brest');
  const entries = mine.getByRole('table', { name: 'Vos saisies' });
  await expect(entries.getByRole('row', { name: /Commune Brest Quimper/ })).toBeVisible();
  await expect(entries.getByRole('row', { name: /Téléphone \(vide\) 06 12 34 56 78/ })).toBeVisible();
  await app.screenshot(page, 'concurrent-02-vos-saisies');

  await mine.getByRole('button', { name: 'Reprendre votre saisie : Téléphone' }).click();
  await expect(mine.getByRole('textbox', { name: 'Téléphone', exact: true })).toHaveValue('06 12 34 56 78');
  await expect(mine.getByRole('textbox', { name: 'Commune', exact: true })).toHaveValue('Brest');
  await mine.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('La fiche est enregistrée.')).toBeVisible();

  const call = caller(app.services, admin);
  const [row] = (await call('people/search', {})).rows;
  const record = await call('people/get', { id: row.id });
  expect([record.town, record.phone]).toEqual(['Brest', '0612345678']);
  await marie.context().close();
});

test('deux personnes émargent la même semaine : les cases différentes sont toutes gardées, la même case demande laquelle garder', async ({
  page,
  app,
  browser,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Yann Kervella', 'encadrant');
  await app.addAccount(admin, 'Marie Durand', 'coordination');
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
  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn('Yann Kervella', COLLEAGUE_PASSWORD);
  const marie = await secondWindow(browser, app, 'Marie Durand', COLLEAGUE_PASSWORD);
  for (const p of [page, marie]) {
    await new ShellPage(p).goTo('Chantiers');
    await p.getByRole('link', { name: 'Menuiserie du port' }).click();
    await p.getByRole('link', { name: 'Émargement' }).click();
  }
  const mark = async (p: Page, cell: string, key: string) => {
    await p.getByRole('button', { name: new RegExp(`^${cell} :`) }).focus();
    await p.keyboard.press(key);
  };

  // Different cells of the same week: both kept.
  await mark(page, 'Élodie Participant, Lundi 01/06 matin', 'p');
  await mark(marie, 'Awa Participant, Lundi 01/06 matin', 'p');
  await mark(marie, 'Élodie Participant, Mardi 02/06 matin', 'm');
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByText('1 présence enregistrée.').last()).toBeVisible();
  await marie.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(marie.getByText('2 présences enregistrées.').last()).toBeVisible();
  await expect(marie.getByRole('button', { name: /^Élodie Participant, Lundi 01\/06 matin : Présent/ })).toBeVisible();
  await app.screenshot(marie, 'concurrent-03-cases-fusionnees');

  // The same cell changed by both: she is asked which value to keep.
  await mark(page, 'Awa Participant, Mardi 02/06 matin', 'p');
  await mark(marie, 'Awa Participant, Mardi 02/06 matin', 'n');
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByText('1 présence enregistrée.').last()).toBeVisible();
  await marie.getByRole('button', { name: 'Enregistrer les présences' }).click();
  const ask = marie.getByRole('dialog', { name: 'Présences modifiées par quelqu’un d’autre' });
  await expect(ask).toContainText(
    /modifiée par Yann Kervella le \d{2}\/\d{2}\/\d{4} à \d{1,2}\sh\s\d{2} depuis l’affichage/,
  );
  await expect(ask.getByRole('radio', { name: 'Garder la vôtre : Absence non justifiée' })).toBeChecked();
  await app.screenshot(marie, 'concurrent-04-meme-case');
  await ask
    .getByRole('radio', {
      name: /^Garder celle de Yann Kervella \(le \d{2}\/\d{2}\/\d{4} à \d{1,2}\sh\s\d{2}\) : Présent/,
    })
    .check();
  await ask.getByRole('button', { name: 'Enregistrer ces choix' }).click();
  await expect(ask).toBeHidden();
  await expect(marie.getByRole('button', { name: /^Awa Participant, Mardi 02\/06 matin : Présent/ })).toBeVisible();
  await expect(marie.getByText(/modifications? non enregistrées?/)).toBeHidden();

  const week = await call('attendance/week', { worksiteId, weekOf: '2026-06-01' });
  expect(week.marks.map((m: { mark: string }) => m.mark).sort()).toEqual(['maladie', 'present', 'present', 'present']);
  await marie.context().close();
});

test('la fiche de la structure : deux enregistrements de suite passent, celui fait sur une version dépassée est refusé', async ({
  page,
  app,
  browser,
}) => {
  await app.seed();
  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Paramètres');
  const phone = page.getByRole('textbox', { name: 'Téléphone', exact: true });
  const save = page.getByRole('button', { name: 'Enregistrer', exact: true });

  // Her own saves follow one another: the form goes on from the version it made.
  await phone.fill('02 98 00 00 01');
  await save.click();
  await expect(page.getByText('Les informations de la structure sont enregistrées.').last()).toBeVisible();
  await phone.fill('02 98 00 00 02');
  await save.click();
  await expect(page.getByText('Les informations de la structure sont enregistrées.')).toHaveCount(2);

  // The same administrator in another window changes it meanwhile.
  const other = await secondWindow(browser, app, ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(other).goTo('Paramètres');
  await other.getByRole('textbox', { name: 'Commune', exact: true }).fill('Plouzané');
  await other.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(other.getByText('Les informations de la structure sont enregistrées.')).toBeVisible();

  await phone.fill('02 98 00 00 03');
  await save.click();
  const notice = page.getByRole('alert').filter({ hasText: 'Modifiée pendant votre saisie' });
  await expect(notice).toContainText(/La fiche de la structure a été modifiée par Élodie Le Gall le/);
  await notice.getByRole('button', { name: 'Recharger la version actuelle' }).click();
  await expect(page.getByRole('textbox', { name: 'Commune', exact: true })).toHaveValue('Plouzané');
  await expect(
    page.getByRole('table', { name: 'Vos saisies' }).getByRole('row', { name: /Téléphone .+ 02 98 00 00 03/ }),
  ).toBeVisible();
  // Only what she changed is offered back: her old town would undo the other window's change.
  await expect(page.getByRole('table', { name: 'Vos saisies' }).getByRole('row', { name: /Commune/ })).toHaveCount(0);
  await app.screenshot(page, 'concurrent-05-structure');
  await page.getByRole('button', { name: 'Reprendre votre saisie : Téléphone' }).click();
  await save.click();
  await expect(page.getByText('Les informations de la structure sont enregistrées.').last()).toBeVisible();
  await expect(phone).toHaveValue('02 98 00 00 03');
  await other.context().close();
});

test('le serveur ne répond plus pendant une saisie : le bandeau le dit, la saisie reste, l’enregistrement passe à son retour', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, ['Élodie']);
  // The fake clock also drives the app's own re-check of the server: no waiting in the test.
  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const form = await openPerson(page);
  await form.getByRole('textbox', { name: 'Commune', exact: true }).fill('Quimper');

  // The server stops answering (the network cable of the server's PC is pulled).
  await page.route('**/rpc/**', (route) => route.abort('connectionrefused'));
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  const banner = page.getByRole('alert', { name: 'Le serveur Passerelle ne répond pas' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Vos saisies restent à l’écran');
  // The save says it was not saved; the form stays open with the typing.
  await expect(page.getByRole('alert').filter({ hasText: 'Ce n’est pas enregistré' })).toContainText(
    'rien n’a été enregistré',
  );
  await expect(form).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Commune', exact: true })).toHaveValue('Quimper');
  // She goes on typing meanwhile; asking again while it is still down changes nothing.
  await form.getByRole('textbox', { name: 'Téléphone', exact: true }).fill('06 12 34 56 78');
  await banner.getByRole('button', { name: 'Réessayer' }).click();
  await expect(banner).toBeVisible();
  await app.screenshot(page, 'concurrent-06-serveur-injoignable');

  // The server answers again: the app notices by itself at its next check.
  await page.unroute('**/rpc/**');
  await page.clock.runFor(6_000);
  await expect(banner).toBeHidden();
  await expect(page.getByText('Le serveur Passerelle répond de nouveau')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Commune', exact: true })).toHaveValue('Quimper');
  await expect(form.getByRole('textbox', { name: 'Téléphone', exact: true })).toHaveValue('06 12 34 56 78');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('La fiche est enregistrée.')).toBeVisible();
  await app.screenshot(page, 'concurrent-07-serveur-revenu');

  const call = caller(app.services, admin);
  const [row] = (await call('people/search', {})).rows;
  const record = await call('people/get', { id: row.id });
  expect([record.town, record.phone]).toEqual(['Quimper', '0612345678']);
});

test('le serveur ne répond plus : une fiche ouverte reste affichée, l’écran suivant attend son retour au lieu d’une erreur', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, ['Élodie']);
  await page.clock.install({ time: new Date('2026-06-05T16:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();
  await expect(page.getByRole('heading', { name: /Élodie/ }).first()).toBeVisible();

  // The server is stopped: the answer is a proxy's error page, not Passerelle's.
  await page.route('**/rpc/**', (route) => route.fulfill({ status: 502, body: 'Bad Gateway' }));
  await new ShellPage(page).goTo('Chantiers');
  const banner = page.getByRole('alert', { name: 'Le serveur Passerelle ne répond pas' });
  await expect(banner).toBeVisible();
  await expect(page.getByText(/erreur inattendue/i)).toHaveCount(0);

  await page.unroute('**/rpc/**');
  await banner.getByRole('button', { name: 'Réessayer' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Chantiers' }).first()).toBeVisible();
});
