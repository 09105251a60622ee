/** The parcours (journey) of a person, from orientation to exit, and its lists. */

export const JOURNEY_STATUSES = [
  'orientee',
  'candidature',
  'entretien',
  'attente',
  'admise',
  'refusee',
  'en_chantier',
  'sortie',
] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];
export const JOURNEY_STATUS_LABELS: Record<JourneyStatus, string> = {
  orientee: 'Orienté·e',
  candidature: 'Candidature reçue',
  entretien: 'Entretien',
  attente: 'Liste d’attente',
  admise: 'Admis·e',
  refusee: 'Refusé·e',
  en_chantier: 'En chantier',
  sortie: 'Sorti·e',
};

export const OBSTACLE_KINDS = [
  'mobilite',
  'sante',
  'logement',
  'garde_enfants',
  'langue',
  'numerique',
  'budget',
  'justice',
  'administratif',
  'confiance',
  'autre',
] as const;
export type ObstacleKind = (typeof OBSTACLE_KINDS)[number];
export const OBSTACLE_KIND_LABELS: Record<ObstacleKind, string> = {
  mobilite: 'Mobilité',
  sante: 'Santé',
  logement: 'Logement',
  garde_enfants: 'Garde d’enfants',
  langue: 'Langue, savoirs de base',
  numerique: 'Numérique',
  budget: 'Budget, dettes',
  justice: 'Justice',
  administratif: 'Démarches administratives',
  confiance: 'Confiance en soi',
  autre: 'Autre',
};

/** National IAE exit categories. */
export const OUTCOME_CATEGORIES = [
  'emploi_durable',
  'emploi_transition',
  'sortie_positive',
  'autre_sortie',
  'sans_nouvelles',
] as const;
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[number];
export const OUTCOME_CATEGORY_LABELS: Record<OutcomeCategory, string> = {
  emploi_durable: 'Emploi durable (CDI, CDD de 6 mois et plus, création d’entreprise…)',
  emploi_transition: 'Emploi de transition (CDD de moins de 6 mois, intérim, contrat aidé…)',
  sortie_positive: 'Sortie positive (formation qualifiante, autre SIAE, MESP vers ACI…)',
  autre_sortie: 'Autre sortie (inactivité, santé, déménagement…)',
  sans_nouvelles: 'Sans nouvelles',
};
