import {
  listSessions,
  listSlots,
  namedAnnexTimes,
  peopleOnWorksite,
  worksiteWithSupervisor,
} from '../db/repositories/worksites';
import { marksOfSessions } from '../db/repositories/attendance';
import { calendarFor } from '../app/read-models/calendar';
import { weekOf } from '../domain/hours';
import { patternEnd } from '../domain/schedule';
import {
  ANNEX_KIND_LABELS,
  HALF_DAY_LABELS,
  HEALTH_RELATED_ANNEX_KINDS,
  type AnnexKind,
} from '../shared/contract/worksites';
import { addDays, weekdayOf } from '../shared/dates';
import { AppError } from '../shared/errors';
import { minutesToTime, timeToMinutes } from '../shared/time';
import { fundersOfWorksite } from '../db/repositories/funders';
import { personWeekTotals, weekTotals, type SheetCell } from '../domain/attendance-sheet';
import { storedLogo, structurePartyOf } from './collect';
import type { AgendaLine, WorksiteDocumentData } from './data';
import type { ReadableDb } from '../db/access';

/** Health-related annex times are shown on a posted planning as individual appointments, nothing more. */
export const annexLabel = (kind: AnnexKind, who: string) =>
  `${HEALTH_RELATED_ANNEX_KINDS.includes(kind) ? 'Rendez-vous individuel' : ANNEX_KIND_LABELS[kind]} — ${who}`;

type Collected = Omit<WorksiteDocumentData, 'number' | 'version' | 'issuedOn'>;

export async function collectWorksiteData(
  db: ReadableDb,
  kind: WorksiteDocumentData['kind'],
  worksiteId: number,
  requestedWeek: string | null,
  filesDir: string,
): Promise<Collected> {
  const w = await worksiteWithSupervisor(db, worksiteId);
  const endDate = patternEnd({ startDate: w.startDate, weeks: w.weeks, slots: [] });
  const sessions = await listSessions(db, worksiteId);
  if (sessions.length === 0)
    throw new AppError('CONFLICT', 'Ce chantier n’a pas encore de demi-journées : générez-les d’abord.');
  const people = await peopleOnWorksite(db, worksiteId);
  const base = {
    kind,
    structure: await structurePartyOf(db, filesDir),
    worksite: {
      id: w.id,
      name: w.name,
      activity: w.activity,
      workAddress: w.workAddress,
      supervisorName: w.supervisorName,
      startDate: w.startDate,
      endDate,
    },
  };
  const times = { morning: [w.morningStart, w.morningEnd], afternoon: [w.afternoonStart, w.afternoonEnd] } as const;

  // The collective bilan's figures are the bilans feature's (`worksiteBilanOf`), added by the caller.
  if (kind === 'bilan_chantier') return { ...base, weekOf: null };

  if (kind === 'planning_chantier') {
    const annexes = await namedAnnexTimes(db, worksiteId);
    const lines: AgendaLine[] = [
      ...sessions.map((s) => ({
        date: s.date,
        start: minutesToTime(s.startMinutes),
        end: minutesToTime(s.endMinutes),
        label: `${HALF_DAY_LABELS[s.halfDay]} de chantier${s.cancelledReason ? ` — annulée (${s.cancelledReason})` : ''}`,
        cancelled: s.cancelledReason !== null,
      })),
      ...annexes.map((a) => ({
        date: a.date,
        start: minutesToTime(a.startMinutes),
        end: minutesToTime(a.endMinutes),
        label: annexLabel(a.kind, `${a.firstNames} ${a.lastName}`),
        cancelled: false,
      })),
    ].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
    const weeks = new Map<string, AgendaLine[]>();
    for (const line of lines) weeks.set(weekOf(line.date), [...(weeks.get(weekOf(line.date)) ?? []), line]);
    return {
      ...base,
      weekOf: null,
      planning: [...weeks.entries()].map(([monday, entries]) => ({ weekOf: monday, lines: entries })),
    };
  }

  const monday = weekOf(requestedWeek ?? w.startDate);
  const saturday = addDays(monday, 5);
  const { holidays, closures } = await calendarFor(db, monday, saturday);
  const slots = await listSlots(db, worksiteId);
  const columns: NonNullable<WorksiteDocumentData['sheet']>['columns'] = [];
  for (let day = 0; day < 6; day++) {
    const date = addDays(monday, day);
    for (const halfDay of ['morning', 'afternoon'] as const) {
      const session = sessions.find((s) => s.date === date && s.halfDay === halfDay);
      const inPattern =
        slots.some((s) => s.weekday === weekdayOf(date) && s.halfDay === halfDay) &&
        date >= w.startDate &&
        date <= endDate;
      const [start, end] = session ? [session.startMinutes, session.endMinutes] : times[halfDay];
      const at = { date, halfDay, start: minutesToTime(start), end: minutesToTime(end) };
      if (session)
        columns.push({
          ...at,
          state: session.cancelledReason ? 'cancelled' : 'session',
          label: session.cancelledReason,
        });
      else if (inPattern && holidays.has(date)) columns.push({ ...at, state: 'holiday', label: holidays.get(date)! });
      else if (inPattern && closures.has(date)) columns.push({ ...at, state: 'closed', label: closures.get(date)! });
    }
  }
  if (columns.length === 0)
    throw new AppError('CONFLICT', 'Ce chantier n’a pas de demi-journée cette semaine-là.', { field: 'weekOf' });
  const weekSessions = columns.map((c) =>
    sessions.find((s) => s.date === c.date && s.halfDay === c.halfDay && c.state === 'session'),
  );
  const ids = weekSessions.flatMap((s) => (s ? [s.id] : []));
  const marks = await marksOfSessions(db, ids);
  const rows = people
    .filter((p) => p.startDate <= saturday && (p.earlyEndDate ?? p.endDate) >= monday)
    .map((p) => {
      const open = columns.map(
        (c) => c.state === 'session' && c.date >= p.startDate && c.date <= (p.earlyEndDate ?? p.endDate),
      );
      const cells: SheetCell[] = columns.map((c, i) => {
        const session = weekSessions[i];
        const mark = session && marks.find((m) => m.sessionId === session.id && m.participationId === p.id);
        return {
          date: c.date,
          startMinutes: timeToMinutes(c.start),
          endMinutes: timeToMinutes(c.end),
          cancelled: null,
          open: open[i]!,
          mark: mark
            ? { mark: mark.mark, actualStart: mark.actualStart, actualEnd: mark.actualEnd, paid: mark.paid }
            : null,
        };
      });
      return {
        name: `${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstNames}`,
        open,
        totals: personWeekTotals(cells),
      };
    });
  const funders = await fundersOfWorksite(db, worksiteId);
  const funding = {
    operationReference: w.operationReference,
    funders: await Promise.all(
      funders.map(async (f) => ({
        name: f.name,
        logo: await storedLogo(filesDir, f.logoFile),
        mention: f.fundingMention,
      })),
    ),
  };
  return { ...base, weekOf: monday, sheet: { columns, rows, totals: weekTotals(rows.map((r) => r.totals)) }, funding };
}
