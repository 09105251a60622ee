/**
 * What the FSE+ asks about one participant of an operation: the answers
 * recorded at entry, at exit and six months after exit, each dated. This is
 * the shape shared by the data capture (the person's FSE+ card) and the
 * indicators table (the operation's figures); both sides read and write it,
 * neither owns the other.
 *
 * Source: Regulation (EU) 2021/1057 (FSE+), Annex I, common output indicators
 * for participants (1a: labour-market status, age, education level as ISCED,
 * 1b: disadvantaged situations, with the sensitive items — disability,
 * third-country nationals, foreign background, minorities — answerable by
 * "refuses to answer"), common immediate result indicators (at exit) and
 * common longer-term result indicators (six months after exit). Pure types.
 */
import type { EducationLevel, Sex } from '../shared/contract/people-lists';

/** Labour-market status at entry (Annex I, 1a: employed, unemployed, long-term unemployed, inactive). */
export const FSE_LABOUR_STATUSES = [
  'emploi',
  'chomeur',
  'chomeur_longue_duree',
  'inactif',
  'inactif_hors_formation',
] as const;
export type FseLabourStatus = (typeof FSE_LABOUR_STATUSES)[number];

/** A sensitive item (Annex I, 1b) may be refused: the refusal is an answer, counted apart. */
export const SENSITIVE_ANSWERS = ['oui', 'non', 'refus'] as const;
export type SensitiveAnswer = (typeof SENSITIVE_ANSWERS)[number];

/** ISCED 2011 groups asked by Annex I, derived from the national level (décret n° 2019-14). */
export const ISCED_GROUPS = ['0-2', '3-4', '5-8'] as const;
export type IscedGroup = (typeof ISCED_GROUPS)[number];

export interface FseEntry {
  /** Day of entry into the operation (ISO date). */
  enteredOn: string;
  labourStatus: FseLabourStatus;
  /** Age in whole years on the day of entry (computed from the birth date, kept as asked). */
  ageAtEntry: number;
  educationLevel: EducationLevel;
  disability: SensitiveAnswer;
  thirdCountryNational: SensitiveAnswer;
  foreignBackground: SensitiveAnswer;
  minority: SensitiveAnswer;
  homelessOrHousingExclusion: boolean;
  ruralArea: boolean;
}

/** Within four weeks after leaving (Annex I, common immediate result indicators). */
export interface FseExit {
  leftOn: string;
  seekingWork: boolean;
  inEducationOrTraining: boolean;
  gainedQualification: boolean;
  inEmployment: boolean;
}

/** Six months after leaving (Annex I, common longer-term result indicators). */
export interface FseSixMonths {
  observedOn: string;
  inEmployment: boolean;
  improvedSituation: boolean;
}

/** One participant of one operation, as the indicators table reads it. */
export interface FseParticipant {
  personId: number;
  sex: Sex;
  entry: FseEntry;
  exit: FseExit | null;
  sixMonths: FseSixMonths | null;
}
