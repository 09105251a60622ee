import * as repo from '../../db/repositories/attendance';
import { findParticipation, listSessions, listSlots } from '../../db/repositories/worksites';
import { findPerson } from '../../db/repositories/people';
import { computeHours, type HoursWarning } from '../../domain/attendance';
import { holidayOptions, holidaysBetween, type HolidayRegion } from '../../domain/holidays';
import { weekOf } from '../../domain/hours';
import { PAID_BY_DEFAULT, type CancelKind, type Mark } from '../../shared/contract/attendance-codes';
import type { HoursRow } from '../../shared/contract/attendance';
import { addDays, formatFrenchDate, weekdayOf } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { formatDuration, minutesToTime, timeToMinutes } from '../../shared/time';
import type { HandlerContext, HandlerMap } from '../handler';
import { annexTimeView, load } from './worksite-view';

const cancelKindOf = (s: { cancelledReason: string | null; cancelKind: string | null }): CancelKind | null =>
  s.cancelledReason === null ? null : ((s.cancelKind as CancelKind | null) ?? 'structure');

function warningText(w: HoursWarning, weeklyMinutes: number): string {
  const date = formatFrenchDate(w.date);
  if (w.kind === 'complementary') {
    return `Semaine du ${date} : ${formatDuration(w.minutes)} d'heures complémentaires, au-delà du dixième du contrat (${formatDuration(Math.floor(weeklyMinutes / 10))}).`;
  }
  if (w.kind === 'week') return `Semaine du ${date} : ${formatDuration(w.minutes)} de travail, au-delà de 48 h.`;
  return `Le ${date} : ${formatDuration(w.minutes)} de travail, au-delà de 10 h dans la journée.`;
}

interface ParticipationOfHours {
  id: number;
  personId: number;
  name: string;
  worksiteId: number;
  worksiteName: string;
  startDate: string;
  end: string;
  weeklyMinutes: number;
}

/** Hours of each participation, from its worksite's half-days, its marks, annex times and the holidays of the pattern. */
async function hoursOf(ctx: HandlerContext, participations: ParticipationOfHours[]): Promise<HoursRow[]> {
  const structure = await ctx.db.selectFrom('structure').select(['holidayRegion', 'whitMondayWorked', 'forceMajeurePaid']).executeTakeFirstOrThrow();
  const options = holidayOptions(structure.holidayRegion as HolidayRegion, structure.whitMondayWorked === 1);
  const ids = participations.map((p) => p.id);
  const marks = await repo.marksOf(ctx.db, ids);
  const annexes = await repo.annexTimesOf(ctx.db, ids);
  const worksiteCache = new Map<number, { sessions: Awaited<ReturnType<typeof listSessions>>; minutesByWeekday: Map<number, number> }>();
  const rows: HoursRow[] = [];
  for (const p of participations) {
    let site = worksiteCache.get(p.worksiteId);
    if (!site) {
      const w = await ctx.db.selectFrom('worksites').selectAll().where('id', '=', p.worksiteId).executeTakeFirstOrThrow();
      const minutesByWeekday = new Map<number, number>();
      for (const slot of await listSlots(ctx.db, p.worksiteId)) {
        const length = slot.halfDay === 'morning' ? w.morningEnd - w.morningStart : w.afternoonEnd - w.afternoonStart;
        minutesByWeekday.set(slot.weekday, (minutesByWeekday.get(slot.weekday) ?? 0) + length);
      }
      site = { sessions: await listSessions(ctx.db, p.worksiteId), minutesByWeekday };
      worksiteCache.set(p.worksiteId, site);
    }
    const mine = new Map(marks.filter((m) => m.participationId === p.id).map((m) => [m.sessionId, m]));
    const holidaysOnPattern = [...holidaysBetween(p.startDate, p.end, options)]
      .filter(([date]) => site.minutesByWeekday.has(weekdayOf(date)))
      .map(([date, label]) => ({ date, label, minutes: site.minutesByWeekday.get(weekdayOf(date))! }));
    const summary = computeHours(
      {
        contract: { start: p.startDate, end: p.end, weeklyMinutes: p.weeklyMinutes },
        halfDays: site.sessions.map((s) => {
          const m = mine.get(s.id);
          return {
            date: s.date,
            startMinutes: s.startMinutes,
            endMinutes: s.endMinutes,
            cancelled: cancelKindOf(s),
            mark: m ? { mark: m.mark as Mark, actualStart: m.actualStart, actualEnd: m.actualEnd, paid: m.paid === 1 } : null,
          };
        }),
        annexTimes: annexes
          .filter((a) => a.participationId === p.id)
          .map((a) => ({ date: a.date, minutes: a.endMinutes - a.startMinutes, paid: a.paid === 1, done: a.done === null ? null : a.done === 1 })),
        holidaysOnPattern,
        forceMajeurePaid: structure.forceMajeurePaid === 1,
      },
      ctx.today,
    );
    rows.push({
      participationId: p.id,
      personId: p.personId,
      name: p.name,
      worksiteId: p.worksiteId,
      worksiteName: p.worksiteName,
      planned: summary.planned,
      worked: summary.worked,
      paid: summary.paid,
      complementary: summary.weeks.reduce((sum, w) => sum + w.complementary, 0),
      attended: summary.attended,
      held: summary.held,
      warnings: summary.warnings.map((w) => warningText(w, p.weeklyMinutes)),
      weeks: summary.weeks.map(({ weekOf, planned, worked, paid, complementary }) => ({ weekOf, planned, worked, paid, complementary })),
      months: summary.months,
    });
  }
  return rows;
}

