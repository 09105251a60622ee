import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { BACKUP_ON_SERVER } from '../../src-main/shared/contract/files';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller } from './seed';

test.use({ viewport: { width: 1366, height: 768 }, filesFrom: 'client' });

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test('un poste du réseau joint un scan choisi sur son propre PC : envoyé au serveur, vérifié, refusé s’il n’est pas un scan', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await admitPeople(app.services, admin, ['Élodie']);
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  await new ShellPage(page).goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();

  await page.getByRole('button', { name: 'Joindre un document numérisé' }).click();
  const attach = page.getByRole('dialog', { name: 'Joindre un document numérisé' });
  await attach.getByLabel(/^Libellé/).fill('Contrat signé');
  const chooseOnThisPc = async (name: string, buffer: Buffer) => {
    await attach.getByRole('button', { name: 'Choisir le fichier…' }).click();
    // Not the server's folders: the file window of this PC.
    const upload = page.getByRole('dialog', { name: 'Choisir le document numérisé (PDF, JPEG ou PNG)' });
    await expect(upload.getByText('PDF, JPEG ou PNG, 10 Mo au plus.')).toBeVisible();
    await upload.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/pdf', buffer });
    return upload;
  };

  // Over 10 Mo: refused on this PC before anything is sent.
  let upload = await chooseOnThisPc('scan-énorme.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
  await expect(upload.getByText('Ce fichier est trop lourd : 10 Mo au plus.', { exact: false })).toBeVisible();
  await expect(upload.getByRole('button', { name: 'Choisir ce fichier' })).toBeDisabled();
  await app.screenshot(page, 'remote-files-01-trop-lourd');
  await upload.getByRole('button', { name: 'Annuler' }).click();

  // Named .pdf but not a PDF: the server reads its first bytes and refuses it.
  upload = await chooseOnThisPc('contrat.pdf', Buffer.from('Ceci est un texte, pas un PDF.'));
  await upload.getByRole('button', { name: 'Choisir ce fichier' }).click();
  await expect(attach.getByText('contrat.pdf')).toBeVisible();
  await attach.getByRole('button', { name: 'Joindre', exact: true }).click();
  await expect(attach.getByText('Joignez un document numérisé au format PDF, JPEG ou PNG.')).toBeVisible();

  upload = await chooseOnThisPc('contrat signé.pdf', PDF);
  await upload.getByRole('button', { name: 'Choisir ce fichier' }).click();
  await expect(attach.getByText('contrat signé.pdf')).toBeVisible();
  await app.screenshot(page, 'remote-files-02-choisi');
  await attach.getByRole('button', { name: 'Joindre', exact: true }).click();
  await expect(page.getByText('Le document numérisé est joint.')).toBeVisible();
  await expect(page.getByText('Contrat signé').first()).toBeVisible();

  // Sent back to this PC as a download, never written into a folder of the server.
  await page.getByRole('button', { name: 'Voir Contrat signé' }).click();
  const shown = page.getByRole('dialog', { name: 'Contrat signé' });
  await expect(shown.getByRole('button', { name: /Enregistrer/ })).toHaveCount(0);
  await app.screenshot(page, 'remote-files-03-telecharger');
  const downloading = page.waitForEvent('download');
  await shown.getByRole('button', { name: 'Télécharger sur ce PC' }).click();
  const download = await downloading;
  // Its name with its accent, not « download ».
  expect(download.suggestedFilename()).toBe('contrat signé.pdf');
  expect(readFileSync(await download.path()).equals(PDF)).toBe(true);

  // Kept on the server byte for byte, under its name on the client PC.
  const call = caller(app.services, admin);
  const [row] = (await call('people/search', {})).rows;
  const { attachments } = await call('documents/list', { personId: row.id });
  expect(attachments.map((a: { originalName: string }) => a.originalName)).toEqual(['contrat signé.pdf']);
  const back = await call('documents/attachmentContent', { attachmentId: attachments[0].id });
  expect(Buffer.from(back.base64, 'base64').equals(PDF)).toBe(true);
});

test('un export demandé depuis un poste du réseau se télécharge sur ce poste sous son nom ; les sauvegardes se font sur le serveur', async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.open(page);
  await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
  const shell = new ShellPage(page);
  await shell.goTo('Statistiques');

  // No folder to choose (the server's mean nothing here): the workbook made on the server comes down at once.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter les tableaux (Excel)…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^Statistiques_CCAS_de_Kerbrénou_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.length).toBeGreaterThan(0);
  expect(JSON.stringify(workbook.worksheets[0]!.getSheetValues())).toContain('CCAS de Kerbrénou');
  await expect(page.getByText(`Tableaux enregistrés : ${download.suggestedFilename()}`)).toBeVisible();
  await app.screenshot(page, 'remote-files-04-export-telecharge');

  // Two files from one call (the person's data: her PDF and her JSON): two downloads.
  await admitPeople(app.services, admin, ['Élodie']);
  await shell.goTo('Personnes');
  await page.getByRole('link', { name: 'PARTICIPANT Élodie' }).click();
  await page.getByRole('button', { name: 'Ses données (RGPD)' }).click();
  const exportModal = page.getByRole('dialog', { name: 'Données de la personne (droit d’accès)' });
  const downloads: import('@playwright/test').Download[] = [];
  const bothDownloaded = new Promise<void>((resolve) =>
    page.on('download', (d) => {
      downloads.push(d);
      if (downloads.length === 2) resolve();
    }),
  );
  await exportModal.getByRole('button', { name: 'Enregistrer le PDF et le fichier JSON…' }).click();
  await bothDownloaded;
  const names = downloads.map((d) => d.suggestedFilename());
  expect(names).toHaveLength(2);
  expect(names[0]).toMatch(/\.pdf$/);
  expect(names[1]).toBe(names[0]!.replace(/\.pdf$/, '.json'));
  expect(
    readFileSync(await downloads[0]!.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  expect(JSON.parse(readFileSync(await downloads[1]!.path(), 'utf8'))).toMatchObject({ généréLe: expect.any(String) });
  await page.keyboard.press('Escape');
  await expect(exportModal).toHaveCount(0);

  // Backups of the office's data: on the server's PC, said plainly here.
  await shell.goTo('Sauvegardes');
  await expect(page.getByText(BACKUP_ON_SERVER)).toBeVisible();
  await expect(page.getByRole('button', { name: /Sauvegarder|Restaurer|phrase de passe/ })).toHaveCount(0);
  await app.screenshot(page, 'remote-files-05-sauvegardes-sur-le-serveur');
});
