import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFrenchDate } from '../../src-main/shared/dates';
import { formatEuros } from '../../src-main/shared/money';
import { LEGAL_SMIC, hasMetropolitanSmic, smicRateRefusal } from '../../src-main/shared/smic-floor';
import { setupInput, structure } from './support/factories';
import { caller, configured, testServices, valueOf } from './support/services';

const TABLE = [
  { effectiveFrom: '2024-11-01', hourlyCents: 1188 },
  { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
];

describe('a new SMIC rate next to the table', () => {
  it.each([
    ['equal to the previous one', '2027-01-01', 1202, null],
    ['one cent below the previous one', '2027-01-01', 1201, 'inférieur à celui du 01/01/2026'],
    ['one cent above the previous one', '2027-01-01', 1203, null],
    ['between two, equal to the next', '2025-06-01', 1202, null],
    ['between two, one cent above the next', '2025-06-01', 1203, 'supérieur à celui du 01/01/2026'],
    ['between two, one cent below the previous', '2025-06-01', 1187, 'inférieur à celui du 01/11/2024'],
    ['the legal 1 January 2026 rate', '2026-01-01', 1202, null],
    [
      'one cent below the legal rate on its first day',
      '2026-01-01',
      1201,
      'inférieur au SMIC légal en vigueur le 01/01/2026',
    ],
    ['the day before a legal raise, the older floor', '2025-12-31', 1188, null],
    ['one cent below the older floor the day before', '2025-12-31', 1187, 'inférieur'],
    ['before the decree table, nothing to compare', '2019-06-01', 900, null],
  ])('%s', (_case, effectiveFrom, hourlyCents, expected) => {
    const existing = effectiveFrom < '2020-01-01' ? [] : TABLE;
    const refusal = smicRateRefusal({ effectiveFrom, hourlyCents }, existing);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(expected);
  });

  it('replacing the rate of the same date is compared with the others only', () => {
    expect(smicRateRefusal({ effectiveFrom: '2026-01-01', hourlyCents: 1210 }, TABLE)).toBeNull();
  });

  it('in Mayotte the decree table does not apply, the order still does', () => {
    expect(hasMetropolitanSmic('97600')).toBe(false);
    expect(hasMetropolitanSmic('97400')).toBe(true);
    expect(hasMetropolitanSmic('29200')).toBe(true);
    expect(smicRateRefusal({ effectiveFrom: '2026-01-01', hourlyCents: 933 }, [], { legalFloor: false })).toBeNull();
    expect(
      smicRateRefusal(
        { effectiveFrom: '2026-01-01', hourlyCents: 933 },
        [{ effectiveFrom: '2025-01-01', hourlyCents: 940 }],
        { legalFloor: false },
      ),
    ).toContain('Le SMIC ne baisse jamais');
  });

  // Each decree or order of the table, from both sides of its first day and of its amount.
  it.each(LEGAL_SMIC.map((rate, i) => [rate.effectiveFrom, rate.hourlyCents, LEGAL_SMIC[i - 1] ?? null] as const))(
    'the legal SMIC of %s (%i cents) is the floor from that day, the previous one the day before',
    (effectiveFrom, hourlyCents, previous) => {
      expect(smicRateRefusal({ effectiveFrom, hourlyCents }, [])).toBeNull();
      expect(smicRateRefusal({ effectiveFrom, hourlyCents: hourlyCents - 1 }, [])).toContain(
        `inférieur au SMIC légal en vigueur le ${formatFrenchDate(effectiveFrom)}`,
      );
      const dayBefore = new Date(Date.parse(`${effectiveFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      if (previous) {
        expect(smicRateRefusal({ effectiveFrom: dayBefore, hourlyCents: previous.hourlyCents }, [])).toBeNull();
        expect(smicRateRefusal({ effectiveFrom: dayBefore, hourlyCents: previous.hourlyCents - 1 }, [])).toContain(
          `(${formatEuros(previous.hourlyCents)} depuis le ${formatFrenchDate(previous.effectiveFrom)})`,
        );
      } else {
        expect(smicRateRefusal({ effectiveFrom: dayBefore, hourlyCents: 1 }, [])).toBeNull();
      }
    },
  );

  it('no revaluation on 1 January 2025: the 1 November 2024 rate stays in force until 2026', () => {
    expect(smicRateRefusal({ effectiveFrom: '2025-01-01', hourlyCents: 1188 }, [])).toBeNull();
    expect(smicRateRefusal({ effectiveFrom: '2025-12-31', hourlyCents: 1187 }, [])).toContain('(11,88');
  });

  it('the decree table only rises', () => {
    for (let i = 1; i < LEGAL_SMIC.length; i++) {
      expect(LEGAL_SMIC[i]!.effectiveFrom > LEGAL_SMIC[i - 1]!.effectiveFrom).toBe(true);
      expect(LEGAL_SMIC[i]!.hourlyCents).toBeGreaterThanOrEqual(LEGAL_SMIC[i - 1]!.hourlyCents);
    }
  });

  it('any table that only rises, added one by one in any order, is accepted', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.uniqueArray(day, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 6, maxLength: 6 }),
        (dates, steps) => {
          const sorted = [...dates].sort();
          let cents = 1202;
          const rising = sorted.map((effectiveFrom, i) => ({ effectiveFrom, hourlyCents: (cents += steps[i]!) }));
          const shuffled = [...rising].reverse();
          shuffled.forEach((rate, i) => expect(smicRateRefusal(rate, shuffled.slice(0, i))).toBeNull());
        },
      ),
    );
  });
});

describe('the SMIC table through the application', () => {
  it('settings refuse a rate below the previous one, in French, and keep the table', async () => {
    const { call } = await configured();
    expect(await call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1120 })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'hourlyCents',
        message: `Le SMIC ne baisse jamais : ce taux (${formatEuros(1120)}) est inférieur à celui du 01/01/2026 (${formatEuros(1202)}). Vérifiez le montant.`,
      },
    });
    const settings = valueOf(await call('settings/get', {}));
    expect(settings.wageRates).toHaveLength(2);
    expect(
      valueOf(await call('settings/addWageRate', { effectiveFrom: '2027-01-01', hourlyCents: 1231 })),
    ).toHaveLength(3);
  });

  it.each([
    [
      'settings, below the previous rate',
      'settings',
      { effectiveFrom: '2027-01-01', hourlyCents: 1201 },
      'hourlyCents',
      'Le SMIC ne baisse jamais : ce taux (12,01',
    ],
    [
      'settings, below the legal SMIC of its date',
      'settings',
      { effectiveFrom: '2024-06-01', hourlyCents: 1164 },
      'hourlyCents',
      'inférieur au SMIC légal en vigueur le 01/06/2024 (11,65',
    ],
    [
      'the wizard, below the previous rate',
      'wizard',
      { effectiveFrom: '2027-01-01', hourlyCents: 1201 },
      'wageRates.2.hourlyCents',
      'Le SMIC ne baisse jamais : ce taux (12,01',
    ],
    [
      'the wizard, below the legal SMIC of its date',
      'wizard',
      { effectiveFrom: '2024-06-01', hourlyCents: 1164 },
      'wageRates.2.hourlyCents',
      'inférieur au SMIC légal en vigueur le 01/06/2024 (11,65',
    ],
  ] as const)('%s is refused, one cent more is taken', async (_case, where, rate, field, message) => {
    const attempt = async (hourlyCents: number) => {
      if (where === 'settings') return (await configured()).call('settings/addWageRate', { ...rate, hourlyCents });
      const wageRates = [...setupInput().wageRates, { ...rate, hourlyCents }];
      return caller(await testServices())('setup/complete', setupInput({ wageRates }));
    };
    const refused = await attempt(rate.hourlyCents);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(refused.ok ? '' : refused.error.message.replace(/\s/gu, ' ')).toContain(message.replace(/\s/gu, ' '));
    expect(await attempt(rate.hourlyCents + 1)).toMatchObject({ ok: true });
  });

  it('the wizard refuses a rate below the legal SMIC of its date', async () => {
    const call = caller(await testServices());
    const result = await call(
      'setup/complete',
      setupInput({ wageRates: [{ effectiveFrom: '2026-01-01', hourlyCents: 1188 }] }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        field: 'wageRates.0.hourlyCents',
        message: expect.stringContaining(`inférieur au SMIC légal en vigueur le 01/01/2026 (${formatEuros(1202)}`),
      },
    });
    const mayotte = await call(
      'setup/complete',
      setupInput({
        structure: structure({ postcode: '97600' }),
        wageRates: [{ effectiveFrom: '2026-01-01', hourlyCents: 933 }],
      }),
    );
    expect(mayotte).toMatchObject({ ok: true });
  });
});
