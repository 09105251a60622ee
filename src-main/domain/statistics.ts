/**
 * Counting rules of the statistics, pure. The SQL in
 * `db/repositories/statistics.ts` implements the same rules (a test compares
 * both on a generated dataset):
 * - a person counts once per period, however many worksites;
 * - their age is taken at the start of their first parcours counted in the
 *   period (a birthday on that day counts);
 * - a parcours (participation) counts in every period it overlaps, so one
 *   spanning two years counts in both;
 * - archived people still count: figures of past periods never change;
 * - nothing counts the future: a period is counted up to its end and today,
 *   whichever comes first; people whose contract starts later are « à venir ».
 */
import { IMMERSIONS_COUNTING_RULE } from '../shared/contract/stats';

export interface Period {
  from: string;
  to: string;
}

/** Whole years between a birth date and a day (ISO dates, no time zone involved). */
export function ageAt(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const AGE_BRACKETS = ['moins_26', '26_49', '50_plus'] as const;
export const AGE_BRACKET_LABELS: Record<(typeof AGE_BRACKETS)[number], string> = {
  moins_26: 'Moins de 26 ans',
  '26_49': '26 à 49 ans',
  '50_plus': '50 ans et plus',
};

export function ageBracket(age: number): (typeof AGE_BRACKETS)[number] {
  return age < 26 ? 'moins_26' : age < 50 ? '26_49' : '50_plus';
}

/**
 * Where counting stops: the end of the period, or today when the period ends
 * later (`asOf`, the « au … » of the title; null for a past period). Half-days
 * planned, hours and contracts after that day have not happened yet.
 */
export function countingEnd(period: Period, today: string): { until: string; asOf: string | null } {
  return period.to <= today ? { until: period.to, asOf: null } : { until: today, asOf: today };
}

/** Finer brackets, each fully inside one of the funders' three. */
export const FINE_AGE_BRACKETS = ['moins_21', '21_25', '26_34', '35_44', '45_49', '50_54', '55_plus'] as const;
export const FINE_AGE_BRACKET_LABELS: Record<(typeof FINE_AGE_BRACKETS)[number], string> = {
  moins_21: 'Moins de 21 ans',
  '21_25': '21 à 25 ans',
  '26_34': '26 à 34 ans',
  '35_44': '35 à 44 ans',
  '45_49': '45 à 49 ans',
  '50_54': '50 à 54 ans',
  '55_plus': '55 ans et plus',
};

/** The funders' bracket each fine one lies in (the published tables add up accordingly). */
export const BROAD_BRACKET_OF: Record<(typeof FINE_AGE_BRACKETS)[number], (typeof AGE_BRACKETS)[number]> = {
  moins_21: 'moins_26',
  '21_25': 'moins_26',
  '26_34': '26_49',
  '35_44': '26_49',
  '45_49': '26_49',
  '50_54': '50_plus',
  '55_plus': '50_plus',
};

export function fineAgeBracket(age: number): (typeof FINE_AGE_BRACKETS)[number] {
  if (age < 21) return 'moins_21';
  if (age < 26) return '21_25';
  if (age < 35) return '26_34';
  if (age < 45) return '35_44';
  if (age < 50) return '45_49';
  if (age < 55) return '50_54';
  return '55_plus';
}

/** A parcours counts in a period it overlaps by at least one day. */
export function overlaps(parcours: { start: string; end: string }, period: Period): boolean {
  return parcours.start <= period.to && parcours.end >= period.from;
}

/** Each person counted once, with the day they entered: the start of their first parcours counted in the period. */
export function entries<P extends { personId: number; start: string; end: string }>(
  parcours: readonly P[],
  period: Period,
): Map<number, string> {
  const entry = new Map<number, string>();
  for (const p of parcours) {
    if (!overlaps(p, period)) continue;
    const known = entry.get(p.personId);
    if (known === undefined || p.start < known) entry.set(p.personId, p.start);
  }
  return entry;
}

/** The words beside each figure (the "i"): what is counted, and how. */
export const COUNTING_RULES = {
  people:
    'Personnes ayant au moins un jour de contrat sur un chantier pendant la période, jusqu’à aujourd’hui au plus tard. Chacune compte une seule fois, quel que soit le nombre de chantiers ; les personnes archivées comptent toujours. Une personne dont le contrat n’a pas encore commencé est « à venir », pas accompagnée.',
  upcoming:
    'Personnes dont le contrat sur la période commence après aujourd’hui : elles ne sont pas encore accompagnées et ne figurent dans aucun tableau.',
  newEntries:
    'Personnes dont le tout premier contrat (sur les chantiers retenus) commence pendant la période, au plus tard aujourd’hui.',
  worksites: 'Chantiers ayant au moins une demi-journée tenue (non annulée) pendant la période, jusqu’à aujourd’hui.',
  sessions:
    'Demi-journées tenues (non annulées) pendant la période, jusqu’à aujourd’hui : les demi-journées prévues plus tard ne comptent pas.',
  hoursWorked:
    'Heures réellement travaillées d’après l’émargement, jusqu’à aujourd’hui : demi-journées de présence, retards et départs anticipés à l’heure réelle.',
  hoursPaid:
    'Jusqu’à aujourd’hui : heures travaillées, absences rémunérées, demi-journées annulées par la structure (et pour intempéries ou force majeure les jours où le réglage du calendrier en vigueur les paie) et temps annexes rémunérés réalisés. Les jours fériés payés n’y figurent pas : ils sont dans les heures transmises à l’employeur.',
  attendanceRate:
    'Demi-journées de présence (retards compris) sur les demi-journées émargées pendant la période, jusqu’à aujourd’hui.',
  age: 'Âge au début du premier contrat compté dans la période (un anniversaire ce jour-là compte).',
  situation:
    'Situation la plus récente enregistrée au plus tard le jour de l’entrée (à défaut, la première enregistrée ensuite).',
  person: 'Donnée de la fiche de la personne.',
  obstacles:
    'Freins repérés (ou levés) pendant la période et jusqu’à aujourd’hui, des personnes comptées ; une personne peut en avoir plusieurs.',
  immersions: IMMERSIONS_COUNTING_RULE,
  outcomes:
    'Sorties datées dans la période et jusqu’à aujourd’hui, des parcours passés par les chantiers retenus, par catégorie nationale ; à 3 et 6 mois : situations connues.',
} as const;
