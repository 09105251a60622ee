/**
 * Twelve FSE+ participants whose every figure is counted by hand
 * (tests/unit/fse-plus-indicators.test.ts), shared by the domain, document
 * and RPC tests.
 */
import type { FseEntry, FseExit, FseParticipant, FseSixMonths } from '../../../src-main/domain/fse-plus-participant';

export const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
export const TODAY = '2026-09-15';

export const entry = (e: Partial<FseEntry> & Pick<FseEntry, 'enteredOn'>): FseEntry => ({
  labourStatus: 'chomeur',
  ageAtEntry: 40,
  educationLevel: '3',
  disability: 'non',
  thirdCountryNational: 'non',
  foreignBackground: 'non',
  minority: 'non',
  homelessOrHousingExclusion: false,
  ruralArea: false,
  ...e,
});
export const exit = (leftOn: string, e: Partial<FseExit> = {}): FseExit => ({
  leftOn,
  seekingWork: false,
  inEducationOrTraining: false,
  gainedQualification: false,
  inEmployment: false,
  ...e,
});
export const six = (observedOn: string, s: Partial<FseSixMonths> = {}): FseSixMonths => ({
  observedOn,
  inEmployment: false,
  improvedSituation: false,
  ...s,
});
let nextId = 1;
export const participant = (
  sex: 'F' | 'M',
  e: FseEntry,
  x: FseExit | null = null,
  s: FseSixMonths | null = null,
): FseParticipant => ({ personId: nextId++, sex, entry: e, exit: x, sixMonths: s });

/**
 * Twelve participants, period 1 January – 30 June 2026, counted on 15
 * September 2026. Each comment says what the participant adds to the table.
 */
export const TWELVE: FseParticipant[] = [
  // 1: enters on the period's first day; aged 17; left 31/03 searching for work.
  participant(
    'F',
    entry({
      enteredOn: '2026-01-01',
      labourStatus: 'chomeur_longue_duree',
      ageAtEntry: 17,
      educationLevel: 'infra3',
      disability: 'oui',
      foreignBackground: 'refus',
      homelessOrHousingExclusion: true,
    }),
    exit('2026-03-31', { seekingWork: true }),
  ),
  // 2: enters on the period's last day; aged 18; still in.
  participant(
    'M',
    entry({
      enteredOn: '2026-06-30',
      labourStatus: 'chomeur',
      ageAtEntry: 18,
      educationLevel: '3',
      thirdCountryNational: 'oui',
      foreignBackground: 'oui',
      minority: 'refus',
      ruralArea: true,
    }),
  ),
  // 3: entered the day before the period (no output); left on its first day in employment (not also searching).
  participant(
    'F',
    entry({ enteredOn: '2025-12-31', labourStatus: 'emploi', ageAtEntry: 40, educationLevel: '5' }),
    exit('2026-01-01', { inEmployment: true, seekingWork: true, gainedQualification: true }),
    six('2026-07-01', { inEmployment: true }),
  ),
  // 4: enters the day after the period: counts nowhere.
  participant('M', entry({ enteredOn: '2026-07-01', labourStatus: 'inactif', ageAtEntry: 25 })),
  // 5: aged 29; inactive not in education; refuses two items; left on the period's last day, in training.
  participant(
    'F',
    entry({
      enteredOn: '2026-02-10',
      labourStatus: 'inactif_hors_formation',
      ageAtEntry: 29,
      educationLevel: '4',
      disability: 'refus',
      thirdCountryNational: 'refus',
      ruralArea: true,
    }),
    exit('2026-06-30', { inEducationOrTraining: true }),
  ),
  // 6: aged 30; leaves the day after the period (no result).
  participant(
    'M',
    entry({
      enteredOn: '2026-02-15',
      labourStatus: 'chomeur_longue_duree',
      ageAtEntry: 30,
      educationLevel: 'infra3',
      disability: 'oui',
      homelessOrHousingExclusion: true,
    }),
    exit('2026-07-01', { inEmployment: true }),
  ),
  // 7: aged 54; minority.
  participant(
    'F',
    entry({ enteredOn: '2026-03-01', labourStatus: 'chomeur', ageAtEntry: 54, educationLevel: '6', minority: 'oui' }),
  ),
  // 8: aged 55.
  participant(
    'M',
    entry({
      enteredOn: '2026-03-02',
      labourStatus: 'inactif',
      ageAtEntry: 55,
      educationLevel: 'infra3',
      disability: 'oui',
      foreignBackground: 'oui',
    }),
  ),
  // 9: entered and left in 2025 (left the day before the period); observed six months later on the period's last day.
  participant(
    'F',
    entry({ enteredOn: '2025-06-01', ageAtEntry: 45, educationLevel: '3' }),
    exit('2025-12-31', { inEmployment: true }),
    six('2026-06-30', { inEmployment: true, improvedSituation: true }),
  ),
  // 10: observed on 15/01 after leaving in July 2025, improved without a job.
  participant(
    'M',
    entry({ enteredOn: '2025-03-01', ageAtEntry: 35, educationLevel: '4' }),
    exit('2025-07-15', { seekingWork: true }),
    six('2026-01-15', { improvedSituation: true }),
  ),
  // 11: aged 60, employed, doctorate; left in employment with a qualification; follow-up dated after today.
  participant(
    'F',
    entry({ enteredOn: '2026-04-01', labourStatus: 'emploi', ageAtEntry: 60, educationLevel: '8' }),
    exit('2026-05-31', { inEmployment: true, gainedQualification: true }),
    six('2026-11-30', { inEmployment: true, improvedSituation: true }),
  ),
  // 12: aged 19, third-country national; left on 15/06 searching for work.
  participant(
    'M',
    entry({
      enteredOn: '2026-05-05',
      labourStatus: 'chomeur',
      ageAtEntry: 19,
      educationLevel: 'infra3',
      thirdCountryNational: 'oui',
    }),
    exit('2026-06-15', { seekingWork: true }),
  ),
];

