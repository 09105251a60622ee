import { describe, expect, it, vi } from 'vitest';
import { LoginThrottle, PASSWORD_CHECKS_PER_SECOND } from '../../src-main/app/login-throttle';
import { verifyPassword } from '../../src-main/app/password-hashing';
import { delayAfterFailures, LOCK_AFTER } from '../../src-main/domain/lockout';
import { setupInput } from './support/factories';
import { caller, configured, fakeClock, PASSWORD, sessionAs, valueOf } from './support/services';

// Counts real password checks: the point is how many attempts reach scrypt.
vi.mock('../../src-main/app/password-hashing', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src-main/app/password-hashing')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const checks = vi.mocked(verifyPassword);

const RIGHT = setupInput().administrator.password;
const BURST = 200;

describe('login throttling under parallel attempts', () => {
  it('checks one attempt at a time per account: 200 parallel wrong passwords cannot outrun the delay or the lock', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { services, view } = await configured({ clock });
    const login = (password: string) => caller(services)('auth/login', { userId: view.user.id, password });
    const failures = async () =>
      (
        await services.db
          .selectFrom('users')
          .select('failedAttempts')
          .where('id', '=', view.user.id)
          .executeTakeFirstOrThrow()
      ).failedAttempts;
    const burst = () =>
      Promise.all(Array.from({ length: BURST }, (_, i) => login(i === BURST / 2 ? RIGHT : `mauvais-${i}`)));
    checks.mockClear();

    const first = await burst();
    // Three free attempts, then the 5 s delay refuses the rest, the right password included.
    expect(checks).toHaveBeenCalledTimes(3);
    expect(await failures()).toBe(3);
    expect(first.filter((r) => !r.ok && r.error.code === 'UNAUTHORIZED')).toHaveLength(3);
    expect(first[BURST / 2]).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });

    // Each later burst, once the delay is over, gets exactly one check, until the lock.
    for (let failed = 3; failed < LOCK_AFTER; failed++) {
      clock.set(new Date(clock.now().getTime() + delayAfterFailures(failed)).toISOString());
      const results = await burst();
      expect(results.filter((r) => !r.ok && r.error.code === 'UNAUTHORIZED')).toHaveLength(1);
    }
    expect(checks).toHaveBeenCalledTimes(LOCK_AFTER);
    expect(await failures()).toBe(LOCK_AFTER);
    const journal = await services.db.selectFrom('journal').select('id').where('action', '=', 'login-failed').execute();
    expect(journal).toHaveLength(LOCK_AFTER);

    clock.set(new Date(clock.now().getTime() + 14 * 60_000).toISOString());
    const locked = await burst();
    expect(locked.every((r) => !r.ok && r.error.code === 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect(checks).toHaveBeenCalledTimes(LOCK_AFTER);
  });

  it('lets the right password in when it comes first, and a success resets the claimed failure', async () => {
    const { services, view } = await configured();
    const login = (password: string) => caller(services)('auth/login', { userId: view.user.id, password });
    const results = await Promise.all([login(RIGHT), login('mauvais-1'), login('mauvais-2')]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    const row = await services.db
      .selectFrom('users')
      .select(['failedAttempts', 'lockedUntil'])
      .where('id', '=', view.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failedAttempts: 2, lockedUntil: null });
  });

  it('bounds password checks per second across accounts, without counting the refused ones as failures', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { services } = await configured({ clock });
    const accounts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => sessionAs(services, 'encadrant', `Compte ${i}`)),
    );
    checks.mockClear();
    const results = await Promise.all(
      accounts.map((a) => caller(services)('auth/login', { userId: a.user!.id, password: 'mauvais' })),
    );
    expect(checks).toHaveBeenCalledTimes(PASSWORD_CHECKS_PER_SECOND);
    const refused = results.filter((r) => !r.ok && r.error.code === 'TOO_MANY_ATTEMPTS');
    expect(refused).toHaveLength(8 - PASSWORD_CHECKS_PER_SECOND);
    expect(refused[0]).toMatchObject({
      error: { message: 'Trop de connexions en même temps. Réessayez dans quelques secondes.' },
    });
    const counts = await services.db
      .selectFrom('users')
      .select('failedAttempts')
      .where('displayName', 'like', 'Compte %')
      .execute();
    expect(counts.reduce((sum, row) => sum + row.failedAttempts, 0)).toBe(PASSWORD_CHECKS_PER_SECOND);

    clock.set(new Date(clock.now().getTime() + 1000).toISOString());
    const later = await caller(services)('auth/login', { userId: accounts[7]!.user!.id, password: PASSWORD });
    expect(later.ok).toBe(true);
  });
});

