/**
 * Rules on the fixed-term contracts Passerelle prepares (it never is the
 * employer): trial period, CDDI duration and weekly hours, delivery deadline.
 */
import { addDays, daysBetween, weekdayOf } from '../shared/dates';

/**
 * Trial period of a CDD (Code du travail L1242-10): one day per week of
 * contract, at most two weeks when the contract lasts six months or less,
 * at most one month beyond. Returned in calendar days.
 */
export function trialPeriodDays(start: string, end: string): number {
  const days = daysBetween(start, end) + 1;
  const weeks = Math.floor(days / 7);
  const sixMonthsLater = addMonths(start, 6);
  const cap = end < sixMonthsLater ? 14 : 30;
  return Math.min(weeks, cap);
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export interface RuleViolation {
  rule: string;
  message: string;
}

export interface CddiTerms {
  start: string;
  end: string;
  weeklyMinutes: number;
  /** Total months of CDDI already done by the person with this structure, before this one. */
  previousMonths?: number;
  /** A préfet's derogation allowing fewer than 20 hours, valid until this date (at most 12 months). */
  derogationUntil?: string | null;
}

/** CDDI (L5132-15-1, L5132-11-1): 4 to 24 months in total; 20 to 35 hours a week unless a derogation. */
export function checkCddi(terms: CddiTerms): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (terms.end < addMonths(terms.start, 4)) {
    violations.push({ rule: 'L5132-15-1', message: "Un CDDI dure au moins 4 mois (Code du travail, art. L5132-15-1)." });
  }
  const months = (terms.previousMonths ?? 0) + monthsCovered(terms.start, terms.end);
  if (months > 24) {
    violations.push({ rule: 'L5132-15-1', message: 'Un parcours en CDDI ne peut pas dépasser 24 mois en tout, renouvellements compris (art. L5132-15-1).' });
  }
  const derogation = terms.derogationUntil && terms.derogationUntil >= terms.start && terms.derogationUntil <= addMonths(terms.start, 12);
  if (terms.weeklyMinutes < 20 * 60 && !derogation) {
    violations.push({
      rule: 'L5132-15-1',
      message: "Un CDDI compte au moins 20 heures par semaine, sauf dérogation du préfet d'au plus 12 mois (art. L5132-15-1) : enregistrez-la pour continuer.",
    });
  }
  if (terms.weeklyMinutes > 35 * 60) {
    violations.push({ rule: 'L5132-15-1', message: 'Un CDDI ne dépasse pas 35 heures par semaine (art. L5132-15-1).' });
  }
  return violations;
}

function monthsCovered(start: string, end: string): number {
  let months = 0;
  while (addMonths(start, months + 1) <= addDays(end, 1)) months++;
  return months;
}

/**
 * The contract must be handed to the employee within two working days
 * ("jours ouvrables": Monday to Saturday, public holidays excepted) after
 * hiring (L1242-13).
 */
export function handOverDeadline(start: string, holidays: ReadonlyMap<string, string>): string {
  let date = start;
  let counted = 0;
  while (counted < 2) {
    date = addDays(date, 1);
    if (weekdayOf(date) !== 6 && !holidays.has(date)) counted++;
  }
  return date;
}

export function isHandOverLate(start: string, handedOn: string | null, today: string, holidays: ReadonlyMap<string, string>): boolean {
  const deadline = handOverDeadline(start, holidays);
  return handedOn === null ? today > deadline : handedOn > deadline;
}
