/**
 * The figures of a validated month, kept with the hand-off so that a later
 * change cannot drift silently: the pay lines of each person and the worked
 * and paid minutes of each day. Comparing the kept figures with the figures
 * computed now gives the changes to show ("à revalider" while the month is
 * only validated) and, once it is transmitted, the régularisations the next
 * month carries for what changed without one being recorded.
 */
import type { PayItem } from '../shared/contract/pay-items';

export interface FigureLine {
  item: PayItem;
  dates: readonly string[];
  minutes: number;
  centiHours: number;
  rateCentiCents: number;
  amountCents: number;
  /** A correction of an earlier month the month carried. */
  regularisation?: true;
}

export interface PersonFigures {
  participationId: number;
  payLines: readonly FigureLine[];
  /** The month's days with worked or paid minutes. */
  days: readonly { date: string; worked: number; paid: number }[];
}

export type MonthFigures = readonly PersonFigures[];

/** What a person's line comes to, before (kept) and after (now). */
export interface FigureChange {
  participationId: number;
  item: PayItem;
  before: { minutes: number; amountCents: number; dates: string[] };
  after: { minutes: number; amountCents: number; dates: string[] };
}

/** The figures of lines computed for a month (only days with minutes). */
export function figuresOf(
  people: readonly {
    participationId: number;
    payLines: readonly FigureLine[];
    days: readonly { date: string; worked: number; paid: number }[];
  }[],
): PersonFigures[] {
  return people
    .map((p) => ({
      participationId: p.participationId,
      payLines: p.payLines.map((l) => ({
        item: l.item,
        dates: [...l.dates],
        minutes: l.minutes,
        centiHours: l.centiHours,
        rateCentiCents: l.rateCentiCents,
        amountCents: l.amountCents,
        ...(l.regularisation ? { regularisation: true as const } : {}),
      })),
      days: p.days
        .filter((d) => d.worked !== 0 || d.paid !== 0)
        .map((d) => ({ date: d.date, worked: d.worked, paid: d.paid })),
    }))
    .sort((a, b) => a.participationId - b.participationId);
}

/** One text for the same figures, whatever the order they were listed in: what the fingerprint hashes. */
export function canonicalFigures(figures: MonthFigures): string {
  const sorted = [...figures]
    .sort((a, b) => a.participationId - b.participationId)
    .map((p) => [
      p.participationId,
      [...p.payLines]
        // A carried correction is marked only where there is one: figures kept before keep their fingerprint.
        .map((l) => [
          l.item,
          [...l.dates].sort(),
          l.minutes,
          l.centiHours,
          l.rateCentiCents,
          l.amountCents,
          ...(l.regularisation ? ['régularisation'] : []),
        ])
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      [...p.days].sort((x, y) => x.date.localeCompare(y.date)).map((d) => [d.date, d.worked, d.paid]),
    ]);
  return JSON.stringify(sorted);
}

type Totals = FigureChange['before'];

function totalsByItem(p: PersonFigures | undefined): Map<PayItem, Totals> {
  const out = new Map<PayItem, Totals>();
  for (const l of p?.payLines ?? []) {
    const t = out.get(l.item) ?? { minutes: 0, amountCents: 0, dates: [] };
    out.set(l.item, {
      minutes: t.minutes + l.minutes,
      amountCents: t.amountCents + l.amountCents,
      dates: [...new Set([...t.dates, ...l.dates])].sort(),
    });
  }
  return out;
}

/**
 * Per person and pay item, what differs between the kept and the current
 * figures: hours, amount (a rate changed) or the days they fall on.
 */
export function figureChanges(kept: MonthFigures, now: MonthFigures, itemOrder: readonly PayItem[]): FigureChange[] {
  const ids = [...new Set([...kept, ...now].map((p) => p.participationId))].sort((a, b) => a - b);
  const changes: FigureChange[] = [];
  const none: Totals = { minutes: 0, amountCents: 0, dates: [] };
  for (const id of ids) {
    const before = totalsByItem(kept.find((p) => p.participationId === id));
    const after = totalsByItem(now.find((p) => p.participationId === id));
    const items = [...new Set([...before.keys(), ...after.keys()])].sort(
      (a, b) => itemOrder.indexOf(a) - itemOrder.indexOf(b),
    );
    for (const item of items) {
      const b = before.get(item) ?? none;
      const a = after.get(item) ?? none;
      if (b.minutes !== a.minutes || b.amountCents !== a.amountCents || b.dates.join() !== a.dates.join()) {
        changes.push({ participationId: id, item, before: b, after: a });
      }
    }
  }
  return changes;
}
