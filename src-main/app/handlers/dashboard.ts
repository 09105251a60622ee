import * as repo from '../../db/repositories/dashboard';
import { passesEndingBetween } from '../../db/repositories/iae';
import { requestsOpen, reviewCandidates } from '../../db/repositories/rgpd';
import { PASS_WARNING_DAYS } from '../../domain/iae-eligibility';
import { firstWeekChecklist } from '../../domain/first-week';
import { dueForReview } from '../../domain/retention';
import { addDays, mondayOf } from '../../shared/dates';
import { minutesToTime } from '../../shared/time';
import type { HandlerContext, HandlerMap } from '../handler';
import type { Role } from '../../shared/contract/users';
import { scopeFor } from '../permissions';

/** PASS IAE ending within the warning delay, for those who may read them, each in her reach on `iae/get`. */
async function passIaeEnding(ctx: HandlerContext, role: Role) {
  const scope = scopeFor('iae/get', role);
  if (scope === null) return null;
  const rows = await passesEndingBetween(ctx.db, ctx.today, addDays(ctx.today, PASS_WARNING_DAYS), {
    kind: scope,
    userId: ctx.session.user?.id ?? null,
  });
  return rows.map((r) => ({ personId: r.personId, name: `${r.firstNames} ${r.lastName}`, endDate: r.end }));
}

/**
 * The home page's items, each only for a role that can act on it (the
 * permission matrix decides); a supervisor sees his own worksites only.
 */
export const dashboardHandlers: HandlerMap<'dashboard/summary' | 'dashboard/checklist'> = {
  'dashboard/checklist': async (_input, ctx) => firstWeekChecklist(await repo.checklistFacts(ctx.db), ctx.today),
  'dashboard/summary': async (_input, ctx) => {
    const role = ctx.session.user!.role;
    const supervisor = ctx.scope === 'ownWorksites' ? ctx.session.user!.id : null;
    const around = await repo.worksitesAround(ctx.db, ctx.today, supervisor);
    const sunday = addDays(mondayOf(ctx.today), 6);
    return {
      inProgress: around.filter((w) => w.startDate <= ctx.today),
      upcoming: around.filter((w) => w.startDate > ctx.today),
      sessions: (await repo.sessionsBetween(ctx.db, ctx.today, sunday, supervisor)).map((s) => ({
        worksiteId: s.worksiteId,
        worksiteName: s.worksiteName,
        date: s.date,
        start: minutesToTime(s.startMinutes),
        end: minutesToTime(s.endMinutes),
      })),
      unrecorded: scopeFor('attendance/save', role)
        ? (await repo.unrecorded(ctx.db, ctx.today, supervisor)).map((u) => ({
            ...u,
            missing: Number(u.missing),
            weekOf: mondayOf(u.date),
          }))
        : null,
      waiting: scopeFor('worksites/addParticipant', role) ? await repo.waitingCount(ctx.db, ctx.today) : null,
      contractsToPrint: scopeFor('documents/generate', role)
        ? (await repo.contractsToPrint(ctx.db, ctx.today)).map((c) => ({
            worksiteId: c.worksiteId,
            worksiteName: c.worksiteName,
            name: `${c.firstNames} ${c.lastName}`,
            startDate: c.startDate,
          }))
        : null,
      payrollToSend: scopeFor('payroll/transmit', role) ? await repo.monthsToSend(ctx.db, ctx.today) : null,
      reviewsDue: scopeFor('rgpd/reviews', role)
        ? (await reviewCandidates(ctx.db, ctx.today)).filter((c) =>
            dueForReview(ctx.today, c.lastActivity, c.retentionUntil),
          ).length
        : null,
      requestsOpen: scopeFor('rgpd/requests', role) ? await requestsOpen(ctx.db, ctx.today) : null,
      passIaeEnding: await passIaeEnding(ctx, role),
    };
  },
};
