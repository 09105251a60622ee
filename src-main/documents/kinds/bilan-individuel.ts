import { bilanOf } from '../../app/read-models/bilans';
import type { HandlerContext } from '../../app/handler';
import { bilanGuard } from '../../domain/document-guards';
import { BilanIndividuel } from '../templates/bilan-individuel';
import { participationKind } from './kind';

/** The bilan's figures and words, as the bilan screen shows them (never the psychologist's notes: the bilans feature does not read them). */
export const bilanExtras = async (ctx: HandlerContext, participationId: number) => ({
  bilan: await bilanOf(ctx, participationId),
});

export const bilanIndividuel = participationKind('bilan_individuel', {
  collect: bilanExtras,
  template: BilanIndividuel,
  guard: bilanGuard,
  datedBy: 'end',
});
