import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleRpc } from '../../src-main/app/dispatch';
import { CURRENT_PARAMS, hashPassword, needsRehash, verifyPassword } from '../../src-main/app/password-hashing';
import { delayAfterFailures } from '../../src-main/domain/lockout';
import { setupInput } from './support/factories';
import { caller, configured, fakeClock, PASSWORD, sessionAs, testServices, valueOf } from './support/services';
import { everyRowAsText } from './support/sqlite-file';

describe('password hashes', () => {
  it('uses scrypt with stored parameters and a salt, never the password itself', async () => {
    const hash = await hashPassword('Secrétariat-CCAS-2026');
    expect(hash).toMatch(new RegExp(`^scrypt\\$${CURRENT_PARAMS.N}\\$8\\$1\\$`));
    expect(hash).not.toContain('Secrétariat');
    expect(await hashPassword('Secrétariat-CCAS-2026')).not.toBe(hash);
    expect(await verifyPassword('Secrétariat-CCAS-2026', hash)).toBe(true);
    expect(await verifyPassword('secrétariat-CCAS-2026', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('verifies a hash made with older parameters and upgrades it at login', async () => {
    const { services, call } = await configured();
    const old = await hashPassword(PASSWORD, { N: 2 ** 8, r: 8, p: 1 });
    const created = valueOf(
      await call('users/create', { displayName: 'Jean Kervella', role: 'encadrant', password: PASSWORD }),
    );
    await services.db.updateTable('users').set({ passwordHash: old }).where('id', '=', created.id).execute();
    valueOf(await caller(services)('auth/login', { userId: created.id, password: PASSWORD }));
    const stored = await services.db
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.passwordHash).not.toBe(old);
    expect(needsRehash(stored.passwordHash, services.passwordParams)).toBe(false);
    expect(await verifyPassword(PASSWORD, stored.passwordHash)).toBe(true);
  });

  it('stores nothing reversible: the database file never holds a password', async () => {
    const { services } = await configured();
    // PostgreSQL has no file of Passerelle's to read: every table's every row, as text, instead.
    const text = services.engine.kind === 'postgres' ? await everyRowAsText(services) : null;
    await services.close();
    const bytes = text ?? readFileSync(services.paths.databaseFile);
    expect(bytes.includes(Buffer.from(setupInput().administrator.password))).toBe(false);
  });
});

describe('signing in', () => {
  it('signs in, answers who is there, and signs out', async () => {
    const { services, view } = await configured();
    const anonymous = caller(services);
    const users = valueOf(await anonymous('auth/users'));
    expect(users).toEqual([{ id: view.user.id, displayName: 'Élodie Le Gall', role: 'administrateur' }]);
    const session = valueOf(
      await anonymous('auth/login', { userId: view.user.id, password: setupInput().administrator.password }),
    );
    expect(session.permissions).toContain('users/create');
    expect(valueOf((await handleRpc(services, 'auth/me', {}, session.token)) as never)).toMatchObject({
      session: { user: { displayName: 'Élodie Le Gall' }, idleLockMinutes: 10 },
    });
    await handleRpc(services, 'auth/logout', {}, session.token);
    expect(await handleRpc(services, 'settings/get', {}, session.token)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('slows down then locks after repeated failures, and a success resets the count', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { services, view } = await configured({ clock });
    const login = (password: string) => caller(services)('auth/login', { userId: view.user.id, password });
    for (let i = 1; i <= 2; i++) {
      expect(await login('mauvais mot de passe')).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Mot de passe incorrect.' },
      });
    }
    const third = await login('mauvais mot de passe');
    expect(third).toMatchObject({
      ok: false,
      error: { message: 'Mot de passe incorrect. Patientez 5 secondes avant de réessayer.' },
    });
    // Even the right password waits out the delay.
    expect(await login(setupInput().administrator.password)).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS' },
    });
    let failures = 3;
    while (failures < 10) {
      clock.set(new Date(clock.now().getTime() + delayAfterFailures(failures) + 1000).toISOString());
      await login('mauvais mot de passe');
      failures += 1;
    }
    clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
    expect(await login(setupInput().administrator.password)).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: 'Trop d’essais de mot de passe. Réessayez dans 14 minutes.' },
    });
    clock.set(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    valueOf(await login(setupInput().administrator.password));
    const row = await services.db
      .selectFrom('users')
      .select(['failedAttempts', 'lockedUntil'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failedAttempts: 0, lockedUntil: null });
  });

  it('locks a session left idle longer than the configured delay', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { services, view, call } = await configured({ clock });
    valueOf(await call('settings/updateSecurity', { idleLockMinutes: 5 }));
    clock.set('2026-03-02T09:04:00.000Z');
    valueOf((await handleRpc(services, 'settings/get', {}, view.token)) as never);
    clock.set('2026-03-02T09:09:30.000Z');
    expect(await handleRpc(services, 'settings/get', {}, view.token)).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: 'Passerelle s’est verrouillée après un moment sans activité. Reconnectez-vous pour continuer.',
      },
      dataVersion: expect.any(Number),
    });
    expect(await call('settings/updateSecurity', { idleLockMinutes: 0 })).toMatchObject({
      ok: false,
      error: { field: 'idleLockMinutes' },
    });
  });

  it('lets a user change their own password, checking the current one', async () => {
    const { services, view, call } = await configured();
    expect(
      await call('auth/changePassword', { currentPassword: 'faux', newPassword: 'Nouveau-Mot-2026!' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'currentPassword' },
    });
    valueOf(
      await call('auth/changePassword', {
        currentPassword: setupInput().administrator.password,
        newPassword: 'Nouveau-Mot-2026!',
      }),
    );
    valueOf(await caller(services)('auth/login', { userId: view.user.id, password: 'Nouveau-Mot-2026!' }));
  });
});

