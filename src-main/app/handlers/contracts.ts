import * as contracts from '../../db/repositories/contracts';
import { findParticipation } from '../../db/repositories/worksites';
import { checkCddi, checkEarlyEnd, checkRenewal, type RuleViolation } from '../../domain/contracts';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap, WriteContext } from '../handler';
import { assertWorksiteInScope, worksiteRowInScope } from '../read-models/worksite-access';
import { worksiteView } from '../read-models/worksite-view';
import { patternEnd } from '../../domain/schedule';
import { contractEndWarning } from '../../domain/worksite-dates';
import { claimFresh } from '../record-versions';
import { guardHoursChange } from '../hours-change';
import { contractDaysChanged, type DaySpan } from '../../domain/payroll-month-changes';

/** A change of a contract's days, under the payroll months' rule (app/hours-change.ts). */
function contractChange(ctx: WriteContext, participationId: number, before: DaySpan, after: DaySpan, act: string) {
  return guardHoursChange(
    ctx,
    'contract',
    contractDaysChanged(before, after).map((span) => ({ participationId, ...span })),
    { act },
  );
}

/** The participation, once the caller is known to reach its worksite. */
async function participationOf(ctx: HandlerContext, participationId: number) {
  const participation = await findParticipation(ctx.db, participationId);
  if (!participation) throw new AppError('NOT_FOUND', 'Ce contrat est introuvable.');
  await assertWorksiteInScope(ctx, participation.worksiteId);
  return participation;
}

function refuse(violations: RuleViolation[], field: string) {
  const [first] = violations;
  if (first) throw new AppError('INVALID_INPUT', first.message, { field });
}

export const contractsHandlers: HandlerMap<
  'contracts/update' | 'contracts/renew' | 'contracts/endEarly' | 'contracts/withdrawEarlyEnd'
> = {
  'contracts/update': async ({ participationId, contract, expectedVersion }, ctx) => {
    const participation = await participationOf(ctx, participationId);
    if (participation.contractType === 'cddi') {
      refuse(
        checkCddi({
          start: participation.startDate,
          end: participation.endDate,
          weeklyMinutes: participation.weeklyMinutes,
          derogationUntil: contract.derogationUntil,
        }),
        'contract.derogationUntil',
      );
    }
    await claimFresh(ctx, 'participations', participationId, expectedVersion);
    await contracts.updateContract(ctx.db, participationId, contract, ctx.now);
    ctx.record(`participation:${participationId}`);
    return worksiteView(ctx, participation.worksiteId);
  },

  'contracts/renew': async ({ participationId, renewal, confirmWarnings }, ctx) => {
    const participation = await findParticipation(ctx.db, participationId);
    if (!participation) throw new AppError('NOT_FOUND', 'Ce contrat est introuvable.');
    const worksite = await worksiteRowInScope(ctx, participation.worksiteId);
    if (participation.earlyEndDate !== null) {
      throw new AppError(
        'CONFLICT',
        `Ce contrat a pris fin le ${formatFrenchDate(participation.earlyEndDate)} : il ne peut plus être renouvelé.`,
      );
    }
    refuse(
      checkRenewal({
        type: participation.contractType,
        start: participation.startDate,
        currentEnd: participation.endDate,
        newEnd: renewal.newEndDate,
        agreedOn: renewal.agreedOn,
        renewalsSoFar: await contracts.countRenewals(ctx.db, participationId),
        weeklyMinutes: participation.weeklyMinutes,
        derogationUntil: participation.derogationUntil,
      }),
      'renewal.newEndDate',
    );
    const warning = confirmWarnings
      ? null
      : contractEndWarning(renewal.newEndDate, {
          start: worksite.startDate,
          end: patternEnd({ startDate: worksite.startDate, weeks: worksite.weeks, slots: [] }),
        });
    if (warning) throw new AppError('CONFLICT', warning, { field: 'worksiteEnd' });
    const guard = await contractChange(
      ctx,
      participationId,
      { first: participation.startDate, last: participation.endDate },
      { first: participation.startDate, last: renewal.newEndDate },
      `Renouvellement jusqu’au ${formatFrenchDate(renewal.newEndDate)}`,
    );
    await contracts.renew(
      ctx.db,
      participationId,
      participation.endDate,
      renewal.newEndDate,
      renewal.agreedOn,
      ctx.now,
      ctx.session.user?.id ?? null,
    );
    await guard.settle();
    ctx.record(`participation:${participationId}`);
    return worksiteView(ctx, participation.worksiteId);
  },

  'contracts/endEarly': async ({ participationId, earlyEnd }, ctx) => {
    const participation = await participationOf(ctx, participationId);
    if (participation.earlyEndDate !== null) {
      throw new AppError(
        'CONFLICT',
        `Une fin anticipée au ${formatFrenchDate(participation.earlyEndDate)} est déjà enregistrée : retirez-la d’abord.`,
      );
    }
    refuse(
      checkEarlyEnd({
        type: participation.contractType,
        start: participation.startDate,
        end: participation.endDate,
        trialDays: participation.trialDays,
        date: earlyEnd.date,
        reason: earlyEnd.reason,
      }),
      'earlyEnd.date',
    );
    const guard = await contractChange(
      ctx,
      participationId,
      { first: participation.startDate, last: participation.endDate },
      { first: participation.startDate, last: earlyEnd.date },
      `Fin anticipée au ${formatFrenchDate(earlyEnd.date)}`,
    );
    await contracts.setEarlyEnd(ctx.db, participationId, earlyEnd, ctx.now, ctx.session.user?.id ?? null);
    await guard.settle();
    ctx.record(`participation:${participationId}`);
    return worksiteView(ctx, participation.worksiteId);
  },

  'contracts/withdrawEarlyEnd': async ({ participationId }, ctx) => {
    const participation = await participationOf(ctx, participationId);
    if (participation.earlyEndDate === null) throw new AppError('CONFLICT', 'Ce contrat n’a pas de fin anticipée.');
    const guard = await contractChange(
      ctx,
      participationId,
      { first: participation.startDate, last: participation.earlyEndDate },
      { first: participation.startDate, last: participation.endDate },
      `Fin anticipée au ${formatFrenchDate(participation.earlyEndDate)} retirée`,
    );
    await contracts.setEarlyEnd(ctx.db, participationId, null, ctx.now, ctx.session.user?.id ?? null);
    await guard.settle();
    ctx.record(`participation:${participationId}`);
    return worksiteView(ctx, participation.worksiteId);
  },
};
