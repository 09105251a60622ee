import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attack,
  exposedCells,
  maskOf,
  protectReport,
  type CellState,
  type SecrecyReport,
  type States,
} from '../../src-main/domain/secrecy';
import { rangeOf } from '../../src-main/domain/linear-bounds';

/** A cross table with its row totals, column totals and grand total, ids "r|c", "row r", "column c", "total". */
function crossTable(cells: number[][], prefix = ''): SecrecyReport {
  const report: SecrecyReport = { cells: [], sums: [] };
  const id = (r: number, c: number) => `${prefix}${r}|${c}`;
  cells.forEach((row, r) => {
    row.forEach((v, c) => report.cells.push({ id: id(r, c), value: v }));
    report.cells.push({ id: `${prefix}row ${r}`, value: row.reduce((a, b) => a + b, 0) });
    report.sums.push({ total: `${prefix}row ${r}`, parts: row.map((_, c) => id(r, c)) });
  });
  cells[0]!.forEach((_, c) => {
    report.cells.push({ id: `${prefix}column ${c}`, value: cells.reduce((s, row) => s + row[c]!, 0) });
    report.sums.push({ total: `${prefix}column ${c}`, parts: cells.map((_, r) => id(r, c)) });
  });
  report.cells.push({ id: `${prefix}total`, value: cells.flat().reduce((a, b) => a + b, 0) });
  report.sums.push({ total: `${prefix}total`, parts: cells.map((_, r) => `${prefix}row ${r}`) });
  return report;
}

/** One breakdown with its total. */
function breakdown(name: string, counts: number[], total = `${name} total`): SecrecyReport {
  return {
    cells: [
      ...counts.map((v, i) => ({ id: `${name} ${i}`, value: v })),
      { id: total, value: counts.reduce((a, b) => a + b, 0) },
    ],
    sums: [{ total, parts: counts.map((_, i) => `${name} ${i}`) }],
  };
}

const statesOf = (report: SecrecyReport, hidden: Record<string, CellState>): States =>
  new Map(report.cells.map((c) => [c.id, hidden[c.id] ?? 'shown']));
const hiddenIds = (states: States) =>
  [...states]
    .filter(([, s]) => s !== 'shown')
    .map(([id]) => id)
    .sort();

/**
 * Every value each hidden count of a 2 × 3 cross table can take, trying every
 * value of its hidden inner cells up to `ceiling` (margins follow from them).
 */
function bruteForce(
  report: SecrecyReport,
  states: States,
  cells: number[][],
  ceiling: number,
): Map<string, Set<number>> {
  const values = new Map(report.cells.map((c) => [c.id, c.value]));
  const hidden = report.cells.filter((c) => states.get(c.id) !== 'shown');
  const found = new Map(hidden.map((c) => [c.id, new Set<number>()]));
  const inner = cells.flatMap((row, r) => row.map((_, c) => `${r}|${c}`)).filter((id) => states.get(id) !== 'shown');
  const fits = (id: string, v: number) => {
    const mask = maskOf(values.get(id)!, states.get(id)!);
    return mask === null ? v === values.get(id) : mask === '< 5' ? v <= 4 : v >= 5;
  };
  const attempt = new Map(values);
  const walk = (k: number) => {
    if (k === inner.length) {
      for (const s of report.sums)
        attempt.set(
          s.total,
          s.parts.reduce((a, p) => a + attempt.get(p)!, 0),
        );
      // The grand total's rule sums row totals: set after them.
      const last = report.sums.at(-1)!;
      attempt.set(
        last.total,
        last.parts.reduce((a, p) => a + attempt.get(p)!, 0),
      );
      if (report.cells.every((c) => fits(c.id, attempt.get(c.id)!)))
        for (const c of hidden) found.get(c.id)!.add(attempt.get(c.id)!);
      return;
    }
    const id = inner[k]!;
    const small = maskOf(values.get(id)!, states.get(id)!) === '< 5';
    for (let v = small ? 0 : 5; v <= (small ? 4 : ceiling); v++) {
      attempt.set(id, v);
      walk(k + 1);
    }
  };
  walk(0);
  return found;
}

