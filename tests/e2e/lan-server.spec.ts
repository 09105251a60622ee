import { makeCertificate } from '../../src-main/lan/certificate';
import { lanTransport, pairWithServer, probeServer } from '../../src-main/lan/client';
import { startLanServer } from '../../src-main/lan/server';
import { ADMIN_NAME, ADMIN_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { caller } from './seed';

test('l’administratrice voit l’empreinte du serveur, crée un code d’appairage et révoque un poste', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const admin = await app.seed();
  const certificate = makeCertificate('127.0.0.1');
  const server = await startLanServer({ services: app.services, address: '127.0.0.1', port: 0, certificate });
  try {
    const address = { host: '127.0.0.1', port: server.port };
    const { code } = await caller(app.services, admin)('lan/createPairingCode', {});
    const paired = await pairWithServer({
      address,
      identity: await probeServer(address),
      code,
      deviceName: 'PC du secrétariat',
    });
    const transport = lanTransport(paired);

    await app.open(page);
    await new LoginPage(page).signIn(ADMIN_NAME, ADMIN_PASSWORD);
    await new ShellPage(page).goTo('Paramètres');
    await page.getByRole('tab', { name: 'Poste serveur' }).click();
    // Shown in two halves of 16 bytes.
    await expect(page.getByTestId('lan-fingerprint')).toHaveText(certificate.fingerprint.replace(/^(.{47}):/, '$1'));
    await expect(page.getByText(`127.0.0.1:${server.port}`)).toBeVisible();
    const devices = page.getByRole('table', { name: 'Postes appairés' });
    await expect(devices.getByRole('row', { name: /PC du secrétariat/ })).toContainText('Autorisé');

    await page.getByRole('button', { name: 'Créer un code d’appairage' }).click();
    await expect(page.getByTestId('lan-pairing-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await app.screenshot(page, 'lan-server-settings');

    await devices.getByRole('button', { name: 'Révoquer PC du secrétariat' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Révoquer ce poste' }).click();
    await expect(devices.getByRole('row', { name: /PC du secrétariat/ })).toContainText('Révoqué le');
    await app.screenshot(page, 'lan-server-revoked');
    expect(await transport.invoke('app/info', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_PAIRED' },
    });
    transport.close();
  } finally {
    await server.close();
  }
});
