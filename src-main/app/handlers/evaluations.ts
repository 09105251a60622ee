import * as repo from '../../db/repositories/evaluations';
import { insertObstacle } from '../../db/repositories/journeys';
import { evaluationDateProblem, healthCheckProblem } from '../../domain/evaluations';
import { obstacleDatesProblem } from '../../domain/journeys';
import { readsOwnObservationsOnly } from '../permissions';
import type { EvaluationSheet, HealthCheck, Observation } from '../../shared/contract/evaluations';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';
import { criteriaOf, evaluationsOf, followed, toCriterion } from '../read-models/evaluations';

async function sheet(ctx: HandlerContext, participationId: number): Promise<EvaluationSheet> {
  const { view } = await followed(ctx, participationId);
  return {
    participation: view,
    criteria: await criteriaOf(ctx, view.activity, participationId),
    evaluations: await evaluationsOf(ctx, participationId),
  };
}

async function observations(ctx: HandlerContext, participationId: number): Promise<Observation[]> {
  // A supervisor reads back what he wrote, not what others noted about the person.
  const user = ctx.session.user!;
  const onlyMine = readsOwnObservationsOnly(user.role) ? user.id : null;
  return (await repo.observationsOf(ctx.db, participationId, onlyMine)).map((o) => ({
    id: o.id,
    observedOn: o.observedOn,
    kind: o.kind,
    text: o.text,
    authorName: o.authorName,
    obstacleId: o.obstacleId,
  }));
}

async function healthChecks(ctx: HandlerContext, participationId: number): Promise<HealthCheck[]> {
  return (await repo.healthChecksOf(ctx.db, participationId)).map((c) => ({
    id: c.id,
    kind: c.kind,
    date: c.date,
    paperReceived: c.paperReceived,
    restrictions: c.restrictions,
    inaptitude: c.inaptitude,
  }));
}

export const evaluationsHandlers: HandlerMap<
  | 'evaluations/grid'
  | 'evaluations/saveCriterion'
  | 'evaluations/get'
  | 'evaluations/save'
  | 'observations/list'
  | 'observations/add'
  | 'observations/qualify'
  | 'healthChecks/list'
  | 'healthChecks/save'
> = {
  'evaluations/grid': async (_input, ctx) => (await repo.listCriteria(ctx.db)).map(toCriterion),

  'evaluations/saveCriterion': async ({ id, criterion }, ctx) => {
    if (id === undefined) {
      await repo.insertCriterion(ctx.db, criterion, ctx.now);
    } else {
      const existing = await repo.findCriterion(ctx.db, id);
      if (!existing) throw new AppError('NOT_FOUND', 'Cette ligne de la grille est introuvable.');
      if (existing.section !== criterion.section)
        throw new AppError('INVALID_INPUT', 'Une ligne ne change pas de partie : archivez-la et créez-en une autre.', {
          field: 'criterion.section',
        });
      await repo.updateCriterion(ctx.db, id, criterion);
    }
    ctx.record(`evaluationGrid:${criterion.section}`);
    return (await repo.listCriteria(ctx.db)).map(toCriterion);
  },

  'evaluations/get': async ({ participationId }, ctx) => sheet(ctx, participationId),

  'evaluations/save': async ({ participationId, evaluation }, ctx) => {
    const { view } = await followed(ctx, participationId);
    const problem = evaluationDateProblem(evaluation.evaluatedOn, view, ctx.today);
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'evaluation.evaluatedOn' });
    const allowed = new Set((await criteriaOf(ctx, view.activity, participationId)).map((c) => c.id));
    const seen = new Set<number>();
    evaluation.items.forEach((item, index) => {
      if (!allowed.has(item.criterionId)) {
        throw new AppError('INVALID_INPUT', 'Cette ligne n’appartient pas à la grille de ce chantier.', {
          field: `evaluation.items.${index}.criterionId`,
        });
      }
      if (seen.has(item.criterionId))
        throw new AppError('INVALID_INPUT', 'Une même ligne de la grille est évaluée deux fois.', {
          field: `evaluation.items.${index}.criterionId`,
        });
      seen.add(item.criterionId);
    });
    await repo.saveEvaluation(ctx.db, participationId, evaluation, ctx.session.user?.id ?? null, ctx.now);
    ctx.record(`participation:${participationId}`);
    return sheet(ctx, participationId);
  },

  'observations/list': async ({ participationId }, ctx) => {
    await followed(ctx, participationId);
    return observations(ctx, participationId);
  },

  'observations/add': async ({ participationId, observation }, ctx) => {
    await followed(ctx, participationId);
    if (observation.observedOn > ctx.today)
      throw new AppError('INVALID_INPUT', 'La date de l’observation est dans le futur.', {
        field: 'observation.observedOn',
      });
    const id = await repo.insertObservation(
      ctx.db,
      participationId,
      observation,
      ctx.session.user?.id ?? null,
      ctx.now,
    );
    ctx.record(`observation:${id}`);
    return observations(ctx, participationId);
  },

  'observations/qualify': async ({ observationId, obstacle }, ctx) => {
    const found = await repo.findObservation(ctx.db, observationId);
    if (!found) throw new AppError('NOT_FOUND', 'Cette observation est introuvable.');
    const { personId } = await followed(ctx, found.participationId);
    if (found.obstacleId !== null) throw new AppError('CONFLICT', 'Cette observation a déjà été qualifiée en frein.');
    const problem = obstacleDatesProblem(obstacle);
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'obstacle.resolvedOn' });
    const obstacleId = await insertObstacle(ctx.db, personId, obstacle, ctx.now);
    await repo.linkObstacle(ctx.db, observationId, obstacleId);
    ctx.record(`observation:${observationId}`);
    ctx.record(`obstacle:${obstacleId}`);
    return observations(ctx, found.participationId);
  },

  'healthChecks/list': async ({ participationId }, ctx) => {
    await followed(ctx, participationId);
    return healthChecks(ctx, participationId);
  },

  'healthChecks/save': async ({ participationId, id, check }, ctx) => {
    await followed(ctx, participationId);
    const problem = healthCheckProblem(check);
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'check.inaptitude' });
    const saved = await repo.saveHealthCheck(ctx.db, participationId, id, check, ctx.now);
    if (saved === null) throw new AppError('NOT_FOUND', 'Cette visite est introuvable.');
    ctx.record(`healthCheck:${saved}`);
    return healthChecks(ctx, participationId);
  },
};