describe('the range of an unknown under sums (simplex)', () => {
  it.each([
    [
      'x + y = 6, x in 0..4, y ≥ 5',
      {
        lower: [0, 5],
        upper: [4, Infinity],
        equations: [
          {
            coefficients: new Map([
              [0, 1],
              [1, 1],
            ]),
            rhs: 6,
          },
        ],
      },
      0,
      { min: 0, max: 1 },
    ],
    [
      'x + y = 6, y ≥ 5: y',
      {
        lower: [0, 5],
        upper: [4, Infinity],
        equations: [
          {
            coefficients: new Map([
              [0, 1],
              [1, 1],
            ]),
            rhs: 6,
          },
        ],
      },
      1,
      { min: 5, max: 6 },
    ],
    [
      'x − y = 0, no upper bound',
      {
        lower: [0, 0],
        upper: [Infinity, Infinity],
        equations: [
          {
            coefficients: new Map([
              [0, 1],
              [1, -1],
            ]),
            rhs: 0,
          },
        ],
      },
      0,
      { min: 0, max: Infinity },
    ],
    [
      'x + y = 5 twice (a redundant sum)',
      {
        lower: [1, 1],
        upper: [4, 4],
        equations: [0, 1].map(() => ({
          coefficients: new Map([
            [0, 1],
            [1, 1],
          ]),
          rhs: 5,
        })),
      },
      0,
      { min: 1, max: 4 },
    ],
    ['no sum at all', { lower: [3], upper: [4], equations: [] }, 0, { min: 3, max: 4 }],
  ])('%s', (_, system, k, expected) => {
    expect(rangeOf(system, k)).toEqual(expected);
  });

  it('says when nothing fits', () => {
    expect(
      rangeOf(
        {
          lower: [0, 5],
          upper: [4, Infinity],
          equations: [
            {
              coefficients: new Map([
                [0, 1],
                [1, 1],
              ]),
              rhs: 3,
            },
          ],
        },
        0,
      ),
    ).toBeNull();
  });
});

