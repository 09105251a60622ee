/**
 * What runs under Node of the Electron shell's hardening (the Electron binary
 * cannot be downloaded here): the fuses in the packaging configuration, the
 * app:// protocol's confinement, and which renderer URL a packaged app loads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FuseOptionsV1 } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, APP_URL, rendererUrl, resolveAppRequest } from '../../src-main/electron/app-protocol';
import { isAppUrl } from '../../src-main/electron/security';

const root = path.resolve(__dirname, '../..');
// js-yaml comes with electron-builder (app-builder-lib reads its configuration with it).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const builder = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  electronVersion: string;
  electronFuses: FuseOptionsV1;
  asarUnpack: string[];
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('packaging', () => {
  // Typed with electron-builder's own option names: a misspelt fuse fails the typecheck.
  const expected: Required<
    Pick<
      FuseOptionsV1,
      | 'runAsNode'
      | 'enableNodeOptionsEnvironmentVariable'
      | 'enableNodeCliInspectArguments'
      | 'onlyLoadAppFromAsar'
      | 'enableEmbeddedAsarIntegrityValidation'
      | 'enableCookieEncryption'
      | 'grantFileProtocolExtraPrivileges'
    >
  > = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  };

  it.each(Object.entries(expected))('sets the fuse %s to %s', (fuse, value) => {
    expect(builder.electronFuses[fuse as keyof FuseOptionsV1]).toBe(value);
  });

  it('packs the Electron version package.json installs, and the README names it with better-sqlite3', () => {
    const range = pkg.devDependencies.electron!;
    expect(range).toBe(`~${builder.electronVersion}`);
    const major = builder.electronVersion.split('.')[0]!;
    const sqlite = pkg.dependencies['better-sqlite3']!.replace(/^\^/, '');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Electron **${major}** (pinned \`${range}\`)`);
    expect(readme).toContain(`better-sqlite3 **${sqlite}**`);
    expect(builder.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });
});

describe('the renderer served from app://', () => {
  const dir = path.join(root, 'out', 'renderer');
  it.each([
    ['app://renderer/index.html', path.join(dir, 'index.html')],
    ['app://renderer/', path.join(dir, 'index.html')],
    ['app://renderer/assets/index-abc.js', path.join(dir, 'assets', 'index-abc.js')],
    ['app://renderer/fonts/Inter%20Bold.woff2', path.join(dir, 'fonts', 'Inter Bold.woff2')],
    ['app://renderer/index.html#/personnes/3', path.join(dir, 'index.html')],
    // The URL parser folds plain and encoded dots first: they stay inside the folder.
    ['app://renderer/../main/index.js', path.join(dir, 'main', 'index.js')],
    ['app://renderer/%2e%2e/main/index.js', path.join(dir, 'main', 'index.js')],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppRequest(url, dir)).toEqual({ file });
  });

  it.each([
    ['app://renderer/assets/..%2f..%2fmain%2findex.js', 404],
    ['app://renderer/..%5c..%5cpackage.json', 404],
    ['app://renderer/index.html%00.png', 404],
    ['app://renderer/%E0%A4%A', 404],
    ['app://autre/index.html', 403],
    ['file:///etc/passwd', 403],
    ['pas une adresse', 404],
  ])('refuses %s (%i)', (url, status) => {
    expect(resolveAppRequest(url, dir)).toEqual({ status });
  });

  it('gives app:// an origin of its own, treated as secure', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(isAppUrl(`${APP_URL}#/parametres`, APP_URL)).toBe(true);
    expect(isAppUrl('app://renderer/autre.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///C:/Program%20Files/Passerelle/resources/app.asar/out/renderer/index.html', APP_URL)).toBe(
      false,
    );
  });

  it('loads the Vite dev server only in a development run, and only on this machine', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererUrl({ packaged: true, env })).toBe(APP_URL);
    expect(rendererUrl({ packaged: false, env })).toBe('http://localhost:5173/');
    expect(rendererUrl({ packaged: false, env: { ELECTRON_RENDERER_URL: 'https://exemple.fr/' } })).toBe(APP_URL);
    expect(rendererUrl({ packaged: false, env: { ELECTRON_RENDERER_URL: 'file:///tmp/page.html' } })).toBe(APP_URL);
    expect(rendererUrl({ packaged: false, env: {} })).toBe(APP_URL);
  });

  it('main loads the window from app:// through protocol.handle, never a file', () => {
    const main = readFileSync(path.join(root, 'src-main/electron/main.ts'), 'utf8');
    expect(main).toContain('protocol.handle(APP_SCHEME');
    expect(main).toContain('protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])');
    expect(main).not.toMatch(/loadFile\(|pathToFileURL\(rendererFile/);
    const printer = readFileSync(path.join(root, 'src-main/electron/pdf-printer.ts'), 'utf8');
    expect(printer).not.toContain('tmpdir');
  });
});
