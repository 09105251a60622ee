import { competencesGuard } from '../../domain/document-guards';
import { AttestationCompetences } from '../templates/attestation-competences';
import { bilanExtras } from './bilan-individuel';
import { participationKind } from './kind';

export const attestationCompetences = participationKind('attestation_competences', {
  collect: bilanExtras,
  template: AttestationCompetences,
  guard: competencesGuard,
  datedBy: 'end',
});
