/**
 * What the evaluations feature knows of a participation and that the bilans
 * read too: whether the caller follows it, its grid and its evaluations.
 */
import * as repo from '../../db/repositories/evaluations';
import type { Criterion, EvaluationSheet, GridSection } from '../../shared/contract/evaluations';
import type { ACTIVITIES } from '../../shared/contract/worksites';
import { AppError } from '../../shared/errors';
import type { HandlerContext } from '../handler';
import { reachOf } from '../reach';

const NOT_FOUND = 'Cette personne ne figure pas sur un chantier que vous suivez.';

/**
 * A participation the caller follows: every role of the method's scope
 * reaches only its own (the supervisor his worksites, the social worker her
 * caseload); any other answers NOT_FOUND, as if it did not exist.
 */
export async function followed(ctx: HandlerContext, participationId: number) {
  const row = await repo.findFollowed(ctx.db, participationId, reachOf(ctx));
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  // The journal names whose file was read or changed, whatever the answer shows.
  ctx.record(`person:${row.personId}`);
  return {
    ...row,
    view: {
      id: row.id,
      personId: row.personId,
      name: `${row.firstNames} ${row.lastName}`,
      worksiteId: row.worksiteId,
      worksiteName: row.worksiteName,
      activity: row.activity as (typeof ACTIVITIES)[number],
      startDate: row.startDate,
      end: row.end,
    },
  };
}

export const toCriterion = (c: Awaited<ReturnType<typeof repo.listCriteria>>[number]): Criterion => ({
  id: c.id,
  section: c.section as GridSection,
  label: c.label,
  position: c.position,
  archived: c.archived === 1,
});

export async function evaluationsOf(ctx: HandlerContext, participationId: number) {
  return (await repo.evaluationsOf(ctx.db, participationId)).map((e) => ({
    moment: e.moment as EvaluationSheet['evaluations'][number]['moment'],
    evaluator: e.evaluator as EvaluationSheet['evaluations'][number]['evaluator'],
    evaluatedOn: e.evaluatedOn,
    authorName: e.authorName,
    items: e.items.map((i) => ({ criterionId: i.criterionId, level: i.level as EvaluationSheet['evaluations'][number]['items'][number]['level'], comment: i.comment })),
  }));
}

export async function criteriaOf(ctx: HandlerContext, activity: string, participationId: number) {
  return (await repo.criteriaFor(ctx.db, activity, participationId)).map(toCriterion);
}
