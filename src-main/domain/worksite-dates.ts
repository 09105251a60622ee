/**
 * Dates that must make sense against the worksite: which days a half-day may
 * fall on, and how far a contract may run past the worksite's last day.
 */
import { addDays, daysBetween, formatFrenchDate, weekdayOf } from '../shared/dates';
import type { RuleViolation } from './contracts';

export interface WorksiteSpan {
  /** First and last day of the worksite (its pattern's weeks). */
  start: string;
  end: string;
}

/**
 * A half-day falls inside the worksite's dates and never on a Sunday (weekly
 * rest is given on Sunday, Code du travail L3132-3); on a Saturday only when
 * the structure opens on Saturdays (Paramètres › Structure).
 */
export function checkSessionDay(date: string, worksite: WorksiteSpan, openSaturday: boolean): RuleViolation | null {
  const weekday = weekdayOf(date);
  if (weekday === 6) {
    return {
      rule: 'L3132-3',
      message: `Le ${formatFrenchDate(date)} est un dimanche : aucune demi-journée ne se place le dimanche (repos dominical, art. L3132-3).`,
    };
  }
  if (weekday === 5 && !openSaturday) {
    return {
      rule: 'structure',
      message: `Le ${formatFrenchDate(date)} est un samedi et la structure n’ouvre pas le samedi (Paramètres › Structure › « Ouvert le samedi »).`,
    };
  }
  if (date < worksite.start || date > worksite.end) {
    return {
      rule: 'worksite',
      message: `Le ${formatFrenchDate(date)} est en dehors des dates du chantier (du ${formatFrenchDate(worksite.start)} au ${formatFrenchDate(worksite.end)}).`,
    };
  }
  return null;
}

/**
 * How many days a contract may end after the worksite's last day without a
 * warning: a week, for a last bilan or the paperwork of the exit. Beyond, the
 * person would be under contract with no half-day to work, which is almost
 * always a typing slip; it stays possible once confirmed.
 */
export const CONTRACT_END_MARGIN_DAYS = 7;

export function contractEndWarning(contractEnd: string, worksite: WorksiteSpan): string | null {
  const latest = addDays(worksite.end, CONTRACT_END_MARGIN_DAYS);
  if (contractEnd <= latest) return null;
  const days = daysBetween(worksite.end, contractEnd);
  return (
    `Le contrat finirait le ${formatFrenchDate(contractEnd)}, ${days} jours après la fin du chantier (${formatFrenchDate(worksite.end)}) : ` +
    `au-delà de ${CONTRACT_END_MARGIN_DAYS} jours, la personne serait sous contrat sans demi-journée à faire. Confirmez si c’est voulu.`
  );
}
