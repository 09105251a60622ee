import * as repo from '../../db/repositories/evaluations';
import type { HandlerMap } from '../handler';
import { bilanOf, worksiteBilanOf } from '../read-models/bilans';
import { followed } from '../read-models/evaluations';
import { assertWorksiteInScope } from '../read-models/worksite-access';

export const bilansHandlers: HandlerMap<'bilans/get' | 'bilans/save' | 'bilans/worksite' | 'bilans/saveWorksite'> = {
  'bilans/get': async ({ participationId }, ctx) => bilanOf(ctx, participationId),

  'bilans/save': async ({ participationId, bilan }, ctx) => {
    await followed(ctx, participationId);
    await repo.saveBilan(ctx.db, participationId, bilan, ctx.now);
    ctx.record(`participation:${participationId}`);
    return bilanOf(ctx, participationId);
  },

  'bilans/worksite': async ({ worksiteId }, ctx) => worksiteBilanOf(ctx, worksiteId),

  'bilans/saveWorksite': async ({ worksiteId, bilan }, ctx) => {
    await assertWorksiteInScope(ctx, worksiteId);
    await repo.saveWorksiteBilan(ctx.db, worksiteId, bilan, ctx.now);
    ctx.record(`worksite:${worksiteId}`);
    return worksiteBilanOf(ctx, worksiteId);
  },
};
