import * as repo from '../../db/repositories/attendance';
import { findParticipation, listSessions } from '../../db/repositories/worksites';
import { findPerson } from '../../db/repositories/people';
import { regularisationsOf } from '../../db/repositories/payroll';
import { guardHoursChange } from '../hours-change';
import { cancelKindOf, hoursSummaries, warningText, type ParticipationOfHours } from '../hours';
import { weekOf } from '../../domain/hours';
import { ANNEX_TIME_NOT_YET, HALF_DAY_NOT_YET, hasBegun } from '../../domain/not-yet-happened';
import { structureWallClock } from '../structure-clock';
import { PAID_BY_DEFAULT } from '../../shared/contract/attendance-codes';
import type { HoursRow } from '../../shared/contract/attendance';
import { addDays, formatFrenchDate } from '../../shared/dates';
import { AppError, type CellConflict } from '../../shared/errors';
import { mergeCell, sameCell, type CellValue } from '../../domain/cell-merge';
import { byWhomAndWhen } from '../record-versions';
import { minutesToTime, timeToMinutes } from '../../shared/time';
import type { HandlerContext, HandlerMap } from '../handler';
import { reachOf } from '../reach';
import { calendarFor } from '../read-models/calendar';
import { assertWorksiteInScope, worksiteRowInScope } from '../read-models/worksite-access';
import { annexTimeView } from '../read-models/worksite-view';

/** The hours rows of the screens: totals, periods and warnings in French. */
async function hoursOf(ctx: HandlerContext, participations: ParticipationOfHours[]): Promise<HoursRow[]> {
  const summaries = await hoursSummaries(ctx.db, ctx.today, participations);
  const ids = participations.map((p) => p.id);
  const regularisations = await regularisationsOf(ctx.db, ids);
  return participations.map((p) => {
    const summary = summaries.get(p.id)!;
    return {
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
      weeks: summary.weeks.map(({ weekOf, planned, worked, paid, complementary }) => ({
        weekOf,
        planned,
        worked,
        paid,
        complementary,
      })),
      months: summary.months,
      regularisations: regularisations
        .filter((r) => r.participationId === p.id)
        .map((r) => ({ date: r.date, paidDelta: r.paidDelta, reason: r.reason, sent: r.handoffId !== null })),
    };
  });
}

export const attendanceHandlers: HandlerMap<
  'attendance/week' | 'attendance/save' | 'attendance/markAnnexTime' | 'attendance/hours'
