import * as repo from '../../db/repositories/settings';
import { AppError } from '../../shared/errors';
import { formatFrenchDate } from '../../shared/dates';
import type { HandlerMap } from '../handler';
import { assertLogoStored } from './settings';

export const setupHandlers: HandlerMap<'setup/status' | 'setup/complete'> = {
  'setup/status': async (_input, { db }) => {
    const found = await repo.findStructure(db);
    return { completed: found !== null, structureName: found?.structure.name ?? null };
  },

  'setup/complete': async (input, { db, services, now }) => {
    if (await repo.findStructure(db)) {
      throw new AppError('CONFLICT', 'Passerelle est déjà configurée. Modifiez les informations dans Paramètres.');
    }
    assertLogoStored(services.paths.filesDir, input.logoFile);
    const seen = new Set<string>();
    for (const [index, rate] of input.wageRates.entries()) {
      if (seen.has(rate.effectiveFrom)) {
        throw new AppError('INVALID_INPUT', `Deux taux du SMIC commencent le ${formatFrenchDate(rate.effectiveFrom)}.`, {
          field: `wageRates.${index}.effectiveFrom`,
        });
      }
      seen.add(rate.effectiveFrom);
    }
    await repo.insertStructure(db, { ...input.structure, logoFile: input.logoFile }, input.hours, now);
    for (const employer of input.employers) await repo.insertEmployer(db, employer, now);
    for (const rate of input.wageRates) await repo.insertWageRate(db, rate.effectiveFrom, rate.hourlyCents, now);
    return { completed: true as const };
  },
};
