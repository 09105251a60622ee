import { madeBeforeTheFacts } from '../../domain/document-guards';
import { EmploymentContract } from '../templates/employment-contract';
import { participationKind } from './kind';

export const contratTravail = participationKind('contrat_travail', {
  collect: async () => ({}),
  template: EmploymentContract,
  guard: madeBeforeTheFacts,
  datedBy: 'start',
  // The parties initial every page of what they sign.
  initialled: true,
});
