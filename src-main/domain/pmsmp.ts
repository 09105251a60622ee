/**
 * Périodes de mise en situation en milieu professionnel (PMSMP, « immersions »).
 *
 * - Objectives: discover a trade or sector, confirm a professional project,
 *   start a recruitment (Code du travail L5135-1).
 * - Duration: « une durée ne pouvant excéder un mois de date à date, que la
 *   présence du bénéficiaire au sein de la structure d'accueil soit continue
 *   ou discontinue »; renewable once, « pour le même objet et les mêmes
 *   objectifs », for at most one month again (D5135-3, convention of L5135-4).
 * - The same host over 12 consecutive months: at most two conventions, with
 *   different objects or objectives, 60 days in all, renewals included
 *   (D5135-3, third paragraph; `sameHostProblem`).
 * - Hours: an adult's day is at most 10 hours (L3121-18) and the week follows
 *   the legal 35 hours (L3121-27): the host's collective hours, never more.
 *   A minor: 8 hours a day and 35 a week (L3162-1).
 */
import { WEEKDAYS } from '../shared/contract/pmsmp';
import { addDays, addMonths, daysBetween, formatFrenchDate, lastDayOfMonths } from '../shared/dates';
import { timeToMinutes } from '../shared/time';

/**
 * The last day an immersion starting on `start` may run to, both days
 * counted: one month « de date à date » ends the day before the same date a
 * month later (01/03 → 31/03; 15/01 → 14/02), or on the last day of the next
 * month when it has no such date (31/01 → 28 or 29/02). The same reading as
 * the CDDI's months (`lastDayOfMonths`).
 */
export function pmsmpLastDay(start: string): string {
  return lastDayOfMonths(start, 1);
}

/** Why these dates cannot make one immersion, in French, or null when they can. */
export function pmsmpDatesProblem(start: string, end: string): string | null {
  if (end < start) return 'La fin de l’immersion ne peut pas précéder son début.';
  const last = pmsmpLastDay(start);
  if (end > last) {
    const [y, m, d] = last.split('-');
    return `Une immersion dure au plus un mois de date à date : commencée ce jour-là, elle se termine au plus tard le ${d}/${m}/${y} (article D5135-3 du Code du travail). Au-delà, renouvelez-la.`;
  }
  return null;
}

/** Why an immersion cannot be renewed, or null: once only, never a renewal of a renewal, after its end, for the same objective. */
export function renewalProblem(
  original: { end: string; isRenewal: boolean; renewed: boolean },
  renewalStart: string,
): string | null {
  if (original.isRenewal)
    return 'Cette immersion est déjà un renouvellement : elle ne peut pas être renouvelée une seconde fois (article D5135-3).';
  if (original.renewed)
    return 'Cette immersion a déjà été renouvelée une fois : elle ne peut plus l’être (article D5135-3).';
  if (renewalStart <= original.end) return 'Le renouvellement commence après la fin de l’immersion.';
  return null;
}

/** One convention with the same host and person: an initial one, or a renewal (`renewal`). */
export interface HostConvention {
  start: string;
  end: string;
  objective: string;
  goals: string;
  renewal: boolean;
}

/** The 60 days of D5135-3, third paragraph. */
export const SAME_HOST_DAYS = 60;
/** The two conventions of D5135-3, third paragraph. */
export const SAME_HOST_CONVENTIONS = 2;

const daysOf = (c: { start: string; end: string }) => daysBetween(c.start, c.end) + 1;
const sameGoals = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr-FR') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr-FR');

/**
 * Code du travail, article D5135-3, third paragraph: « Il peut être conclu,
 * avec un même bénéficiaire et au cours d’une période de douze mois
 * consécutifs, au plus deux conventions de mise en situation en milieu
 * professionnel dans la même structure d’accueil, sous réserve que ces
 * conventions comportent des objets ou des objectifs différents et sans que la
 * durée totale de ces conventions, renouvellements compris, n’excède soixante
 * jours sur la même période. »
 *
 * Read as: in any 12 consecutive months (a window « de date à date », the
 * reading of `lastDayOfMonths`), at most two initial conventions begin with
 * the same host (a renewal is part of the convention it renews); two initial
 * conventions in one window differ by their object (L5135-1) or their precise
 * objectives; and the calendar days of every convention in the window, both
 * ends counted and renewals included, add up to 60 at most (the days of a
 * convention reaching outside the window count only inside it). `others` are
 * the person's other conventions with the same host (the one being edited
 * left out). Returns why `candidate` breaks the rule, in French, or null.
 */
