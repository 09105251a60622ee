/**
 * The pay lines of a person's month, as payroll software imports them: one
 * line per pay item and rate in force, with a quantity in hours to the
 * hundredth, a rate and an amount. The amount is computed from the exported
 * (rounded) quantity and rate, rounded once to the cent, so that anyone can
 * recompute every line from the file; the gross is the sum of the amounts.
 *
 * - Each day is priced at the rate in force that day (L3231-2, pay-rates.ts):
 *   a SMIC revaluation inside the month splits a line.
 * - Heures complémentaires (L3123-8, L3123-29) are the week's last working
 *   minutes beyond the contract's hours: the latest ones first at +25 %, then
 *   +10 %; they are taken out of the normal hours (then annex times) of the
 *   days they fall on and paid at the majorated rate of those days. A week
 *   belongs to the month of its Monday, as on the hours screen; each week's
 *   are a line of their own (two weeks at one rate are not merged, so that a
 *   line's dates name its week, even when it ends in the next month).
 * - Unpaid absences are listed with their hours and dates, at a zero rate.
 */
import { ABSENCE_MARKS, PAY_ITEM_DEFAULTS, PAY_ITEMS, type PayItem } from '../shared/contract/pay-items';
import type { DayHours, HoursSummary } from './attendance';
import { weekOf } from './hours';
import { rateOnDay } from './pay-rates';
import type { DatedRate } from './wages';

export interface PayLine {
  item: PayItem;
  /** First and last day of the line. */
  from: string;
  to: string;
  /** Days with minutes on this line. */
  dates: string[];
  minutes: number;
  /** The exported quantity: hours to the hundredth, ×100 (3 h 30 → 350). */
  centiHours: number;
  /** The exported rate in hundredths of a cent (12,02 € → 120200; 12,02 € +10 % = 13,222 € → 132220). */
  rateCentiCents: number;
  /** The SMIC applied instead of the contract's rate, if any. */
  smicFrom: string | null;
  amountCents: number;
  /** A correction of an earlier, transmitted month (domain/regularisation-lines.ts), at that month's rate. */
  regularisation?: true;
}

/**
 * A régularisation carried: a pay line of an earlier month (item, signed
 * quantity, rate of the original days), or, recorded before pay lines were,
 * paid minutes of a day at its normal rate (item null).
 */
export interface CarriedRegularisation {
  date: string;
  paidDelta: number;
  item?: PayItem | null;
  dateTo?: string | null;
  minutes?: number | null;
  centiHours?: number | null;
  rateCentiCents?: number | null;
}

/** Minutes to hours to the hundredth, ×100, rounded half away from zero (a régularisation can be negative). */
export function centiHoursOf(minutes: number): number {
  return Math.sign(minutes) * Math.round((Math.abs(minutes) * 100) / 60);
}

/** The amount of an exported quantity at an exported rate, rounded once to the cent. */
export function lineAmountCents(centiHours: number, rateCentiCents: number): number {
  const exact = centiHours * rateCentiCents;
  return Math.sign(exact) * Math.round(Math.abs(exact) / 10000);
}

/** The majorations of heures complémentaires, in percent of the rate in force (L3123-8, L3123-29). */
const MAJORATION: Partial<Record<PayItem, number>> = { hc_10: 110, hc_25: 125 };

interface Minutes {
  item: PayItem;
  date: string;
  minutes: number;
  /** The week of heures complémentaires: each week is its own line, so that its dates say which week it pays. */
  week?: string;
}

/** Heures complémentaires of each week, put on the week's last working days: +25 % latest, +10 % before. */
export function complementaryByDay(
  summary: Pick<HoursSummary, 'days' | 'weeks'>,
): Map<string, { hc10: number; hc25: number; week: string }> {
  const byDay = new Map<string, { hc10: number; hc25: number; week: string }>();
  for (const w of summary.weeks) {
    let beyond = w.complementarySplit.beyondTenth;
    let within = w.complementarySplit.withinTenth;
    const days = summary.days.filter((d) => weekOf(d.date) === w.weekOf).sort((a, b) => b.date.localeCompare(a.date));
    for (const d of days) {
      let room = d.worked + d.annexPaid;
      const hc25 = Math.min(room, beyond);
      room -= hc25;
      beyond -= hc25;
      const hc10 = Math.min(room, within);
      within -= hc10;
      if (hc25 + hc10 > 0) byDay.set(d.date, { hc10, hc25, week: w.weekOf });
    }
  }
  return byDay;
}

