import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceRate, attendanceRateText } from '../../src-main/shared/attendance-rate';

describe('the attendance rate the screens, the bilans and the funders’ figures share', () => {
  it.each([
    [0, 0, null, '—'],
    [0, 1, 0, '0 %'],
    [1, 3, 33, '33 %'],
    [2, 3, 67, '67 %'],
    [7, 8, 88, '88 %'], // 87,5 rounds up
    [1, 8, 13, '13 %'], // 12,5 rounds up
    [15, 16, 94, '94 %'], // 93,75
    [8, 8, 100, '100 %'],
  ])('%i half-days attended of %i held: %s', (attended, held, rate, text) => {
    expect(attendanceRate(attended, held)).toBe(rate);
    expect(attendanceRateText(attended, held)).toBe(text);
  });

  it('is a whole percent between 0 and 100 that never falls when one more half-day is attended', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (held, a) => {
        const attended = a % (held + 1);
        const rate = attendanceRate(attended, held)!;
        expect(Number.isInteger(rate) && rate >= 0 && rate <= 100).toBe(true);
        if (attended < held) expect(attendanceRate(attended + 1, held)!).toBeGreaterThanOrEqual(rate);
      }),
    );
  });
});
