/**
 * The FSE+ common indicators of an operation for a period, counted from the
 * participants' answers (`fse-plus-participant.ts`), broken down by sex, with
 * statistical secrecy (`secrecy.ts`).
 *
 * Source: Regulation (EU) 2021/1057 of 24 June 2021 (FSE+), Annex I
 * « Common indicators for general support from the ESF+ strand under shared
 * management »: « Personal data are to be broken down by gender »;
 * 1.1 common output indicators for participants (unemployed including
 * long-term unemployed, long-term unemployed, inactive, employed including
 * self-employed, below 18, 18 to 29, 55 and above, ISCED 0-2, ISCED 3-4,
 * ISCED 5-8, total number of participants); 1.2 other common output
 * indicators (participants with disabilities, third-country nationals,
 * participants with a foreign background, minorities including marginalised
 * communities, homeless or affected by housing exclusion, participants from
 * rural areas); 3 common immediate result indicators (engaged in job searching
 * upon leaving, in education or training upon leaving, gaining a
 * qualification upon leaving, in employment including self-employment upon
 * leaving); 4 common longer-term result indicators (in employment including
 * self-employment six months after leaving, with an improved labour market
 * situation six months after leaving). Codes EECO/EECR: the Commission's
 * numbering of those indicators in SFC2021 (EECR01 and EECR04 as its FAQ
 * « reference period for immediate result indicators » names them: 4 weeks
 * after leaving, and the two mutually exclusive — the later event wins, so a
 * participant in employment is not also counted as searching for a job).
 * « Inactive, not in education or training » is not in the 2021 annex; it was
 * a common indicator of Regulation (EU) No 1304/2013, Annex I, and the
 * managing authorities still ask it: printed as a « dont » line of inactive.
 *
 * When a participant counts (the period is [from, to], and nothing after
 * today is known — `countingEnd`):
 * - outputs: entered the operation in the period, on or before today;
 * - immediate results: left in the period, on or before today, not before
 *   entering; whatever the entry date (a participant who entered last year
 *   and left this year counts in this year's results);
 * - longer-term results: observed six months after leaving, observation in
 *   the period, on or before today, not before leaving.
 * An exit or a follow-up dated after the period's end or after today is not
 * held: it has not happened yet for that table.
 *
 * Sensitive items (disability, third-country national, foreign background,
 * minority) may be refused: a refusal is counted on its own line, never as
 * « oui », and the participant still counts in the total.
 */
import type { EducationLevel, Sex } from '../shared/contract/people-lists';
import type { FseParticipant, IscedGroup, SensitiveAnswer } from './fse-plus-participant';
import { maskOf, protectReport, type Mask, type SecrecyReport, type SumRule } from './secrecy';
import { countingEnd } from './statistics';

export interface FsePeriod {
  from: string;
  to: string;
}

/** ISCED 2011 group of a national diploma level (décret n° 2019-14 du 8 janvier 2019, cadre national des certifications: levels 1-2 → ISCED 0-2, 3 (CAP) → 3, 4 (bac) → 3-4, 5 to 8 → ISCED 5 to 8). */
export function iscedGroupOf(level: EducationLevel): IscedGroup {
  if (level === 'infra3') return '0-2';
  if (level === '3' || level === '4') return '3-4';
  return '5-8';
}

/** Entered in the period (and not after today): counted in the output indicators. */
export function countsInOutputs(p: FseParticipant, period: FsePeriod, today: string): boolean {
  const { until } = countingEnd(period, today);
  return p.entry.enteredOn >= period.from && p.entry.enteredOn <= until;
}

/** Left in the period, on or before today: counted in the immediate result indicators. */
export function countsInImmediateResults(p: FseParticipant, period: FsePeriod, today: string): boolean {
  const { until } = countingEnd(period, today);
  const exit = p.exit;
  return exit !== null && exit.leftOn >= p.entry.enteredOn && exit.leftOn >= period.from && exit.leftOn <= until;
}

