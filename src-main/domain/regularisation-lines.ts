/**
 * The régularisation of a transmitted month: the difference, pay line by pay
 * line, between the figures the employer received (kept at validation) and
 * the figures of that month counted now. Each line that differs comes back in
 * the next month with the same pay item, its signed quantity, the rate in
 * force on the original days and amount = quantity × rate, rounded once.
 *
 * Why by pay line and not by paid minutes: marking a day absent can leave the
 * week's paid hours below the contract and so turn heures complémentaires
 * back into normal hours; the +10 % / +25 % majoration they were paid
 * (L3123-8 and L3123-29, C. trav.) must be taken back as well, and an annex
 * time done after transmission that makes heures complémentaires must be paid
 * with its majoration, not at the normal rate. The rate stays the one in force
 * on the original days (L3231-2: the SMIC in force each day), so a SMIC
 * revaluation inside the month gives one line per rate.
 */
import { PAY_ITEMS, type PayItem } from '../shared/contract/pay-items';
import { weekOf } from './hours';
import { centiHoursOf, lineAmountCents } from './pay-lines';

/** A pay line as kept or counted (a line carried from an earlier month has `regularisation`). */
export interface ComparedLine {
  item: PayItem;
  dates: readonly string[];
  minutes: number;
  centiHours: number;
  rateCentiCents: number;
  regularisation?: boolean;
}

/** A régularisation line already recorded for the month (explicitly, with its reason). */
export interface RecordedLine {
  item: PayItem;
  from: string;
  to: string;
  minutes: number;
  centiHours: number;
  rateCentiCents: number;
}

export interface RegularisationLine extends RecordedLine {
  amountCents: number;
}

/** Lines of the same item and rate are one pay line; heures complémentaires also by week (each week its own line). */
function keyOf(item: PayItem, rateCentiCents: number, firstDate: string): string {
  return `${item}|${rateCentiCents}|${item === 'hc_10' || item === 'hc_25' ? weekOf(firstDate) : ''}`;
}

/**
 * The régularisation lines of a person's transmitted month: recomputed −
 * transmitted, less what was already recorded. Lines the month itself carried
 * from earlier months are the same on both sides and left out.
 */
export function regularisationLines(
  transmitted: readonly ComparedLine[],
  recomputed: readonly ComparedLine[],
  recorded: readonly RecordedLine[] = [],
): RegularisationLine[] {
  const sums = new Map<
    string,
    {
      item: PayItem;
      rateCentiCents: number;
      minutes: number;
      centiHours: number;
      dates: Set<string>;
      changed: Map<string, number>;
    }
  >();
  const add = (
    sign: 1 | -1,
    l: { item: PayItem; rateCentiCents: number; minutes: number; centiHours: number },
    dates: readonly string[],
    isRecorded = false,
  ) => {
    if (dates.length === 0) return;
    const first = [...dates].sort()[0]!;
    const key = keyOf(l.item, l.rateCentiCents, first);
    const s = sums.get(key) ?? {
      item: l.item,
      rateCentiCents: l.rateCentiCents,
      minutes: 0,
      centiHours: 0,
      dates: new Set<string>(),
      changed: new Map<string, number>(),
    };
    s.minutes += sign * l.minutes;
    s.centiHours += sign * l.centiHours;
    // A day already régularised is no longer a change to name.
    for (const d of dates) {
      if (isRecorded) s.changed.set(d, 0);
      else if (s.changed.get(d) !== 0 || !s.dates.has(d)) s.changed.set(d, (s.changed.get(d) ?? 0) + sign);
      s.dates.add(d);
    }
    sums.set(key, s);
  };
  const own = (l: ComparedLine) => !l.regularisation && l.item !== 'regularisation';
  for (const l of recomputed.filter(own)) add(1, l, l.dates);
  for (const l of transmitted.filter(own)) add(-1, l, l.dates);
  for (const r of recorded) add(-1, r, [r.from, r.to], true);
  const out: RegularisationLine[] = [];
  for (const s of sums.values()) {
    // The exported quantities are what the employer paid: a line whose quantity is unchanged has nothing to pay.
    if (s.centiHours === 0) continue;
    const centiHours = s.centiHours;
    // The days on one side only are the days that changed; when none is (hours moved within the same days), all of them.
    const onOneSide = [...s.changed].filter(([, n]) => n !== 0).map(([d]) => d);
    const dates = (onOneSide.length > 0 ? onOneSide : [...s.dates]).sort();
    out.push({
      item: s.item,
      from: dates[0]!,
      to: dates.at(-1)!,
      minutes: s.minutes,
      centiHours,
      rateCentiCents: s.rateCentiCents,
      amountCents: lineAmountCents(centiHours, s.rateCentiCents),
    });
  }
  return out.sort(
    (a, b) =>
      PAY_ITEMS.indexOf(a.item) - PAY_ITEMS.indexOf(b.item) ||
      a.from.localeCompare(b.from) ||
      a.rateCentiCents - b.rateCentiCents,
  );
}

/** A régularisation as stored: the line, and the paid (and worked) minutes it moves, for the hours screens. */
export interface RegularisationRow {
  date: string;
  dateTo: string;
  item: PayItem;
  minutes: number;
  centiHours: number;
  rateCentiCents: number;
  workedDelta: number;
  paidDelta: number;
}

const WORKED_ITEMS: readonly PayItem[] = ['heures_normales', 'hc_10', 'hc_25'];

export function rowOf(line: RegularisationLine): RegularisationRow {
  const paid = !line.item.startsWith('absence_non_payee_');
  return {
    date: line.from,
    dateTo: line.to,
    item: line.item,
    minutes: line.minutes,
    centiHours: line.centiHours,
    rateCentiCents: line.rateCentiCents,
    workedDelta: WORKED_ITEMS.includes(line.item) ? line.minutes : 0,
    paidDelta: paid ? line.minutes : 0,
  };
}

/**
 * A stored régularisation as a recorded line. Rows kept before pay lines were
 * (no item) moved paid minutes of one day at its normal rate: they count as
 * normal hours at the rate in force that day.
 */
export function recordedOf(
  row: {
    date: string;
    paidDelta: number;
    item: PayItem | null;
    dateTo: string | null;
    minutes: number | null;
    centiHours: number | null;
    rateCentiCents: number | null;
  },
  normalRateCentiCents: (date: string) => number,
): RecordedLine {
  if (row.item && row.centiHours !== null && row.rateCentiCents !== null) {
    return {
      item: row.item,
      from: row.date,
      to: row.dateTo ?? row.date,
      minutes: row.minutes ?? 0,
      centiHours: row.centiHours,
      rateCentiCents: row.rateCentiCents,
    };
  }
  return {
    item: 'heures_normales',
    from: row.date,
    to: row.date,
    minutes: row.paidDelta,
    centiHours: centiHoursOf(row.paidDelta),
    rateCentiCents: normalRateCentiCents(row.date),
  };
}
