import * as repo from '../../db/repositories/evaluations';
import { AppError } from '../../shared/errors';
import { minutesToTime } from '../../shared/time';
import type { HandlerContext, HandlerMap } from '../handler';

/** The psychologist's debriefs, each with her own note and nobody else's. */
async function debriefs(ctx: HandlerContext) {
  const rows = await repo.debriefsFor(ctx.db, ctx.session.user!.id);
  for (const r of rows) ctx.record(`person:${r.personId}`);
  return rows.map((r) => ({
    annexTimeId: r.annexTimeId,
    date: r.date,
    start: minutesToTime(r.startMinutes),
    end: minutesToTime(r.endMinutes),
    done: r.done,
    personName: `${r.firstNames} ${r.lastName}`,
    worksiteName: r.worksiteName,
    note: r.note ?? '',
  }));
}

export const debriefsHandlers: HandlerMap<'debriefs/list' | 'debriefs/saveNote'> = {
  'debriefs/list': async (_input, ctx) => debriefs(ctx),

  'debriefs/saveNote': async ({ annexTimeId, note }, ctx) => {
    if (!(await repo.findDebrief(ctx.db, annexTimeId)))
      throw new AppError('NOT_FOUND', 'Cet entretien est introuvable.');
    await repo.saveNote(ctx.db, annexTimeId, ctx.session.user!.id, note, ctx.now);
    // The journal names the debrief, never the note's words.
    ctx.record(`debrief:${annexTimeId}`);
    return debriefs(ctx);
  },
};
