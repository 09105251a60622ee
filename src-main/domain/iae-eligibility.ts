/**
 * Eligibility to an IAE parcours and the PASS IAE that follows it.
 *
 * Sources:
 * - Code du travail L5132-3 (eligibility checked by a prescriber or the SIAE
 *   on the criteria an arrêté lists), R5132-1-1 to R5132-1-12 (décret
 *   2021-1128 du 30 août 2021): the parcours is prescribed for 24 months
 *   (R5132-1-2), prolonged beyond under R5132-1-8.
 * - Arrêté du 1er septembre 2021 fixant la liste des critères administratifs
 *   d’éligibilité: the criteria, their level and proofs, as the inclusion
 *   platform encodes them (gip-inclusion/les-emplois, `itou/eligibility/enums.py`,
 *   `itou/eligibility/data/administrative_criteria.json`, `itou/eligibility/utils.py`):
 *   eligible with at least one level-1 criterion, or at least
 *   `ADMINISTRATIVE_CRITERIA_LEVEL_2_REQUIRED_FOR_SIAE_KIND[kind]` level-2
 *   criteria (3 for an ACI, EI, EITI; 2 for an AI or ETTI).
 * - The PASS IAE (`itou/approvals/models.py`): a number of 12 letters or
 *   digits (the platform’s own start with « 99999 »), shown 5-2-5; lasting
 *   `DEFAULT_APPROVAL_DAYS` = 2 × 365 days, start and end included; a
 *   prolongation starts on the PASS’s end and moves it, each at most
 *   `PROLONGATION_RULES[reason].max_duration`, all of them together at most
 *   `max_cumulative_duration` (3 years for RQTH and particular difficulties,
 *   5 years for a senior; R5132-1-8: 60 and 84 months of parcours in all),
 *   the « difficultés particulièrement importantes » for ACI and AI only.
 *
 * Pure: no clock, no I/O. A criterion counts on a date when a proof of a type
 * the platform accepts is still valid that day (an expired proof does not
 * count), and, for the age criteria, when the person has the age that day.
 */
import {
  IAE_CRITERION_BY_CODE,
  LEVEL_2_REQUIRED,
  PROLONGATION_REASON_LABELS,
  type IaeCriterionCode,
  type ProlongationReason,
  type SiaeKind,
} from '../shared/iae-criteria';
import { addDays, daysBetween, formatFrenchDate, lastDayOfMonths } from '../shared/dates';
import { ageOn } from './minors';

export * from '../shared/iae-criteria';

/** A criterion checked on the person, with its proof. */
export interface CheckedCriterion {
  code: IaeCriterionCode;
  proofType: string;
  /** The date the proof bears (attestation, certificate, decision). */
  proofDate: string;
  /** For a decision or a permit valid up to a date (`until`): that date. */
  validUntil: string | null;
}

/** The proof types a criterion accepts, or null when the criterion does not take this one. */
export function proofTypeOf(code: IaeCriterionCode, proofType: string) {
  return IAE_CRITERION_BY_CODE[code].proofs.find((p) => p.code === proofType) ?? null;
}

/**
 * The last day a proof counts, or null when it does not expire. « Datant de
 * moins de N mois »: through the day before the same date N months later
 * (a paper of 15/01 is under 3 months old until 14/04 included).
 */
export function proofLastDay(c: CheckedCriterion): string | null {
  const proof = proofTypeOf(c.code, c.proofType);
  if (!proof) return c.proofDate; // not a proof of this criterion: never counts after its own day
  switch (proof.validity.kind) {
    case 'months':
      return lastDayOfMonths(c.proofDate, proof.validity.months);
    case 'until':
      return c.validUntil ?? c.proofDate;
    case 'lasting':
      return null;
  }
}

