import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dispatch } from '../../src-main/app/dispatch';
import { handlers } from '../../src-main/app/handlers';
import { caller, configured, testServices, valueOf } from './support/services';
import { employer, setupInput, structure } from './support/factories';
import { ANONYMOUS } from '../../src-main/app/session';

describe('dispatch', () => {
  it('runs a valid call and answers with the envelope', async () => {
    const call = caller(await testServices());
    expect(await call('setup/status')).toEqual({
      ok: true,
      value: { completed: false, structureName: null, needsAdministrator: false },
    });
    expect(valueOf(await call('setup/complete', setupInput())).user).toMatchObject({
      displayName: 'Élodie Le Gall',
      role: 'administrateur',
    });
    expect(valueOf(await call('setup/status'))).toEqual({
      completed: true,
      structureName: 'CCAS de Kerbrénou',
      needsAdministrator: false,
    });
  });

  it('names the field and says in French what is wrong', async () => {
    const call = caller(await testServices());
    const result = await call('setup/complete', setupInput({ structure: structure({ siret: '123 456 789 00012' }) }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'structure.siret',
        message: 'Ce SIRET n’existe pas : un chiffre est probablement faux (clé de contrôle incorrecte).',
      },
    });
  });

  it('lists every field at fault when several are wrong', async () => {
    const call = caller(await testServices());
    const result = await call(
      'setup/complete',
      setupInput({ structure: structure({ postcode: '2920', email: 'pas-un-email' }) }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.field)).toEqual(['structure.postcode', 'structure.email']);
    expect(result.error.message).toMatch(/^2 informations sont à corriger\. Le code postal doit comporter 5 chiffres/);
  });

  it('answers a missing input object with a French message, not a crash', async () => {
    const { services, session } = await configured();
    const result = await dispatch(services, 'settings/updateHours', 'n’importe quoi', session);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toMatch(/[Ee]ntrée invalide|attendu/);
  });

  it('refuses an unknown method with a typed error', async () => {
    const services = await testServices();
    expect(await dispatch(services, 'people/delete-everything', {}, ANONYMOUS)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Cette action n’existe pas dans cette version de Passerelle.' },
    });
    expect((await dispatch(services, '__proto__', {}, ANONYMOUS)).ok).toBe(false);
  });

  it('refuses user methods without a signed-in user', async () => {
    const { services } = await configured();
    expect(await dispatch(services, 'settings/get', {}, ANONYMOUS)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Connectez-vous pour continuer.' },
    });
    // The wizard's file picker answers before setup only.
    expect(await dispatch(services, 'files/list', { purpose: 'logo', path: null }, ANONYMOUS)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('rolls a failing write back: nothing half-written remains', async () => {
    const services = await testServices();
    const call = caller(services);
    // Two employers then a duplicated wage date: the handler fails after inserting the structure.
    const result = await call(
      'setup/complete',
      setupInput({
        employers: [employer(), employer({ name: 'CCAS (ACI)', kind: 'ccas' })],
        wageRates: [
          { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
          { effectiveFrom: '2026-01-01', hourlyCents: 1210 },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'wageRates.1.effectiveFrom' } });
    const counts = await sql<{
      n: number;
    }>`select (select count(*) from structure) + (select count(*) from employers) + (select count(*) from wage_rates) + (select count(*) from users) + (select count(*) from journal) as n`.execute(
      services.db,
    );
    expect(counts.rows[0]?.n).toBe(0);
  });

  it('turns an unexpected handler failure into INTERNAL, rolled back, without leaking the message', async () => {
    const { call } = await configured();
    const original = handlers['settings/updateHours'];
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    handlers['settings/updateHours'] = async (input, ctx) => {
      await original(input, ctx);
      throw new Error('secret de Élodie');
    };
    try {
      const result = await call('settings/updateHours', {
        morningStart: '09:00',
        morningEnd: '12:00',
        afternoonStart: '13:00',
        afternoonEnd: '16:00',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      if (!result.ok) expect(result.error.message).not.toContain('Élodie');
      expect(errors.join('\n')).not.toContain('Élodie');
    } finally {
      handlers['settings/updateHours'] = original;
      console.error = consoleError;
    }
    expect(valueOf(await call('settings/get')).hours.morningStart).toBe('08:30');
  });

  it('rejects an output that breaks the contract and rolls back', async () => {
    const { call } = await configured();
    const original = handlers['settings/addWageRate'];
    handlers['settings/addWageRate'] = async (input, ctx) => {
      await original(input, ctx);
      return [{ id: 'pas un nombre' }] as never;
    };
    const consoleError = console.error;
    console.error = () => {};
    try {
      expect(await call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1230 })).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
    } finally {
      handlers['settings/addWageRate'] = original;
      console.error = consoleError;
    }
    expect(valueOf(await call('settings/get')).wageRates).toHaveLength(2);
  });

  it('keeps reads answering while a `none` method (a print) is held open', async () => {
    const { services, call } = await configured();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    services.dialogs = {
      native: true,
      chooseFile: async () => {
        await held;
        return '/tmp/logo.png';
      },
      chooseFolder: async () => null,
    };
    const slow = call('files/chooseFile', { purpose: 'logo' });
    const read = await Promise.race([
      call('settings/get'),
      new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 2000)),
    ]);
    expect(read).not.toBe('blocked');
    expect(valueOf(read as Awaited<ReturnType<typeof call<'settings/get'>>>).structure.name).toBe('CCAS de Kerbrénou');
    release();
    expect(valueOf(await slow)).toEqual({ status: 'chosen', path: '/tmp/logo.png' });
  });
});
