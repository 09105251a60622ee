/**
 * Re-importing a spreadsheet never makes a record worse. For each field of an
 * existing person and the value a row brings:
 * - an empty cell keeps the stored value (a blank is a missing value, not a deletion);
 * - a value equal once case, accents, spaces and apostrophes are folded keeps the
 *   stored spelling ("lefevre helene" does not replace "LEFÈVRE Hélène");
 * - anything else is a proposed change, old → new, applied only when the user ticks the row.
 * Pure; the handler reads and writes.
 */
import { foldForSearch } from '../shared/text';

export interface FieldChange<F extends string> {
  field: F;
  from: string;
  to: string;
}

/** Same value for a person reading it: only case, accents, spacing or apostrophe shapes differ. */
export function sameWritten(a: string, b: string): boolean {
  return foldForSearch(a) === foldForSearch(b);
}

/** The changes an imported row proposes to a stored record, field by field, in the order given. */
export function proposeChanges<F extends string>(
  stored: Readonly<Record<F, string>>,
  imported: Readonly<Partial<Record<F, string>>>,
  fields: readonly F[],
): FieldChange<F>[] {
  const changes: FieldChange<F>[] = [];
  for (const field of fields) {
    const next = imported[field];
    if (next === undefined || next.trim() === '') continue;
    const before = stored[field] ?? '';
    if (sameWritten(before, next)) continue;
    changes.push({ field, from: before, to: next });
  }
  return changes;
}

/** The record once the accepted changes are applied; every other field is left as stored. */
export function applyChanges<R extends Record<string, unknown>, F extends keyof R & string>(
  stored: R,
  changes: readonly FieldChange<F>[],
): R {
  const next = { ...stored };
  for (const change of changes) (next as Record<string, unknown>)[change.field] = change.to;
  return next;
}
