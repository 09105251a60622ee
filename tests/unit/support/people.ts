import type { PersonInput, SituationInput } from '../../../src-main/shared/contract/people';

export function person(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    civility: 'madame',
    lastName: 'Lefèvre',
    birthName: '',
    firstNames: 'Élodie',
    birthDate: '1985-05-12',
    sex: 'F',
    address: '3 rue des Ajoncs',
    postcode: '29200',
    town: 'Brest',
    priorityArea: 'oui',
    phone: '',
    email: '',
    emergencyContact: '',
    nir: '',
    prescriberId: null,
    referentId: null,
    ...overrides,
  };
}

export function situation(overrides: Partial<SituationInput> = {}): SituationInput {
  return {
    observedOn: '2026-02-15',
    resources: 'rsa',
    rsaMonths: 30,
    franceTravailSince: '2024-01-10',
    educationLevel: '3',
    rqth: 'non',
    housing: 'Locataire HLM',
    drivingLicence: false,
    vehicle: false,
    publicTransport: true,
    ...overrides,
  };
}
