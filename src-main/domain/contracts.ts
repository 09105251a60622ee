/**
 * Rules on the fixed-term contracts Passerelle prepares (it never is the
 * employer): trial period, CDDI duration and weekly hours, delivery deadline.
 */
import { addDays, addMonths, daysBetween, formatFrenchDate, weekdayOf } from '../shared/dates';
import { cddiLongestEnd, cddiShortestEnd } from '../shared/cddi-duration';

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
  // Both bounds inclusive (L5132-15-1): exactly 4 months and exactly 24 months in all are allowed.
  const shortestEnd = cddiShortestEnd(terms.start);
  if (terms.end < shortestEnd) {
    violations.push({
      rule: 'L5132-15-1',
      message: `Un CDDI dure au moins 4 mois (Code du travail, art. L5132-15-1) : commencé le ${formatFrenchDate(terms.start)}, il finit au plus tôt le ${formatFrenchDate(shortestEnd)}.`,
    });
  }
  const longestEnd = cddiLongestEnd(terms.start, terms.previousMonths ?? 0);
  if (terms.end > longestEnd) {
    violations.push({
      rule: 'L5132-15-1',
      message: `Un parcours en CDDI ne peut pas dépasser 24 mois en tout, renouvellements compris (art. L5132-15-1) : fin au plus tard le ${formatFrenchDate(longestEnd)}.`,
    });
  }
  const derogation =
    terms.derogationUntil &&
    terms.derogationUntil >= terms.start &&
    terms.derogationUntil <= addMonths(terms.start, 12);
  if (terms.weeklyMinutes < 20 * 60 && !derogation) {
    violations.push({
      rule: 'L5132-15-1',
      message:
        'Un CDDI compte au moins 20 heures par semaine, sauf dérogation du préfet d’au plus 12 mois (art. L5132-15-1) : enregistrez-la pour continuer.',
    });
  }
  if (terms.weeklyMinutes > 35 * 60) {
    violations.push({ rule: 'L5132-15-1', message: 'Un CDDI ne dépasse pas 35 heures par semaine (art. L5132-15-1).' });
  }
  return violations;
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

export function isHandOverLate(
  start: string,
  handedOn: string | null,
  today: string,
  holidays: ReadonlyMap<string, string>,
): boolean {
  const deadline = handOverDeadline(start, holidays);
  return handedOn === null ? today > deadline : handedOn > deadline;
}

export type ContractType = 'cdd_usage' | 'cddi' | 'autre';

export interface RenewalTerms {
  type: ContractType;
  start: string;
  currentEnd: string;
  newEnd: string;
  agreedOn: string;
  renewalsSoFar: number;
  weeklyMinutes: number;
  derogationUntil?: string | null;
}

/**
 * A renewal is agreed before the term (L1243-13) and pushes the end back. A
 * CDD is renewed at most twice (L1243-13); a CDDI as often as needed within
 * 24 months in all (L5132-15-1), its other rules still holding.
 */
export function checkRenewal(terms: RenewalTerms): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (terms.newEnd <= terms.currentEnd) {
    violations.push({
      rule: 'L1243-13',
      message: 'La nouvelle date de fin doit venir après la fin actuelle du contrat.',
    });
  }
  if (terms.agreedOn > terms.currentEnd) {
    violations.push({
      rule: 'L1243-13',
      message: 'Le renouvellement doit être accepté par le salarié avant le terme du contrat (art. L1243-13).',
    });
  }
  if (terms.type === 'cddi') {
    violations.push(
      ...checkCddi({
        start: terms.start,
        end: terms.newEnd,
        weeklyMinutes: terms.weeklyMinutes,
        derogationUntil: terms.derogationUntil,
      }),
    );
  } else if (terms.renewalsSoFar >= 2) {
    violations.push({
      rule: 'L1243-13',
      message: 'Un CDD ne peut être renouvelé que deux fois (art. L1243-13) : établissez un nouveau contrat.',
    });
  }
  return violations;
}

export interface EarlyEndTerms {
  type: ContractType;
  start: string;
  end: string;
  trialDays: number;
  /** The last day of the contract. */
  date: string;
  reason:
    | 'periode_essai'
    | 'accord_commun'
    | 'embauche_cdi'
    | 'emploi_ou_formation'
    | 'faute_grave'
    | 'force_majeure'
    | 'inaptitude';
}

/** The last day of the trial period, counted in calendar days from the start. */
export function trialPeriodEnd(start: string, trialDays: number): string | null {
  return trialDays > 0 ? addDays(start, trialDays - 1) : null;
}

/** An early end falls inside the contract, before its term, on a ground that applies to it. */
export function checkEarlyEnd(terms: EarlyEndTerms): RuleViolation[] {
  if (terms.date < terms.start || terms.date >= terms.end) {
    return [{ rule: 'L1243-1', message: 'Le dernier jour doit tomber pendant le contrat, avant son terme prévu.' }];
  }
  if (terms.reason === 'periode_essai') {
    const trialEnd = trialPeriodEnd(terms.start, terms.trialDays);
    if (trialEnd === null || terms.date > trialEnd) {
      return [
        { rule: 'L1242-10', message: 'La période d’essai est terminée à cette date : choisissez un autre motif.' },
      ];
    }
  }
  if (terms.reason === 'emploi_ou_formation' && terms.type !== 'cddi') {
    return [{ rule: 'L5132-15-1', message: 'Ce motif ne vaut que pour un CDDI (art. L5132-15-1).' }];
  }
  return [];
}
