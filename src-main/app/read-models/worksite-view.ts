import type { AnnexTimeRow } from '../../db/repositories/attendance';
import { HEALTH_RELATED_ANNEX_KINDS, type AnnexKind, type Worksite } from '../../shared/contract/worksites';
import * as repo from '../../db/repositories/worksites';
import { listRenewals } from '../../db/repositories/contracts';
import { immersionsOfCddiHolders } from '../../db/repositories/pmsmp';
import { suspendedDays } from '../../domain/pmsmp';
import { holidaysBetween } from '../../domain/holidays';
import { isHandOverLate } from '../../domain/contracts';
import { plannedMinutesByWeek } from '../../domain/hours';
import { patternEnd, type HalfDay } from '../../domain/schedule';
import { addDays } from '../../shared/dates';
import { formatDuration, minutesToTime } from '../../shared/time';
import type { HandlerContext } from '../handler';
import { reachOf } from '../reach';
import { seesSocialDetails } from '../permissions';
import { worksiteRowInScope } from './worksite-access';

/**
 * A medical visit or a psychologist's debrief is health-related (GDPR art. 9):
 * the encadrant sees that the time exists, not what it is.
 */
export function visibleAnnexKind(kind: AnnexKind, ctx: HandlerContext): AnnexKind {
  const social = ctx.session.user !== null && seesSocialDetails(ctx.session.user.role);
  return !social && HEALTH_RELATED_ANNEX_KINDS.includes(kind) ? 'autre' : kind;
}

/**
 * A worksite as its page shows it: pattern, sessions, participants with their
 * contracts and annex times (8 queries). For an access check alone, see
 * `assertWorksiteInScope` (worksite-access.ts).
 */
export async function worksiteView(ctx: HandlerContext, id: number): Promise<Worksite> {
  const row = await worksiteRowInScope(ctx, id);
  const slots = await repo.listSlots(ctx.db, id);
  const annexTimes = await repo.listAnnexTimes(ctx.db, id, reachOf(ctx));
  const sessions = await repo.listSessions(ctx.db, id);
  const renewals = await listRenewals(ctx.db, id, reachOf(ctx));
  const immersions = await immersionsOfCddiHolders(ctx.db, id);
  const timedSessions = sessions.map((s) => ({ ...s, cancelled: s.cancelledReason !== null }));
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    kind: row.kind,
    activity: row.activity,
    clientId: row.clientId,
    clientName: row.clientName,
    workAddress: row.workAddress,
    supervisorId: row.supervisorId,
    supervisorName: row.supervisorName,
    coordinatorId: row.coordinatorId,
    employerId: row.employerId,
    employerName: row.employerName,
    fundersIds: await repo.listFunders(ctx.db, id),
    operationReference: row.operationReference,
    startDate: row.startDate,
    weeks: row.weeks,
    endDate: patternEnd({ startDate: row.startDate, weeks: row.weeks, slots: [] }),
    slots: slots.map((s) => ({ weekday: s.weekday, halfDay: s.halfDay })),
    capacity: row.capacity,
    hours: {
      morningStart: minutesToTime(row.morningStart),
      morningEnd: minutesToTime(row.morningEnd),
      afternoonStart: minutesToTime(row.afternoonStart),
      afternoonEnd: minutesToTime(row.afternoonEnd),
    },
    status: row.status,
    participants: (await repo.listParticipants(ctx.db, id, reachOf(ctx))).map((pa) => ({
      id: pa.id,
      version: pa.version,
      personId: pa.personId,
      name: `${pa.firstNames} ${pa.lastName}`,
      contract: {
        type: pa.contractType,
        startDate: pa.startDate,
        endDate: pa.endDate,
        position: pa.position,
        hourlyCents: pa.hourlyCents,
        handedOn: pa.handedOn,
        signedOn: pa.signedOn,
        derogationUntil: pa.derogationUntil,
        classification: pa.classification,
        tasks: pa.tasks,
        particularRisk: pa.particularRisk,
        passIae: pa.passIae,
      },
      renewals: renewals
        .filter((r) => r.participationId === pa.id)
        .map((r) => ({ previousEndDate: r.previousEndDate, newEndDate: r.newEndDate, agreedOn: r.agreedOn })),
      earlyEnd: pa.earlyEndDate && pa.earlyEndReason ? { date: pa.earlyEndDate, reason: pa.earlyEndReason } : null,
      // A CDDI is suspended on the days of an immersion (dates only: the immersion itself is social data).
      suspensions:
        pa.contractType === 'cddi'
          ? immersions
              .filter((i) => i.personId === pa.personId)
              .flatMap((i) => {
                const days = suspendedDays(
                  { start: pa.startDate, end: pa.earlyEndDate ?? pa.endDate },
                  { start: i.startDate, end: i.endDate },
                );
                return days ? [days] : [];
              })
          : [],
      weeklyHours: formatDuration(pa.weeklyMinutes),
      plannedWeeks: [
        ...plannedMinutesByWeek(
          timedSessions,
          { start: pa.startDate, end: pa.earlyEndDate ?? pa.endDate },
          annexTimes.filter((a) => a.participationId === pa.id && a.paid),
        ).entries(),
      ].map(([weekOf, minutes]) => ({ weekOf, minutes })),
      trialDays: pa.trialDays,
      handOverLate: isHandOverLate(
        pa.startDate,
        pa.handedOn,
        ctx.today,
        holidaysBetween(pa.startDate, addDays(pa.startDate, 14)),
      ),
      annexTimes: annexTimes.filter((a) => a.participationId === pa.id).map((a) => annexTimeView(a, ctx)),
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      halfDay: s.halfDay,
      start: minutesToTime(s.startMinutes),
      end: minutesToTime(s.endMinutes),
      origin: s.origin,
      cancelledReason: s.cancelledReason,
    })),
  };
}

export function slotTimes(worksite: Worksite, halfDay: HalfDay) {
  const [start, end] =
    halfDay === 'morning'
      ? [worksite.hours.morningStart, worksite.hours.morningEnd]
      : [worksite.hours.afternoonStart, worksite.hours.afternoonEnd];
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { startMinutes: toMinutes(start), endMinutes: toMinutes(end) };
}

/** An annex time as screens show it; a health-related kind is hidden from those who may not know it. */
export function annexTimeView(a: AnnexTimeRow, ctx: HandlerContext) {
  return {
    id: a.id,
    participationId: a.participationId,
    kind: visibleAnnexKind(a.kind, ctx),
    date: a.date,
    start: minutesToTime(a.startMinutes),
    end: minutesToTime(a.endMinutes),
    paid: a.paid,
    done: a.done,
  };
}
