import type { EmployerInput, StructureInput } from '../../../src-main/shared/contract/settings';
import type { SetupInput } from '../../../src-main/shared/contract/setup';

/** Valid Luhn SIRETs for tests (fictional). */
export const SIRET = { ccas: '26290019700019', association: '44306184100047' };

export function structure(overrides: Partial<StructureInput> = {}): StructureInput {
  return {
    name: 'CCAS de Kerbrénou',
    address: '2 rue de la Mairie',
    postcode: '29200',
    town: 'Kerbrénou',
    siret: SIRET.ccas,
    phone: '02 98 00 00 00',
    email: 'accueil@ccas-kerbrenou.fr',
    signatoryName: 'Élodie Le Gall',
    signatoryTitle: 'La Présidente du CCAS',
    ...overrides,
  };
}

export function employer(overrides: Partial<EmployerInput> = {}): EmployerInput {
  return {
    name: 'Relais Emploi Iroise',
    kind: 'association_intermediaire',
    address: '14 quai du Port',
    postcode: '29200',
    town: 'Brest',
    siret: SIRET.association,
    collectiveAgreement: 'aucune',
    pensionFund: 'AG2R La Mondiale',
    pensionFundAddress: '14-16 boulevard Malesherbes, 75008 Paris',
    providentBody: 'Humanis Prévoyance',
    providentBodyAddress: '21 rue Laffitte, 75009 Paris',
    hourlyPriceCents: 1950,
    payrollEmail: 'paie@relais-iroise.fr',
    signatoryName: 'Jean N’Diaye',
    signatoryTitle: 'Le Directeur',
    ...overrides,
  };
}

export function setupInput(overrides: Partial<SetupInput> = {}): SetupInput {
  return {
    structure: structure(),
    logoFile: null,
    hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
    employers: [employer()],
    wageRates: [
      { effectiveFrom: '2024-11-01', hourlyCents: 1188 },
      { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
    ],
    administrator: { displayName: 'Élodie Le Gall', password: 'Secrétariat-CCAS-2026' },
    ...overrides,
  };
}
