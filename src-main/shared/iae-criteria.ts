/**
 * The administrative criteria of eligibility to the insertion par l’activité
 * économique (IAE), as the inclusion platform lists them for an SIAE: the
 * arrêté du 1er septembre 2021 « fixant la liste des critères administratifs
 * d’éligibilité à un parcours d’insertion par l’activité économique » (taken
 * for the décret 2021-1128 du 30 août 2021, articles R5132-1-1 and following,
 * and L5132-3 of the Code du travail).
 *
 * Read from the platform’s public source, gip-inclusion/les-emplois (formerly
 * betagouv/itou): `itou/eligibility/enums.py` (AdministrativeCriteriaKind, the
 * IAE criteria `for_iae()`, ADMINISTRATIVE_CRITERIA_LEVEL_2_REQUIRED_FOR_SIAE_KIND,
 * the criteria certifiable by API particulier and France Travail) and
 * `itou/eligibility/data/administrative_criteria.json` (names, level, written
 * proof and its validity « datant de moins de N mois avant la date de
 * délivrance du PASS IAE »). The two exclusions (senior and young, DETLD and
 * DELD) are the platform’s form, `itou/www/eligibility_views/forms.py`.
 *
 * Data only, shared by main (rules: `domain/iae-eligibility.ts`) and the
 * renderer (the checklist).
 */

export const IAE_CRITERION_CODES = [
  'RSA',
  'ASS',
  'AAH',
  'DETLD',
  'CAP_BEP',
  'SENIOR',
  'JEUNE',
  'ASE',
  'DELD',
  'TH',
  'PI',
  'PSH_PR',
  'REF_DA',
  'ZRR',
  'QPV',
  'DETENTION_MJ',
  'FLE',
  'PM',
] as const;
export type IaeCriterionCode = (typeof IAE_CRITERION_CODES)[number];

/**
 * How long a proof counts: `months` for a paper « datant de moins de N mois »
 * (it counts through the day before the same date N months later); `until`
 * for a decision or a residence permit valid up to a date written on it;
 * `lasting` for what does not expire (an identity document proving an age, a
 * diploma).
 */
export type ProofValidity = { kind: 'months'; months: number } | { kind: 'until' } | { kind: 'lasting' };

export interface IaeProofType {
  code: string;
  label: string;
  validity: ProofValidity;
}

export interface IaeCriterion {
  code: IaeCriterionCode;
  level: 1 | 2;
  /** The platform’s name of the criterion. */
  label: string;
  /** What the result names: « 1 critère de niveau 1 (RSA) ». */
  short: string;
  /** The proofs the platform accepts, each with its validity. */
  proofs: readonly IaeProofType[];
  /** Certifiable by the platform through API particulier (RSA, AAH, parent isolé) or France Travail (TH). */
  certifiable: boolean;
}

const months = (n: number): ProofValidity => ({ kind: 'months', months: n });
const UNTIL: ProofValidity = { kind: 'until' };
const LASTING: ProofValidity = { kind: 'lasting' };

