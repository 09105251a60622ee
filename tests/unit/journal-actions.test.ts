import { describe, expect, it } from 'vitest';
import { METHODS } from '../../src-main/shared/contract';
import { JOURNAL_METHOD_ACTIONS, journalActionOf } from '../../src-main/shared/journal-actions';
import { formatFrenchDayOf, formatFrenchInstant, parisDateOf, parisDayStart } from '../../src-main/shared/paris-time';

const INTERNAL = ['journal/purge', 'journal/seal', 'journal/check', 'lan/pair'];

describe('the journal names each method as an action in French', () => {
  it.each(METHODS)('%s has a French action', (method) => {
    const action = JOURNAL_METHOD_ACTIONS[method];
    expect(action, `${method} n'a pas d'action en français dans shared/journal-actions.ts`).toBeTruthy();
    // A sentence start in French, never the method's name.
    expect(action).toMatch(/^[A-ZÀ-Ý]/);
    expect(action).not.toContain('/');
  });

  it('names nothing but the contract and the entries the core writes itself', () => {
    expect(Object.keys(JOURNAL_METHOD_ACTIONS).sort()).toEqual([...METHODS, ...INTERNAL].sort());
  });

  it('gives each method its own action, so the filter tells them apart', () => {
    const actions = Object.values(JOURNAL_METHOD_ACTIONS);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('keeps an entry of a method since removed readable', () => {
    expect(journalActionOf('people/get')).toBe('Consultation de la fiche');
    expect(journalActionOf('ancien/appel')).toBe('Opération ancien/appel');
  });
});

describe('journal dates read as in France', () => {
  it.each([
    ['2026-12-02T09:31:00.000Z', '02/12/2026 à 10\u00a0h\u00a031'],
    ['2026-07-01T07:05:00.000Z', '01/07/2026 à 9\u00a0h\u00a005'],
    ['2026-03-28T23:00:00.000Z', '29/03/2026 à 0\u00a0h\u00a000'],
    ['2026-10-25T00:59:00.000Z', '25/10/2026 à 2\u00a0h\u00a059'],
    ['2026-10-25T01:00:00.000Z', '25/10/2026 à 2\u00a0h\u00a000'],
  ])('%s reads « %s »', (iso, text) => expect(formatFrenchInstant(iso)).toBe(text));

  it.each([
    // From 23 h (22 h in summer) UTC, it is already the next day in Paris.
    ['2026-12-01T22:59:00.000Z', '2026-12-01', '01/12/2026'],
    ['2026-12-01T23:00:00.000Z', '2026-12-02', '02/12/2026'],
    ['2026-06-30T21:59:00.000Z', '2026-06-30', '30/06/2026'],
    ['2026-06-30T22:00:00.000Z', '2026-07-01', '01/07/2026'],
  ])('%s falls on %s in Paris (%s)', (iso, day, text) => {
    expect(parisDateOf(iso)).toBe(day);
    expect(formatFrenchDayOf(iso)).toBe(text);
  });

  it.each([
    ['2026-12-02', '2026-12-01T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    // The days of the clock changes start at midnight of the old offset.
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
  ])('the day %s starts at %s UTC', (day, start) => expect(parisDayStart(day)).toBe(start));
});
