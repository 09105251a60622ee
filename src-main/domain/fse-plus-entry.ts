/**
 * What the FSE+ card computes from a person's record and the dates it is
 * given, pure. The answers themselves are the shape of `fse-plus-participant.ts`.
 *
 * Sources:
 * - Regulation (EU) 2021/1057 (FSE+), Annex I, point 1 (common output
 *   indicators for participants): "below 18 years of age", "aged 18-29",
 *   "55 years and above"; education "ISCED 0 to 2", "ISCED 3 to 4",
 *   "ISCED 5 to 8"; the immediate results "upon leaving" (within four
 *   weeks), the longer-term results "six months after leaving".
 * - Long-term unemployed: European Commission, Monitoring and Evaluation of
 *   European Cohesion Policy, European Social Fund, Annex D "Practical guidance
 *   on data collection and validation", labour-market situation: "youth
 *   (< 25 years): more than 6 months continuous unemployment (> 6 months);
 *   adults (25 years or older): more than 12 months (> 12 months)".
 * - National levels: décret n° 2019-14 du 8 janvier 2019 relatif au cadre
 *   national des certifications professionnelles (levels 3 = CAP, BEP;
 *   4 = baccalauréat; 5 = bac + 2; 6 = licence; 7 = master; 8 = doctorat;
 *   service-public.fr F199). Their ISCED 2011 (CITE 2011) levels: a person
 *   below level 3 holds at most the brevet, lower secondary (CITE 2); the CAP,
 *   BEP and the baccalauréat close upper secondary (CITE 3), so levels 3 and 4
 *   are « 3-4 »; bac + 2 (BTS, DUT) is short-cycle tertiary (CITE 5) and
 *   levels 6, 7, 8 are CITE 6, 7, 8, so levels 5 to 8 are « 5-8 » (UNESCO ISCED
 *   2011 levels, Cedefop glossary « CITE 2011 »).
 */
import type { EducationLevel, NationalityGroup, Resource, YesNoUnknown } from '../shared/contract/people-lists';
import { addDays, addMonths, formatFrenchDate } from '../shared/dates';
import type { FseLabourStatus, IscedGroup, SensitiveAnswer } from './fse-plus-participant';
import { ageOn } from './minors';
import { monthsBetween } from './unemployment';

const ISCED_OF_LEVEL: Record<EducationLevel, IscedGroup> = {
  infra3: '0-2',
  '3': '3-4',
  '4': '3-4',
  '5': '5-8',
  '6': '5-8',
  '7': '5-8',
  '8': '5-8',
};

/** The ISCED group Annex I asks, from the level of the national nomenclature. */
export function iscedGroup(level: EducationLevel): IscedGroup {
  return ISCED_OF_LEVEL[level];
}

/** Annex I counts three of these bands; 30 to 54 is everyone else, named so a participant is in exactly one. */
export const FSE_AGE_BANDS = ['moins_18', '18_29', '30_54', '55_plus'] as const;
export type FseAgeBand = (typeof FSE_AGE_BANDS)[number];
export const FSE_AGE_BAND_LABELS: Record<FseAgeBand, string> = {
  moins_18: 'Moins de 18 ans',
  '18_29': '18 à 29 ans',
  '30_54': '30 à 54 ans',
  '55_plus': '55 ans et plus',
};

export function fseAgeBand(ageAtEntry: number): FseAgeBand {
  if (ageAtEntry < 18) return 'moins_18';
  if (ageAtEntry <= 29) return '18_29';
  if (ageAtEntry <= 54) return '30_54';
  return '55_plus';
}

/** Whole years on the day of entry (a birthday on that day counts; born 29 February: a year older on 1 March). */
export function ageAtEntry(birthDate: string, enteredOn: string): number {
  return ageOn(birthDate, enteredOn);
}

/** The youth threshold of the long-term unemployment definition (Annex D). */
export const LONG_TERM_YOUTH_AGE = 25;

/**
 * Long-term unemployed on the day of entry: continuously registered for more
 * than 6 whole months under 25, more than 12 whole months from 25 (Annex D).
 * "More than": exactly 12 months is not yet long-term.
 */
export function isLongTermUnemployed(registeredSince: string, enteredOn: string, age: number): boolean {
  return addMonths(registeredSince, age < LONG_TERM_YOUTH_AGE ? 6 : 12) < enteredOn;
}

