/**
 * Reading the texts of a spreadsheet as people's data: dates typed or stored
 * by Excel, "F"/"Femme", "RSA", "Niveau 3"… Pure; tested with tables of cases.
 */
import { isDateInRange, parseFrenchDate } from '../shared/date-parse';
import { RESOURCES, type Resource } from '../shared/contract/people-lists';
import { IMPORT_FIELDS, type ImportField } from '../shared/contract/people-import';
import { foldForSearch } from '../shared/text';

export { educationLevelHint, parseEducationLevel } from './education-level';

/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: day 0 is 1899-12-30. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * A birth date cell: an Excel serial, an ISO date (a real date cell), or a
 * date typed day first, read strictly: an impossible date is named as such
 * ("« 31/04/1990 » : le 31 avril n'existe pas"), never moved nor called unreadable.
 */
export function readDateCell(text: string, today: string): { iso: string } | { error: string } {
  const value = text.trim();
  const unreadable = { error: `Date illisible « ${value} » : écrivez JJ/MM/AAAA.` };
  if (/^\d{4,5}$/.test(value)) {
    const iso = excelSerialToIso(Number(value));
    return iso && isDateInRange(iso) ? { iso } : unreadable;
  }
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (isoMatch) {
    const iso = `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
    return isDateInRange(iso) ? { iso } : unreadable;
  }
  const parsed = parseFrenchDate(value, { today, twoDigitYears: 'past' });
  if (parsed.ok) return { iso: parsed.iso };
  return { error: `« ${value} » : ${parsed.message.charAt(0).toLowerCase()}${parsed.message.slice(1)}` };
}

export function parseSex(text: string): 'F' | 'M' | null {
  const v = foldForSearch(text);
  if (['f', 'femme', 'feminin', 'mme', 'madame'].includes(v)) return 'F';
  if (['m', 'h', 'homme', 'masculin', 'm.', 'monsieur'].includes(v)) return 'M';
  return null;
}

const RESOURCE_WORDS: Record<string, Resource> = {
  rsa: 'rsa',
  ass: 'ass',
  aah: 'aah',
  are: 'are',
  chomage: 'are',
  'sans ressources': 'sans_ressources',
  aucune: 'sans_ressources',
  salaire: 'salaire',
  activite: 'salaire',
  autre: 'autre',
};

export function parseResources(text: string): Resource | null {
  const v = foldForSearch(text);
  if ((RESOURCES as readonly string[]).includes(v)) return v as Resource;
  return RESOURCE_WORDS[v] ?? null;
}

const HEADER_WORDS: [ImportField, string[]][] = [
  ['birthName', ['nom de naissance', 'nom de jeune fille', 'nee']],
  ['lastName', ['nom', 'nom d’usage', 'nom usuel', 'nom de famille']],
  ['firstNames', ['prenom', 'prenoms', 'prenom(s)']],
  ['birthDate', ['date de naissance', 'ne le', 'nee le', 'ne(e) le', 'naissance', 'date naissance']],
  ['sex', ['sexe', 'genre', 'h/f', 'f/h']],
  ['address', ['adresse', 'rue']],
  ['postcode', ['code postal', 'cp']],
  ['town', ['commune', 'ville', 'localite']],
  ['phone', ['telephone', 'tel', 'tel.', 'portable', 'mobile']],
  ['email', ['e-mail', 'email', 'mail', 'courriel']],
  ['resources', ['ressources', 'minima sociaux', 'revenus']],
  ['educationLevel', ['niveau de formation', 'niveau d’etude', 'niveau d’etudes', 'niveau', 'diplome']],
];

/** A first guess of which column fills which field, from the headers' words. */
export function suggestMapping(headers: readonly string[]): (ImportField | null)[] {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const h = foldForSearch(header);
    const found = HEADER_WORDS.find(
      ([field, words]) => !used.has(field) && words.some((word) => foldForSearch(word) === h),
    );
    if (!found) return null;
    used.add(found[0]);
    return found[0];
  });
}

/** The same columns (whatever their order or accents) give the same signature. */
export function headerSignature(headers: readonly string[]): string {
  return [...headers].map(foldForSearch).sort().join('|');
}

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}