export const IAE_CRITERIA: readonly IaeCriterion[] = [
  {
    code: 'RSA',
    level: 1,
    label: 'Bénéficiaire du RSA',
    short: 'RSA',
    proofs: [{ code: 'attestation_rsa', label: 'Attestation RSA', validity: months(3) }],
    certifiable: true,
  },
  {
    code: 'ASS',
    level: 1,
    label: 'Allocataire ASS (allocation de solidarité spécifique)',
    short: 'ASS',
    proofs: [{ code: 'attestation_ass', label: 'Attestation ASS', validity: months(3) }],
    certifiable: false,
  },
  {
    code: 'AAH',
    level: 1,
    label: 'Allocataire AAH (allocation aux adultes handicapés)',
    short: 'AAH',
    proofs: [{ code: 'attestation_aah', label: 'Attestation AAH', validity: months(3) }],
    certifiable: true,
  },
  {
    code: 'DETLD',
    level: 1,
    label: 'Demandeur d’emploi de très longue durée (24 mois et plus, inscrit à France Travail)',
    short: 'DETLD',
    proofs: [{ code: 'attestation_ft', label: 'Attestation France Travail', validity: months(3) }],
    certifiable: false,
  },
  {
    code: 'CAP_BEP',
    level: 2,
    label: 'Niveau d’étude 3 (CAP, BEP) ou infra',
    short: 'niveau CAP-BEP ou infra',
    proofs: [
      { code: 'diplome', label: 'Diplôme', validity: LASTING },
      { code: 'attestation_honneur', label: 'Attestation sur l’honneur', validity: months(3) },
    ],
    certifiable: false,
  },
  {
    code: 'SENIOR',
    level: 2,
    label: 'Senior (50 ans et plus)',
    short: 'senior',
    proofs: [{ code: 'piece_identite', label: 'Pièce d’identité', validity: LASTING }],
    certifiable: false,
  },
  {
    code: 'JEUNE',
    level: 2,
    label: 'Jeune (moins de 26 ans)',
    short: 'jeune',
    proofs: [{ code: 'piece_identite', label: 'Pièce d’identité', validity: LASTING }],
    certifiable: false,
  },
  {
    code: 'ASE',
    level: 2,
    label: 'Sortant de l’ASE (aide sociale à l’enfance)',
    short: 'ASE',
    proofs: [{ code: 'attestation_ase', label: 'Attestation ASE', validity: months(12) }],
    certifiable: false,
  },
  {
    code: 'DELD',
    level: 2,
    label: 'Demandeur d’emploi de longue durée (12 à 24 mois, inscrit à France Travail)',
    short: 'DELD',
    proofs: [{ code: 'attestation_ft', label: 'Attestation France Travail', validity: months(3) }],
    certifiable: false,
  },
  {
    code: 'TH',
    level: 2,
    label: 'Travailleur handicapé',
    short: 'TH',
    proofs: [{ code: 'decision_rqth', label: 'Décision de reconnaissance de la qualité de TH', validity: UNTIL }],
    certifiable: true,
  },
  {
    code: 'PI',
    level: 2,
    label: 'Parent isolé',
    short: 'parent isolé',
    proofs: [{ code: 'attestation_caf', label: 'Attestation CAF', validity: months(3) }],
    certifiable: true,
  },
  {
    code: 'PSH_PR',
    level: 2,
    label: 'Personne sans hébergement ou hébergée ou ayant un parcours de rue',
    short: 'sans hébergement',
    proofs: [
      { code: 'domiciliation', label: 'Certificat de domiciliation', validity: months(3) },
      {
        code: 'declaration_ts',
        label: 'Déclaration sur l’honneur d’un travailleur social ou d’une association',
        validity: months(3),
      },
    ],
    certifiable: false,
  },
  {
    code: 'REF_DA',
    level: 2,
    label: 'Réfugié statutaire, bénéficiaire d’une protection temporaire, protégé subsidiaire ou demandeur d’asile',
    short: 'réfugié ou demandeur d’asile',
    proofs: [
      { code: 'titre_sejour', label: 'Titre de séjour valide ou demande de renouvellement', validity: UNTIL },
      { code: 'autorisation_travail', label: 'Autorisation temporaire de travail', validity: UNTIL },
      { code: 'autorisation_sejour', label: 'Autorisation provisoire de séjour', validity: UNTIL },
    ],
    certifiable: false,
  },
  {
    code: 'ZRR',
    level: 2,
    label: 'Résident ZRR/ZFRR (zone France ruralités revitalisation)',
    short: 'ZRR',
    proofs: [{ code: 'justificatif_domicile', label: 'Justificatif de domicile', validity: months(6) }],
    certifiable: false,
  },
  {
    code: 'QPV',
    level: 2,
    label: 'Résident QPV (quartier prioritaire de la politique de la ville)',
    short: 'QPV',
    proofs: [{ code: 'justificatif_domicile', label: 'Justificatif de domicile', validity: months(6) }],
    certifiable: false,
  },
  {
    code: 'DETENTION_MJ',
    level: 2,
    label: 'Sortant de détention ou personne placée sous main de justice',
    short: 'sortant de détention',
    proofs: [
      {
        code: 'billet_sortie',
        label: 'Billet de sortie ou attestation du juge d’application des peines',
        validity: months(6),
      },
    ],
    certifiable: false,
  },
  {
    code: 'FLE',
    level: 2,
    label: 'Maîtrise de la langue française inférieure au niveau A1',
    short: 'français inférieur à A1',
    proofs: [{ code: 'evaluation_fle', label: 'Évaluation FLE inférieure au niveau A1', validity: months(6) }],
    certifiable: false,
  },
  {
    code: 'PM',
    level: 2,
    label: 'Problème de mobilité',
    short: 'mobilité',
    proofs: [
      { code: 'diagnostic_mobilite', label: 'Diagnostic mobilité d’un prescripteur habilité', validity: months(6) },
    ],
    certifiable: false,
  },
];

export const IAE_CRITERION_BY_CODE = Object.fromEntries(IAE_CRITERIA.map((c) => [c.code, c])) as Record<
  IaeCriterionCode,
  IaeCriterion
>;

/** The kinds of SIAE and the level-2 criteria each needs without a level-1 one (`ADMINISTRATIVE_CRITERIA_LEVEL_2_REQUIRED_FOR_SIAE_KIND`). */
export const SIAE_KINDS = ['ACI', 'AI', 'EI', 'EITI', 'ETTI'] as const;
export type SiaeKind = (typeof SIAE_KINDS)[number];
export const LEVEL_2_REQUIRED: Record<SiaeKind, number> = { AI: 2, ETTI: 2, ACI: 3, EI: 3, EITI: 3 };

/**
 * The reasons of a PASS IAE prolongation (R5132-1-8; the platform’s
 * `itou/approvals/enums.py` ProlongationReason, HEALTH_CONTEXT aside: no
 * longer usable since 1 December 2021).
 */
export const PROLONGATION_REASONS = [
  'SENIOR_CDI',
  'COMPLETE_TRAINING',
  'RQTH',
  'SENIOR',
  'PARTICULAR_DIFFICULTIES',
] as const;
export type ProlongationReason = (typeof PROLONGATION_REASONS)[number];
export const PROLONGATION_REASON_LABELS: Record<ProlongationReason, string> = {
  SENIOR_CDI: 'CDI conclu avec une personne de 57 ans et plus',
  COMPLETE_TRAINING: 'Fin d’une formation',
  RQTH: 'RQTH : reconnaissance de la qualité de travailleur handicapé',
  SENIOR: '50 ans et plus',
  PARTICULAR_DIFFICULTIES:
    'Difficultés particulièrement importantes dont l’absence de prise en charge ferait obstacle à son insertion professionnelle',
};

/**
 * A PASS IAE or agrément number as stored: 12 letters or digits (the
 * platform's `CommonApprovalMixin.number`, « 12 caractères alphanumériques »),
 * the spaces and dots typed in between dropped, upper case; null when malformed.
 */
export function normalizePassNumber(raw: string): string | null {
  const compact = raw.replace(/[\s.]/g, '').toUpperCase();
  return /^[0-9A-Z]{12}$/.test(compact) ? compact : null;
}

/** « 99999 26 12345 », as the platform prints it (`number_with_spaces`). */
export function formatPassNumber(n: string): string {
  return `${n.slice(0, 5)} ${n.slice(5, 7)} ${n.slice(7)}`;
}