describe('changing one’s own password from an open session', () => {
  it('counts a wrong current password like a failed sign-in: an unattended session is no way round the delay and the lock', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const { services, view, call } = await configured({ clock });
    const change = (currentPassword: string) =>
      call('auth/changePassword', { currentPassword, newPassword: 'Nouvelle-phrase-du-matin-2026' });
    const failures = async () =>
      (
        await services.db
          .selectFrom('users')
          .select('failedAttempts')
          .where('id', '=', view.user.id)
          .executeTakeFirstOrThrow()
      ).failedAttempts;
    const burst = () => Promise.all(Array.from({ length: BURST }, (_, i) => change(`mauvais-${i}`)));
    checks.mockClear();

    const first = await burst();
    expect(checks).toHaveBeenCalledTimes(3);
    expect(await failures()).toBe(3);
    expect(first.filter((r) => !r.ok && r.error.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(BURST - 3);
    for (let failed = 3; failed < LOCK_AFTER; failed++) {
      clock.set(new Date(clock.now().getTime() + delayAfterFailures(failed)).toISOString());
      await burst();
    }
    expect(checks).toHaveBeenCalledTimes(LOCK_AFTER);
    expect(await failures()).toBe(LOCK_AFTER);
    const journal = await services.db
      .selectFrom('journal')
      .select('method')
      .where('action', '=', 'login-failed')
      .execute();
    expect(journal).toEqual(Array.from({ length: LOCK_AFTER }, () => ({ method: 'auth/changePassword' })));
    // The lock is the account's: the right password is refused too, here and at the sign-in screen.
    expect(await change(RIGHT)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(await caller(services)('auth/login', { userId: view.user.id, password: RIGHT })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS' },
    });

    // Once the lock is over, the right current password changes it and clears the count.
    clock.set(new Date(clock.now().getTime() + 16 * 60_000).toISOString());
    valueOf(await change(RIGHT));
    expect(await failures()).toBe(0);
  });
});

describe('LoginThrottle', () => {
  it('refills the bucket with time, never above the ceiling', () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    const throttle = new LoginThrottle(clock, 2);
    expect([throttle.takePasswordCheck(), throttle.takePasswordCheck(), throttle.takePasswordCheck()]).toEqual([
      true,
      true,
      false,
    ]);
    clock.set('2026-03-02T09:00:00.499Z');
    expect(throttle.takePasswordCheck()).toBe(false);
    clock.set('2026-03-02T09:00:00.500Z');
    expect(throttle.takePasswordCheck()).toBe(true);
    clock.set('2026-03-02T10:00:00.000Z');
    expect([throttle.takePasswordCheck(), throttle.takePasswordCheck(), throttle.takePasswordCheck()]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keeps serving an account after an attempt failed', async () => {
    const throttle = new LoginThrottle(fakeClock());
    const order: string[] = [];
    const failing = throttle.oneAtATime(1, async () => {
      order.push('a');
      throw new Error('refusé');
    });
    const next = throttle.oneAtATime(1, async () => order.push('b'));
    await expect(failing).rejects.toThrow('refusé');
    await next;
    expect(order).toEqual(['a', 'b']);
  });
});
