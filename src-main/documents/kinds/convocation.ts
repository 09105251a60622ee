import { madeBeforeTheFacts } from '../../domain/document-guards';
import { Convocation } from '../templates/convocation';
import { participationKind } from './kind';

export const convocation = participationKind('convocation', {
  collect: async () => ({}),
  template: Convocation,
  guard: madeBeforeTheFacts,
  datedBy: 'start',
});
