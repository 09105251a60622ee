import { describe, expect, it } from 'vitest';
import { fromFlag, fromOptionalFlag, toFlag, toOptionalFlag, withBooleans, type Flag } from '../../src-main/db/flags';

describe('0/1 columns leave the repositories as booleans', () => {
  it('turns each flag both ways, an unset one staying unset', () => {
    expect([toFlag(true), toFlag(false)]).toEqual([1, 0]);
    expect([fromFlag(1), fromFlag(0)]).toEqual([true, false]);
    expect([true, false, null].map(toOptionalFlag)).toEqual([1, 0, null]);
    expect(([1, 0, null] as const).map(fromOptionalFlag)).toEqual([true, false, null]);
  });

  it('converts only the columns named, and keeps the others as they were (a 0 or 1 that is no flag included)', () => {
    const row: { id: number; paid: Flag; done: Flag | null; minutes: number } = {
      id: 7,
      paid: 1,
      done: null,
      minutes: 1,
    };
    const converted = withBooleans(row, 'paid', 'done');
    expect(converted).toEqual({ id: 7, paid: true, done: null, minutes: 1 });
    expect(withBooleans({ id: 8, paid: 0 as Flag, done: 1 as Flag | null, minutes: 0 }, 'paid', 'done')).toEqual({
      id: 8,
      paid: false,
      done: true,
      minutes: 0,
    });
    // The row given is left untouched.
    expect(row.paid).toBe(1);
  });
});
