/** The standard lists of DOMAIN.md, with the French labels users read. */

export const RESOURCES = ['rsa', 'ass', 'aah', 'are', 'sans_ressources', 'salaire', 'autre'] as const;
export type Resource = (typeof RESOURCES)[number];
export const RESOURCE_LABELS: Record<Resource, string> = {
  rsa: 'RSA',
  ass: 'ASS',
  aah: 'AAH',
  are: 'ARE (chômage)',
  sans_ressources: 'Sans ressources',
  salaire: 'Salaire ou activité',
  autre: 'Autre',
};

/** National nomenclature of diploma levels (2019). */
export const EDUCATION_LEVELS = ['infra3', '3', '4', '5', '6', '7', '8'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  infra3: 'Infra 3 (sans diplôme ou brevet)',
  '3': 'Niveau 3 (CAP, BEP)',
  '4': 'Niveau 4 (bac)',
  '5': 'Niveau 5 (bac + 2)',
  '6': 'Niveau 6 (licence)',
  '7': 'Niveau 7 (master)',
  '8': 'Niveau 8 (doctorat)',
};

export const YES_NO_UNKNOWN = ['oui', 'non', 'inconnu'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];
export const YES_NO_UNKNOWN_LABELS: Record<YesNoUnknown, string> = { oui: 'Oui', non: 'Non', inconnu: 'Ne sait pas' };

export const CIVILITIES = ['madame', 'monsieur'] as const;
export const CIVILITY_LABELS: Record<(typeof CIVILITIES)[number], string> = { madame: 'Madame', monsieur: 'Monsieur' };

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = { F: 'Femme', M: 'Homme' };

export const ORGANISATION_KINDS = ['prescripteur', 'partenaire', 'financeur', 'sante', 'autre'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  prescripteur: 'Prescripteur (France Travail, Mission Locale, service social…)',
  partenaire: 'Client ou partenaire',
  financeur: 'Financeur',
  sante: 'Santé (médecine du travail, centre de santé)',
  autre: 'Autre',
};

export const NATIONALITY_GROUPS = ['france', 'ue', 'hors_ue'] as const;
export type NationalityGroup = (typeof NATIONALITY_GROUPS)[number];
export const NATIONALITY_GROUP_LABELS: Record<(typeof NATIONALITY_GROUPS)[number], string> = {
  france: 'France',
  ue: 'Union européenne',
  hors_ue: 'Hors Union européenne',
};
