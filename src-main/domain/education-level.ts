/**
 * The education level of a person, read from what an office writes in a
 * spreadsheet: a diploma ("CAP", "Bac pro", "BTS"), a level of the national
 * nomenclature ("3", "niveau 4", "infra 3"), an old-nomenclature level ("V",
 * "IV"…) or a number of years after the bac ("bac+2"). Pure.
 *
 * Levels: décret n° 2019-14 du 8 janvier 2019 relatif au cadre national des
 * certifications professionnelles (levels 1 to 8; levels 1 and 2 — below the
 * CAP — are counted together as "infra 3" in the funders' figures).
 */
import type { EducationLevel } from '../shared/contract/people-lists';
import { EDUCATION_LEVEL_LABELS } from '../shared/contract/people-lists';
import { foldForSearch } from '../shared/text';

/** Bac series written after "bac" ("Bac S", "bac pro", "baccalauréat STMG"): all level 4. */
const BAC_SERIES = [
  'general',
  'generale',
  'techno',
  'technologique',
  'pro',
  'professionnel',
  'professionnelle',
  'pro agricole',
  'agricole',
  's',
  'es',
  'l',
  'stmg',
  'st2s',
  'sti2d',
  'stl',
  'std2a',
  'stav',
  'sthr',
  's2tmd',
  'stt',
  'sti',
  'sms',
  'stg',
  'f',
  'g',
];

/** Folded words → level. Each diploma goes to the level of the national nomenclature it is registered at. */
const WORDS: Record<string, EducationLevel> = {
  // No diploma, or a diploma below the CAP (levels 1 and 2 of the décret).
  infra: 'infra3',
  'infra 3': 'infra3',
  infra3: 'infra3',
  'infra niveau 3': 'infra3',
  'sans diplome': 'infra3',
  sans: 'infra3',
  aucun: 'infra3',
  'aucun diplome': 'infra3',
  'non diplome': 'infra3',
  'pas de diplome': 'infra3',
  brevet: 'infra3',
  'brevet des colleges': 'infra3',
  dnb: 'infra3',
  'diplome national du brevet': 'infra3',
  bepc: 'infra3',
  cfg: 'infra3',
  'certificat de formation generale': 'infra3',
  cep: 'infra3',
  'certificat d etudes': 'infra3',
  '1': 'infra3',
  '2': 'infra3',
  // Old nomenclature (circulaire du 11 juillet 1967): VI and V bis below the CAP, V = CAP/BEP … I = bac+5.
  vi: 'infra3',
  'v bis': 'infra3',
  vbis: 'infra3',
  v: '3',
  iv: '4',
  iii: '5',
  ii: '6',
  i: '7',
  // Level 3.
  cap: '3',
  bep: '3',
  capa: '3',
  bepa: '3',
  'cap agricole': '3',
  'cap bep': '3',
  'cap ou bep': '3',
  // Level 4.
  bac: '4',
  baccalaureat: '4',
  bp: '4',
  'brevet professionnel': '4',
  bt: '4',
  'brevet de technicien': '4',
  daeu: '4',
  'bac+0': '4',
  // Level 5.
  'bac+2': '5',
  bts: '5',
  btsa: '5',
  dut: '5',
  deug: '5',
  deust: '5',
  // Level 6. The BUT is a bac+3 licence professionnelle (arrêté du 6 décembre 2019); the DUT it delivers on the way stays level 5.
  'bac+3': '6',
  'bac+4': '6',
  licence: '6',
  'licence pro': '6',
  'licence professionnelle': '6',
  but: '6',
  'bachelor universitaire de technologie': '6',
  maitrise: '6',
  'master 1': '6',
  m1: '6',
  // Level 7.
  'bac+5': '7',
  master: '7',
  'master 2': '7',
  m2: '7',
  dea: '7',
  dess: '7',
  ingenieur: '7',
  'diplome d ingenieur': '7',
  'grande ecole': '7',
  'diplome de grande ecole': '7',
  // Level 8.
  'bac+8': '8',
  doctorat: '8',
  these: '8',
};

for (const series of BAC_SERIES) {
  WORDS[`bac ${series}`] = '4';
  WORDS[`baccalaureat ${series}`] = '4';
}
for (const level of ['3', '4', '5', '6', '7', '8'] as const) WORDS[level] = level;
// The labels the application itself shows ("Niveau 5 (bac + 2)"), so an export read back means the same.
for (const [level, label] of Object.entries(EDUCATION_LEVEL_LABELS) as [EducationLevel, string][])
  WORDS[educationKey(label)] = level;

/** Folded for accents and case; dots, hyphens and slashes as spaces; "bac + 2" as "bac+2"; "niveau" dropped. */
function educationKey(text: string): string {
  return foldForSearch(text)
    .replace(/\.(?=\S|$)/g, '')
    .replace(/['./_-]/g, ' ')
    .replace(/\s*\+\s*/g, '+')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^niveau /, '');
}

/** The level a spreadsheet cell means, or null when it is not one we know (the caller says which values are accepted). */
export function parseEducationLevel(text: string): EducationLevel | null {
  return WORDS[educationKey(text)] ?? null;
}

/** What to write instead of an unknown value, in French, with examples. */
export function educationLevelHint(value: string): string {
  return (
    `« ${value} » n’est pas un niveau de formation connu. Écrivez le diplôme le plus élevé : sans diplôme, brevet (DNB), ` +
    'CAP, BEP, bac, bac pro, BTS, DUT, BUT, licence, master ou doctorat ; ou le niveau : infra 3, 3, 4, 5, 6, 7, 8 ' +
    '(ex. « CAP » → niveau 3, « Bac pro » → niveau 4, « BTS » ou « bac+2 » → niveau 5).'
  );
}
