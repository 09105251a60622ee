/**
 * Young workers. Age is taken on the contract's first day, never today: a
 * person hired at 15 who turns 16 during the contract was still hired at 15.
 */
import type { RuleViolation } from './contracts';

/** Whole years of age on a date. Born on 29 February: a year older on 1 March in a non-leap year. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** No work contract under 16 (Code du travail L4153-1; the apprenticeship and school-holiday exceptions do not apply here). */
export const MINIMUM_WORKING_AGE = 16;
export const AGE_OF_MAJORITY = 18;

export interface WorkingTimeLimits {
  dayMinutes: number;
  weekMinutes: number;
  /** No work between these times (minutes after midnight), or null when night work is not refused. */
  night: { from: number; to: number } | null;
}

/** Warned about for every adult: 10 h a day (L3121-18), 48 h a week (L3121-20). */
export const ADULT_LIMITS: WorkingTimeLimits = { dayMinutes: 10 * 60, weekMinutes: 48 * 60, night: null };

/** Under 18: 8 h a day and 35 h a week (L3162-1), no work between 22 h and 6 h (L3163-2). */
export const MINOR_LIMITS: WorkingTimeLimits = {
  dayMinutes: 8 * 60,
  weekMinutes: 35 * 60,
  night: { from: 22 * 60, to: 6 * 60 },
};

export function isMinorOn(birthDate: string | null, date: string): boolean {
  return birthDate !== null && ageOn(birthDate, date) < AGE_OF_MAJORITY;
}

export function limitsFor(birthDate: string | null, contractStart: string): WorkingTimeLimits {
  return isMinorOn(birthDate, contractStart) ? MINOR_LIMITS : ADULT_LIMITS;
}

/** Whether a half-day from `start` to `end` (minutes) runs into the night hours. */
export function overlapsNight(start: number, end: number, night: { from: number; to: number }): boolean {
  return start < night.to || end > night.from;
}

export type AgeCheck = { refusal: RuleViolation } | { warning: string } | null;

/** Under 16 on the first day: refused. From 16 to 17: allowed, with the minors' limits and the legal representative's signature. */
export function checkAgeForContract(birthDate: string | null, contractStart: string): AgeCheck {
  if (birthDate === null) return null;
  const age = ageOn(birthDate, contractStart);
  if (age < MINIMUM_WORKING_AGE) {
    return {
      refusal: {
        rule: 'L4153-1',
        message: `La personne aura ${age} ans le premier jour du contrat : aucun contrat de travail avant 16 ans (Code du travail, art. L4153-1).`,
      },
    };
  }
  if (age < AGE_OF_MAJORITY) {
    return {
      warning:
        `La personne aura ${age} ans le premier jour du contrat : elle est mineure. Au plus 8 h par jour et 35 h par semaine (art. L3162-1), ` +
        `aucun travail entre 22 h et 6 h (art. L3163-2), et son représentant légal signe aussi le contrat. Confirmez pour l’inscrire.`,
    };
  }
  return null;
}
