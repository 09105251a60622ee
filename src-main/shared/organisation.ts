import { a, de } from './french';
import { foldForSearch } from './text';

/**
 * A structure's name as it reads inside a sentence, and its signatory's
 * quality composed with it, so that the settings' two fields ("CCAS de
 * Kerbrénou", "Présidente") give "la Présidente du CCAS de Kerbrénou" and a
 * title typed in full ("Le Président du CCAS") never gives "du CCAS de CCAS".
 */

type Gender = 'm' | 'f';

/** The first word of a structure's name, when it is a common noun: its gender gives the article. */
const HEAD_NOUNS: Record<string, Gender> = {
  ccas: 'm',
  cias: 'm',
  aci: 'm',
  gip: 'm',
  plie: 'm',
  epci: 'm',
  centre: 'm',
  conseil: 'm',
  departement: 'm',
  syndicat: 'm',
  etablissement: 'm',
  groupement: 'm',
  service: 'm',
  pole: 'm',
  office: 'm',
  comite: 'm',
  foyer: 'm',
  atelier: 'm',
  chantier: 'm',
  relais: 'm',
  ville: 'f',
  commune: 'f',
  mairie: 'f',
  association: 'f',
  communaute: 'f',
  metropole: 'f',
  regie: 'f',
  fondation: 'f',
  entreprise: 'f',
  societe: 'f',
  maison: 'f',
  agence: 'f',
  mission: 'f',
  federation: 'f',
  union: 'f',
  cooperative: 'f',
  direction: 'f',
  region: 'f',
  caisse: 'f',
  structure: 'f',
  plateforme: 'f',
  ressourcerie: 'f',
  recyclerie: 'f',
};

const headOf = (name: string) => foldForSearch(name).split(/[\s'’-]/)[0] ?? '';

/** The gender of the structure's name when it starts with a known noun ("Ville de Quimper": feminine), otherwise null. */
export function organisationGender(name: string): Gender | null {
  return HEAD_NOUNS[headOf(name)] ?? null;
}

/** "le CCAS de Kerbrénou", "la Ville de Quimper", "l’Association Le Relais"; a name with its own article or a proper name as typed. */
export function theOrganisation(name: string): string {
  const n = name.trim();
  const gender = organisationGender(n);
  if (gender === null) return n;
  // Acronyms too: "l’ACI", "l’EPCI".
  if (/^[aeiou]/.test(headOf(n))) return `l’${n}`;
  return `${gender === 'f' ? 'la' : 'le'} ${n}`;
}

/** "du CCAS de Kerbrénou", "de la Ville de Quimper", "de l’Association Le Relais", "du Relais", "d’Emmaüs". */
export function ofOrganisation(name: string): string {
  return de(theOrganisation(name));
}

/** "au CCAS de Kerbrénou", "à la Ville de Quimper". */
export function toOrganisation(name: string): string {
  return a(theOrganisation(name));
}

/** "par le CCAS de Kerbrénou". */
export function byOrganisation(name: string): string {
  return `par ${theOrganisation(name)}`;
}

const ARTICLE = /^(le|la|l['’])\s*/i;
/** "du CCAS", "de l’association", "des …" at the end of a title: the structure it names. */
const COMPLEMENT = /\s+(?:du|des|de\s+la|de\s+l['’]\s*|de|d['’]\s*)\s*([^,]+)$/i;

/**
 * The signatory's quality with the structure it acts for, for "Je soussignée
 * Élodie Le Gall, <quality>, atteste…": "Présidente du CCAS de Kerbrénou".
 * The title's own article goes (it stands in apposition); when the title
 * already names the structure, fully or by its first words ("Président du
 * CCAS"), the name completes it instead of being added a second time.
 */
export function signatoryQuality(title: string, organisation: string): string {
  const t = title.trim().replace(ARTICLE, '');
  const quality = t.charAt(0).toLocaleUpperCase('fr-FR') + t.slice(1);
  const org = organisation.trim();
  const folded = foldForSearch(quality);
  if (folded.includes(foldForSearch(org))) return quality;
  const complement = COMPLEMENT.exec(quality);
  if (complement && foldForSearch(org).startsWith(foldForSearch(complement[1]!.replace(ARTICLE, '')))) {
    return `${quality.slice(0, complement.index)} ${ofOrganisation(org)}`;
  }
  return `${quality} ${ofOrganisation(org)}`;
}

// Endings read on the accented word: "délégué" is masculine, "déléguée" feminine.
const FEMININE_TITLE = /(trice|ère|ente|ante|inte|euse|ée|ue|effe|elle|esse)$/;
const MASCULINE_TITLE = /(eur|ent|ant|int|er|é|u|ef|el)$/;
const EPICENE_TITLE = /^(maire|secrétaire|responsable|membre|cadre|juge|ministre|notaire|comptable|gestionnaire|vice)$/;

/** The signatory's gender as their title tells it ("La Présidente", "Directeur"), or null when it does not ("Maire", "Responsable"). */
export function titleGender(title: string): Gender | null {
  const t = title.trim();
  const article = /^(le|la)\s/i.exec(t);
  if (article) return article[1]!.toLowerCase() === 'la' ? 'f' : 'm';
  const head = t.replace(ARTICLE, '').toLocaleLowerCase('fr-FR').split(/[\s,]/)[0]!.split('-').pop()!;
  if (head === '' || EPICENE_TITLE.test(head)) return null;
  if (FEMININE_TITLE.test(head)) return 'f';
  if (MASCULINE_TITLE.test(head)) return 'm';
  return null;
}

/** What the setup wizard and Paramètres show as examples: composed, they read "Présidente du CCAS de Kerbrénou". */
export const STRUCTURE_NAME_EXAMPLE = 'CCAS de Kerbrénou';
export const SIGNATORY_TITLE_EXAMPLE = 'Présidente';
export const EMPLOYER_SIGNATORY_TITLE_EXAMPLE = 'Directeur';
