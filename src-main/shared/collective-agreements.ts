/**
 * The collective agreements an employer of Passerelle's worksites may apply,
 * chosen from a list rather than typed: a contract must name the agreement
 * applicable (Code du travail L1242-12, 5°) and a free text let an association
 * intermédiaire be set to the ACI agreement. Every IDCC below was checked
 * against the agreement's own text (Légifrance / code.travail.gouv.fr).
 * Runs anywhere: the settings form and main share it.
 */

export const COLLECTIVE_AGREEMENT_CODES = ['aucune', '3016', '3105', '2941', '1261'] as const;
export type CollectiveAgreementCode = (typeof COLLECTIVE_AGREEMENT_CODES)[number];

type EmployerKind = 'association_intermediaire' | 'ccas' | 'autre';

interface CollectiveAgreement {
  /** As the settings list shows it. */
  label: string;
  /** As the contract states it (L1242-12, 5°): its title and IDCC. */
  title: string | null;
  /** The employers within its scope; an employer outside it cannot choose it. */
  employerKinds: readonly EmployerKind[];
  /** Why another kind cannot choose it, said to the secretary. */
  scope?: string;
}

export const COLLECTIVE_AGREEMENTS: Record<CollectiveAgreementCode, CollectiveAgreement> = {
  aucune: {
    label: 'Aucune convention collective',
    title: null,
    employerKinds: ['association_intermediaire', 'ccas', 'autre'],
  },
  // Scope: private-law employers of ACI conventionnés under L5132-15 (article 1 of the agreement of 31 March 2011).
  '3016': {
    label: 'Ateliers et chantiers d’insertion — IDCC 3016',
    title: 'Convention collective nationale des ateliers et chantiers d’insertion du 31 mars 2011 (IDCC 3016)',
    employerKinds: ['ccas', 'autre'],
    scope:
      'La convention collective des ateliers et chantiers d’insertion (IDCC 3016) ne s’applique qu’aux structures conventionnées comme atelier et chantier d’insertion (article L5132-15), pas à une association intermédiaire.',
  },
  '3105': {
    label: 'Régies de quartier — IDCC 3105',
    title: 'Convention collective nationale des régies de quartier du 2 avril 2012 (IDCC 3105)',
    employerKinds: ['association_intermediaire', 'ccas', 'autre'],
  },
  '2941': {
    label: 'Aide, accompagnement, soins et services à domicile (BAD) — IDCC 2941',
    title:
      'Convention collective nationale de la branche de l’aide, de l’accompagnement, des soins et des services à domicile du 21 mai 2010 (IDCC 2941)',
    employerKinds: ['association_intermediaire', 'autre'],
    scope:
      'La convention collective de l’aide à domicile (IDCC 2941) ne vise que les organismes privés à but non lucratif : un CCAS, établissement public, n’y entre pas.',
  },
  '1261': {
    label: 'Acteurs du lien social et familial (ALISFA) — IDCC 1261',
    title: 'Convention collective nationale des acteurs du lien social et familial du 4 juin 1983 (IDCC 1261)',
    employerKinds: ['association_intermediaire', 'autre'],
    scope:
      'La convention collective des acteurs du lien social et familial (IDCC 1261) ne vise que les associations et organismes de droit privé : un CCAS, établissement public, n’y entre pas.',
  },
};

/** Why this employer cannot apply this agreement, or null when it may. */
export function agreementRefusal(kind: EmployerKind, code: CollectiveAgreementCode): string | null {
  const agreement = COLLECTIVE_AGREEMENTS[code];
  if (agreement.employerKinds.includes(kind)) return null;
  return agreement.scope ?? `La convention « ${agreement.label} » ne s’applique pas à ce type d’employeur.`;
}

/** The agreements this kind of employer may choose, for the settings list. */
export function agreementsFor(kind: EmployerKind): CollectiveAgreementCode[] {
  return COLLECTIVE_AGREEMENT_CODES.filter((code) => agreementRefusal(kind, code) === null);
}
