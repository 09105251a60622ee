/**
 * The monthly hand-off of paid hours to an employer: one line per person and
 * month, and one per person and day, computed from the same hours as the
 * screens (domain/attendance.ts). Passerelle never computes pay: the gross is
 * an estimate for checking, the employer's payroll does the rest.
 */
import type { DayHours, HoursSummary } from './attendance';
import type { Mark } from '../shared/contract/attendance-codes';
import { formatEuros } from '../shared/money';
import { ABSENCE_MARKS } from '../shared/contract/pay-items';
import { grossOfLines, payLines, type CarriedRegularisation, type PayLine } from './pay-lines';
import { rateOnDay, smicRaiseText, splitByRate, type RateSegment } from './pay-rates';
import type { DatedRate } from './wages';

export { ABSENCE_MARKS };

export interface PayrollPerson {
  participationId: number;
  personId: number;
  lastName: string;
  firstNames: string;
  nir: string | null;
  birthDate: string;
  /** The employer's matricule of the person, entered once per employer. */
  matricule: string | null;
  /** The contract record's own number, the same across its versions (never "… v2"). */
  contractRef: string;
  worksiteName: string;
  /** The contract's hourly rate. */
  hourlyCents: number;
  /** The SMIC table: a day is paid at least the SMIC in force that day. */
  wageFloors: readonly DatedRate[];
  weeklyMinutes: number;
  summary: HoursSummary;
  /** Days whose absence proof was received. */
  proofByDate: ReadonlySet<string>;
  events: string[];
  /** Corrections of transmitted months this month carries (domain/regularisation-lines.ts). */
  regularisations: readonly (CarriedRegularisation & { workedDelta: number; reason: string })[];
}

export interface PayrollDay {
  date: string;
  planned: number;
  worked: number;
  annexPaid: number;
  absences: Partial<Record<Mark, number>>;
  proofReceived: boolean;
  /** Worked beyond what was planned that day. */
  beyondPlanned: number;
  paid: number;
  holiday: string | null;
}

export interface PayrollLine {
  person: PayrollPerson;
  planned: number;
  worked: number;
  paid: number;
  annexPaid: number;
  absences: Record<(typeof ABSENCE_MARKS)[number], number>;
  complementary: number;
  /** Heures complémentaires within the tenth of the contract (+10 %) and beyond it (+25 %). */
  complementaryWithinTenth: number;
  complementaryBeyondTenth: number;
  /** Paid minutes of the régularisations of earlier months carried in this hand-off. */
  regularisationPaid: number;
  /** Paid minutes (days and régularisations) by rate in force: one segment unless the SMIC raised the rate. */
  rates: RateSegment[];
  /** What payroll software imports: one line per pay item and rate in force (domain/pay-lines.ts). */
  payLines: PayLine[];
  /** The sum of the pay lines' amounts (56 h × 12,02 € = 673,12 €). */
  grossCents: number;
  days: PayrollDay[];
}

/** Minutes as decimal hours to the hundredth, as payroll software reads them (3 h 30 → 3.5). */
export function decimalHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

export function payrollLine(person: PayrollPerson, month: string): PayrollLine {
  const days: PayrollDay[] = person.summary.days
    .filter((d: DayHours) => d.date.startsWith(month))
    .map((d) => {
      return {
        date: d.date,
        planned: d.planned,
        worked: d.worked,
        annexPaid: d.annexPaid,
        absences: d.absences,
        proofReceived: person.proofByDate.has(d.date),
        beyondPlanned: Math.max(0, d.worked - d.planned),
        paid: d.paid,
        holiday: d.holiday ?? null,
      };
    });
  const sum = (pick: (d: PayrollDay) => number) => days.reduce((total, d) => total + pick(d), 0);
  const absences = Object.fromEntries(
    ABSENCE_MARKS.map((m) => [m, sum((d) => d.absences[m] ?? 0)]),
  ) as PayrollLine['absences'];
  // Complementary hours of the weeks that start in the month (a week belongs to the month of its Monday).
  const weeks = person.summary.weeks.filter((w) => w.weekOf.startsWith(month));
  const sumWeeks = (pick: (w: (typeof weeks)[number]) => number) => weeks.reduce((total, w) => total + pick(w), 0);
  const regularisationPaid = person.regularisations.reduce((total, r) => total + r.paidDelta, 0);
  const paid = sum((d) => d.paid);
  const rates = splitByRate(
    [
      ...days.map((d) => ({ date: d.date, minutes: d.paid })),
      ...person.regularisations.map((r) => ({ date: r.date, minutes: r.paidDelta })),
    ],
    person.hourlyCents,
    person.wageFloors,
  );
  const lines = payLines({
    month,
    summary: person.summary,
    contractCents: person.hourlyCents,
    wageFloors: person.wageFloors,
    regularisations: person.regularisations,
  });
  return {
    person,
    planned: sum((d) => d.planned),
    worked: sum((d) => d.worked),
    paid,
    annexPaid: sum((d) => d.annexPaid),
    absences,
    complementary: sumWeeks((w) => w.complementarySplit.total),
    complementaryWithinTenth: sumWeeks((w) => w.complementarySplit.withinTenth),
    complementaryBeyondTenth: sumWeeks((w) => w.complementarySplit.beyondTenth),
    regularisationPaid,
    rates,
    payLines: lines,
    grossCents: grossOfLines(lines),
    days,
  };
}

/** Why a line is paid above its contract's rate, in French, once per SMIC applied (L3231-2). */
export function smicNotes(line: PayrollLine): string[] {
  const notes = line.rates.flatMap((s) =>
    s.raisedBy ? [`${smicRaiseText(s.raisedBy)} (taux du contrat : ${formatEuros(line.person.hourlyCents)})`] : [],
  );
  return [...new Set(notes)];
}

/** The rate in force on a day of the line (the contract's, or the SMIC when higher). */
export function rateOfDay(line: PayrollLine, date: string): number {
  return rateOnDay(line.person.hourlyCents, line.person.wageFloors, date).hourlyCents;
}
