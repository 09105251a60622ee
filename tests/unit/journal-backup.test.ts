import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configured, tempDir, valueOf } from './support/services';
import { editByHand } from './support/sqlite-file';

const PASSPHRASE = 'sapin-galet-hibou-tulipe-phare-radis-comète-voilier';

async function backedUp() {
  const setup = await configured();
  valueOf(await setup.call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1231 }));
  valueOf(await setup.call('backup/setPassphrase', { passphrase: PASSPHRASE }));
  return setup;
}

describe('the journal in backups', () => {
  it('travels with its key and head: restored on another PC, it still verifies, and the head is the backup’s', async () => {
    const { call } = await backedUp();
    const folder = tempDir('passerelle-cle-usb-');
    const file = valueOf(await call('backup/create', { folder })).lastBackup!.path;
    const other = await configured();
    valueOf(await other.call('backup/restore', { path: file, passphrase: PASSPHRASE, confirm: true }));
    // Everyone signs in again after a restore; the restored administrator checks the journal.
    const { sessionAs, caller } = await import('./support/services');
    const admin = await sessionAs(other.services, 'administrateur', 'Vérificatrice');
    const check = valueOf(await caller(other.services, admin)('journal/verify'));
    expect(check).toMatchObject({ valid: true, findings: [] });
    expect(JSON.parse(readFileSync(other.services.paths.journalHeadFile, 'utf8'))).toMatchObject({
      lastId: expect.any(Number),
    });
  });

  it('a backup whose journal was cut before it was made is refused, and the current data stays', async () => {
    const { call, services } = await backedUp();
    await editByHand(services, {
      sqlite: 'drop trigger journal_no_delete; delete from journal where id >= 2;',
      postgres: 'drop trigger journal_no_delete on journal; delete from journal where id >= 2;',
    });
    const folder = tempDir('passerelle-cle-usb-');
    const file = valueOf(await call('backup/create', { folder })).lastBackup!.path;
    const other = await configured();
    const before = await other.services.db.selectFrom('journal').select('id').execute();
    const result = await other.call('backup/restore', { path: file, passphrase: PASSPHRASE, confirm: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^Le journal des accès de cette sauvegarde a été modifié depuis qu’elle a été faite : elle n’est pas restaurée\. Les dernières entrées du journal ont été retirées/,
      );
    expect(await other.services.db.selectFrom('journal').select('id').execute()).toEqual(before);
  });
});
