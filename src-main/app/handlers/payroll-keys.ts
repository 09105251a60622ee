import * as repo from '../../db/repositories/payroll';
import { findEmployer } from '../../db/repositories/settings';
import { duplicateCode, duplicateCodeMessage, PAY_ITEM_DEFAULTS } from '../../shared/contract/pay-items';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { payItemCodes } from '../read-models/payroll-codes';
import type { ReadableDb } from '../../db/access';

async function employerOrFail(db: ReadableDb, employerId: number) {
  const employer = await findEmployer(db, employerId);
  if (!employer) throw new AppError('NOT_FOUND', 'Cet employeur n’existe pas.', { field: 'employerId' });
  return employer;
}

export const payrollKeyHandlers: HandlerMap<
  'payroll/matricules' | 'payroll/setMatricule' | 'payroll/payItemCodes' | 'payroll/setPayItemCodes'
> = {
  'payroll/matricules': async ({ personId }, ctx) => repo.matriculesOf(ctx.db, personId),

  'payroll/setMatricule': async ({ personId, employerId, matricule }, ctx) => {
    const employer = await employerOrFail(ctx.db, employerId);
    const worked = (await repo.matriculesOf(ctx.db, personId)).some((m) => m.employerId === employerId);
    if (!worked)
      throw new AppError(
        'CONFLICT',
        `Cette personne n’a pas de contrat avec ${employer.name} : le matricule se saisit pour un employeur du contrat.`,
        { field: 'employerId' },
      );
    const holder = matricule ? await repo.matriculeHolder(ctx.db, employerId, matricule) : undefined;
    if (holder && holder.personId !== personId) {
      throw new AppError(
        'CONFLICT',
        `Le matricule ${matricule} est déjà celui d’une autre personne chez ${employer.name}.`,
        { field: 'matricule' },
      );
    }
    await repo.setMatricule(ctx.db, personId, employerId, matricule || null);
    ctx.record(`person:${personId}`);
    return repo.matriculesOf(ctx.db, personId);
  },

  'payroll/payItemCodes': async ({ employerId }, ctx) => {
    await employerOrFail(ctx.db, employerId);
    return payItemCodes(ctx.db, employerId);
  },

  'payroll/setPayItemCodes': async ({ employerId, codes }, ctx) => {
    await employerOrFail(ctx.db, employerId);
    for (const { item, code } of codes)
      await repo.setPayItemCode(
        ctx.db,
        employerId,
        item,
        code !== null && code !== PAY_ITEM_DEFAULTS[item].code ? code : null,
      );
    // Unique over what the employer will use: the codes typed and the defaults kept.
    const effective = await payItemCodes(ctx.db, employerId);
    const duplicate = duplicateCode(effective);
    if (duplicate) {
      const index = codes.findIndex((c) => c.item === duplicate.item || c.item === duplicate.other);
      throw new AppError('CONFLICT', duplicateCodeMessage(duplicate), {
        field: index >= 0 ? `codes.${index}.code` : 'codes',
      });
    }
    ctx.record(`employer:${employerId}`);
    return payItemCodes(ctx.db, employerId);
  },
};
