/**
 * Every document kind Passerelle prints, described once: what it is called,
 * the prefix of its number ("CT-2026-0007"), what it belongs to (a
 * participation — one person's contract on a worksite —, a whole worksite, or
 * a person), the stem of its file name, and the options it may be asked with
 * (kept with the document, so "Régénérer" asks for them again). Main adds the
 * collector, template and guard of each kind (`src-main/documents/kinds/`);
 * the renderer reads its labels here.
 */
export type DocumentOwner = 'participation' | 'worksite' | 'person';
/** `draft`: printed as "PROJET — non valable"; `named`: the internal version naming each participant. */
export const DOCUMENT_OPTIONS = ['draft', 'named'] as const;
export type DocumentOption = (typeof DOCUMENT_OPTIONS)[number];

export interface DocumentKindInfo {
  label: string;
  prefix: string;
  owner: DocumentOwner;
  fileLabel: string;
  options: readonly DocumentOption[];
  /** A worksite document of one week (the attendance sheet). */
  weekly?: true;
  /**
   * Made only through this method: the person's data export, which journals
   * what it discloses (NIR included; its stored copy, read again, is journaled
   * the same way), or an immersion's convention and bilan, made from the
   * immersion. Not through `documents/generate`, nor "Régénérer".
   */
  madeBy?: 'rgpd/exportPerson' | 'pmsmp/printConvention' | 'pmsmp/printBilan';
}

export const DOCUMENT_KIND_INFO = {
  contrat_travail: {
    label: 'Contrat de travail',
    prefix: 'CT',
    owner: 'participation',
    fileLabel: 'Contrat',
    options: ['draft'],
  },
  mise_a_disposition: {
    label: 'Contrat de mise à disposition',
    prefix: 'MAD',
    owner: 'participation',
    fileLabel: 'Mise_a_disposition',
    options: ['draft'],
  },
  convocation: {
    label: 'Convocation',
    prefix: 'CV',
    owner: 'participation',
    fileLabel: 'Convocation',
    options: ['draft'],
  },
  attestation_presence: {
    label: 'Attestation de présence',
    prefix: 'AP',
    owner: 'participation',
    fileLabel: 'Attestation_presence',
    options: ['draft'],
  },
  certificat_travail: {
    label: 'Certificat de travail',
    prefix: 'CDT',
    owner: 'participation',
    fileLabel: 'Certificat_travail',
    options: ['draft'],
  },
  planning_personne: {
    label: 'Agenda personnel',
    prefix: 'AG',
    owner: 'participation',
    fileLabel: 'Agenda',
    options: ['draft'],
  },
  bilan_individuel: {
    label: 'Bilan de fin de chantier',
    prefix: 'BI',
    owner: 'participation',
    fileLabel: 'Bilan',
    options: ['draft'],
  },
  attestation_competences: {
    label: 'Attestation de compétences',
    prefix: 'ACO',
    owner: 'participation',
    fileLabel: 'Attestation_competences',
    options: ['draft'],
  },
  feuille_emargement: {
    label: 'Feuille d’émargement',
    prefix: 'FE',
    owner: 'worksite',
    fileLabel: 'Emargement',
    options: [],
    weekly: true,
  },
  planning_chantier: {
    label: 'Planning du chantier',
    prefix: 'PL',
    owner: 'worksite',
    fileLabel: 'Planning',
    options: [],
  },
  bilan_chantier: {
    label: 'Bilan du chantier',
    prefix: 'BC',
    owner: 'worksite',
    fileLabel: 'Bilan_chantier',
    options: ['draft', 'named'],
  },
  notice_donnees: {
    label: 'Notice d’information sur vos données',
    prefix: 'ND',
    owner: 'person',
    fileLabel: 'Notice_donnees',
    options: [],
  },
  donnees_personne: {
    label: 'Vos données personnelles',
    prefix: 'DP',
    owner: 'person',
    fileLabel: 'Donnees',
    options: [],
    madeBy: 'rgpd/exportPerson',
  },
  convention_pmsmp: {
    label: 'Convention de mise en situation en milieu professionnel',
    prefix: 'IM',
    owner: 'person',
    fileLabel: 'Convention_PMSMP',
    options: [],
    madeBy: 'pmsmp/printConvention',
  },
  bilan_pmsmp: {
    label: 'Bilan de mise en situation en milieu professionnel',
    prefix: 'BIM',
    owner: 'person',
    fileLabel: 'Bilan_PMSMP',
    options: [],
    madeBy: 'pmsmp/printBilan',
  },
} as const satisfies Record<string, DocumentKindInfo>;

type Info = typeof DOCUMENT_KIND_INFO;
export type DocumentKind = keyof Info;
/** The kinds that belong to one owner, as a type: `KindOf<'worksite'>`. */
export type KindOf<O extends DocumentOwner> = {
  [K in DocumentKind]: Info[K]['owner'] extends O ? K : never;
}[DocumentKind];

const entries = Object.entries(DOCUMENT_KIND_INFO) as [DocumentKind, DocumentKindInfo][];
/** A non-empty tuple, as `z.enum` takes it. */
const tuple = <K extends DocumentKind>(kinds: K[]) => kinds as [K, ...K[]];

export const DOCUMENT_KINDS = tuple(entries.map(([k]) => k));
export const kindsOf = <O extends DocumentOwner>(owner: O) =>
  tuple(entries.filter(([, i]) => i.owner === owner).map(([k]) => k as KindOf<O>));
export const PARTICIPATION_DOCUMENT_KINDS = kindsOf('participation');
export const WORKSITE_DOCUMENT_KINDS = kindsOf('worksite');
export const PERSON_DOCUMENT_KINDS = kindsOf('person');
export type ParticipationDocumentKind = KindOf<'participation'>;
export type WorksiteDocumentKind = KindOf<'worksite'>;
export type PersonDocumentKind = KindOf<'person'>;

/** Derived from the one description: the labels the screens and documents show, the number prefixes. */
export const DOCUMENT_KIND_LABELS = Object.fromEntries(entries.map(([k, i]) => [k, i.label])) as Record<
  DocumentKind,
  string
>;
export const DOCUMENT_PREFIXES = Object.fromEntries(entries.map(([k, i]) => [k, i.prefix])) as Record<
  DocumentKind,
  string
>;

export function documentKindInfo(kind: DocumentKind): DocumentKindInfo {
  return DOCUMENT_KIND_INFO[kind];
}
