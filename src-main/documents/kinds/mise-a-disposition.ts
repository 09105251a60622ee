import { madeBeforeTheFacts } from '../../domain/document-guards';
import { MiseADisposition } from '../templates/mise-a-disposition';
import { participationKind } from './kind';

export const miseADisposition = participationKind('mise_a_disposition', {
  collect: async () => ({}),
  template: MiseADisposition,
  guard: madeBeforeTheFacts,
  datedBy: 'start',
  // The parties initial every page of what they sign.
  initialled: true,
});
