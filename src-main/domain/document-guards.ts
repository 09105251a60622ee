/**
 * A document states only what has happened. The rules each document kind
 * names as its guard (`documents/kinds/`): from the facts of the contract (or
 * the worksite) and the day it is asked for, whether it may be issued, may only be printed as a draft ("PROJET — non valable"),
 * or is refused — with the reason in French.
 */
import { addMonths, longFrenchDate } from '../shared/dates';

export interface DocumentGuardFacts {
  /** The day the document is asked for (the injected clock). */
  today: string;
  /** The contract's last day: its early end when there is one (the worksite's last day for a worksite document). */
  lastDay: string;
  /** The first half-day held (not cancelled) under the contract, or on the worksite; null when there is none. */
  firstHalfDay: string | null;
  /** Minutes worked, from the attendance recorded up to today. */
  workedMinutes: number;
  /** Whether any attendance is recorded for the contract. */
  attendanceRecorded: boolean;
}

export type DocumentGuard =
  { status: 'allowed' } | { status: 'draft_only'; reason: string } | { status: 'refused'; reason: string };

const ALLOWED: DocumentGuard = { status: 'allowed' };

function beforeFirstHalfDay(f: DocumentGuardFacts): string | null {
  if (f.firstHalfDay === null) return 'Aucune demi-journée n’a encore eu lieu sur ce contrat.';
  if (f.today < f.firstHalfDay)
    return `Aucune demi-journée n’a encore eu lieu : la première est le ${longFrenchDate(f.firstHalfDay)}.`;
  return null;
}

/** Contracts, convocations, agendas, sheets and plannings are made before the facts by nature. */
export function madeBeforeTheFacts(): DocumentGuard {
  return ALLOWED;
}

/** Delivered at the contract's expiry (L1234-19, D1234-6): from its last day worked, never before. */
export function certificateGuard(f: DocumentGuardFacts): DocumentGuard {
  return f.today < f.lastDay
    ? {
        status: 'refused',
        reason: `Le certificat de travail s’établit à la fin du contrat : son dernier jour est le ${longFrenchDate(f.lastDay)}.`,
      }
    : ALLOWED;
}

/** Half-days attended: only once one has been held and attendance is recorded; before, a draft of the planned hours. */
export function presenceGuard(f: DocumentGuardFacts): DocumentGuard {
  const early = beforeFirstHalfDay(f);
  if (early) return { status: 'draft_only', reason: early };
  if (!f.attendanceRecorded)
    return {
      status: 'draft_only',
      reason: 'Les présences ne sont pas encore saisies : l’attestation n’indiquerait que les heures prévues.',
    };
  return ALLOWED;
}

/** A bilan (individual or the worksite's) speaks of half-days held: a draft before the first one. */
export function bilanGuard(f: DocumentGuardFacts): DocumentGuard {
  const early = beforeFirstHalfDay(f);
  return early ? { status: 'draft_only', reason: early } : ALLOWED;
}

/** Skills are attested only from work done. */
export function competencesGuard(f: DocumentGuardFacts): DocumentGuard {
  return f.workedMinutes <= 0
    ? {
        status: 'refused',
        reason: 'Aucune heure de travail n’est enregistrée pour ce contrat : il n’y a pas de compétences à attester.',
      }
    : ALLOWED;
}

/** What is printed: a valid document, a draft when one is asked for and may be made, or why neither. */
export function resolveGuard(
  guard: DocumentGuard,
  draftAsked: boolean,
): { print: 'valid' | 'draft' } | { refused: string; draftPossible: boolean } {
  if (guard.status === 'refused') return { refused: guard.reason, draftPossible: false };
  if (draftAsked) return { print: 'draft' };
  if (guard.status === 'draft_only') return { refused: guard.reason, draftPossible: true };
  return { print: 'valid' };
}

/** The last day counted in a document: what happened up to the day it is made, never after. */
export function countedUntil(lastDay: string, today: string): string {
  return lastDay < today ? lastDay : today;
}

/**
 * Portabilité of health (mutuelle) and provident (prévoyance) cover, L911-8
 * Code de la sécurité sociale: kept free of charge for the length of the last
 * contract, counted in months rounded up, at most 12 months.
 */
export function portabilityMonths(startDate: string, lastDay: string): number {
  let months = 1;
  while (months < 12 && addMonths(startDate, months) <= lastDay) months++;
  return months;
}

/** The date after "Fait à …, le": the contract's signature, else its hand-over (L1242-13); null leaves a blank to fill by hand. */
export function contractSignatureDate(contract: { signedOn: string | null; handedOn: string | null }): string | null {
  return contract.signedOn ?? contract.handedOn;
}