/** What the person's record lets the card propose; each stays a suggestion the CIP confirms. */
export interface RecordForSuggestions {
  birthDate: string;
  nationalityGroup: NationalityGroup | null;
  /** The latest situation recorded on or before the entry, if any. */
  situation: {
    resources: Resource;
    franceTravailSince: string | null;
    educationLevel: EducationLevel;
    rqth: YesNoUnknown;
  } | null;
}

export interface EntrySuggestions {
  ageAtEntry: number;
  ageBand: FseAgeBand;
  educationLevel: EducationLevel | null;
  iscedGroup: IscedGroup | null;
  labourStatus: FseLabourStatus | null;
  /** Why the status is proposed, in French, shown beside the suggestion. */
  labourStatusReason: string | null;
  disability: SensitiveAnswer | null;
  thirdCountryNational: SensitiveAnswer | null;
}

/**
 * The suggestions for the entry answers. Derivable: the age (birth date), the
 * education level, the labour status (a wage or activity → employed; registered
 * at France Travail → unemployed, long-term per Annex D), disability from a
 * recognised RQTH, third-country national from a nationality outside the EU.
 * Not derivable, always asked: foreign background, minority, homelessness or
 * housing exclusion (the housing is free text), rural area (a postcode spans
 * rural and urban communes), and inactivity (RSA or no resources without a
 * France Travail registration may be either).
 */
export function entrySuggestions(record: RecordForSuggestions, enteredOn: string): EntrySuggestions {
  const age = ageAtEntry(record.birthDate, enteredOn);
  const s = record.situation;
  let labourStatus: FseLabourStatus | null = null;
  let labourStatusReason: string | null = null;
  if (s?.resources === 'salaire') {
    labourStatus = 'emploi';
    labourStatusReason = 'Ressources : salaire ou activité.';
  } else if (s?.franceTravailSince && s.franceTravailSince <= enteredOn) {
    const longTerm = isLongTermUnemployed(s.franceTravailSince, enteredOn, age);
    labourStatus = longTerm ? 'chomeur_longue_duree' : 'chomeur';
    labourStatusReason = `Inscription à France Travail depuis ${monthsBetween(s.franceTravailSince, enteredOn)} mois (longue durée au-delà de ${age < LONG_TERM_YOUTH_AGE ? 6 : 12} mois${age < LONG_TERM_YOUTH_AGE ? ' avant 25 ans' : ''}).`;
  }
  return {
    ageAtEntry: age,
    ageBand: fseAgeBand(age),
    educationLevel: s?.educationLevel ?? null,
    iscedGroup: s ? iscedGroup(s.educationLevel) : null,
    labourStatus,
    labourStatusReason,
    disability: s?.rqth === 'oui' ? 'oui' : null,
    thirdCountryNational:
      record.nationalityGroup === 'hors_ue' ? 'oui' : record.nationalityGroup === null ? null : 'non',
  };
}

/**
 * The day the six-month situation is due: the same day six calendar months
 * after leaving; from the 29th, 30th or 31st of a month whose sixth month is
 * shorter, the last day of that month (left 31 August → due 28 or 29 February).
 */
export function sixMonthsDueOn(leftOn: string): string {
  return addMonths(leftOn, 6);
}

/** The reminder list shows a follow-up from two weeks before its due day, and keeps it until it is answered. */
export const SIX_MONTHS_REMINDER_DAYS = 14;

export type FollowUpState = 'pas_encore' | 'bientot' | 'a_faire';

export function sixMonthsFollowUpState(leftOn: string, today: string): FollowUpState {
  const due = sixMonthsDueOn(leftOn);
  if (today >= due) return 'a_faire';
  if (today >= addDays(due, -SIX_MONTHS_REMINDER_DAYS)) return 'bientot';
  return 'pas_encore';
}

/** The problem with an exit date, in French, or null. */
export function exitDateProblem(enteredOn: string, leftOn: string): string | null {
  return leftOn < enteredOn ? 'La date de sortie ne peut pas précéder la date d’entrée dans l’opération.' : null;
}

/** The problem with a six-month observation date, in French, or null. */
export function sixMonthsDateProblem(leftOn: string, observedOn: string): string | null {
  const due = sixMonthsDueOn(leftOn);
  if (observedOn < due) {
    return `La situation à 6 mois s’observe six mois après la sortie : à partir du ${formatFrenchDate(due)}.`;
  }
  return null;
}
