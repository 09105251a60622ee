import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confineUserPath } from '../../src-main/app/file-roots';
import { USER_PATH_FIELDS } from '../../src-main/app/user-paths';
import { contract, METHODS } from '../../src-main/shared/contract';
import { tinyPng } from '../fixtures/images';
import { configured, tempDir } from './support/services';

function layout() {
  const home = tempDir('passerelle-home-');
  const stick = tempDir('passerelle-cle-');
  const outside = tempDir('passerelle-ailleurs-');
  mkdirSync(path.join(home, 'Documents'));
  writeFileSync(path.join(home, 'Documents', 'liste.csv'), 'a;b');
  writeFileSync(path.join(home, '..liste.csv'), 'a;b');
  writeFileSync(path.join(stick, 'sauvegarde.passerelle-backup'), 'x');
  writeFileSync(path.join(outside, 'secret.txt'), 'x');
  writeFileSync(path.join(outside, 'choisi.png'), 'x');
  symlinkSync(outside, path.join(home, 'raccourci-dehors'));
  symlinkSync(path.join(home, 'Documents'), path.join(home, 'raccourci-dedans'));
  const roots = [
    { label: 'Dossier personnel', path: home },
    { label: 'Clé', path: stick },
  ];
  return { home, stick, outside, roots };
}

describe('paths the renderer sends are confined to the picker’s roots', () => {
  it.each([
    ['a file in the home folder', ({ home }: L) => path.join(home, 'Documents', 'liste.csv'), 'inside'],
    ['the home folder itself', ({ home }: L) => home, 'inside'],
    ['a name starting with two dots, in the home folder', ({ home }: L) => path.join(home, '..liste.csv'), 'inside'],
    ['a file on the USB stick', ({ stick }: L) => path.join(stick, 'sauvegarde.passerelle-backup'), 'inside'],
    [
      '“..” that comes back inside',
      ({ home }: L) => path.join(home, 'Documents', '..', 'Documents', 'liste.csv'),
      'inside',
    ],
    [
      '“..” that climbs out of the home folder',
      ({ home }: L) => `${home}/../${path.basename(home)}-x/../../etc/passwd`,
      'refused',
    ],
    ['the parent of the home folder', ({ home }: L) => path.join(home, '..'), 'refused'],
    [
      'a link in the home folder leading outside',
      ({ home }: L) => path.join(home, 'raccourci-dehors', 'secret.txt'),
      'refused',
    ],
    [
      'a link in the home folder leading inside',
      ({ home }: L) => path.join(home, 'raccourci-dedans', 'liste.csv'),
      'inside',
    ],
    ['another drive or folder of the disk', ({ outside }: L) => path.join(outside, 'secret.txt'), 'refused'],
    ['a system file', () => '/etc/passwd', 'refused'],
    ['a Windows drive path', () => 'C:\\Windows\\win.ini', 'refused'],
    ['a NUL byte', ({ home }: L) => `${path.join(home, 'Documents', 'liste.csv')}\0.png`, 'refused'],
    ['a file that does not exist', ({ home }: L) => path.join(home, 'absent.csv'), 'refused'],
  ])('%s', (_case, make, expected) => {
    const l = layout();
    const candidate = make(l);
    const result = confineUserPath(candidate, l.roots);
    if (expected === 'refused') expect(result).toBeNull();
    else expect(result).toBe(path.resolve(candidate.replace('raccourci-dedans', 'Documents')));
  });

  it('allows exactly what the native dialog gave: a chosen file, anything inside a chosen folder, nothing beside', () => {
    const l = layout();
    const granted = new Set([path.join(l.outside, 'choisi.png')]);
    expect(confineUserPath(path.join(l.outside, 'choisi.png'), l.roots, granted)).toBe(
      path.join(l.outside, 'choisi.png'),
    );
    expect(confineUserPath(path.join(l.outside, 'secret.txt'), l.roots, granted)).toBeNull();
    expect(confineUserPath(path.join(l.outside, 'secret.txt'), l.roots, new Set([l.outside]))).toBe(
      path.join(l.outside, 'secret.txt'),
    );
  });

  it('every method whose input holds a path or a folder is in the table', () => {
    const shapeOf = (schema: unknown): Record<string, unknown> => {
      let current = schema as {
        shape?: Record<string, unknown>;
        def?: { innerType?: unknown; in?: unknown; schema?: unknown };
      };
      for (let i = 0; i < 10 && current && !current.shape; i++)
        current = (current.def?.innerType ?? current.def?.in ?? current.def?.schema) as typeof current;
      return current?.shape ?? {};
    };
    const withPaths = METHODS.filter((m) => m !== 'files/list').flatMap((m) =>
      Object.keys(shapeOf(contract[m].input))
        .filter((k) => k === 'path' || k === 'folder')
        .map((k) => `${m} ${k}`),
    );
    const table = Object.entries(USER_PATH_FIELDS).flatMap(([m, fields]) => fields!.map((f) => `${m} ${f}`));
    expect(withPaths.sort()).toEqual(table.sort());
  });

  it('refuses through the RPC a folder, a logo or a backup outside, in French, and accepts them in the home folder', async () => {
    const l = layout();
    const { call } = await configured({ homeDir: l.home, removableDrives: () => [l.stick] });
    const refused = {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message:
          'Cet emplacement n’est pas accessible à Passerelle : choisissez un fichier ou un dossier de votre dossier personnel ou d’une clé USB.',
      },
    };
    expect(await call('journal/export', { folder: '/etc' })).toMatchObject(refused);
    expect(await call('journal/export', { folder: path.join(l.home, 'raccourci-dehors') })).toMatchObject({
      ...refused,
      error: { ...refused.error, field: 'folder' },
    });
    writeFileSync(path.join(l.outside, 'logo.png'), tinyPng());
    expect(
      await call('settings/importLogo', { path: path.join(l.home, 'raccourci-dehors', 'logo.png') }),
    ).toMatchObject(refused);
    expect(await call('backup/inspect', { path: path.join(l.outside, 'secret.txt') })).toMatchObject(refused);
    expect(
      await call('people/importRead', { path: `${l.home}/../${path.basename(l.outside)}/secret.txt` }),
    ).toMatchObject(refused);
    // Inside: the export is written.
    expect(await call('journal/export', { folder: path.join(l.stick) })).toMatchObject({ ok: true });
    writeFileSync(path.join(l.home, 'Documents', 'logo.png'), tinyPng());
    expect(await call('settings/importLogo', { path: path.join(l.home, 'Documents', 'logo.png') })).toMatchObject({
      ok: true,
    });
  });
});

type L = ReturnType<typeof layout>;
