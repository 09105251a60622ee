/**
 * How a participant's half-day went. One letter each, typed in the week grid.
 */
export const MARKS = [
  'present',
  'retard',
  'maladie',
  'accident_travail',
  'rdv_autorise',
  'demarche_emploi',
  'autre_justifiee',
  'non_justifiee',
] as const;
export type Mark = (typeof MARKS)[number];

export const MARK_LABELS: Record<Mark, string> = {
  present: 'Présent·e',
  retard: 'Retard ou départ anticipé',
  maladie: 'Maladie',
  accident_travail: 'Accident du travail',
  rdv_autorise: 'Rendez-vous médical ou social autorisé',
  demarche_emploi: 'Démarche d’emploi ou de formation',
  autre_justifiee: 'Autre absence justifiée',
  non_justifiee: 'Absence non justifiée',
};

/** The key that sets each mark in the grid. */
export const MARK_KEYS: Record<Mark, string> = {
  present: 'P',
  retard: 'R',
  maladie: 'M',
  accident_travail: 'T',
  rdv_autorise: 'V',
  demarche_emploi: 'E',
  autre_justifiee: 'J',
  non_justifiee: 'N',
};

/**
 * Whether an absence is paid unless the user says otherwise: appointments
 * and job-search steps are part of the insertion journey; sickness and work
 * accidents are compensated by the health insurance, not paid as hours.
 * "Autre absence justifiée" is decided case by case.
 */
export const PAID_BY_DEFAULT: Record<Mark, boolean> = {
  present: true,
  retard: true,
  maladie: false,
  accident_travail: false,
  rdv_autorise: true,
  demarche_emploi: true,
  autre_justifiee: false,
  non_justifiee: false,
};

export const JUSTIFIED: readonly Mark[] = [
  'maladie',
  'accident_travail',
  'rdv_autorise',
  'demarche_emploi',
  'autre_justifiee',
];

export const CANCEL_KINDS = ['structure', 'force_majeure'] as const;
export type CancelKind = (typeof CANCEL_KINDS)[number];
export const CANCEL_KIND_LABELS: Record<CancelKind, string> = {
  structure: 'Annulée par la structure (payée)',
  force_majeure: 'Intempéries ou force majeure',
};