function minutesOfDay(d: DayHours, hc: { hc10: number; hc25: number } | undefined): Minutes[] {
  const complementary = hc ? hc.hc10 + hc.hc25 : 0;
  const fromWorked = Math.min(d.worked, complementary);
  const out: Minutes[] = [
    { item: 'heures_normales', date: d.date, minutes: d.worked - fromWorked },
    { item: 'temps_annexe', date: d.date, minutes: d.annexPaid - (complementary - fromWorked) },
    { item: 'ferie_paye', date: d.date, minutes: d.holidayPaid },
    { item: 'annulation_payee', date: d.date, minutes: d.cancelledPaid },
  ];
  for (const m of ABSENCE_MARKS) {
    const paid = d.absencesPaid[m] ?? 0;
    out.push({ item: `absence_payee_${m}`, date: d.date, minutes: paid });
    out.push({ item: `absence_non_payee_${m}`, date: d.date, minutes: (d.absences[m] ?? 0) - paid });
  }
  return out;
}

/**
 * The pay lines of `month`: its days, the heures complémentaires of the weeks
 * whose Monday is in the month, and the régularisations carried.
 */
export function payLines(input: {
  month: string;
  summary: Pick<HoursSummary, 'days' | 'weeks'>;
  contractCents: number;
  wageFloors: readonly DatedRate[];
  regularisations: readonly CarriedRegularisation[];
}): PayLine[] {
  const hcByDay = complementaryByDay(input.summary);
  const entries: Minutes[] = [];
  for (const d of input.summary.days) {
    const hc = hcByDay.get(d.date);
    if (d.date.startsWith(input.month)) entries.push(...minutesOfDay(d, hc));
    if (hc && hc.week.startsWith(input.month)) {
      entries.push(
        { item: 'hc_10', date: d.date, minutes: hc.hc10, week: hc.week },
        { item: 'hc_25', date: d.date, minutes: hc.hc25, week: hc.week },
      );
    }
  }
  const carried: PayLine[] = [];
  for (const r of input.regularisations) {
    if (!r.item || r.rateCentiCents == null || r.centiHours == null) {
      entries.push({ item: 'regularisation', date: r.date, minutes: r.paidDelta });
      continue;
    }
    const to = r.dateTo ?? r.date;
    carried.push({
      item: r.item,
      from: r.date,
      to,
      dates: [...new Set([r.date, to])],
      minutes: r.minutes ?? 0,
      centiHours: r.centiHours,
      rateCentiCents: r.rateCentiCents,
      smicFrom: null,
      amountCents: lineAmountCents(r.centiHours, r.rateCentiCents),
      regularisation: true,
    });
  }

  const lines: PayLine[] = [];
  const weeks: (string | undefined)[] = [];
  const order = (item: PayItem) => PAY_ITEMS.indexOf(item);
  const sorted = entries
    .filter((e) => e.minutes !== 0)
    .sort((a, b) => order(a.item) - order(b.item) || a.date.localeCompare(b.date));
  for (const e of sorted) {
    const unpaid = e.item.startsWith('absence_non_payee_');
    const rate = rateOnDay(input.contractCents, input.wageFloors, e.date);
    const rateCentiCents = unpaid ? 0 : rate.hourlyCents * (MAJORATION[e.item] ?? 100);
    const smicFrom = unpaid ? null : (rate.raisedBy?.effectiveFrom ?? null);
    const last = lines.at(-1);
    if (
      last &&
      last.item === e.item &&
      last.rateCentiCents === rateCentiCents &&
      last.smicFrom === smicFrom &&
      weeks.at(-1) === e.week
    ) {
      last.to = e.date;
      if (last.dates.at(-1) !== e.date) last.dates.push(e.date);
      last.minutes += e.minutes;
    } else {
      lines.push({
        item: e.item,
        from: e.date,
        to: e.date,
        dates: [e.date],
        minutes: e.minutes,
        centiHours: 0,
        rateCentiCents,
        smicFrom,
        amountCents: 0,
      });
      weeks.push(e.week);
    }
  }
  for (const l of lines) {
    l.centiHours = centiHoursOf(l.minutes);
    l.amountCents = lineAmountCents(l.centiHours, l.rateCentiCents);
  }
  // Each correction stays its own line, after the month's own ones, with its quantity as recorded.
  return [
    ...lines,
    ...carried.sort((a, b) => PAY_ITEMS.indexOf(a.item) - PAY_ITEMS.indexOf(b.item) || a.from.localeCompare(b.from)),
  ];
}

/** The decimals a rate is written with: as many as it has, 2 to 4 (13,222 € for 12,02 € + 10 %). */
export function ratePlaces(rateCentiCents: number): number {
  return rateCentiCents % 100 === 0 ? 2 : rateCentiCents % 10 === 0 ? 3 : 4;
}

/** What a line is called in the files: its rubrique's description, said to be a correction when it is one. */
export function payLineLabel(line: { item: PayItem; regularisation?: true }): string {
  const description = PAY_ITEM_DEFAULTS[line.item].description;
  return line.regularisation
    ? `Régularisation d’un mois transmis : ${description.charAt(0).toLocaleLowerCase('fr-FR')}${description.slice(1)}`
    : description;
}

/** The gross: the sum of the lines' amounts. */
export function grossOfLines(lines: readonly PayLine[]): number {
  return lines.reduce((total, l) => total + l.amountCents, 0);
}
