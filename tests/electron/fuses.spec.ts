/**
 * The packaged executable's fuses, read back from the binary
 * (electron-builder.yml's `electronFuses`): it cannot be turned into a Node
 * runtime, given NODE_OPTIONS or --inspect, nor load code from anything but
 * its own checked app.asar. Only the build made for the installer has them
 * flipped: `npm run test:electron` runs this file when PASSERELLE_ELECTRON_FUSES
 * names that executable, and never launches it (its inspector is off).
 */
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { expect, test } from '@playwright/test';
import path from 'node:path';

test('les fusibles de l’exécutable installé sont ceux de electron-builder.yml', async () => {
  const exe = process.env.PASSERELLE_ELECTRON_FUSES;
  expect(exe, 'PASSERELLE_ELECTRON_FUSES doit nommer l’exécutable empaqueté').toBeTruthy();
  const wire = await getCurrentFuseWire(path.resolve(exe!));
  expect({
    runAsNode: wire[FuseV1Options.RunAsNode],
    nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
    inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
    onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
    asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
    cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
    fileProtocol: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
  }).toEqual({
    runAsNode: FuseState.DISABLE,
    nodeOptions: FuseState.DISABLE,
    inspect: FuseState.DISABLE,
    onlyAsar: FuseState.ENABLE,
    asarIntegrity: FuseState.ENABLE,
    cookieEncryption: FuseState.ENABLE,
    fileProtocol: FuseState.DISABLE,
  });
});
