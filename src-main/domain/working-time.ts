/**
 * Working time is paid once. A paid annex time (health check, debrief…) is
 * working time (R4624-39 for the medical visit), but when it falls inside a
 * worked half-day of the same person, the minutes they share are counted once.
 *
 * The behaviour chosen for entering one: an annex time that overlaps one of
 * the person's half-days or another of their annex times is refused, unless
 * it is of a kind that happens during the work (the health check, taken
 * during the half-day); that one is accepted and its shared minutes counted
 * once. Times that only touch (08:30–12:00 then 12:00–13:00) do not overlap.
 */
import type { ANNEX_KINDS } from '../shared/contract/worksites';

/** A time range of one day, in minutes from midnight, end excluded. */
export interface Span {
  start: number;
  end: number;
}

/** Annex kinds that may take place during a worked half-day. */
export const ANNEX_KINDS_DURING_WORK: readonly (typeof ANNEX_KINDS)[number][] = ['visite_medicale'];

export function overlapMinutes(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Minutes covered by at least one span. */
export function unionMinutes(spans: readonly Span[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const s of [...spans].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    if (s.end <= reach) continue;
    total += s.end - Math.max(s.start, reach);
    reach = s.end;
  }
  return total;
}

/** Minutes of `spans` that `covered` does not already count. */
export function minutesBeyond(spans: readonly Span[], covered: readonly Span[]): number {
  return unionMinutes([...covered, ...spans]) - unionMinutes(covered);
}

export type AnnexPlacement =
  | { kind: 'separate' }
  | { kind: 'during_work'; sharedMinutes: number }
  | { kind: 'refused'; clash: Span; with: 'half_day' | 'annex' };

/** Where a new annex time stands against the same person's half-days and annex times of that day. */
export function placeAnnexTime(
  annex: Span & { kind: (typeof ANNEX_KINDS)[number] },
  halfDays: readonly Span[],
  annexTimes: readonly Span[],
): AnnexPlacement {
  const otherAnnex = annexTimes.find((a) => overlapMinutes(a, annex) > 0);
  if (otherAnnex) return { kind: 'refused', clash: otherAnnex, with: 'annex' };
  const halfDay = halfDays.find((h) => overlapMinutes(h, annex) > 0);
  if (!halfDay) return { kind: 'separate' };
  if (!ANNEX_KINDS_DURING_WORK.includes(annex.kind)) return { kind: 'refused', clash: halfDay, with: 'half_day' };
  return { kind: 'during_work', sharedMinutes: halfDays.reduce((sum, h) => sum + overlapMinutes(h, annex), 0) };
}
