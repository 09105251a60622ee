/**
 * What happens to a change of someone's hours, from the state of the payroll
 * month it falls in: the one rule every write path that changes hours goes
 * through (app/hours-change.ts, under the `payroll-months` lock).
 *
 * - Open (nothing validated yet): the change is simply made.
 * - Validated, not sent: made; the month reads « À revalider » (its figures
 *   now differ from the kept ones) and cannot be marked sent before it is
 *   validated again (handlers/payroll.tsx).
 * - Sent to the portage employer: the pay of that month is paid on a payslip
 *   already made (C. trav. L3243-2: one payslip per pay period, made from the
 *   figures of that period), so the month's figures stay as they were sent
 *   and a correction is a régularisation carried by the next month's file,
 *   line by line at the original rates (domain/regularisation-lines.ts):
 *   - a correction of what happened (an attendance mark, an annex time done)
 *     needs its reason, as the payroll officer reads it beside the line;
 *   - a fact of the contract (a new contract, an early end or its withdrawal,
 *     a renewal) is recorded all the same, since it happened: the act itself
 *     is the reason of the régularisation;
 *   - the planning of a sent month (a half-day added, moved, cancelled,
 *     deleted or changed, an annex time added) is history: refused, and the
 *     message says what to do instead (correct the attendance of those days,
 *     with a reason);
 *   - a setting that counts hours (the worksite's weekly pattern, whether a
 *     half-day cancelled for force majeure is paid) is refused when it would
 *     change the figures of a sent month; a dated one (the structure's
 *     calendar) is told the first day it may apply from instead.
 */
import { addDays, addMonths, formatFrenchDate, frenchMonth } from '../shared/dates';

export type PayrollMonthState =
  | { status: 'open' }
  | { status: 'validated' }
  /** `sentOn`: the day the month was marked sent (YYYY-MM-DD). */
  | { status: 'sent'; sentOn: string };

/**
 * `setting`: a rule of the structure or the worksite that counts hours (the
 * weekly pattern and its public holidays, whether a half-day cancelled for
 * force majeure is paid): like the planning, it does not rewrite a sent month.
 */
export type HoursChangeKind = 'attendance' | 'planning' | 'contract' | 'setting';

export interface HoursChange {
  kind: HoursChangeKind;
  /** The month changed (YYYY-MM). */
  month: string;
  /** The first day of that month the change touches (the day the messages name). */
  firstDay: string;
  /** The reason given by the person (attendance), or `null`. */
  reason: string | null;
  /** For a fact of the contract: the act, « Fin anticipée au 22/06/2026 ». */
  act?: string;
  /**
   * For a dated setting (the structure's calendar, domain/calendar-settings.ts):
   * the first day after the last month sent, from which a change touches no
   * sent month — the date the refusal tells to give instead.
   */
  firstOpenDay?: string;
}

export type HoursChangeVerdict =
  | { outcome: 'allowed' }
  | { outcome: 'revalidate' }
  | { outcome: 'regularise'; reason: string }
  | { outcome: 'refused'; message: string };

/** « Le mois de juin 2026 a été transmis à l’employeur de portage le 02/07/2026 » */
function sentPhrase(month: string, sentOn: string): string {
  return `Le mois de ${frenchMonth(month)} a été transmis à l’employeur de portage le ${formatFrenchDate(sentOn)}`;
}

export function decideHoursChange(state: PayrollMonthState, change: HoursChange): HoursChangeVerdict {
  if (state.status === 'open') return { outcome: 'allowed' };
  if (state.status === 'validated') return { outcome: 'revalidate' };
  const sent = sentPhrase(change.month, state.sentOn);
  const day = formatFrenchDate(change.firstDay);
  switch (change.kind) {
    case 'attendance': {
      const reason = change.reason?.trim() ?? '';
      if (reason !== '') return { outcome: 'regularise', reason };
      return {
        outcome: 'refused',
        message: `${sent} : pour changer les heures du ${day}, indiquez le motif de la correction ; elle partira en régularisation avec le mois suivant.`,
      };
    }
    case 'contract':
      return {
        outcome: 'regularise',
        reason: `${change.act ?? 'Contrat modifié'} (après la transmission de ${frenchMonth(change.month)})`,
      };
    case 'setting': {
      const dated =
        change.firstOpenDay === undefined
          ? ''
          : ` Pour qu’il s’applique sans toucher aux mois transmis, datez-le à compter du ${formatFrenchDate(change.firstOpenDay)} ou d’un jour suivant.`;
      return {
        outcome: 'refused',
        message: `${sent} : ce réglage changerait ses heures (le ${day}), déjà payées.${dated} ${dated ? 'Si les heures de ce mois-là doivent elles aussi changer' : 'Pour changer les heures de ce mois'}, corrigez les présences de ces jours dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.`,
      };
    }
    case 'planning':
      return {
        outcome: 'refused',
        message: `${sent} : ses demi-journées ne se changent plus. Pour changer ces heures, corrigez les présences du ${day} dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.`,
      };
  }
}

/** A span of days, both ends included. */
export interface DaySpan {
  first: string;
  last: string;
}

/** Each month (YYYY-MM) a span touches, with the first day of the span in it, in order. */
export function monthsTouched(spans: readonly DaySpan[]): { month: string; firstDay: string }[] {
  const out = new Map<string, string>();
  for (const { first, last } of spans) {
    if (last < first) continue;
    for (let day = first; day <= last; day = `${addMonths(`${day.slice(0, 7)}-01`, 1)}`) {
      const month = day.slice(0, 7);
      const known = out.get(month);
      if (known === undefined || day < known) out.set(month, day);
    }
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, firstDay]) => ({ month, firstDay }));
}

/**
 * The days that are in one contract span and not in the other: what an early
 * end, its withdrawal, a renewal or a new contract adds or takes away. An
 * early end on the last day of a month takes away nothing of that month.
 */
export function contractDaysChanged(before: DaySpan | null, after: DaySpan | null): DaySpan[] {
  if (before === null && after === null) return [];
  if (before === null) return [after!];
  if (after === null) return [before];
  const spans: DaySpan[] = [];
  // Days before the later start, in only one of them.
  if (before.first !== after.first) {
    const first = before.first < after.first ? before.first : after.first;
    const last = addDays(before.first < after.first ? after.first : before.first, -1);
    spans.push({ first, last });
  }
  // Days after the earlier end, in only one of them.
  if (before.last !== after.last) {
    const first = addDays(before.last < after.last ? before.last : after.last, 1);
    const last = before.last < after.last ? after.last : before.last;
    spans.push({ first, last });
  }
  return spans;
}

/**
 * The verdict for each month a change of one contract's days touches, in
 * date order (the first refusal is the one to tell).
 */
export function decideHoursChanges(
  kind: HoursChangeKind,
  spans: readonly DaySpan[],
  stateOf: (month: string) => PayrollMonthState,
  options: { reason?: string | null; act?: string } = {},
): { month: string; firstDay: string; verdict: HoursChangeVerdict }[] {
  return monthsTouched(spans).map(({ month, firstDay }) => ({
    month,
    firstDay,
    verdict: decideHoursChange(stateOf(month), {
      kind,
      month,
      firstDay,
      reason: options.reason ?? null,
      ...(options.act === undefined ? {} : { act: options.act }),
    }),
  }));
}