function participationsQuery(ctx: HandlerContext) {
  return ctx.db
    .selectFrom('participations as pa')
    .innerJoin('persons as p', 'p.id', 'pa.personId')
    .innerJoin('worksites as w', 'w.id', 'pa.worksiteId')
    .select(['pa.id', 'pa.personId', 'p.firstNames', 'p.lastName', 'pa.worksiteId', 'w.name as worksiteName', 'pa.startDate', 'pa.endDate', 'pa.earlyEndDate', 'pa.weeklyMinutes'])
    .orderBy('p.searchKey')
    .orderBy('pa.startDate');
}

export const attendanceHandlers: HandlerMap<'attendance/week' | 'attendance/save' | 'attendance/markAnnexTime' | 'attendance/hours'> = {
  'attendance/week': async ({ worksiteId, weekOf: requested }, ctx) => {
    const worksite = await load(ctx, worksiteId);
    const monday = weekOf(requested);
    const sunday = addDays(monday, 6);
    const sessions = await repo.sessionsBetween(ctx.db, worksiteId, monday, sunday);
    const participations = await repo.participationsBetween(ctx.db, worksiteId, monday, sunday);
    const ids = participations.map((p) => p.id);
    const sessionIds = new Set(sessions.map((s) => s.id));
    const structure = await ctx.db.selectFrom('structure').select(['holidayRegion', 'whitMondayWorked']).executeTakeFirstOrThrow();
    const holidays = holidaysBetween(monday, sunday, holidayOptions(structure.holidayRegion as HolidayRegion, structure.whitMondayWorked === 1));
    return {
      worksiteId,
      worksiteName: worksite.name,
      weekOf: monday,
      sessions: sessions.map((s) => ({
        id: s.id,
        date: s.date,
        halfDay: s.halfDay as 'morning' | 'afternoon',
        start: minutesToTime(s.startMinutes),
        end: minutesToTime(s.endMinutes),
        cancelled: cancelKindOf(s),
        cancelledReason: s.cancelledReason,
      })),
      participants: participations.map((p) => ({
        participationId: p.id,
        personId: p.personId,
        name: `${p.firstNames} ${p.lastName}`,
        start: p.startDate,
        end: p.earlyEndDate ?? p.endDate,
      })),
      marks: (await repo.marksOf(ctx.db, ids))
        .filter((m) => sessionIds.has(m.sessionId))
        .map((m) => ({
          sessionId: m.sessionId,
          participationId: m.participationId,
          mark: m.mark as Mark,
          actualStart: m.actualStart === null ? null : minutesToTime(m.actualStart),
          actualEnd: m.actualEnd === null ? null : minutesToTime(m.actualEnd),
          paid: m.paid === 1,
          proofReceived: m.proofReceived === 1,
          proofDate: m.proofDate,
        })),
      annexTimes: (await repo.annexTimesOf(ctx.db, ids))
        .filter((a) => a.date >= monday && a.date <= sunday)
        .map((a) => annexTimeView(a, ctx)),
      holidays: [...holidays].map(([date, label]) => ({ date, label })),
    };
  },

  'attendance/save': async ({ worksiteId, entries }, ctx) => {
    await load(ctx, worksiteId);
    const sessions = new Map((await listSessions(ctx.db, worksiteId)).map((s) => [s.id, s]));
    const participations = new Map<number, NonNullable<Awaited<ReturnType<typeof findParticipation>>>>();
    for (const [index, entry] of entries.entries()) {
      const where = { field: `entries.${index}` };
      const session = sessions.get(entry.sessionId);
      if (!session) throw new AppError('NOT_FOUND', "Cette demi-journée n'appartient pas à ce chantier.", where);
      let participation = participations.get(entry.participationId);
      if (!participation) {
        participation = await findParticipation(ctx.db, entry.participationId);
        if (!participation || participation.worksiteId !== worksiteId) throw new AppError('NOT_FOUND', 'Cette personne ne participe pas à ce chantier.', where);
        participations.set(participation.id, participation);
      }
      const day = formatFrenchDate(session.date);
      if (session.date < participation.startDate || session.date > (participation.earlyEndDate ?? participation.endDate)) {
        throw new AppError('INVALID_INPUT', `Le ${day} est en dehors du contrat de cette personne.`, where);
      }
      if (entry.mark === null) {
        await repo.clearMark(ctx.db, entry.sessionId, entry.participationId);
        continue;
      }
      if (session.cancelledReason !== null) throw new AppError('CONFLICT', `La demi-journée du ${day} est annulée : rien à émarger.`, where);
      const { mark } = entry;
      const toMinutes = (time: string | null) => (time === null ? null : timeToMinutes(time));
      const actualStart = mark.mark === 'retard' ? toMinutes(mark.actualStart) : null;
      const actualEnd = mark.mark === 'retard' ? toMinutes(mark.actualEnd) : null;
      for (const t of [actualStart, actualEnd]) {
        if (t !== null && (t < session.startMinutes || t > session.endMinutes)) {
          throw new AppError('INVALID_INPUT', `Les heures réelles du ${day} sont à choisir entre ${minutesToTime(session.startMinutes)} et ${minutesToTime(session.endMinutes)}.`, where);
        }
      }
      const presence = mark.mark === 'present' || mark.mark === 'retard';
      await repo.saveMark(
        ctx.db,
        {
          sessionId: entry.sessionId,
          participationId: entry.participationId,
          mark: mark.mark,
          actualStart,
          actualEnd,
          paid: presence ? true : (mark.paid ?? PAID_BY_DEFAULT[mark.mark]),
          proofReceived: presence ? false : mark.proofReceived,
          proofDate: presence ? null : mark.proofDate,
        },
        ctx.session.user?.id ?? null,
        ctx.now,
      );
      ctx.record(`participation:${entry.participationId}`);
    }
    ctx.record(`worksite:${worksiteId}`);
    return { saved: entries.length };
  },

  'attendance/markAnnexTime': async ({ annexTimeId, done }, ctx) => {
    const annex = await ctx.db.selectFrom('annexTimes').select(['id', 'participationId']).where('id', '=', annexTimeId).executeTakeFirst();
    const participation = annex ? await findParticipation(ctx.db, annex.participationId) : undefined;
    if (!annex || !participation) throw new AppError('NOT_FOUND', 'Ce temps annexe est introuvable.');
    await load(ctx, participation.worksiteId);
    await repo.setAnnexDone(ctx.db, annexTimeId, done);
    ctx.record(`annexTime:${annexTimeId}`);
    return { done };
  },

  'attendance/hours': async ({ worksiteId, personId }, ctx) => {
    let query = participationsQuery(ctx);
    if (worksiteId !== undefined) {
      await load(ctx, worksiteId);
      query = query.where('pa.worksiteId', '=', worksiteId);
    } else {
      const person = await findPerson(ctx.db, personId!, { kind: ctx.scope, userId: ctx.session.user?.id ?? null });
      if (!person) throw new AppError('NOT_FOUND', "Cette personne est introuvable, ou son dossier ne vous est pas accessible.");
      query = query.where('pa.personId', '=', personId!);
    }
    const rows = await hoursOf(
      ctx,
      (await query.execute()).map((p) => ({
        id: p.id,
        personId: p.personId,
        name: `${p.firstNames} ${p.lastName}`,
        worksiteId: p.worksiteId,
        worksiteName: p.worksiteName,
        startDate: p.startDate,
        end: p.earlyEndDate ?? p.endDate,
        weeklyMinutes: p.weeklyMinutes,
      })),
    );
    const total = (key: 'planned' | 'worked' | 'paid' | 'complementary' | 'attended' | 'held') => rows.reduce((sum, r) => sum + r[key], 0);
    return {
      rows,
      totals: { planned: total('planned'), worked: total('worked'), paid: total('paid'), complementary: total('complementary'), attended: total('attended'), held: total('held') },
    };
  },
};
