import { madeBeforeTheFacts } from '../../domain/document-guards';
import { AppError } from '../../shared/errors';
import { PmsmpConvention } from '../templates/pmsmp';
import { personKind } from './kind';

/** Made only by `pmsmp/printConvention`, from the immersion (`madeBy`): nothing to collect from the person alone. */
export const conventionPmsmp = personKind('convention_pmsmp', {
  collect: async () => {
    throw new AppError(
      'CONFLICT',
      'Ce document s’établit depuis la fiche de la personne, section « Immersions (PMSMP) ».',
    );
  },
  template: PmsmpConvention,
  // A convention is signed before the period: it may be issued any day.
  guard: madeBeforeTheFacts,
});
