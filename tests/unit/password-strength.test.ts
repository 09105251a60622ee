import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUGGESTED_WORDS, SUGGESTION_BITS, suggestPassphrase } from '../../src-main/backup/keys';
import { evaluatePassword, nameParts, REQUIRED_BITS } from '../../src-main/shared/password-strength';
import { setupInput } from './support/factories';
import { caller, configured, PASSWORD, valueOf } from './support/services';

const JEAN = { personName: 'Jean Durand', structureName: 'CCAS de Kerbrénou' };

describe('account passwords (CNIL 2022-100, with lockout)', () => {
  it.each([
    // The examples, all refused.
    ['12345678901234', /similaire à un mot de passe couramment utilisé.*Ajoutez des mots/],
    ['azertyuiopqsdf', /touches de votre clavier.*Ajoutez des mots/],
    ['durandurand2026', /^Retirez « durand » : il ne faut pas utiliser une partie de votre nom\.$/],
    ['motdepasse1234', /trop facile à deviner\. Ajoutez des mots/],
    ['Passerelle2026!', /trop facile à deviner/],
    // Names: every part of 3 letters or more, accents and case folded.
    ['Jean-lundi-matin-42!', /^Retirez « jean »/],
    ['KERBRENOU-soleil-2026!', /^Retirez « kerbrenou » : il ne faut pas utiliser une partie du nom de la structure\.$/],
    ['kerbrénou-soleil-2026!', /^Retirez « kerbrenou »/],
    // Length: 11 characters refused whatever their strength, 12 judged on strength.
    ['Rv8#kq2!Lm4', /au moins 12 caractères/],
    ['aaaaaaaaaaaa', /trop facile à deviner/],
  ])('refuses %j', (password, advice) => {
    const verdict = evaluatePassword(password, 'account', JEAN);
    expect(verdict.acceptable).toBe(false);
    expect(verdict.advice).toMatch(advice);
  });

  it.each([
    'Secrétariat-CCAS-2026',
    'chantier vert du lundi',
    'Remis-à-zéro-2026',
    PASSWORD,
    'Mon chat Félix dort 3 fois/jour',
  ])('accepts %j', (password) => {
    expect(evaluatePassword(password, 'account', JEAN)).toMatchObject({ acceptable: true, advice: null });
  });

  it('keeps the generic words of a structure’s name (CCAS, de) but refuses the place', () => {
    expect(nameParts('CCAS de Kerbrénou')).toEqual(['kerbrenou']);
    expect(nameParts('Élodie Le Gall')).toEqual(['elodie', 'gall']);
    expect(nameParts('Jo Li')).toEqual([]);
  });

  it('refuses any password holding a name part, wherever it sits (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9 -]{0,8}$/),
        fc.constantFrom('Durand', 'DURAND', 'durând', 'Kerbrenou', 'KERBRÉNOU'),
        fc.stringMatching(/^[a-z0-9 -]{0,8}$/),
        (before, name, after) => {
          expect(evaluatePassword(`${before}${name}${after}-Xq7!plume-orage`, 'account', JEAN).acceptable).toBe(false);
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe('the backup passphrase (offline file: 80 bits)', () => {
  it.each([
    ['une-autre-phrase-de-passe', false],
    ['tulipe radis hamac sable', false], // four words: about 70 bits
    ['Secrétariat-CCAS-2026', false], // good enough for an account, not for a file carried away
    ['Mon chat Félix dort 3 fois/jour', true],
    ['sapin-galet-hibou-tulipe-phare-radis-comète-voilier', true],
  ])('%j → %s', (passphrase, acceptable) => {
    const verdict = evaluatePassword(passphrase, 'backup', JEAN);
    expect(verdict.acceptable).toBe(acceptable);
    if (!acceptable) expect(verdict.advice).toMatch(/Ajoutez des mots/);
  });

  it('asks more of a passphrase than of an account password', () => {
    expect(REQUIRED_BITS.backup).toBe(80);
    expect(REQUIRED_BITS.account).toBeLessThan(REQUIRED_BITS.backup);
  });

  it('accepts the passphrases it suggests (property)', () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        expect(evaluatePassword(suggestPassphrase(), 'backup', JEAN).acceptable).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("suggests passphrases whose real randomness reaches the backup threshold (not only zxcvbn's estimate)", () => {
    expect(SUGGESTION_BITS).toBeGreaterThanOrEqual(REQUIRED_BITS.backup);
    expect(suggestPassphrase().split('-')).toHaveLength(SUGGESTED_WORDS);
  });
});

describe('through the RPC', () => {
  it('refuses the weak examples when creating an account, and names the structure', async () => {
    const { call } = await configured();
    for (const password of [
      '12345678901234',
      'azertyuiopqsdf',
      'durandurand2026',
      'motdepasse1234',
      'Passerelle2026!',
      'Kerbrenou-vert-du-lundi',
    ]) {
      expect(
        await call('users/create', { displayName: 'Jean Durand', role: 'encadrant', password }),
        password,
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'password' },
      });
    }
    valueOf(await call('users/create', { displayName: 'Jean Durand', role: 'encadrant', password: PASSWORD }));
  });

  it('refuses a weak backup passphrase', async () => {
    const { call } = await configured();
    expect(await call('backup/setPassphrase', { passphrase: 'tulipe radis hamac sable' })).toMatchObject({
      ok: false,
      error: { field: 'passphrase', message: expect.stringMatching(/Ajoutez des mots/) },
    });
  });

  it('changing one’s own password ends one’s other sessions, not this one nor anyone else’s', async () => {
    const { services, call, view, session } = await configured();
    const admin = setupInput().administrator;
    const otherWindow = valueOf(
      await caller(services)('auth/login', { userId: view.user.id, password: admin.password }),
    );
    const colleague = valueOf(
      await call('users/create', { displayName: 'Jean Durand', role: 'encadrant', password: PASSWORD }),
    );
    const colleagueView = valueOf(await caller(services)('auth/login', { userId: colleague.id, password: PASSWORD }));

    valueOf(
      await call('auth/changePassword', {
        currentPassword: admin.password,
        newPassword: 'Nouvelle-phrase-du-matin-2026',
      }),
    );
    expect(services.sessions.resolve(session.token!, services.clock.now(), 60)).toMatchObject({ id: view.user.id });
    expect(services.sessions.resolve(otherWindow.token, services.clock.now(), 60)).toBeNull();
    expect(services.sessions.resolve(colleagueView.token, services.clock.now(), 60)).toMatchObject({
      id: colleague.id,
    });
  });
});
