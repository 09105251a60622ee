import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalFigures, figureChanges, type PersonFigures } from '../../src-main/domain/payroll-figures';
import { PAY_ITEMS } from '../../src-main/shared/contract/pay-items';

const line = (item: PersonFigures['payLines'][number]['item'], dates: string[], minutes: number, rate = 120200) => ({
  item,
  dates,
  minutes,
  centiHours: Math.round((minutes * 100) / 60),
  rateCentiCents: rate,
  amountCents: Math.round((Math.round((minutes * 100) / 60) * rate) / 10000),
});
const kept: PersonFigures[] = [
  {
    participationId: 1,
    payLines: [line('heures_normales', ['2026-06-01', '2026-06-02'], 420)],
    days: [
      { date: '2026-06-01', worked: 210, paid: 210 },
      { date: '2026-06-02', worked: 210, paid: 210 },
    ],
  },
];

describe('the kept figures of a month', () => {
  it.each([
    ['nothing changed', kept, []],
    [
      'an hour fewer',
      [{ ...kept[0]!, payLines: [line('heures_normales', ['2026-06-01', '2026-06-02'], 360)] }],
      [['heures_normales', 420, 360]],
    ],
    [
      'same hours on other days',
      [{ ...kept[0]!, payLines: [line('heures_normales', ['2026-06-01', '2026-06-03'], 420)] }],
      [['heures_normales', 420, 420]],
    ],
    [
      'same hours at another rate',
      [{ ...kept[0]!, payLines: [line('heures_normales', ['2026-06-01', '2026-06-02'], 420, 123000)] }],
      [['heures_normales', 420, 420]],
    ],
    [
      'a line appears',
      [{ ...kept[0]!, payLines: [...kept[0]!.payLines, line('temps_annexe', ['2026-06-02'], 60)] }],
      [['temps_annexe', 0, 60]],
    ],
    ['the person is gone', [], [['heures_normales', 420, 0]]],
  ] as const)('%s', (_case, now, expected) => {
    expect(
      figureChanges(kept, now as PersonFigures[], PAY_ITEMS).map((c) => [c.item, c.before.minutes, c.after.minutes]),
    ).toEqual(expected);
  });

  it('the fingerprint text ignores the order figures are listed in; the same figures never differ', () => {
    const day = fc.record({
      date: fc.constantFrom('2026-06-01', '2026-06-02', '2026-06-03'),
      worked: fc.integer({ min: 0, max: 600 }),
      paid: fc.integer({ min: 0, max: 600 }),
    });
    const person = fc.record({
      participationId: fc.integer({ min: 1, max: 5 }),
      payLines: fc.array(
        fc.record({
          item: fc.constantFrom(...PAY_ITEMS),
          dates: fc.array(fc.constantFrom('2026-06-01', '2026-06-02'), { maxLength: 2 }),
          minutes: fc.integer({ min: -600, max: 600 }),
          centiHours: fc.integer(),
          rateCentiCents: fc.nat(),
          amountCents: fc.integer(),
        }),
        { maxLength: 4 },
      ),
      days: fc.uniqueArray(day, { selector: (d) => d.date, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(person, { selector: (p) => p.participationId, maxLength: 4 }), (figures) => {
        const shuffled = [...figures]
          .reverse()
          .map((p) => ({ ...p, payLines: [...p.payLines].reverse(), days: [...p.days].reverse() }));
        expect(canonicalFigures(shuffled)).toBe(canonicalFigures(figures));
        expect(figureChanges(figures, shuffled, PAY_ITEMS)).toEqual([]);
      }),
    );
  });
});