> = {
  'attendance/week': async ({ worksiteId, weekOf: requested }, ctx) => {
    const worksite = await worksiteRowInScope(ctx, worksiteId);
    const monday = weekOf(requested);
    const sunday = addDays(monday, 6);
    const sessions = await repo.sessionsBetween(ctx.db, worksiteId, monday, sunday);
    const participations = await repo.participationsBetween(ctx.db, worksiteId, monday, sunday, reachOf(ctx));
    const ids = participations.map((p) => p.id);
    const sessionIds = new Set(sessions.map((s) => s.id));
    const { holidays } = await calendarFor(ctx.db, monday, sunday);
    const clock = await structureWallClock(ctx.db, ctx.now);
    return {
      worksiteId,
      worksiteName: worksite.name,
      weekOf: monday,
      sessions: sessions.map((s) => ({
        id: s.id,
        date: s.date,
        halfDay: s.halfDay,
        start: minutesToTime(s.startMinutes),
        end: minutesToTime(s.endMinutes),
        cancelled: cancelKindOf(s),
        cancelledReason: s.cancelledReason,
        notYet: !hasBegun(s.date, s.startMinutes, clock),
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
          mark: m.mark,
          actualStart: m.actualStart === null ? null : minutesToTime(m.actualStart),
          actualEnd: m.actualEnd === null ? null : minutesToTime(m.actualEnd),
          paid: m.paid,
          proofReceived: m.proofReceived,
          proofDate: m.proofDate,
        })),
      annexTimes: (await repo.annexTimesOf(ctx.db, ids))
        .filter((a) => a.date >= monday && a.date <= sunday)
        .map((a) => ({ ...annexTimeView(a, ctx), notYet: !hasBegun(a.date, a.startMinutes, clock) })),
      holidays: [...holidays].map(([date, label]) => ({ date, label })),
    };
  },

  'attendance/save': async ({ worksiteId, entries, regularisation }, ctx) => {
    await assertWorksiteInScope(ctx, worksiteId);
    const sessions = new Map((await listSessions(ctx.db, worksiteId)).map((s) => [s.id, s]));
    const participations = new Map<number, NonNullable<Awaited<ReturnType<typeof findParticipation>>>>();
    const writes: (() => Promise<void>)[] = [];
    const touched: { participationId: number; first: string; last: string }[] = [];
    const conflicts: CellConflict[] = [];
    const clock = await structureWallClock(ctx.db, ctx.now);
    // Each cell merged with what is stored now (domain/cell-merge.ts): written, already there, or asked.
    const merge = async (entry: (typeof entries)[number], mine: CellValue | null, write: () => Promise<void>) => {
      if (entry.base === undefined) return void writes.push(write);
      const stored = await repo.storedCell(ctx.db, entry.sessionId, entry.participationId);
      const theirs: CellValue | null = stored
        ? {
            mark: stored.mark,
            actualStart: stored.actualStart === null ? null : minutesToTime(stored.actualStart),
            actualEnd: stored.actualEnd === null ? null : minutesToTime(stored.actualEnd),
            paid: stored.paid,
            proofReceived: stored.proofReceived,
            proofDate: stored.proofDate,
          }
        : null;
      const outcome = mergeCell<CellValue | null>(entry.base, mine, theirs, sameCell);
      if (outcome === 'mine') writes.push(write);
      else if (outcome === 'conflict')
        conflicts.push({
          sessionId: entry.sessionId,
          participationId: entry.participationId,
          changedBy: stored?.updatedByName ?? null,
          changedAt: stored?.updatedAt ?? null,
        });
    };
    for (const [index, entry] of entries.entries()) {
      const where = { field: `entries.${index}` };
      const session = sessions.get(entry.sessionId);
      if (!session) throw new AppError('NOT_FOUND', 'Cette demi-journée n’appartient pas à ce chantier.', where);
      let participation = participations.get(entry.participationId);
      if (!participation) {
        participation = await findParticipation(ctx.db, entry.participationId);
        if (!participation || participation.worksiteId !== worksiteId)
          throw new AppError('NOT_FOUND', 'Cette personne ne participe pas à ce chantier.', where);
        participations.set(participation.id, participation);
      }
      const day = formatFrenchDate(session.date);
      if (
        session.date < participation.startDate ||
        session.date > (participation.earlyEndDate ?? participation.endDate)
      ) {
        throw new AppError('INVALID_INPUT', `Le ${day} est en dehors du contrat de cette personne.`, where);
      }
      touched.push({ participationId: participation.id, first: session.date, last: session.date });
      if (entry.mark === null) {
        await merge(entry, null, () => repo.clearMark(ctx.db, entry.sessionId, entry.participationId));
        continue;
      }
      if (session.cancelledReason !== null)
        throw new AppError('CONFLICT', `La demi-journée du ${day} est annulée : rien à émarger.`, where);
      if (!hasBegun(session.date, session.startMinutes, clock)) {
        throw new AppError(
          'CONFLICT',
          `${HALF_DAY_NOT_YET} (le ${day} à ${minutesToTime(session.startMinutes)}) : elle s’émarge une fois commencée.`,
          where,
        );
      }
      const { mark } = entry;
      const toMinutes = (time: string | null) => (time === null ? null : timeToMinutes(time));
      const actualStart = mark.mark === 'retard' ? toMinutes(mark.actualStart) : null;
      const actualEnd = mark.mark === 'retard' ? toMinutes(mark.actualEnd) : null;
      for (const t of [actualStart, actualEnd]) {
        if (t !== null && (t < session.startMinutes || t > session.endMinutes)) {
          throw new AppError(
            'INVALID_INPUT',
            `Les heures réelles du ${day} sont à choisir entre ${minutesToTime(session.startMinutes)} et ${minutesToTime(session.endMinutes)}.`,
            where,
          );
        }
      }
      const presence = mark.mark === 'present' || mark.mark === 'retard';
      const values = {
        sessionId: entry.sessionId,
        participationId: entry.participationId,
        mark: mark.mark,
        actualStart,
        actualEnd,
        paid: presence ? true : (mark.paid ?? PAID_BY_DEFAULT[mark.mark]),
        proofReceived: presence ? false : mark.proofReceived,
        proofDate: presence ? null : mark.proofDate,
      };
      await merge(
        entry,
        {
          mark: values.mark,
          actualStart: actualStart === null ? null : minutesToTime(actualStart),
          actualEnd: actualEnd === null ? null : minutesToTime(actualEnd),
          paid: values.paid,
          proofReceived: values.proofReceived,
          proofDate: values.proofDate,
        },
        () => repo.saveMark(ctx.db, values, ctx.session.user?.id ?? null, ctx.now),
      );
    }
    if (conflicts.length > 0) {
      const first = conflicts[0]!;
      throw new AppError(
        'STALE',
        conflicts.length === 1
          ? `Une présence que vous avez changée a été modifiée${byWhomAndWhen(first.changedBy, first.changedAt)} depuis l’affichage de la semaine. Choisissez la valeur à garder ; rien n’est enregistré d’ici là.`
          : `${conflicts.length} présences que vous avez changées ont été modifiées par quelqu’un d’autre depuis l’affichage de la semaine. Choisissez pour chacune la valeur à garder ; rien n’est enregistré d’ici là.`,
        { conflicts },
      );
    }
    // A day of a sent month changes only with a reason, and then through a régularisation (app/hours-change.ts).
    const guard = await guardHoursChange(ctx, 'attendance', touched, { reason: regularisation?.reason ?? null });
    for (const write of writes) await write();
    await guard.settle();
    for (const id of participations.keys()) ctx.record(`participation:${id}`);
    ctx.record(`worksite:${worksiteId}`);
    return { saved: entries.length };
  },

  'attendance/markAnnexTime': async ({ annexTimeId, done, regularisation }, ctx) => {
    const annex = await repo.findAnnexTime(ctx.db, annexTimeId);
    const participation = annex ? await findParticipation(ctx.db, annex.participationId) : undefined;
    if (!annex || !participation) throw new AppError('NOT_FOUND', 'Ce temps annexe est introuvable.');
    await assertWorksiteInScope(ctx, participation.worksiteId);
    if (done !== null && !hasBegun(annex.date, annex.startMinutes, await structureWallClock(ctx.db, ctx.now))) {
      throw new AppError(
        'CONFLICT',
        `${ANNEX_TIME_NOT_YET} (le ${formatFrenchDate(annex.date)} à ${minutesToTime(annex.startMinutes)}) : il se pointe une fois commencé.`,
      );
    }
    const guard = await guardHoursChange(
      ctx,
      'attendance',
      annex.done === done ? [] : [{ participationId: participation.id, first: annex.date, last: annex.date }],
      { reason: regularisation?.reason ?? null },
    );
    await repo.setAnnexDone(ctx.db, annexTimeId, done);
    await guard.settle();
    ctx.record(`annexTime:${annexTimeId}`);
    return { done };
  },

  'attendance/hours': async ({ worksiteId, personId }, ctx) => {
    if (worksiteId !== undefined) {
      await assertWorksiteInScope(ctx, worksiteId);
    } else {
      const person = await findPerson(ctx.db, personId!, reachOf(ctx));
      if (!person)
        throw new AppError('NOT_FOUND', 'Cette personne est introuvable, ou son dossier ne vous est pas accessible.');
    }
    const of = worksiteId !== undefined ? { worksiteId } : { personId: personId! };
    const rows = await hoursOf(
      ctx,
      (await repo.participationsForHours(ctx.db, of, reachOf(ctx))).map((p) => ({
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
    const total = (key: 'planned' | 'worked' | 'paid' | 'complementary' | 'attended' | 'held') =>
      rows.reduce((sum, r) => sum + r[key], 0);
    return {
      rows,
      totals: {
        planned: total('planned'),
        worked: total('worked'),
        paid: total('paid'),
        complementary: total('complementary'),
        attended: total('attended'),
        held: total('held'),
      },
    };
  },
};
