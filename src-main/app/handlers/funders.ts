import * as repo from '../../db/repositories/funders';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { assertLogoStored } from '../read-models/logos';

/** Paramètres › Financeurs: who co-funds the worksites and what their documents must show. */
export const fundersHandlers: HandlerMap<'funders/list' | 'funders/save'> = {
  'funders/list': async ({ includeArchived }, { db }) => repo.listFunders(db, includeArchived),

  'funders/save': async ({ id, funder }, { db, services, now, record }) => {
    assertLogoStored(services.paths.filesDir, funder.logoFile, 'funder.logoFile');
    let funderId = id;
    if (funderId === undefined) {
      funderId = await repo.insertFunder(db, funder, now);
    } else {
      if (!(await repo.findFunder(db, funderId))) throw new AppError('NOT_FOUND', 'Ce financeur n’existe pas.');
      await repo.updateFunder(db, funderId, funder, now);
    }
    record(`organisation:${funderId}`);
    return (await repo.findFunder(db, funderId))!;
  },
};