/** Why a criterion does not count on `on`, in French, or null when it counts. */
export function notCountedBecause(c: CheckedCriterion, on: string, birthDate: string | null): string | null {
  const proof = proofTypeOf(c.code, c.proofType);
  if (!proof) return 'ce justificatif n’est pas accepté pour ce critère';
  if (c.proofDate > on)
    return `justificatif daté du ${formatFrenchDate(c.proofDate)}, après le ${formatFrenchDate(on)}`;
  const last = proofLastDay(c);
  if (last !== null && on > last) return `justificatif expiré le ${formatFrenchDate(addDays(last, 1))}`;
  if (birthDate !== null && c.code === 'SENIOR' && ageOn(birthDate, on) < 50)
    return `${ageOn(birthDate, on)} ans le ${formatFrenchDate(on)}, moins de 50 ans`;
  if (birthDate !== null && c.code === 'JEUNE' && ageOn(birthDate, on) >= 26)
    return `${ageOn(birthDate, on)} ans le ${formatFrenchDate(on)}, 26 ans ou plus`;
  return null;
}

/** The platform’s two exclusions: senior and young, DETLD and DELD (its eligibility form). */
export function exclusionProblem(codes: readonly IaeCriterionCode[]): string | null {
  const has = (c: IaeCriterionCode) => codes.includes(c);
  if (has('SENIOR') && has('JEUNE')) return 'Une personne ne peut pas être à la fois « senior » et « jeune ».';
  if (has('DETLD') && has('DELD'))
    return 'Une personne ne peut pas être à la fois demandeur d’emploi de très longue durée (DETLD) et de longue durée (DELD) : gardez l’un des deux.';
  return null;
}