describe('accounts administration', () => {
  it('creates accounts with distinct names and a policy-compliant password', async () => {
    const { call } = await configured();
    const created = valueOf(
      await call('users/create', { displayName: 'Jean Kervella', role: 'encadrant', password: PASSWORD }),
    );
    expect(created).toMatchObject({ displayName: 'Jean Kervella', role: 'encadrant', active: true });
    expect(
      await call('users/create', { displayName: 'ELODIE LE GALL', role: 'coordination', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'displayName' },
    });
    expect(
      await call('users/create', { displayName: 'Anne Morvan', role: 'psychologue', password: 'court' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'password' },
    });
    expect(
      await call('users/create', { displayName: 'Anne Morvan', role: 'chef' as never, password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { field: 'role', message: 'Choisissez un rôle.' },
    });
  });

  it('keeps one active administrator and never deactivates oneself', async () => {
    const { call, view } = await configured();
    expect(await call('users/setActive', { id: view.user.id, active: false })).toMatchObject({
      ok: false,
      error: { message: 'Vous ne pouvez pas désactiver votre propre compte.' },
    });
    expect(
      await call('users/update', { id: view.user.id, displayName: 'Élodie Le Gall', role: 'coordination' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Passerelle doit garder au moins un administrateur actif.' },
    });
    expect(await call('users/update', { id: 999, displayName: 'X Y', role: 'coordination' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('signs out a deactivated account at once, and never deletes it', async () => {
    const { services, call } = await configured();
    const encadrant = await sessionAs(services, 'encadrant', 'Jean Kervella');
    valueOf((await handleRpc(services, 'auth/me', {}, encadrant.token!)) as never);
    valueOf(await call('users/setActive', { id: encadrant.user!.id, active: false }));
    expect(await handleRpc(services, 'auth/changePassword', {}, encadrant.token!)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(await caller(services)('auth/login', { userId: encadrant.user!.id, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(valueOf(await call('users/list')).find((u) => u.id === encadrant.user!.id)).toMatchObject({ active: false });
    expect(valueOf(await caller(services)('auth/users')).map((u) => u.displayName)).toEqual(['Élodie Le Gall']);
  });

  it('resets a password, lifting a lock', async () => {
    const { services, call } = await configured();
    const created = valueOf(
      await call('users/create', { displayName: 'Jean Kervella', role: 'encadrant', password: PASSWORD }),
    );
    await services.db
      .updateTable('users')
      .set({ failedAttempts: 12, lockedUntil: '2099-01-01T00:00:00.000Z' })
      .where('id', '=', created.id)
      .execute();
    valueOf(await call('users/resetPassword', { id: created.id, password: 'Remis-à-zéro-2026' }));
    valueOf(await caller(services)('auth/login', { userId: created.id, password: 'Remis-à-zéro-2026' }));
  });

  it('an administrator resetting someone’s password ends every session of that person, and only once it is done', async () => {
    const { services, call, session } = await configured();
    const created = valueOf(
      await call('users/create', { displayName: 'Jean Kervella', role: 'encadrant', password: PASSWORD }),
    );
    const onOffice = valueOf(await caller(services)('auth/login', { userId: created.id, password: PASSWORD }));
    const onLaptop = valueOf(await caller(services)('auth/login', { userId: created.id, password: PASSWORD }));
    // A refused reset (too weak) changes nothing.
    expect((await call('users/resetPassword', { id: created.id, password: 'jeankervella1' })).ok).toBe(false);
    expect(await handleRpc(services, 'auth/me', {}, onOffice.token)).toMatchObject({
      ok: true,
      value: { session: { user: { id: created.id } } },
    });
    valueOf(await call('users/resetPassword', { id: created.id, password: 'Remis-à-zéro-2026' }));
    for (const token of [onOffice.token, onLaptop.token]) {
      expect(await handleRpc(services, 'auth/me', {}, token)).toMatchObject({ ok: true, value: { session: null } });
      expect(await handleRpc(services, 'people/search', {}, token)).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHORIZED' },
      });
    }
    // The administrator who reset it stays signed in.
    expect(await handleRpc(services, 'auth/me', {}, session.token!)).toMatchObject({
      ok: true,
      value: { session: { user: { role: 'administrateur' } } },
    });
  });

  it('lets a database set up before accounts existed create its first administrator, once', async () => {
    const services = await testServices();
    await services.db
      .insertInto('structure')
      .values({
        id: 1,
        name: 'CCAS',
        address: 'a',
        postcode: '29200',
        town: 'Brest',
        siret: '26290019700019',
        phone: '',
        email: 'a@b.fr',
        signatoryName: 'A',
        signatoryTitle: 'B',
        logoFile: null,
        morningStart: 510,
        morningEnd: 720,
        afternoonStart: 810,
        afternoonEnd: 1020,
        setupCompletedAt: 'x',
        updatedAt: 'x',
      })
      .execute();
    const anonymous = caller(services);
    expect(valueOf(await anonymous('setup/status')).needsAdministrator).toBe(true);
    valueOf(await anonymous('setup/createAdministrator', { displayName: 'Marie Tanguy', password: PASSWORD }));
    expect(valueOf(await anonymous('setup/status')).needsAdministrator).toBe(false);
    expect(
      await anonymous('setup/createAdministrator', { displayName: 'Intrus Malin', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('journal files', () => {
  it('exports the journal as a French CSV into the chosen folder', async () => {
    const { services, call } = await configured();
    const folder = services.homeDir;
    const exported = valueOf(await call('journal/export', { folder }));
    expect(exported.path).toBe(path.join(folder, 'journal-passerelle-2026-03-02.csv'));
    const text = readFileSync(exported.path, 'utf8');
    expect(text.startsWith('\ufeffN°;Date;Compte;Action;Type;Résultat;Enregistrements;Références;Empreinte\r\n')).toBe(
      true,
    );
    expect(text).toContain(';Élodie Le Gall;Première installation;Modification;réussi;');
    expect(text).toContain(';structure:1 employer:1 user:1;');
    expect(await call('journal/export', { folder: path.join(folder, 'absent') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
