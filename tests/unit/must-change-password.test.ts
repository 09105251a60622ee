import { describe, expect, it } from 'vitest';
import { handleRpc } from '../../src-main/app/dispatch';
import { OPEN_BEFORE_PASSWORD_CHANGE } from '../../src-main/app/password-change-gate';
import { METHODS } from '../../src-main/shared/contract';
import { setupInput } from './support/factories';
import { caller, configured, PASSWORD } from './support/services';

const CHOSEN_BY_ADMIN = 'Remis-à-zéro-par-Élodie-2026';
const HER_OWN = 'Vélo-bleu-sous-la-pluie-de-Brest';

async function journalFor(services: Awaited<ReturnType<typeof configured>>['services'], userId: number) {
  return services.db
    .selectFrom('journal')
    .select(['userId', 'method', 'action', 'records'])
    .where('records', 'like', `%user:${userId}%`)
    .orderBy('id')
    .execute();
}

describe('a password an administrator typed must be replaced before anything else', () => {
  it('reset → sign in → every other method refused in French → change → the app opens, the old password no longer works', async () => {
    const { services, call, view } = await configured();
    const created = (await call('users/create', {
      displayName: 'Jean Kervella',
      role: 'coordination',
      password: PASSWORD,
    })) as { ok: true; value: { id: number } };
    const id = created.value.id;
    expect((await call('users/resetPassword', { id, password: CHOSEN_BY_ADMIN })).ok).toBe(true);

    const signedIn = await caller(services)('auth/login', { userId: id, password: CHOSEN_BY_ADMIN });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    expect(signedIn.value.mustChangePassword).toBe(true);
    expect([...signedIn.value.permissions].sort()).toEqual(['auth/changePassword']);
    const token = signedIn.value.token;

    for (const method of METHODS.filter((m) => !OPEN_BEFORE_PASSWORD_CHANGE.has(m))) {
      const refused = await handleRpc(services, method, {}, token);
      expect(refused, method).toMatchObject({
        ok: false,
        error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choisissez d’abord un nouveau mot de passe.' },
      });
    }
    expect(await handleRpc(services, 'auth/me', {}, token)).toMatchObject({
      ok: true,
      value: { session: { mustChangePassword: true } },
    });

    // Keeping the administrator's password is no way out.
    expect(
      await handleRpc(
        services,
        'auth/changePassword',
        { currentPassword: CHOSEN_BY_ADMIN, newPassword: CHOSEN_BY_ADMIN },
        token,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'newPassword' },
    });
    expect(await handleRpc(services, 'settings/get', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });

    expect(
      await handleRpc(
        services,
        'auth/changePassword',
        { currentPassword: CHOSEN_BY_ADMIN, newPassword: HER_OWN },
        token,
      ),
    ).toMatchObject({ ok: true });
    expect(await handleRpc(services, 'settings/get', {}, token)).toMatchObject({ ok: true });
    const me = await handleRpc(services, 'auth/me', {}, token);
    expect(me).toMatchObject({ ok: true, value: { session: { mustChangePassword: false } } });
    expect((me as { value: { session: { permissions: string[] } } }).value.session.permissions).toContain(
      'settings/addClosure',
    );

    // The administrator's password no longer opens the account; hers does, with the app open.
    expect(await caller(services)('auth/login', { userId: id, password: CHOSEN_BY_ADMIN })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(await caller(services)('auth/login', { userId: id, password: HER_OWN })).toMatchObject({
      ok: true,
      value: { mustChangePassword: false },
    });

    // The journal keeps who reset it and that the person changed it herself.
    const entries = await journalFor(services, id);
    expect(entries.filter((e) => e.method === 'users/resetPassword')).toEqual([
      {
        userId: view.user.id,
        method: 'users/resetPassword',
        action: 'change',
        records: expect.stringContaining(`user:${id}`),
      },
    ]);
    expect(entries.filter((e) => e.method === 'auth/changePassword')).toEqual([
      { userId: id, method: 'auth/changePassword', action: 'change', records: expect.stringContaining(`user:${id}`) },
    ]);
  });

  it('an account an administrator creates starts the same way; the first administrator of the wizard does not', async () => {
    const { services, call, view } = await configured();
    const created = await call('users/create', {
      displayName: 'Soizic Le Bras',
      role: 'travailleur_social',
      password: PASSWORD,
    });
    if (!created.ok) throw new Error(created.error.message);
    const signedIn = await caller(services)('auth/login', { userId: created.value.id, password: PASSWORD });
    expect(signedIn).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    const admin = await caller(services)('auth/login', {
      userId: view.user.id,
      password: setupInput().administrator.password,
    });
    expect(admin).toMatchObject({ ok: true, value: { mustChangePassword: false } });
  });

  it('a reset while the person is signed in signs them out: the next sign-in asks for a new password', async () => {
    const { services, call } = await configured();
    const created = await call('users/create', { displayName: 'Yann Riou', role: 'encadrant', password: PASSWORD });
    if (!created.ok) throw new Error(created.error.message);
    const first = await caller(services)('auth/login', { userId: created.value.id, password: PASSWORD });
    if (!first.ok) throw new Error(first.error.message);
    expect(
      await handleRpc(
        services,
        'auth/changePassword',
        { currentPassword: PASSWORD, newPassword: HER_OWN },
        first.value.token,
      ),
    ).toMatchObject({ ok: true });
    expect(await handleRpc(services, 'dashboard/summary', {}, first.value.token)).not.toMatchObject({
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });

    expect((await call('users/resetPassword', { id: created.value.id, password: CHOSEN_BY_ADMIN })).ok).toBe(true);
    expect(await handleRpc(services, 'auth/me', {}, first.value.token)).toMatchObject({
      ok: true,
      value: { session: null },
    });
    expect(await caller(services)('auth/login', { userId: created.value.id, password: CHOSEN_BY_ADMIN })).toMatchObject(
      { ok: true, value: { mustChangePassword: true } },
    );
  });
});