describe('the attacker', () => {
  it('reads the marks: "< 5" is 0 to 4, "s" is 5 or more', () => {
    const report = breakdown('b', [1, 5, 40]);
    const ranges = attack(report, statesOf(report, { 'b 0': 'primary', 'b 1': 'complementary' }));
    expect(ranges.get('b 0')).toEqual({ min: 0, max: 1 });
    expect(ranges.get('b 1')).toEqual({ min: 5, max: 6 });
  });

  it('finds a small count again from a shown total and the other shown cells', () => {
    const report = breakdown('b', [40, 3, 12, 0]);
    expect(attack(report, statesOf(report, { 'b 1': 'primary' })).get('b 1')).toEqual({ min: 3, max: 3 });
    expect(exposedCells(report, statesOf(report, { 'b 1': 'primary' }))).toEqual(['b 1']);
  });

  it('finds four "< 5" counts that add up to a "< 5" total of 4 (each is 1)… unless a zero is hidden with them', () => {
    const report = breakdown('b', [1, 1, 1, 1, 0, 30], 'x');
    const states = statesOf(report, {
      'b 0': 'primary',
      'b 1': 'primary',
      'b 2': 'primary',
      'b 3': 'primary',
      'b 5': 'complementary',
      x: 'complementary',
    });
    expect(exposedCells(report, states)).toEqual([]);
    const tight: SecrecyReport = {
      cells: [...report.cells.filter((c) => c.id !== 'b 5' && c.id !== 'x'), { id: 't', value: 4 }],
      sums: [{ total: 't', parts: ['b 0', 'b 1', 'b 2', 'b 3', 'b 4'] }],
    };
    const small = statesOf(tight, {
      'b 0': 'primary',
      'b 1': 'primary',
      'b 2': 'primary',
      'b 3': 'primary',
      t: 'primary',
    });
    // Five "< 5" cells of at most 4 with a total of at most 4: each still has 0 to 4 possible, the zero is shown though.
    expect(attack(tight, small).get('b 0')).toEqual({ min: 0, max: 4 });
  });

  it('agrees with trying every value, on random small tables and random hidden cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 2,
        }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (cells, hide) => {
          const report = crossTable(cells);
          const states: States = new Map(
            report.cells.map((c, i) => [
              c.id,
              hide[i] && c.value > 0 ? (c.value < 5 ? 'primary' : 'complementary') : 'shown',
            ]),
          );
          const ceiling = 14;
          fc.pre(hiddenIds(states).filter((id) => id.includes('|')).length <= 4);
          const exact = bruteForce(report, states, cells, ceiling);
          const cap = (v: number) => Math.min(v, ceiling);
          for (const [id, range] of attack(report, states)) {
            const possible = [...exact.get(id)!];
            expect({ id, min: cap(Math.min(...possible)), max: cap(Math.max(...possible)) }).toEqual({
              id,
              min: cap(range.min),
              max: cap(range.max),
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('protecting a report', () => {
  it.each([
    ['a breakdown: the small count and the next smallest', [40, 3, 12, 0], ['b 1', 'b 2']],
    ['two small counts hide each other', [40, 3, 2, 9], ['b 1', 'b 2']],
    ['a 1 beside a 5: hiding the 5 leaves 0 or 1', [1, 5], ['b 0', 'b 1']],
    ['nothing under 5: nothing hidden', [40, 5, 12, 0], []],
    ['exactly 5 is shown, 4 is hidden', [4, 5, 6], ['b 0', 'b 1']],
  ])('%s', (_, counts, hidden) => {
    const report = breakdown('b', counts);
    const states = protectReport(report);
    expect(hiddenIds(states)).toEqual(hidden);
    expect(exposedCells(report, states)).toEqual([]);
  });

  it('a cross table: the small cell, and a rectangle of others so that neither its row nor its column gives it away', () => {
    const report = crossTable([
      [3, 12, 20],
      [15, 9, 30],
    ]);
    const states = protectReport(report);
    expect(states.get('0|0')).toBe('primary');
    expect(hiddenIds(states)).toEqual(['0|0', '0|1', '1|0', '1|1']);
    expect(exposedCells(report, states)).toEqual([]);
  });

  it('across tables: fine age brackets add up to a broad one, so hiding within each table alone leaks', () => {
    // Under 26 = under 21 (3) + 21–25 (9); the broad table shows 12, the fine one hides 3 and its smallest neighbour.
    const broad = breakdown('age', [12, 40], 'people');
    const fine = breakdown('fine', [3, 9, 15, 25], 'people');
    const report: SecrecyReport = {
      cells: [...broad.cells, ...fine.cells.filter((c) => c.id !== 'people')],
      sums: [
        ...broad.sums,
        ...fine.sums,
        { total: 'age 0', parts: ['fine 0', 'fine 1'] },
        { total: 'age 1', parts: ['fine 2', 'fine 3'] },
      ],
    };
    const perTable = statesOf(report, { 'fine 0': 'primary', 'fine 1': 'complementary' });
    expect(exposedCells(report, perTable)).toEqual([]);
    const sloppy = statesOf(report, { 'fine 0': 'primary', 'fine 2': 'complementary' });
    expect(exposedCells(report, sloppy)).toContain('fine 0');
    const states = protectReport(report);
    expect(exposedCells(report, states)).toEqual([]);
    expect(states.get('fine 0')).toBe('primary');
  });

  it('the same figure in two tables has one state: "Femmes" hidden in the sex breakdown is hidden as the row total of sex × age', () => {
    const cross = crossTable([
      [1, 2, 0],
      [10, 20, 10],
    ]);
    // The sex breakdown prints the row totals; the age breakdown the column totals; both print the grand total.
    const report: SecrecyReport = {
      cells: cross.cells,
      sums: [...cross.sums, { total: 'total', parts: ['column 0', 'column 1', 'column 2'] }],
    };
    const states = protectReport(report);
    expect(states.get('row 0')).toBe('primary');
    expect(exposedCells(report, states)).toEqual([]);
  });

  it('holds on random reports: a sex × age table, its margins as breakdowns, a finer age breakdown and a breakdown of the same people', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 3,
        }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 }),
        (cells, fineSplit, otherWeights) => {
          const report = crossTable(cells);
          const columns = cells[0]!.map((_, c) => cells.reduce((s, row) => s + row[c]!, 0));
          // Each broad age bracket split in two fine ones.
          columns.forEach((v, c) => {
            const low = Math.floor((v * fineSplit[c]!) / 100);
            report.cells.push({ id: `fine ${c}a`, value: low }, { id: `fine ${c}b`, value: v - low });
            report.sums.push({ total: `column ${c}`, parts: [`fine ${c}a`, `fine ${c}b`] });
          });
          report.sums.push({ total: 'total', parts: cells[0]!.map((_, c) => `column ${c}`) });
          // Another breakdown of the same people (resources…).
          const total = columns.reduce((a, b) => a + b, 0);
          const weight = otherWeights.reduce((a, b) => a + b, 0) || 1;
          const other = otherWeights.map((w) => Math.floor((total * w) / weight));
          other[0]! += total - other.reduce((a, b) => a + b, 0);
          other.forEach((v, i) => report.cells.push({ id: `other ${i}`, value: v }));
          report.sums.push({ total: 'total', parts: other.map((_, i) => `other ${i}`) });
          const states = protectReport(report);
          expect(exposedCells(report, states)).toEqual([]);
          for (const c of report.cells) if (c.value > 0 && c.value < 5) expect(states.get(c.id)).toBe('primary');
        },
      ),
      { numRuns: 100 },
    );
  });
});
