/**
 * The words a new secretary meets in Passerelle, each said once in plain
 * French for the « i » beside it (ui/TermHelp). Short on purpose: one or two
 * sentences, and the text that defines the word where there is one.
 * A unit test checks every entry is shown somewhere in the interface.
 */
export interface GlossaryEntry {
  /** The word as the screens write it. */
  term: string;
  /** The long form, or a few words that say what it is. */
  short: string;
  /** What it means for the team, in one or two sentences. */
  definition: string;
  /** The text that defines it, when there is one. */
  source?: string;
}

export const GLOSSARY = {
  qpv: {
    term: 'QPV',
    short: 'Quartier prioritaire de la politique de la ville',
    definition:
      'Quartier désigné par l’État où les revenus sont les plus faibles. Habiter un QPV se vérifie à l’adresse (outil de géolocalisation de l’ANCT) et compte dans les chiffres des financeurs.',
    source: 'Loi n° 2014-173 du 21 février 2014, article 5',
  },
  rqth: {
    term: 'RQTH',
    short: 'Reconnaissance de la qualité de travailleur handicapé',
    definition:
      'Décision de la MDPH qui ouvre des aides à l’emploi. C’est une donnée de santé : on ne la note qu’avec l’accord de la personne et seuls les rôles qui en ont besoin la voient.',
    source: 'Code du travail, article L5213-1',
  },
  cddUsage: {
    term: 'CDD d’usage',
    short: 'Contrat de l’association intermédiaire pour une MESP',
    definition:
      'Contrat à durée déterminée que l’association intermédiaire signe avec la personne pour chaque mise à disposition. Il peut être court et se renouveler sans délai de carence.',
    source: 'Code du travail, articles L1242-2, 3°, et D1242-1, 12°',
  },
  miseADisposition: {
    term: 'mise à disposition',
    short: 'Le salarié travaille pour un autre que son employeur',
    definition:
      'L’association intermédiaire (l’employeur) prête le salarié au CCAS, qui organise le chantier. Une convention de mise à disposition, signée entre eux, fixe les tâches, les horaires et le prix de l’heure.',
    source: 'Code du travail, articles L5132-9 et R5132-20',
  },
  cddi: {
    term: 'CDDI',
    short: 'Contrat à durée déterminée d’insertion',
    definition:
      'Contrat d’un atelier et chantier d’insertion (ACI) : de 4 à 24 mois en tout, au moins 20 heures par semaine sauf dérogation, avec un accompagnement et des formations.',
    source: 'Code du travail, article L5132-15-1',
  },
  pmsmp: {
    term: 'PMSMP',
    short: 'Période de mise en situation en milieu professionnel (immersion)',
    definition:
      'Quelques jours à un mois chez un autre employeur pour découvrir un métier, confirmer un projet ou préparer une embauche. Une convention (Cerfa 13912) est signée ; un salarié en CDDI la fait pendant son contrat, suspendu ces jours-là, et retrouve son poste à l’issue.',
    source: 'Code du travail, articles L5135-1 à L5135-8 et D5135-1 à D5135-8 ; L5132-15-1 pour le CDDI',
  },
  heuresComplementaires: {
    term: 'heures complémentaires',
    short: 'Heures faites au-delà du contrat à temps partiel',
    definition:
      'Un salarié à temps partiel peut travailler plus que les heures de son contrat, dans la limite d’un dixième de ces heures. Elles sont payées au moins 10 % de plus.',
    source: 'Code du travail, articles L3123-28 et L3123-29',
  },
  secretStatistique: {
    term: 'secret statistique',
    short: 'Ne jamais publier un petit nombre qui désigne quelqu’un',
    definition:
      'Un chiffre de moins de 5 personnes pourrait laisser reconnaître quelqu’un : Passerelle le masque dans les tableaux remis aux financeurs, ainsi que les totaux qui permettraient de le retrouver.',
    source: 'Loi n° 51-711 du 7 juin 1951, article 6',
  },
  employeurPortage: {
    term: 'employeur de portage',
    short: 'L’association qui emploie les salariés d’une MESP',
    definition:
      'Pour une MESP, le CCAS n’est pas l’employeur : une association intermédiaire signe les contrats, fait la paie et reçoit chaque mois les heures à transmettre. Le CCAS organise le chantier.',
  },
  bilan: {
    term: 'bilan',
    short: 'Le point écrit à la fin d’un chantier',
    definition:
      'Pour chaque participant : présence, compétences du début à la fin, avis de la personne et de l’encadrant, freins et suite du parcours. Le bilan de chantier, lui, résume le groupe pour les financeurs.',
  },
  frein: {
    term: 'frein',
    short: 'Ce qui gêne le retour à l’emploi',
    definition:
      'Une difficulté de la vie (mobilité, logement, santé, garde d’enfants, langue…) notée avec sa date, ce qui a été fait et la date où elle est levée. Les freins de santé sont des données sensibles.',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof GLOSSARY;
