import { describe, expect, it } from 'vitest';
import { duplicateCode } from '../../src-main/shared/contract/pay-items';
import { caller, configured, sessionAs, valueOf } from './support/services';

describe('the rubrique codes of an employer (Paramètres › Employeurs › Rubriques de paie)', () => {
  it('refuses in French an empty code, a separator, a formula sign and a code another rubrique has; null goes back to the default', async () => {
    const { call, services } = await configured();
    const set = (
      codes: { item: 'heures_normales' | 'hc_10' | 'hc_25' | 'absence_non_payee_maladie'; code: string | null }[],
    ) => call('payroll/setPayItemCodes', { employerId: 1, codes });

    expect(await set([{ item: 'hc_10', code: '  ' }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'codes.0.code', message: 'Le code de rubrique est obligatoire.' },
    });
    expect(await set([{ item: 'hc_10', code: 'H;10' }])).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Le code de rubrique ne peut contenir ni « ; » ni guillemet ni retour à la ligne.',
      },
    });
    expect(await set([{ item: 'hc_10', code: '-10' }])).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Le code de rubrique ne peut pas commencer par = + - ou @ (un tableur le lirait comme une formule).',
      },
    });
    expect(await set([{ item: 'hc_10', code: 'x'.repeat(21) }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });

    // Unique per employer, against the defaults kept too; nothing is written when refused.
    expect(await set([{ item: 'hc_10', code: 'hn' }])).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'codes.0.code',
        message:
          'Le code « hn » est déjà celui de la rubrique « Heures normales travaillées (au taux en vigueur chaque jour) » : chaque rubrique a son propre code.',
      },
    });
    expect(valueOf(await call('payroll/payItemCodes', { employerId: 1 })).every((c) => c.isDefault)).toBe(true);
    // Swapping two codes in one save is fine.
    const swapped = valueOf(
      await set([
        { item: 'heures_normales', code: 'HC10' },
        { item: 'hc_10', code: 'HN' },
      ]),
    );
    expect(swapped.filter((c) => !c.isDefault).map((c) => [c.item, c.code])).toEqual([
      ['heures_normales', 'HC10'],
      ['hc_10', 'HN'],
    ]);
    const reset = valueOf(
      await set([
        { item: 'heures_normales', code: null },
        { item: 'hc_10', code: null },
      ]),
    );
    expect(reset.every((c) => c.isDefault)).toBe(true);
    // Another employer's codes are its own.
    expect(await call('payroll/setPayItemCodes', { employerId: 99, codes: [] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // The encadrant cannot change them.
    const encadrant = caller(services, await sessionAs(services, 'encadrant'));
    expect(
      await encadrant('payroll/setPayItemCodes', { employerId: 1, codes: [{ item: 'hc_10', code: 'X' }] }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    [
      [
        { item: 'hc_10', code: 'A' },
        { item: 'hc_25', code: 'B' },
      ],
      null,
    ],
    [
      [
        { item: 'hc_10', code: 'A' },
        { item: 'hc_25', code: 'a ' },
      ],
      { item: 'hc_25', other: 'hc_10', code: 'a' },
    ],
    [
      [
        { item: 'hc_10', code: 'HC' },
        { item: 'hc_25', code: 'HC1' },
      ],
      null,
    ],
  ] as const)('duplicates of %j: %j', (codes, expected) => {
    expect(duplicateCode(codes)).toEqual(expected);
  });
});