export function sameHostProblem(candidate: HostConvention, others: readonly HostConvention[]): string | null {
  const all = [...others, candidate];
  // Every window of 12 months that shares a day with the candidate (its first day from 12 months before it to its
  // end); those opening on a convention's first day first, so that a refusal names the period one recognises.
  const earliest = addMonths(candidate.start, -12);
  const days: string[] = [];
  for (let from = earliest; from <= candidate.end; from = addDays(from, 1)) days.push(from);
  const starts = new Set(all.map((c) => c.start));
  const windows = [...days.filter((d) => starts.has(d)), ...days.filter((d) => !starts.has(d))];
  for (const from of windows) {
    const to = lastDayOfMonths(from, 12);
    if (to < candidate.start) continue;
    const initials = all.filter((c) => !c.renewal && c.start >= from && c.start <= to);
    if (!candidate.renewal && candidate.start >= from && candidate.start <= to) {
      if (initials.length > SAME_HOST_CONVENTIONS) {
        return `Avec la même structure d’accueil, au plus deux conventions d’immersion sur douze mois consécutifs (article D5135-3 du Code du travail) : la personne en a déjà deux entre le ${formatFrenchDate(from)} et le ${formatFrenchDate(to)}. Choisissez une autre structure d’accueil ou une date plus tardive.`;
      }
      const twin = initials.find(
        (c) => c !== candidate && c.objective === candidate.objective && sameGoals(c.goals, candidate.goals),
      );
      if (twin) {
        return `Une deuxième immersion dans la même structure d’accueil sur douze mois a un autre objet ou d’autres objectifs précis que la première, celle du ${formatFrenchDate(twin.start)} (article D5135-3 du Code du travail) : changez l’objet ou les objectifs, ou renouvelez la première.`;
      }
    }
    const days = all.reduce((sum, c) => {
      const a = c.start > from ? c.start : from;
      const b = c.end < to ? c.end : to;
      return a <= b ? sum + daysOf({ start: a, end: b }) : sum;
    }, 0);
    if (days > SAME_HOST_DAYS) {
      return `Avec la même structure d’accueil, les immersions durent au plus 60 jours en tout sur douze mois consécutifs, renouvellements compris (article D5135-3 du Code du travail) : avec celle-ci, elles en compteraient ${days} entre le ${formatFrenchDate(from)} et le ${formatFrenchDate(to)}. Raccourcissez-la.`;
    }
  }
  return null;
}

export { WEEKDAYS };
export type Weekday = (typeof WEEKDAYS)[number];

/** One weekday's hours, in minutes after midnight; `pause` in minutes (the lunch break, not counted). */
export interface DayHours {
  start: number;
  end: number;
  pause: number;
}
export type WeekSchedule = Partial<Record<Weekday, DayHours>>;

export const ADULT_DAY_MINUTES = 10 * 60;
export const MINOR_DAY_MINUTES = 8 * 60;
export const WEEK_MINUTES = 35 * 60;

export function dayMinutes(day: DayHours): number {
  return Math.max(0, day.end - day.start - day.pause);
}

export function weekMinutes(schedule: WeekSchedule): number {
  return WEEKDAYS.reduce((total, d) => total + (schedule[d] ? dayMinutes(schedule[d]) : 0), 0);
}

const hours = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;

/** What is wrong with a weekly schedule, in French, each with the weekday it concerns (null for the whole week). */
export function scheduleProblems(schedule: WeekSchedule, minor = false): { day: Weekday | null; message: string }[] {
  const problems: { day: Weekday | null; message: string }[] = [];
  const dayLimit = minor ? MINOR_DAY_MINUTES : ADULT_DAY_MINUTES;
  for (const d of WEEKDAYS) {
    const day = schedule[d];
    if (!day) continue;
    if (day.end <= day.start)
      problems.push({ day: d, message: `Le ${d}, l’heure de fin doit suivre l’heure de début.` });
    else if (day.pause >= day.end - day.start)
      problems.push({ day: d, message: `Le ${d}, la pause est plus longue que la journée.` });
    else if (dayMinutes(day) > dayLimit) {
      problems.push({
        day: d,
        message: `Le ${d} compte ${hours(dayMinutes(day))} de présence : au plus ${hours(dayLimit)} par jour (${minor ? 'mineur, article L3162-1' : 'article L3121-18'} du Code du travail).`,
      });
    }
  }
  if (problems.length === 0) {
    const total = weekMinutes(schedule);
    if (total === 0) problems.push({ day: null, message: 'Indiquez au moins un jour de présence.' });
    else if (total > WEEK_MINUTES) {
      problems.push({
        day: null,
        message: `La semaine compte ${hours(total)} de présence : au plus 35 h par semaine (article ${minor ? 'L3162-1' : 'L3121-27'} du Code du travail).`,
      });
    }
  }
  return problems;
}

/** Days of presence between two dates, both included, on the schedule's weekdays (public holidays not removed: the host may open). */
export function plannedMinutes(start: string, end: string, schedule: WeekSchedule): number {
  let total = 0;
  const day = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  while (day <= last) {
    const weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
    const hoursOfDay = schedule[weekday];
    if (hoursOfDay) total += dayMinutes(hoursOfDay);
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return total;
}

/**
 * A CDDI covering part of an immersion: Code du travail L5132-15-1, second
 * paragraph, « Pendant l’exécution de ces contrats, une ou plusieurs
 * conventions conclues en vertu de l’article L. 5135-4 peuvent prévoir une
 * période de mise en situation en milieu professionnel auprès d’un autre
 * employeur »; the employee keeps their status and gets their post back at
 * its end (L5135-3). L5132-15-1 does not itself say « suspended »: the
 * suspension « à la demande du salarié … en accord avec son employeur » is the
 * wording of the CUI's articles (L5134-29, L5134-71), and the DGEFP's PMSMP
 * questions-answers let a salaried beneficiary either stay paid under the
 * contract or suspend it. This app records the suspension on the contract.
 * The days suspended: the overlap of the two periods, or null.
 */
export function suspendedDays(
  contract: { start: string; end: string },
  immersion: { start: string; end: string },
): { from: string; to: string } | null {
  const from = contract.start > immersion.start ? contract.start : immersion.start;
  const to = contract.end < immersion.end ? contract.end : immersion.end;
  return from <= to ? { from, to } : null;
}

/** The schedule as typed (`HH:MM`, absent days null), in minutes after midnight. */
export function scheduleMinutes(
  typed: Record<Weekday, { start: string; end: string; pause: number } | null>,
): WeekSchedule {
  const out: WeekSchedule = {};
  for (const d of WEEKDAYS) {
    const day = typed[d];
    if (day) out[d] = { start: timeToMinutes(day.start), end: timeToMinutes(day.end), pause: day.pause };
  }
  return out;
}
