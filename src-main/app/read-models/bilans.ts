/**
 * The individual and the collective bilans as their screens and their
 * documents show them (documents/kinds/bilan-*.ts print the same figures).
 */
import * as repo from '../../db/repositories/evaluations';
import { skillSummary } from '../../domain/evaluations';
import { patternEnd } from '../../domain/schedule';
import type { AttendanceFigures, Bilan, WorksiteBilan } from '../../shared/contract/bilans';
import type { HandlerContext } from '../handler';
import { reachOf } from '../reach';
import { hoursSummaries, type ParticipationOfHours } from '../hours';
import { criteriaOf, evaluationsOf, followed } from './evaluations';
import { worksiteRowInScope } from './worksite-access';

/** Attendance of each participation, counted as the hours screens and the payroll count it. */
async function attendanceOf(
  ctx: HandlerContext,
  participations: ParticipationOfHours[],
): Promise<Map<number, AttendanceFigures>> {
  const summaries = await hoursSummaries(ctx.db, ctx.today, participations);
  return new Map(
    [...summaries].map(([id, s]) => [
      id,
      { held: s.held, attended: s.attended, plannedMinutes: s.planned, workedMinutes: s.worked, paidMinutes: s.paid },
    ]),
  );
}

/** Everything the individual bilan shows: figures from the records, words from the form. */
export async function bilanOf(ctx: HandlerContext, participationId: number): Promise<Bilan> {
  const f = await followed(ctx, participationId);
  const attendance = (
    await attendanceOf(ctx, [
      {
        id: f.id,
        personId: f.personId,
        name: f.view.name,
        worksiteId: f.worksiteId,
        worksiteName: f.worksiteName,
        startDate: f.startDate,
        end: f.end,
        weeklyMinutes: f.weeklyMinutes,
      },
    ])
  ).get(f.id)!;
  const evaluations = await evaluationsOf(ctx, participationId);
  const skills = (await criteriaOf(ctx, f.activity, participationId)).map((c) => ({
    criterionId: c.id,
    section: c.section,
    label: c.label,
    ...skillSummary(evaluations, c.id),
  }));
  const saved = await repo.bilanOf(ctx.db, participationId);
  return {
    participation: f.view,
    attendance,
    skills,
    obstacles: (await repo.obstaclesUntil(ctx.db, f.personId, f.end)).map((o) => ({
      kind: o.kind,
      identifiedOn: o.identifiedOn,
      resolvedOn: o.resolvedOn,
    })),
    form: {
      participantWords: saved?.participantWords ?? '',
      teamAssessment: saved?.teamAssessment ?? '',
      orientation: saved?.orientation ?? null,
      nextSteps: saved?.nextSteps ?? '',
      referentToInform: saved?.referentToInform ?? '',
      activitiesDone: saved?.activitiesDone ?? '',
    },
    updatedAt: saved?.updatedAt ?? null,
  };
}

/** The collective bilan: who took part, attendance, orientation and outcomes, what was produced. */
export async function worksiteBilanOf(ctx: HandlerContext, worksiteId: number): Promise<WorksiteBilan> {
  const w = await worksiteRowInScope(ctx, worksiteId);
  const rows = await repo.worksiteParticipants(ctx.db, worksiteId, reachOf(ctx));
  for (const r of rows) ctx.record(`person:${r.personId}`);
  const attendance = await attendanceOf(
    ctx,
    rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      name: '',
      worksiteId,
      worksiteName: w.name,
      startDate: r.startDate,
      end: r.end,
      weeklyMinutes: r.weeklyMinutes,
    })),
  );
  const saved = await repo.worksiteBilanOf(ctx.db, worksiteId);
  return {
    worksite: {
      id: w.id,
      name: w.name,
      kind: w.kind,
      activity: w.activity,
      startDate: w.startDate,
      endDate: patternEnd({ startDate: w.startDate, weeks: w.weeks, slots: [] }),
      clientName: w.clientName,
    },
    participants: rows.map((r) => ({
      participationId: r.id,
      name: `${r.firstNames} ${r.lastName}`,
      attendance: attendance.get(r.id)!,
      orientation: r.orientation ?? null,
      outcome: r.outcomeCategory ? { category: r.outcomeCategory, afterThreeMonths: r.afterThreeMonths ?? '' } : null,
    })),
    incidentsNoted: await repo.countIncidents(ctx.db, worksiteId),
    form: { production: saved?.production ?? '', incidents: saved?.incidents ?? '', comments: saved?.comments ?? '' },
  };
}
