import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCell, sameCell, type CellValue } from '../../src-main/domain/cell-merge';

const cell = (mark: string, extra: Partial<CellValue> = {}): CellValue => ({
  mark,
  actualStart: null,
  actualEnd: null,
  paid: mark === 'present',
  proofReceived: false,
  proofDate: null,
  ...extra,
});
const P = cell('present');
const M = cell('maladie');
const N = cell('non_justifiee');

describe('three-way merge of one attendance cell', () => {
  it.each<[string, CellValue | null, CellValue | null, CellValue | null, string]>([
    ['nobody else changed it: mine is written', null, P, null, 'mine'],
    ['nobody else changed a marked cell: mine is written', P, M, P, 'mine'],
    ['I emptied it, nobody else changed it: mine (empty) is written', P, null, P, 'mine'],
    ['both typed the same: theirs stays, nothing to write', null, P, P, 'theirs'],
    ['both emptied it: theirs stays', P, null, null, 'theirs'],
    ['I left it as shown: theirs stays', P, P, M, 'theirs'],
    ['both changed it to different values: conflict', null, P, M, 'conflict'],
    ['they emptied it, I changed it: conflict', P, M, null, 'conflict'],
    ['I emptied it, they changed it: conflict', P, null, M, 'conflict'],
    ['three different marks: conflict', P, M, N, 'conflict'],
    // Boundary of equality: one detail differs (the proof) and the values are not the same.
    [
      'they only added the proof, I changed the mark: conflict',
      M,
      N,
      cell('maladie', { proofReceived: true }),
      'conflict',
    ],
    [
      'same mark, same proof both sides: theirs stays',
      M,
      cell('maladie', { proofReceived: true }),
      cell('maladie', { proofReceived: true }),
      'theirs',
    ],
    [
      'late arrival times differ by one minute: conflict',
      null,
      cell('retard', { actualStart: '09:00' }),
      cell('retard', { actualStart: '09:01' }),
      'conflict',
    ],
  ])('%s', (_label, base, mine, theirs, expected) => {
    expect(mergeCell(base, mine, theirs, sameCell)).toBe(expected);
  });

  const value = fc.option(
    fc.record({
      mark: fc.constantFrom('present', 'retard', 'maladie', 'non_justifiee'),
      actualStart: fc.option(fc.constantFrom('09:00', '09:30'), { nil: null }),
      actualEnd: fc.constant(null),
      paid: fc.boolean(),
      proofReceived: fc.boolean(),
      proofDate: fc.option(fc.constant('2026-06-05'), { nil: null }),
    }),
    { nil: null },
  );

  it('never loses a change: the kept value is one of the two sides, and a conflict only when both changed it differently', () => {
    fc.assert(
      fc.property(value, value, value, (base, mine, theirs) => {
        const outcome = mergeCell(base, mine, theirs, sameCell);
        const mineChanged = !sameCell(mine, base);
        const theirsChanged = !sameCell(theirs, base);
        const differ = !sameCell(mine, theirs);
        expect(outcome === 'conflict').toBe(mineChanged && theirsChanged && differ);
        // Only my change is written; theirs is kept when it is the only change (or the same as mine).
        if (outcome === 'mine') expect(mineChanged && !theirsChanged).toBe(true);
        if (outcome === 'theirs') expect(!mineChanged || !differ).toBe(true);
      }),
    );
  });

  it('is symmetric: swapping mine and theirs swaps the outcome, conflicts stay conflicts', () => {
    fc.assert(
      fc.property(value, value, value, (base, mine, theirs) => {
        const a = mergeCell(base, mine, theirs, sameCell);
        const b = mergeCell(base, theirs, mine, sameCell);
        if (a === 'conflict') expect(b).toBe('conflict');
        // The value kept is the same whichever side writes it.
        const kept = (o: string, m: typeof mine, t: typeof theirs) => (o === 'mine' ? m : t);
        if (a !== 'conflict') expect(sameCell(kept(a, mine, theirs), kept(b, theirs, mine))).toBe(true);
      }),
    );
  });
});