/** Every figure, counted by hand from the comments above: [women, men, total]. */
export const HAND_COUNTED: Record<string, [number, number, number]> = {
  // Entered 01/01–30/06: 1, 5, 7, 11 (F); 2, 6, 8, 12 (M). Not 3 (31/12), not 4 (01/07).
  total: [4, 4, 8],
  chomeurs: [2, 3, 5], // 1, 7 | 2, 6, 12
  chomeurs_ld: [1, 1, 2], // 1 | 6
  inactifs: [1, 1, 2], // 5 | 8
  inactifs_hors_formation: [1, 0, 1], // 5
  emploi: [1, 0, 1], // 11
  moins_18: [1, 0, 1], // 1 (17)
  '18_29': [1, 2, 3], // 5 (29) | 2 (18), 12 (19); not 6 (30)
  '55_plus': [1, 1, 2], // 11 (60) | 8 (55); not 7 (54)
  isced_0_2: [1, 3, 4], // 1 | 6, 8, 12
  isced_3_4: [1, 1, 2], // 5 (bac) | 2 (CAP)
  isced_5_8: [2, 0, 2], // 7, 11
  handicap: [1, 2, 3], // 1 | 6, 8
  handicap_refus: [1, 0, 1], // 5
  pays_tiers: [0, 2, 2], // 2, 12
  pays_tiers_refus: [1, 0, 1], // 5
  origine_etrangere: [0, 2, 2], // 2, 8
  origine_etrangere_refus: [1, 0, 1], // 1
  minorites: [1, 0, 1], // 7
  minorites_refus: [0, 1, 1], // 2
  sans_abri: [1, 1, 2], // 1 | 6
  rural: [1, 1, 2], // 5 | 2
  // Left 01/01–30/06: 1, 3, 5, 11 (F); 12 (M). Not 6 (01/07), not 9 (31/12/2025).
  sortis: [4, 1, 5],
  recherche_emploi: [1, 1, 2], // 1 | 12; not 3 (in employment)
  formation: [1, 0, 1], // 5
  qualification: [2, 0, 2], // 3, 11
  emploi_sortie: [2, 0, 2], // 3, 11
  // Observed 01/01–30/06: 9 (30/06) | 10 (15/01). Not 3 (01/07), not 11 (30/11, after today).
  observes_6_mois: [1, 1, 2],
  emploi_6_mois: [1, 0, 1], // 9
  situation_amelioree: [1, 1, 2], // 9 | 10
};
