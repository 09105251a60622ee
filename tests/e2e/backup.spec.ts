import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople } from './seed';

test('la secrétaire choisit la phrase de passe, sauvegarde sur sa clé, puis restaure la sauvegarde après en avoir vu le contenu', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, ['Élodie', 'Awa']);
  mkdirSync(path.join(app.homeDir, 'CLE-USB'), { recursive: true });
  writeFileSync(path.join(app.services.paths.attachmentsDir, 'gros-scan.pdf'), randomBytes(150 * 1024 * 1024));
  await app.open(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await expect(page.getByText('Aucune sauvegarde sur clé USB')).toBeVisible();
  await shell.goTo('Sauvegardes');

  await page.getByRole('button', { name: 'Proposer une phrase' }).click();
  // Twelve words joined by hyphens (84 bits), once the suggestion has arrived.
  await expect(page.getByLabel('Phrase de passe des sauvegardes')).toHaveValue(/^[^-\s]+(-[^-\s]+){11}$/);
  const phrase = await page.getByLabel('Phrase de passe des sauvegardes').inputValue();
  await page.getByLabel('Confirmez la phrase de passe').fill(phrase);
  await app.screenshot(page, 'backup-01-phrase');
  await page.getByRole('button', { name: 'Enregistrer la phrase de passe' }).click();
  const sheet = page.getByRole('dialog', { name: 'Fiche de secours' });
  await expect(sheet.getByRole('img', { name: 'Fiche de secours, page 1 sur 1' })).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'backup-01b-fiche-de-secours');
  await page.keyboard.press('Escape');

  // The dashboard's reminder is red and backs up from where it stands.
  await shell.goTo('Tableau de bord');
  await page.getByRole('button', { name: 'Sauvegarder sur clé USB…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
  await picker.getByRole('button', { name: 'Dossier personnel' }).click();
  await picker.getByRole('button', { name: 'Ouvrir le dossier CLE-USB' }).click();
  await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
  // A big scanned attachment: the backup takes long enough to watch its progress bar.
  const bar = page.getByRole('progressbar', { name: 'Avancement de la sauvegarde' });
  await expect(bar).toBeVisible();
  await expect(
    page.getByText(/Chiffrement et copie sur la clé… \d+ %|Relecture de la clé pour vérifier… \d+ %/),
  ).toBeVisible({ timeout: 20_000 });
  await app.screenshot(page, 'backup-02a-en-cours');
  await expect(page.getByText('Sauvegarde vérifiée', { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  const [file] = readdirSync(path.join(app.homeDir, 'CLE-USB'));
  expect(file).toMatch(/^Passerelle_CCAS_de_Kerbrénou_.*\.passerelle-backup$/);
  await app.screenshot(page, 'backup-02-verifiee');
  await shell.goTo('Sauvegardes');

  await page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click();
  const files = page.getByRole('dialog', { name: 'Choisir la sauvegarde à restaurer' });
  await files.getByRole('button', { name: 'Dossier personnel' }).click();
  await files.getByRole('button', { name: 'Ouvrir le dossier CLE-USB' }).click();
  await files.getByRole('button', { name: `Choisir ${file}` }).click();
  const restore = page.getByRole('dialog', { name: 'Restaurer une sauvegarde' });
  await restore.getByRole('button', { name: 'Lire la sauvegarde' }).click();
  await expect(
    restore
      .getByRole('table', { name: 'Contenu de la sauvegarde' })
      .getByText(/2\spersonnes, 0\schantier, 0\sdocument, 1\sfichier/),
  ).toBeVisible();
  await app.screenshot(page, 'backup-03-apercu');
  await restore.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
  // Everyone signs in again on the restored data.
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await expect(shell.navigation).toBeVisible();
  await shell.goTo('Personnes');
  await expect(page.getByRole('link', { name: 'PARTICIPANT Élodie' })).toBeVisible();
});
