import type { MarkInput, StoredMark } from '@shared/contract/attendance';
import { MARK_KEYS, MARKS, PAID_BY_DEFAULT, type Mark } from '@shared/contract/attendance-codes';

/** One cell of the grid: what is recorded, or what the user changed it to (null: emptied). */
export type Cell = MarkInput | null;

export const cellKey = (sessionId: number, participationId: number) => `${sessionId}:${participationId}`;

export function fromStored(m: StoredMark): MarkInput {
  return {
    mark: m.mark,
    actualStart: m.actualStart,
    actualEnd: m.actualEnd,
    paid: m.paid,
    proofReceived: m.proofReceived,
    proofDate: m.proofDate,
  };
}

const BY_KEY = new Map(MARKS.map((m) => [MARK_KEYS[m], m]));

/** The mark a typed letter sets ("P" présent, "M" maladie…), or null. */
export function markForKey(key: string): Mark | null {
  return BY_KEY.get(key.toUpperCase()) ?? null;
}

export function simpleMark(mark: Mark): MarkInput {
  return {
    mark,
    actualStart: null,
    actualEnd: null,
    paid: PAID_BY_DEFAULT[mark],
    proofReceived: false,
    proofDate: null,
  };
}

/** Colours that a photocopy of the screen keeps readable: presence green, justified absence orange, unjustified red. */
export function markColor(mark: Mark | undefined): string {
  if (!mark) return 'gray';
  if (mark === 'present') return 'teal';
  if (mark === 'retard') return 'yellow';
  if (mark === 'non_justifiee') return 'red';
  return 'orange';
}