/** Observed six months after leaving, the observation in the period and on or before today: longer-term results. */
export function countsInLongerTermResults(p: FseParticipant, period: FsePeriod, today: string): boolean {
  const { until } = countingEnd(period, today);
  const { exit, sixMonths } = p;
  return (
    exit !== null &&
    sixMonths !== null &&
    exit.leftOn <= until &&
    sixMonths.observedOn >= exit.leftOn &&
    sixMonths.observedOn >= period.from &&
    sixMonths.observedOn <= until
  );
}

export type FseSection = 'participants' | 'statut' | 'age' | 'isced' | 'defavorise' | 'sortie' | 'six_mois';

export const FSE_SECTION_LABELS: Record<FseSection, string> = {
  participants: 'Participants entrés dans la période',
  statut: 'Situation sur le marché du travail à l’entrée',
  age: 'Âge à l’entrée',
  isced: 'Niveau d’études à l’entrée (CITE/ISCED)',
  defavorise: 'Situations de désavantage à l’entrée',
  sortie: 'Résultats immédiats (dans les 4 semaines après la sortie)',
  six_mois: 'Résultats à long terme (six mois après la sortie)',
};

export interface FseIndicatorDefinition {
  key: string;
  /** EECO/EECR code, or null for a line the annex does not number (a base, a « dont », a refusal). */
  code: string | null;
  label: string;
  section: FseSection;
  /** Printed indented (a « dont » or a refusal line). */
  sub: boolean;
  /** Who is counted, in the population of the section. */
  counts: (p: FseParticipant) => boolean;
}

const sensitiveLines = (
  key: string,
  code: string,
  label: string,
  answer: (p: FseParticipant) => SensitiveAnswer,
): FseIndicatorDefinition[] => [
  { key, code, label, section: 'defavorise', sub: false, counts: (p) => answer(p) === 'oui' },
  {
    key: `${key}_refus`,
    code: null,
    label: `${label} : refus de répondre`,
    section: 'defavorise',
    sub: true,
    counts: (p) => answer(p) === 'refus',
  },
];

const unemployed = (p: FseParticipant) =>
  p.entry.labourStatus === 'chomeur' || p.entry.labourStatus === 'chomeur_longue_duree';
const inactive = (p: FseParticipant) =>
  p.entry.labourStatus === 'inactif' || p.entry.labourStatus === 'inactif_hors_formation';

