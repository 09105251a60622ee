import * as repo from '../db/repositories/attendance';
import { calendarHistory } from '../db/repositories/settings';
import { listSessions, listSlots, worksiteHours } from '../db/repositories/worksites';
import { computeHours, type HoursSummary, type HoursWarning } from '../domain/attendance';
import { complementaryOfWeek, tenthOf } from '../domain/complementary';
import { limitsFor } from '../domain/minors';
import { calendarInForce, holidaysInForce } from '../domain/calendar-settings';
import type { CancelKind } from '../shared/contract/attendance-codes';
import { formatFrenchDate, weekdayOf } from '../shared/dates';
import { formatDuration } from '../shared/time';
import type { ReadableDb } from '../db/access';

export interface ParticipationOfHours {
  id: number;
  personId: number;
  name: string;
  worksiteId: number;
  worksiteName: string;
  startDate: string;
  /** The last day: the early end when there is one. */
  end: string;
  weeklyMinutes: number;
}

/** A contract as the hours count it, from any row that carries its dates and pattern (no names: not shown). */
export const ofHours = (p: {
  id: number;
  personId: number;
  worksiteId: number;
  startDate: string;
  endDate: string;
  earlyEndDate: string | null;
  weeklyMinutes: number;
}): ParticipationOfHours => ({
  id: p.id,
  personId: p.personId,
  name: '',
  worksiteId: p.worksiteId,
  worksiteName: '',
  startDate: p.startDate,
  end: p.earlyEndDate ?? p.endDate,
  weeklyMinutes: p.weeklyMinutes,
});

export const cancelKindOf = (s: {
  cancelledReason: string | null;
  cancelKind: CancelKind | null;
}): CancelKind | null => (s.cancelledReason === null ? null : (s.cancelKind ?? 'structure'));

/**
 * Hours of each participation, from its worksite's half-days, its marks,
 * annex times and the public holidays of its weekly pattern. Used by the
 * hours screens and the payroll hand-off, so both count the same way.
 */
export async function hoursSummaries(
  db: ReadableDb,
  today: string,
  participations: readonly ParticipationOfHours[],
): Promise<Map<number, HoursSummary>> {
  // Each day counted with the calendar settings in force on it (domain/calendar-settings.ts).
  const history = await calendarHistory(db);
  const forceMajeurePaid = (date: string) => calendarInForce(history, date).forceMajeurePaid;
  const ids = participations.map((p) => p.id);
  const marks = await repo.marksOf(db, ids);
  const annexes = await repo.annexTimesOf(db, ids);
  const birthDates = await repo.birthDatesOf(db, [...new Set(participations.map((p) => p.personId))]);
  const worksiteCache = new Map<
    number,
    { sessions: Awaited<ReturnType<typeof listSessions>>; minutesByWeekday: Map<number, number> }
  >();
  const summaries = new Map<number, HoursSummary>();
  for (const p of participations) {
    let site = worksiteCache.get(p.worksiteId);
    if (!site) {
      const w = await worksiteHours(db, p.worksiteId);
      const minutesByWeekday = new Map<number, number>();
      for (const slot of await listSlots(db, p.worksiteId)) {
        const length = slot.halfDay === 'morning' ? w.morningEnd - w.morningStart : w.afternoonEnd - w.afternoonStart;
        minutesByWeekday.set(slot.weekday, (minutesByWeekday.get(slot.weekday) ?? 0) + length);
      }
      site = { sessions: await listSessions(db, p.worksiteId), minutesByWeekday };
      worksiteCache.set(p.worksiteId, site);
    }
    const minutesByWeekday = site.minutesByWeekday;
    const mine = new Map(marks.filter((m) => m.participationId === p.id).map((m) => [m.sessionId, m]));
    const holidaysOnPattern = [...holidaysInForce(history, p.startDate, p.end)]
      .filter(([date]) => minutesByWeekday.has(weekdayOf(date)))
      .map(([date, label]) => ({ date, label, minutes: minutesByWeekday.get(weekdayOf(date))! }));
    summaries.set(
      p.id,
      computeHours(
        {
          contract: { start: p.startDate, end: p.end, weeklyMinutes: p.weeklyMinutes },
          halfDays: site.sessions.map((s) => {
            const m = mine.get(s.id);
            return {
              date: s.date,
              startMinutes: s.startMinutes,
              endMinutes: s.endMinutes,
              cancelled: cancelKindOf(s),
              mark: m ? { mark: m.mark, actualStart: m.actualStart, actualEnd: m.actualEnd, paid: m.paid } : null,
            };
          }),
          annexTimes: annexes
            .filter((a) => a.participationId === p.id)
            .map((a) => ({
              date: a.date,
              startMinutes: a.startMinutes,
              endMinutes: a.endMinutes,
              paid: a.paid,
              done: a.done,
            })),
          holidaysOnPattern,
          forceMajeurePaid,
          limits: limitsFor(birthDates.get(p.personId) ?? null, p.startDate),
        },
        today,
      ),
    );
  }
  return summaries;
}

/** A working-time limit passed, in French. */
export function warningText(w: HoursWarning, weeklyMinutes: number): string {
  const date = formatFrenchDate(w.date);
  if (w.kind === 'complementary') {
    const split = complementaryOfWeek(weeklyMinutes + w.minutes, weeklyMinutes);
    return (
      `Semaine du ${date} : ${formatDuration(w.minutes)} d’heures complémentaires (heures travaillées et temps annexes rémunérés faits), ` +
      `au-delà du dixième du contrat (${formatDuration(tenthOf(weeklyMinutes))}) : ${formatDuration(split.withinTenth)} à +10 %, ${formatDuration(split.beyondTenth)} à +25 %.`
    );
  }
  if (w.kind === 'week')
    return `Semaine du ${date} : ${formatDuration(w.minutes)} de travail, au-delà de ${formatDuration(w.limit ?? 48 * 60)}.`;
  if (w.kind === 'night') return `Le ${date} : une personne mineure ne travaille pas entre 22 h et 6 h (art. L3163-2).`;
  return `Le ${date} : ${formatDuration(w.minutes)} de travail, au-delà de ${formatDuration(w.limit ?? 10 * 60)} dans la journée.`;
}
