import { madeBeforeTheFacts } from '../../domain/document-guards';
import { AppError } from '../../shared/errors';
import { PmsmpBilan } from '../templates/pmsmp';
import { personKind } from './kind';

/** Made only by `pmsmp/printBilan`, once the bilan is written (`madeBy`); the handler refuses an immersion not begun. */
export const bilanPmsmp = personKind('bilan_pmsmp', {
  collect: async () => {
    throw new AppError(
      'CONFLICT',
      'Ce document s’établit depuis la fiche de la personne, section « Immersions (PMSMP) ».',
    );
  },
  template: PmsmpBilan,
  guard: madeBeforeTheFacts,
});