/** Every line of the table, in the order printed. */
export const FSE_INDICATORS: readonly FseIndicatorDefinition[] = [
  {
    key: 'total',
    code: 'EECO11',
    label: 'Nombre total de participants',
    section: 'participants',
    sub: false,
    counts: () => true,
  },
  {
    key: 'chomeurs',
    code: 'EECO01',
    label: 'Chômeurs, y compris chômeurs de longue durée',
    section: 'statut',
    sub: false,
    counts: unemployed,
  },
  {
    key: 'chomeurs_ld',
    code: 'EECO02',
    label: 'dont chômeurs de longue durée',
    section: 'statut',
    sub: true,
    counts: (p) => p.entry.labourStatus === 'chomeur_longue_duree',
  },
  { key: 'inactifs', code: 'EECO03', label: 'Inactifs', section: 'statut', sub: false, counts: inactive },
  {
    key: 'inactifs_hors_formation',
    code: null,
    label: 'dont inactifs ne suivant ni enseignement ni formation',
    section: 'statut',
    sub: true,
    counts: (p) => p.entry.labourStatus === 'inactif_hors_formation',
  },
  {
    key: 'emploi',
    code: 'EECO04',
    label: 'Personnes exerçant un emploi, y compris les indépendants',
    section: 'statut',
    sub: false,
    counts: (p) => p.entry.labourStatus === 'emploi',
  },
  {
    key: 'moins_18',
    code: 'EECO05',
    label: 'Moins de 18 ans',
    section: 'age',
    sub: false,
    counts: (p) => p.entry.ageAtEntry < 18,
  },
  {
    key: '18_29',
    code: 'EECO06',
    label: '18 à 29 ans',
    section: 'age',
    sub: false,
    counts: (p) => p.entry.ageAtEntry >= 18 && p.entry.ageAtEntry <= 29,
  },
  {
    key: '55_plus',
    code: 'EECO07',
    label: '55 ans et plus',
    section: 'age',
    sub: false,
    counts: (p) => p.entry.ageAtEntry >= 55,
  },
  {
    key: 'isced_0_2',
    code: 'EECO08',
    label: 'Premier cycle de l’enseignement secondaire ou moins (CITE 0 à 2)',
    section: 'isced',
    sub: false,
    counts: (p) => iscedGroupOf(p.entry.educationLevel) === '0-2',
  },
  {
    key: 'isced_3_4',
    code: 'EECO09',
    label: 'Deuxième cycle du secondaire ou post-secondaire non supérieur (CITE 3 et 4)',
    section: 'isced',
    sub: false,
    counts: (p) => iscedGroupOf(p.entry.educationLevel) === '3-4',
  },
  {
    key: 'isced_5_8',
    code: 'EECO10',
    label: 'Enseignement supérieur (CITE 5 à 8)',
    section: 'isced',
    sub: false,
    counts: (p) => iscedGroupOf(p.entry.educationLevel) === '5-8',
  },
  ...sensitiveLines('handicap', 'EECO12', 'Participants handicapés', (p) => p.entry.disability),
  ...sensitiveLines('pays_tiers', 'EECO13', 'Ressortissants de pays tiers', (p) => p.entry.thirdCountryNational),
  ...sensitiveLines(
    'origine_etrangere',
    'EECO14',
    'Participants d’origine étrangère',
    (p) => p.entry.foreignBackground,
  ),
  ...sensitiveLines(
    'minorites',
    'EECO15',
    'Minorités (y compris les communautés marginalisées)',
    (p) => p.entry.minority,
  ),
  {
    key: 'sans_abri',
    code: 'EECO16',
    label: 'Sans domicile ou exclus du logement',
    section: 'defavorise',
    sub: false,
    counts: (p) => p.entry.homelessOrHousingExclusion,
  },
  {
    key: 'rural',
    code: 'EECO17',
    label: 'Participants issus de zones rurales',
    section: 'defavorise',
    sub: false,
    counts: (p) => p.entry.ruralArea,
  },
  {
    key: 'sortis',
    code: null,
    label: 'Participants sortis dans la période',
    section: 'sortie',
    sub: false,
    counts: () => true,
  },
  {
    key: 'recherche_emploi',
    code: 'EECR01',
    label: 'Participants à la recherche d’un emploi au terme de leur participation',
    section: 'sortie',
    sub: true,
    // Exclusive with EECR04: the later event wins; in employment is not also searching.
    counts: (p) => p.exit!.seekingWork && !p.exit!.inEmployment,
  },
  {
    key: 'formation',
    code: 'EECR02',
    label: 'Participants suivant un enseignement ou une formation au terme de leur participation',
    section: 'sortie',
    sub: true,
    counts: (p) => p.exit!.inEducationOrTraining,
  },
  {
    key: 'qualification',
    code: 'EECR03',
    label: 'Participants obtenant une qualification au terme de leur participation',
    section: 'sortie',
    sub: true,
    counts: (p) => p.exit!.gainedQualification,
  },
  {
    key: 'emploi_sortie',
    code: 'EECR04',
    label: 'Participants exerçant un emploi, y compris indépendant, au terme de leur participation',
    section: 'sortie',
    sub: true,
    counts: (p) => p.exit!.inEmployment,
  },
  {
    key: 'observes_6_mois',
    code: null,
    label: 'Participants observés six mois après leur sortie, dans la période',
    section: 'six_mois',
    sub: false,
    counts: () => true,
  },
  {
    key: 'emploi_6_mois',
    code: 'EECR05',
    label: 'Participants exerçant un emploi, y compris indépendant, six mois après leur participation',
    section: 'six_mois',
    sub: true,
    counts: (p) => p.sixMonths!.inEmployment,
  },
  {
    key: 'situation_amelioree',
    code: 'EECR06',
    label: 'Participants dont la situation sur le marché du travail s’est améliorée six mois après leur participation',
    section: 'six_mois',
    sub: true,
    counts: (p) => p.sixMonths!.improvedSituation,
  },
];

