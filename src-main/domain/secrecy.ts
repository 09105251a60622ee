/**
 * Statistical secrecy for what leaves the structure (funder reports and
 * exports): a cell counting 1 to 4 people is hidden ("< 5"); then, wherever
 * a row or a column has a single hidden cell while its total is shown, a
 * second cell of that line is hidden too (the smallest), so the first cannot
 * be found again by subtraction. Repeated until nothing changes, since a
 * hidden cell may leave another line with a single one.
 */

export type CellState = 'shown' | 'primary' | 'complementary';

export const SECRECY_THRESHOLD = 5;

/**
 * Which cells of a table must be hidden. `columnTotals`: whether each
 * column's total is shown too (a cross table); a single breakdown is one row
 * with its total.
 */
export function protect(cells: readonly (readonly number[])[], options: { columnTotals: boolean; threshold?: number } = { columnTotals: true }): CellState[][] {
  const threshold = options.threshold ?? SECRECY_THRESHOLD;
  const state: CellState[][] = cells.map((row) => row.map((v) => (v > 0 && v < threshold ? 'primary' : 'shown')));
  const lines: [number, number][][] = [
    ...cells.map((row, r) => row.map((_, c) => [r, c] as [number, number])),
    ...(options.columnTotals ? (cells[0] ?? []).map((_, c) => cells.map((_, r) => [r, c] as [number, number])) : []),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, c]) => state[r]![c] !== 'shown').length !== 1) continue;
      // The smallest other cell, a non-zero one if there is any (hiding a zero protects little).
      const candidates = line.filter(([r, c]) => state[r]![c] === 'shown').sort(([r1, c1], [r2, c2]) => {
        const a = cells[r1]![c1]!;
        const b = cells[r2]![c2]!;
        return (a === 0 ? 1 : 0) - (b === 0 ? 1 : 0) || a - b;
      });
      const [pick] = candidates;
      if (!pick) continue;
      state[pick[0]]![pick[1]] = 'complementary';
      changed = true;
    }
  }
  return state;
}

/** What a protected cell shows. */
export function shownValue(value: number, state: CellState): string {
  if (state === 'primary') return '< 5';
  if (state === 'complementary') return 's';
  return String(value);
}

export const SECRECY_NOTE =
  '« < 5 » : moins de 5 personnes, masqué (secret statistique). « s » : cellule masquée pour que les totaux ne permettent pas de retrouver une cellule de moins de 5.';
