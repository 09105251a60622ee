/**
 * Rules of evaluations and bilans, pure: which level counts as the start,
 * the end and the person's own view of a skill, when an evaluation may be
 * dated, what a health check may say, and what an attestation de compétences
 * may claim.
 */
import type { Evaluation, EvaluationLevel, EvaluationMoment, HealthCheckInput } from '../shared/contract/evaluations';
import { addDays } from '../shared/dates';

/** The scale as numbers for the chart; "non évalué" has none. */
export const LEVEL_SCORE: Record<EvaluationLevel, number | null> = {
  non_evalue: null,
  non_acquis: 1,
  en_cours: 2,
  acquis: 3,
  maitrise: 4,
};

const evaluated = (level: EvaluationLevel | undefined): EvaluationLevel | null =>
  level && level !== 'non_evalue' ? level : null;

function levelAt(
  evaluations: readonly Evaluation[],
  evaluator: Evaluation['evaluator'],
  moment: EvaluationMoment,
  criterionId: number,
) {
  const found = evaluations.find((e) => e.evaluator === evaluator && e.moment === moment);
  const item = found?.items.find((i) => i.criterionId === criterionId);
  return { level: evaluated(item?.level), comment: item?.comment ?? '' };
}

/**
 * One skill across the worksite: the supervisor's level at the start, at the
 * end (mid-way when the final one is missing), and the person's own last
 * level. A line never evaluated has nulls, never a guessed level.
 */
export function skillSummary(evaluations: readonly Evaluation[], criterionId: number) {
  const start = levelAt(evaluations, 'encadrant', 'debut', criterionId);
  const final = levelAt(evaluations, 'encadrant', 'fin', criterionId);
  const mid = levelAt(evaluations, 'encadrant', 'mi_parcours', criterionId);
  const end = final.level ? final : mid;
  const self = [
    levelAt(evaluations, 'participant', 'fin', criterionId),
    levelAt(evaluations, 'participant', 'mi_parcours', criterionId),
    levelAt(evaluations, 'participant', 'debut', criterionId),
  ].find((s) => s.level);
  return { start: start.level, end: end.level, self: self?.level ?? null, comment: end.comment || start.comment };
}

/**
 * What the attestation de compétences may state: it certifies only the skills
 * reached ("acquis", "maîtrisé"); those "en cours d'acquisition" are named as
 * progress, apart, never graded; the others are not mentioned.
 */
export function attestedSkills<T extends { end: EvaluationLevel | null }>(
  lines: readonly T[],
): { certified: T[]; inProgress: T[] } {
  return {
    certified: lines.filter((l) => l.end === 'acquis' || l.end === 'maitrise'),
    inProgress: lines.filter((l) => l.end === 'en_cours'),
  };
}

/** The days an evaluation may bear: from the contract's first day to 60 days after its last (the bilan comes after), never in the future. */
export function evaluationDateProblem(
  evaluatedOn: string,
  participation: { startDate: string; end: string },
  today: string,
): string | null {
  if (evaluatedOn > today) return 'La date de l’évaluation est dans le futur : indiquez le jour où elle a eu lieu.';
  if (evaluatedOn < participation.startDate) return 'La date de l’évaluation est avant le début du contrat.';
  if (evaluatedOn > addDays(participation.end, 60))
    return 'La date de l’évaluation est plus de 60 jours après la fin du contrat.';
  return null;
}

/** A health check records the visit and its paper, never a diagnosis: inaptitude only from occupational health. */
export function healthCheckProblem(check: Pick<HealthCheckInput, 'kind' | 'inaptitude'>): string | null {
  if (check.kind === 'bilan_sante' && check.inaptitude) {
    return 'Un bilan de santé de l’Assurance Maladie ne déclare pas d’inaptitude : seul le médecin du travail le peut.';
  }
  return null;
}

/** Half-days attended over half-days held: shared with the renderer, which shows the same figure. */
export { attendanceRate } from '../shared/attendance-rate';