export const FSE_COLUMNS = ['F', 'M', 'total'] as const;
export type FseColumn = (typeof FSE_COLUMNS)[number];
export const FSE_COLUMN_LABELS: Record<FseColumn, string> = { F: 'Femmes', M: 'Hommes', total: 'Total' };

export type FseCounts = Record<string, Record<FseColumn, number>>;

/** Who each section counts, by the rules above. */
function populationOf(
  section: FseSection,
  participants: readonly FseParticipant[],
  period: FsePeriod,
  today: string,
): FseParticipant[] {
  if (section === 'sortie') return participants.filter((p) => countsInImmediateResults(p, period, today));
  if (section === 'six_mois') return participants.filter((p) => countsInLongerTermResults(p, period, today));
  return participants.filter((p) => countsInOutputs(p, period, today));
}

/** Every line's count, by sex and in total (no secrecy yet). */
export function countFseIndicators(
  participants: readonly FseParticipant[],
  period: FsePeriod,
  today: string,
): FseCounts {
  const counts: FseCounts = {};
  const populations = new Map<FseSection, FseParticipant[]>();
  for (const line of FSE_INDICATORS) {
    let population = populations.get(line.section);
    if (!population) {
      population = populationOf(line.section, participants, period, today);
      populations.set(line.section, population);
    }
    const counted = population.filter(line.counts);
    const bySex = (sex: Sex) => counted.filter((p) => p.sex === sex).length;
    counts[line.key] = { F: bySex('F'), M: bySex('M'), total: counted.length };
  }
  return counts;
}

export const cellId = (key: string, column: FseColumn) => `${key}|${column}`;

/**
 * The table as secrecy sees it: every count, each line's total the sum of its
 * women and men, and, in each column, the participants the sum of the labour
 * statuses and the sum of the ISCED groups (both partitions of the
 * participants). Lines that are a part of another (« dont », refusals,
 * results) bound it from above only, which the attack does not need to use to
 * stay safe: only equalities can pin a count.
 */
export function fseSecrecyReport(counts: FseCounts): SecrecyReport {
  const cells = FSE_INDICATORS.flatMap((line) =>
    FSE_COLUMNS.map((column) => ({ id: cellId(line.key, column), value: counts[line.key]![column] })),
  );
  const sums: SumRule[] = FSE_INDICATORS.map((line) => ({
    total: cellId(line.key, 'total'),
    parts: [cellId(line.key, 'F'), cellId(line.key, 'M')],
  }));
  for (const column of FSE_COLUMNS) {
    sums.push({
      total: cellId('total', column),
      parts: ['chomeurs', 'inactifs', 'emploi'].map((k) => cellId(k, column)),
    });
    sums.push({
      total: cellId('total', column),
      parts: ['isced_0_2', 'isced_3_4', 'isced_5_8'].map((k) => cellId(k, column)),
    });
  }
  return { cells, sums };
}

export interface FseShownCell {
  /** null when hidden by statistical secrecy. */
  count: number | null;
  masked: Mask | null;
}

export interface FseTableLine {
  key: string;
  code: string | null;
  label: string;
  section: FseSection;
  sub: boolean;
  cells: Record<FseColumn, FseShownCell>;
}

/** The table as published: every count of 1 to 4 hidden, with the cells that would give it away. */
export function publishFseTable(counts: FseCounts): FseTableLine[] {
  const report = fseSecrecyReport(counts);
  const states = protectReport(report);
  return FSE_INDICATORS.map((line) => ({
    key: line.key,
    code: line.code,
    label: line.label,
    section: line.section,
    sub: line.sub,
    cells: Object.fromEntries(
      FSE_COLUMNS.map((column) => {
        const value = counts[line.key]![column];
        const state = states.get(cellId(line.key, column)) ?? 'shown';
        return [column, { count: state === 'shown' ? value : null, masked: maskOf(value, state) }];
      }),
    ) as Record<FseColumn, FseShownCell>,
  }));
}