export interface Eligibility {
  eligible: boolean;
  /** « Éligible : 1 critère de niveau 1 (RSA) » or « Non éligible : il manque … ». */
  reason: string;
  level1: IaeCriterionCode[];
  level2: IaeCriterionCode[];
  required: number;
  notCounted: { code: IaeCriterionCode; why: string }[];
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
const named = (codes: readonly IaeCriterionCode[]) => codes.map((c) => IAE_CRITERION_BY_CODE[c].short).join(', ');

/**
 * Eligibility on `on` for a structure of kind `kind`: at least one level-1
 * criterion, or at least LEVEL_2_REQUIRED[kind] level-2 criteria, each with
 * a proof valid that day.
 */
export function iaeEligibility(
  checked: readonly CheckedCriterion[],
  on: string,
  kind: SiaeKind,
  birthDate: string | null,
): Eligibility {
  const required = LEVEL_2_REQUIRED[kind];
  const counted: IaeCriterionCode[] = [];
  const notCounted: Eligibility['notCounted'] = [];
  for (const c of checked) {
    const why = notCountedBecause(c, on, birthDate);
    if (why === null) {
      if (!counted.includes(c.code)) counted.push(c.code);
    } else notCounted.push({ code: c.code, why });
  }
  const byLevel = (level: 1 | 2) => counted.filter((c) => IAE_CRITERION_BY_CODE[c].level === level);
  const level1 = byLevel(1);
  const level2 = byLevel(2);
  let reason: string;
  let eligible = true;
  if (level1.length > 0) reason = `Éligible : ${plural(level1.length, 'critère')} de niveau 1 (${named(level1)})`;
  else if (level2.length >= required)
    reason = `Éligible : ${plural(level2.length, 'critère')} de niveau 2 (${named(level2)})`;
  else {
    eligible = false;
    const missing = required - level2.length;
    reason =
      `Non éligible : il manque un critère de niveau 1, ou ${plural(missing, 'critère')} de niveau 2` +
      (level2.length > 0 ? ` en plus de ${named(level2)}` : '') +
      ` (${required} sont nécessaires en ${kind})`;
  }
  return { eligible, reason, level1, level2, required, notCounted };
}

// ——— PASS IAE ———

/** `DEFAULT_APPROVAL_DAYS` of the platform: 2 × 365 days. */
export const PASS_DAYS = 2 * 365;

/** The end of a PASS IAE starting on `start` without prolongation: 730 days, both ends counted. */
export function passDefaultEnd(start: string): string {
  return addDays(start, PASS_DAYS - 1);
}

export function passDatesProblem(start: string, end: string): string | null {
  if (end < start) return 'La date de fin du PASS IAE ne peut pas précéder sa date de début.';
  return null;
}

/** Each prolongation at most `max` days; all of them together at most `cumulative` days (null: no such limit). */
export const PROLONGATION_RULES: Record<ProlongationReason, { max: number; cumulative: number | null }> = {
  // Until the CDI ends; the platform applies 10 years.
  SENIOR_CDI: { max: 10 * 365, cumulative: null },
  COMPLETE_TRAINING: { max: 365, cumulative: null },
  RQTH: { max: 365, cumulative: 3 * 365 },
  SENIOR: { max: 365, cumulative: 5 * 365 },
  PARTICULAR_DIFFICULTIES: { max: 365, cumulative: 3 * 365 },
};

export interface Prolongation {
  reason: ProlongationReason;
  /** The PASS’s end before it (the platform’s `start_at`). */
  startDate: string;
  /** The PASS’s new end. */
  endDate: string;
}

/** The PASS’s end once every prolongation is counted. */
export function passEnd(end: string, prolongations: readonly Prolongation[]): string {
  return prolongations.reduce((e, p) => (p.endDate > e ? p.endDate : e), end);
}

/** The latest end a new prolongation for `reason`, starting on `start`, may have, given the days already used by the others. */
export function prolongationMaxEnd(start: string, reason: ProlongationReason, usedDays: number): string {
  const rule = PROLONGATION_RULES[reason];
  const left = rule.cumulative === null ? rule.max : Math.min(rule.max, rule.cumulative - usedDays);
  return addDays(start, Math.max(left, 0));
}

/** Why this prolongation cannot be added, in French, or null. */
export function prolongationProblem(
  currentEnd: string,
  existing: readonly Prolongation[],
  reason: ProlongationReason,
  newEnd: string,
  kind: SiaeKind,
): string | null {
  if (reason === 'PARTICULAR_DIFFICULTIES' && kind !== 'ACI' && kind !== 'AI')
    return `Le motif « ${PROLONGATION_REASON_LABELS[reason]} » est réservé aux ACI et aux AI (article R5132-1-8 du Code du travail).`;
  if (newEnd <= currentEnd)
    return `La nouvelle date de fin doit suivre la fin actuelle du PASS IAE, le ${formatFrenchDate(currentEnd)}.`;
  const used = existing.reduce((sum, p) => sum + daysBetween(p.startDate, p.endDate), 0);
  const max = prolongationMaxEnd(currentEnd, reason, used);
  if (newEnd > max) {
    return max <= currentEnd
      ? `Les prolongations de ce PASS IAE atteignent déjà le maximum légal : plus de prolongation pour le motif « ${PROLONGATION_REASON_LABELS[reason]} » (article R5132-1-8 du Code du travail).`
      : `Cette prolongation dépasse le maximum légal pour le motif « ${PROLONGATION_REASON_LABELS[reason]} » : date de fin au plus tard le ${formatFrenchDate(max)} (article R5132-1-8 du Code du travail).`;
  }
  return null;
}

/**
 * How long before its end a PASS IAE is flagged on the dashboard: 90 days.
 * A prolongation for RQTH, age or particular difficulties is decided by a
 * prescriber after examining the parcours with the structure (R5132-1-8 2°);
 * the platform first opened the request three months before the end
 * (`PROLONGATION_PERIOD_BEFORE_APPROVAL_END_MONTHS = 3`), and a CDDI to renew
 * past the end needs the answer first (at least 4 months, L5132-15-1). Three
 * months leave the structure a month to gather the bilan and the prescriber
 * two to decide.
 */
export const PASS_WARNING_DAYS = 90;

/** Does a PASS ending on `end` end within `days` days of `today` (today and the end included), without being over? */
export function expiresWithin(end: string, today: string, days: number): boolean {
  return end >= today && daysBetween(today, end) <= days;
}
