import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../src-main/app/paths';
import {
  cleanWorkFiles,
  dropPreRestoreCopies,
  PRE_RESTORE_KEPT,
  rotatePreRestoreCopies,
} from '../../src-main/app/work-files';
import { makeUserOnly } from '../../src-main/app/user-only';
import { configured, tempDir, testServices, valueOf } from './support/services';
import { person, situation } from './support/people';

describe('work files and copies', () => {
  it('empties the work folder at start, with what older versions left elsewhere', () => {
    const dataDir = tempDir();
    const systemTemp = tempDir('passerelle-systeme-');
    const paths = dataPaths(dataDir);
    mkdirSync(path.join(paths.workDir, 'sauvegarde-abc'), { recursive: true });
    writeFileSync(path.join(paths.workDir, 'sauvegarde-abc', 'passerelle.sqlite'), 'SQLite format 3\0');
    writeFileSync(path.join(paths.workDir, 'impression-0123456789abcdef.html'), '<p>Élodie</p>');
    mkdirSync(path.join(paths.backupsDir, 'restauration-2026-03-02T09-00-00-000Z'), { recursive: true });
    writeFileSync(path.join(paths.backupsDir, 'auto-2026-03-01.sqlite'), 'kept');
    mkdirSync(path.join(systemTemp, 'passerelle-sauvegarde-Xy12'));
    writeFileSync(path.join(systemTemp, 'passerelle-0123456789abcdef.html'), '<p>Élodie</p>');
    writeFileSync(path.join(systemTemp, 'autre-programme.txt'), 'not ours');
    writeFileSync(path.join(dataDir, 'journal-tete.json.tmp'), '{');
    cleanWorkFiles(paths, systemTemp);
    expect(readdirSync(paths.workDir)).toEqual([]);
    expect(readdirSync(paths.backupsDir)).toEqual(['auto-2026-03-01.sqlite']);
    expect(readdirSync(systemTemp)).toEqual(['autre-programme.txt']);
    expect(existsSync(path.join(dataDir, 'journal-tete.json.tmp'))).toBe(false);
  });

  it(`keeps the newest ${PRE_RESTORE_KEPT} pré-restauration copies, and none once someone is anonymised`, async () => {
    const paths = dataPaths(tempDir());
    mkdirSync(paths.backupsDir, { recursive: true });
    for (const stamp of ['2026-01-05T09-00-00-000Z', '2026-02-05T09-00-00-000Z', '2026-03-05T09-00-00-000Z']) {
      writeFileSync(path.join(paths.backupsDir, `pre-restauration-${stamp}.sqlite`), 'x');
      mkdirSync(path.join(paths.backupsDir, `fichiers-pre-restauration-${stamp}`, 'pieces-jointes'), {
        recursive: true,
      });
      writeFileSync(
        path.join(paths.backupsDir, `fichiers-pre-restauration-${stamp}`, 'pieces-jointes', 'scan.pdf'),
        'x',
      );
    }
    await rotatePreRestoreCopies(paths);
    expect(readdirSync(paths.backupsDir).sort()).toEqual([
      'fichiers-pre-restauration-2026-02-05T09-00-00-000Z',
      'fichiers-pre-restauration-2026-03-05T09-00-00-000Z',
      'pre-restauration-2026-02-05T09-00-00-000Z.sqlite',
      'pre-restauration-2026-03-05T09-00-00-000Z.sqlite',
    ]);
    expect(await dropPreRestoreCopies(paths)).toBe(2);
    expect(readdirSync(paths.backupsDir)).toEqual([]);
  });

  it('anonymising someone through the RPC deletes the pré-restauration copies that still name them', async () => {
    const { services, call } = await configured();
    const created = valueOf(await call('people/create', { person: person(), situation: situation() }));
    writeFileSync(path.join(services.paths.backupsDir, 'pre-restauration-2026-03-01T09-00-00-000Z.sqlite'), 'x');
    await services.engine.snapshotTo(
      path.join(services.paths.backupsDir, 'pre-restauration-2026-03-02T09-00-00-000Z.sqlite'),
    );
    const result = await call('rgpd/anonymise', { personIds: [created.id], confirm: true });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(readdirSync(services.paths.backupsDir).filter((n) => n.includes('pre-restauration'))).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('the data folder is the user’s alone (Linux, macOS)', () => {
  it('folders 0700 and files 0600 at start, even those made before, links left alone', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'fichiers', 'documents'), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dataDir, 'fichiers', 'documents', 'ancien.pdf'), 'x', { mode: 0o644 });
    const services = await testServices({ dataDir });
    valueOf(await (await import('./support/services')).caller(services)('setup/status'));
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    for (const dir of ['fichiers', 'fichiers/documents', 'sauvegardes', 'cles', 'travail'])
      expect(mode(path.join(dataDir, dir)), dir).toBe(0o700);
    for (const file of [
      // On PostgreSQL the data is on the server: no database file in the data folder.
      ...(services.engine.kind === 'sqlite' ? ['passerelle.sqlite'] : []),
      'fichiers/documents/ancien.pdf',
      'cles/cle-journal.bin',
      'journal-tete.json',
    ])
      expect(mode(path.join(dataDir, file)), file).toBe(0o600);
    // A link is never followed out of the folder.
    const outside = path.join(os.tmpdir(), `passerelle-dehors-${process.pid}.txt`);
    writeFileSync(outside, 'x', { mode: 0o644 });
    (await import('node:fs')).symlinkSync(outside, path.join(dataDir, 'lien'));
    makeUserOnly(dataDir);
    expect(mode(outside)).toBe(0o644);
    (await import('node:fs')).rmSync(outside);
  });
});
