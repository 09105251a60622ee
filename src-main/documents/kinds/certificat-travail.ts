import { certificateGuard } from '../../domain/document-guards';
import { Certificate } from '../templates/certificate';
import { participationKind } from './kind';

export const certificatTravail = participationKind('certificat_travail', {
  collect: async () => ({}),
  template: Certificate,
  guard: certificateGuard,
  datedBy: 'end',
});
