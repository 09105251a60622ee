/**
 * Does a NIR agree with what the record says of the person? Pure; the person
 * form shows the result as the user types, the people handlers ask for a
 * confirmation before saving a mismatch (a provisional number, a change of
 * sex recorded elsewhere, a clerical error in the civil status…).
 *
 * NIR structure (INSEE, « Le numéro d'inscription au répertoire » ; décret
 * n° 82-103 du 22 janvier 1982): sex (1 digit), year of birth (2), month of
 * birth (2), department (2, or 2A/2B for Corsica from 1976, 99 abroad),
 * commune or country (3), order number (3), key (2).
 */
import type { CIVILITIES, SEXES } from './contract/people-lists';

type Sex = (typeof SEXES)[number];

/** The record's sex, or its civility when the sex is not given yet (the form as it is typed). */
export interface PersonFacts {
  sex: Sex | null;
  civility?: (typeof CIVILITIES)[number] | null;
  birthDate: string;
}

const CIVILITY_SEX: Record<(typeof CIVILITIES)[number], Sex> = { madame: 'F', monsieur: 'M' };

export interface NirFinding {
  /** `mismatch` needs the user's confirmation; `notice` is only shown. */
  kind: 'mismatch' | 'notice';
  part: 'sex' | 'year' | 'month' | 'department';
  message: string;
}

const SEX_DIGITS: Record<string, Sex> = { '1': 'M', '2': 'F' };
/** 3/4 (older foreign-born numbers) and 7/8 (numéro d'inscription d'attente) are provisional. */
const PROVISIONAL_DIGITS = new Set(['3', '4', '7', '8']);
const SEX_WORDS: Record<Sex, { digit: string; nir: string; record: string }> = {
  M: { digit: '1', nir: 'homme', record: 'un homme' },
  F: { digit: '2', nir: 'femme', record: 'une femme' },
};

/**
 * Months INSEE writes when the civil status gives no birth month: 20, 30 to 42
 * (incomplete civil status), 50 and 99 (month unknown). No month check then.
 */
export function isUnknownMonthCode(month: number): boolean {
  return month === 20 || (month >= 30 && month <= 42) || month === 50 || month === 99;
}

/** Corsica was split into 2A and 2B on 1 January 1976 (loi n° 75-356); earlier births keep 20. */
const CORSICA_SPLIT_YEAR = 1976;

const CONFIRM = ' : vérifiez, ou confirmez s’il s’agit d’une exception.';

/**
 * Compares a NIR (15 characters, key already checked) with the record's sex and
 * birth date (ISO). Returns nothing when they agree.
 */
export function checkNirAgainstPerson(nir: string, person: PersonFacts): NirFinding[] {
  const value = nir.toUpperCase();
  const sex = person.sex ?? (person.civility ? CIVILITY_SEX[person.civility] : null);
  if (!/^[0-9]{5}(\d{2}|2A|2B)[0-9]{8}$/.test(value) || !/^\d{4}-\d{2}-\d{2}$/.test(person.birthDate)) return [];
  const findings: NirFinding[] = [];
  const sexDigit = value[0]!;
  if (PROVISIONAL_DIGITS.has(sexDigit)) {
    findings.push({
      kind: 'notice',
      part: 'sex',
      message: `Numéro provisoire (le NIR commence par ${sexDigit}) : il sera remplacé par le numéro définitif de la personne.`,
    });
  } else if (sex && SEX_DIGITS[sexDigit] && SEX_DIGITS[sexDigit] !== sex) {
    const nirSex = SEX_WORDS[SEX_DIGITS[sexDigit]!];
    findings.push({
      kind: 'mismatch',
      part: 'sex',
      message: `Le NIR commence par ${sexDigit} (${nirSex.nir}) mais la fiche indique ${SEX_WORDS[sex].record}${CONFIRM}`,
    });
  }
  const birthYear = person.birthDate.slice(0, 4);
  const nirYear = value.slice(1, 3);
  if (nirYear !== birthYear.slice(2)) {
    findings.push({
      kind: 'mismatch',
      part: 'year',
      message: `Le NIR indique une naissance en « ${nirYear} » mais la fiche indique ${birthYear}${CONFIRM}`,
    });
  }
  const nirMonth = value.slice(3, 5);
  const month = Number(nirMonth);
  if (isUnknownMonthCode(month)) {
    findings.push({
      kind: 'notice',
      part: 'month',
      message: `Le NIR ne donne pas le mois de naissance (code ${nirMonth} : mois inconnu à l’état civil).`,
    });
  } else if (nirMonth !== person.birthDate.slice(5, 7)) {
    findings.push({
      kind: 'mismatch',
      part: 'month',
      message:
        month >= 1 && month <= 12
          ? `Le NIR indique une naissance le mois ${nirMonth} mais la fiche indique le mois ${person.birthDate.slice(5, 7)}${CONFIRM}`
          : `Le mois de naissance du NIR (${nirMonth}) n’existe pas${CONFIRM}`,
    });
  }
  const department = value.slice(5, 7);
  if ((department === '2A' || department === '2B') && Number(birthYear) < CORSICA_SPLIT_YEAR) {
    findings.push({
      kind: 'mismatch',
      part: 'department',
      message: `Le NIR indique la Corse (${department}) mais les personnes nées en Corse avant 1976 ont le code 20${CONFIRM}`,
    });
  } else if (department === '99') {
    findings.push({
      kind: 'notice',
      part: 'department',
      message: 'Le NIR indique une naissance à l’étranger (code 99).',
    });
  }
  return findings;
}

/** The mismatches only, in one sentence each, for a confirmation. */
export function nirMismatches(nir: string, person: PersonFacts): string[] {
  return checkNirAgainstPerson(nir, person)
    .filter((f) => f.kind === 'mismatch')
    .map((f) => f.message);
}
