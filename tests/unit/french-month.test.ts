import { describe, expect, it } from 'vitest';
import { frenchMonth } from '../../src-main/shared/dates';

describe('a month as people write it', () => {
  it.each([
    ['2026-01', 'janvier 2026'],
    ['2026-06', 'juin 2026'],
    ['2026-12', 'décembre 2026'],
    ['2027-02', 'février 2027'],
  ])('%s → %s (never the ISO form, whatever the time zone)', (month, text) => {
    expect(frenchMonth(month)).toBe(text);
  });
});
