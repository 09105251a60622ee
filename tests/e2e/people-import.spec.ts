import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { PeoplePage } from './pages/people';
import { ShellPage } from './pages/shell';

/** As Excel writes "CSV (séparateur : point-virgule)" on a French Windows PC. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { œ: 0x9c, '’': 0x92 };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

test("la secrétaire importe le tableau qu'elle tenait, corrige une ligne, puis le réimporte sans doublon", async ({
  page,
  app,
}) => {
  await app.seed();
  const folder = path.join(app.homeDir, 'Documents');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'suivi-2025.csv'),
    windows1252(
      [
        'Nom;Prénom;Date de naissance;Sexe;Ville;Ressources;Niveau',
        'Cœur;Jean-Pierre;14/07/1979;H;Brest;RSA;infra 3',
        'N’Diaye;Awa;31/02/1992;F;Brest;ASS;3',
        'Quéméner;Soazig;02/03/1990;F;Plouzané;RSA;4',
      ].join('\r\n'),
    ),
  );
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  // On an empty list the invitation repeats the header's link: either leads to the import.
  await page.getByRole('link', { name: 'Importer un tableau' }).first().click();

  const importFile = async () => {
    await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
    const picker = page.getByRole('dialog', { name: /Choisir le tableau à importer/ });
    await picker.getByRole('button', { name: 'Dossier personnel' }).click();
    await picker.getByRole('button', { name: 'Ouvrir le dossier Documents' }).click();
    await picker.getByRole('button', { name: 'Choisir suivi-2025.csv' }).click();
    await expect(page.getByText('suivi-2025.csv — 3 lignes')).toBeVisible();
  };
  await importFile();
  await expect(page.getByRole('combobox', { name: 'Contenu de la colonne Ville' })).toHaveValue('Commune');
  await app.screenshot(page, 'import-01-colonnes');
  await page.getByRole('button', { name: '2. Vérifier les lignes' }).click();
  await expect(page.getByText('1 à corriger')).toBeVisible();
  const badDate = page.getByRole('textbox', { name: 'Ligne 3, Date de naissance' });
  await expect(page.getByText('« 31/02/1992 » : le 31 février n’existe pas (février a 29 jours).')).toBeVisible();
  await app.screenshot(page, 'import-02-a-corriger');
  await badDate.fill('28/02/1992');
  await page.getByRole('button', { name: 'Vérifier à nouveau' }).click();
  await expect(page.getByText('0 à corriger')).toBeVisible();
  await page.getByRole('button', { name: 'Importer 3 lignes' }).click();
  await expect(page.getByText('3 fiches créées, 0 mise à jour, 0 inchangée.')).toBeVisible();

  const people = new PeoplePage(page);
  await page.getByRole('link', { name: 'Personnes' }).first().click();
  await people.search('ndiaye');
  await expect(people.table.getByRole('row', { name: /N’DIAYE Awa/ })).toBeVisible();

  // The same file again: nothing new, nothing to import. The fixed line is still wrong in the file.
  await page.getByRole('link', { name: 'Importer un tableau' }).click();
  await importFile();
  await page.getByRole('button', { name: '2. Vérifier les lignes' }).click();
  await expect(page.getByText('2 inchangées')).toBeVisible();
  await page.getByRole('textbox', { name: 'Ligne 3, Date de naissance' }).fill('28/02/1992');
  await page.getByRole('button', { name: 'Vérifier à nouveau' }).click();
  await expect(page.getByText('3 inchangées')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer 0 ligne' })).toBeDisabled();
  await app.screenshot(page, 'import-03-reimport');

  // A newer list: two known people changed. Each change is a proposal; only the ticked row is updated.
  writeFileSync(
    path.join(folder, 'suivi-2025.csv'),
    windows1252(
      [
        'Nom;Prénom;Date de naissance;Sexe;Ville;Ressources;Niveau',
        'Cœur;Jean-Pierre;14/07/1979;H;Quimper;RSA;CAP',
        'N’Diaye;Awa;28/02/1992;F;Brest;ASS;3',
        'QUEMENER;soazig;02/03/1990;F;Brest;RSA;Bac pro',
      ].join('\r\n'),
    ),
  );
  await importFile();
  await page.getByRole('button', { name: '2. Vérifier les lignes' }).click();
  await expect(page.getByText('2 mises à jour')).toBeVisible();
  await expect(page.getByText('Commune : Plouzané → Brest')).toBeVisible();
  await expect(
    page.getByText('Niveau de formation : Infra 3 (sans diplôme ou brevet) → Niveau 3 (CAP, BEP)'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer 0 ligne' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Appliquer les changements de la ligne 4' }).check();
  await app.screenshot(page, 'import-04-mise-a-jour-cochee');
  await page.getByRole('button', { name: 'Importer 1 ligne' }).click();
  await expect(page.getByText('0 fiche créée, 1 mise à jour, 2 inchangées.')).toBeVisible();

  await page.getByRole('link', { name: 'Personnes' }).first().click();
  await people.search('quemener');
  await expect(people.table.getByRole('row', { name: /QUÉMÉNER Soazig/ })).toContainText('Brest');
  await people.search('coeur');
  const jeanPierre = people.table.getByRole('row', { name: /CŒUR Jean-Pierre/ });
  await expect(jeanPierre).toContainText('Brest');
  await expect(jeanPierre).not.toContainText('Quimper');
});
