/**
 * Two people marking the same week of the émargement grid (issue 29, item 3):
 * each cell saved is merged with what was stored meanwhile, by the rule of a
 * three-way merge — the one of diff3 and of every version-control tool
 * (Khanna, Kunal & Pierce, « A Formal Investigation of Diff3 », FSTTCS 2007):
 * with `base` the value the grid showed when the user changed the cell,
 * `mine` what the user typed and `theirs` what is stored now,
 * - nobody else changed it (theirs = base): `mine` is written;
 * - both came to the same value (theirs = mine): nothing to write;
 * - the user left it as shown (mine = base): `theirs` stays;
 * - otherwise both changed it to different values: a `conflict`, and the user
 *   chooses which to keep. Never the last writer silently winning.
 * Cells are independent: changes to different cells never conflict.
 * Pure; values are compared with the `same` given (a cell's mark, times, pay, proof).
 */
export type CellMerge = 'mine' | 'theirs' | 'conflict';

export function mergeCell<T>(base: T, mine: T, theirs: T, same: (a: T, b: T) => boolean): CellMerge {
  if (same(theirs, mine)) return 'theirs';
  if (same(theirs, base)) return 'mine';
  if (same(mine, base)) return 'theirs';
  return 'conflict';
}

/** A cell as compared: its mark and details, or null when empty. */
export interface CellValue {
  mark: string;
  actualStart: string | null;
  actualEnd: string | null;
  paid: boolean;
  proofReceived: boolean;
  proofDate: string | null;
}

export function sameCell(a: CellValue | null, b: CellValue | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.mark === b.mark &&
    a.actualStart === b.actualStart &&
    a.actualEnd === b.actualEnd &&
    a.paid === b.paid &&
    a.proofReceived === b.proofReceived &&
    a.proofDate === b.proofDate
  );
}
