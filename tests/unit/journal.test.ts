import { describe, expect, it } from 'vitest';
import { contract, METHODS } from '../../src-main/shared/contract';
import { auditOf } from '../../src-main/shared/contract/define';
import { purgeJournal } from '../../src-main/app/journal';
import { syncJournalHead } from '../../src-main/app/journal-start';
import { createServices, type Services } from '../../src-main/app/services';
import { employer } from './support/factories';
import { configured, fakeClock, postgresOf, TEST_PASSWORD_PARAMS, valueOf } from './support/services';

async function entries(services: Services) {
  return services.db.selectFrom('journal').select(['userId', 'action', 'method', 'records']).orderBy('id').execute();
}

async function reopen(services: Services, clock = fakeClock()) {
  await services.close();
  return createServices({
    dataDir: services.paths.dataDir,
    dialogs: services.dialogs,
    mode: 'browser',
    version: 'test',
    clock,
    passwordParams: TEST_PASSWORD_PARAMS,
    postgres: postgresOf(services),
  });
}

describe('access journal', () => {
  it('records who changed which records, by id only', async () => {
    const { services, call, view } = await configured();
    const saved = valueOf(await call('settings/saveEmployer', { employer: employer({ name: 'Atelier Kerbrénou' }) }));
    valueOf(await call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1231 }));
    const log = await entries(services);
    expect(log.map((e) => [e.action, e.method, JSON.parse(e.records)])).toEqual([
      ['change', 'setup/complete', ['structure:1', 'employer:1', `user:${view.user.id}`]],
      ['change', 'settings/saveEmployer', [`employer:${saved.id}`]],
      ['change', 'settings/addWageRate', ['wageRate:3']],
    ]);
    // The wizard's entry is attributed to the administrator it created.
    expect(log.every((e) => e.userId === view.user.id)).toBe(true);
    // Ids, never names or free text.
    expect(JSON.stringify(log)).not.toContain('Kerbrénou');
  });

  it('journals every change method of the contract, and a failed change not at all', async () => {
    const changing = METHODS.filter((m) => auditOf(contract[m]) === 'change');
    expect(changing).toEqual(
      expect.arrayContaining([
        'settings/updateStructure',
        'users/create',
        'users/resetPassword',
        'auth/changePassword',
      ]),
    );
    const { services, call } = await configured();
    const before = (await entries(services)).length;
    expect((await call('settings/addWageRate', { effectiveFrom: '2026-01-01', hourlyCents: 1300 })).ok).toBe(false);
    expect((await entries(services)).length).toBe(before);
  });

  it('journals logins, failed logins and exports', async () => {
    const { services, call, view } = await configured();
    const { caller } = await import('./support/services');
    await caller(services)('auth/login', { userId: view.user.id, password: 'pas le bon' });
    valueOf(await call('journal/export', { folder: services.homeDir }));
    const actions = (await entries(services)).map((e) => e.action);
    expect(actions).toEqual(['change', 'login-failed', 'export']);
  });

  it('purges entries older than 12 months at start, journals the purge, and stays a valid chain', async () => {
    const clock = fakeClock('2025-01-10T09:00:00.000Z');
    const { services, call } = await configured({ clock });
    clock.set('2025-04-01T09:00:00.000Z');
    valueOf(await call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1231 }));
    clock.set('2026-02-15T09:00:00.000Z');
    valueOf(await call('settings/addWageRate', { effectiveFrom: '2028-01-01', hourlyCents: 1260 }));
    clock.set('2026-03-01T09:00:00.000Z');
    expect(await purgeJournal(services.db, clock.now())).toBe(1);
    // As a start does after its purge.
    await syncJournalHead(services.db, services.journal, { restart: true });
    let log = await entries(services);
    expect(log.map((e) => e.method)).toEqual(['settings/addWageRate', 'settings/addWageRate', 'journal/purge']);
    expect(log[2]).toMatchObject({ action: 'purge', userId: null, records: '["journal:1"]' });

    // Reopening weeks later purges by itself, and the chain and its head still hold.
    clock.set('2026-04-20T09:00:00.000Z');
    const reopened = await reopen(services, clock);
    log = await entries(reopened);
    expect(log.map((e) => e.method)).toEqual(['settings/addWageRate', 'journal/purge', 'journal/purge']);
    const { verifyJournal } = await import('../../src-main/app/journal-verify');
    const { openHead, readHeadText } = await import('../../src-main/app/journal-head');
    const check = await verifyJournal(
      reopened.db,
      reopened.journal.key,
      openHead(reopened.journal.key, readHeadText(reopened.journal.headFile)),
    );
    expect(check).toMatchObject({ valid: true, findings: [] });
    await reopened.close();
  });

  it('lists entries with the account name for the administrator', async () => {
    const { call } = await configured();
    const page = valueOf(await call('journal/list', { page: 1, pageSize: 50 }));
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({ userName: 'Élodie Le Gall', action: 'change', method: 'setup/complete' });
  });
});
