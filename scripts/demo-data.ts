import type { SetupInput } from '../src-main/shared/contract/setup';

/** The demo administrator's password, printed by `npm run demo`. */
export const DEMO_PASSWORD = 'Démo-Goémon-Marée-2026';

/** A clearly fictional structure (Kerbrénou does not exist) for demos and fixtures. */
export function demoSetup(): SetupInput {
  return {
    structure: {
      name: 'CCAS de Kerbrénou',
      address: '2 rue de la Mairie',
      postcode: '29200',
      town: 'Kerbrénou',
      siret: '26290019700019',
      phone: '02 98 00 00 00',
      email: 'accueil@ccas-kerbrenou.example',
      signatoryName: 'Élodie Le Gall',
      signatoryTitle: 'La Présidente du CCAS',
    },
    logoFile: null,
    hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
    employers: [
      {
        name: 'Relais Emploi Iroise (démo)',
        kind: 'association_intermediaire',
        address: '14 quai du Port',
        postcode: '29200',
        town: 'Kerbrénou',
        siret: '44306184100047',
        collectiveAgreement: 'aucune',
        pensionFund: 'Caisse de retraite fictive',
        pensionFundAddress: '1 rue de l’Exemple, 29200 Kerbrénou',
        providentBody: 'Prévoyance fictive',
        providentBodyAddress: '2 rue de l’Exemple, 29200 Kerbrénou',
        hourlyPriceCents: 1950,
        payrollEmail: 'paie@relais-iroise.example',
        signatoryName: 'Jean N’Diaye',
        signatoryTitle: 'Le Directeur',
      },
      {
        name: 'CCAS de Kerbrénou — atelier et chantier d’insertion',
        kind: 'ccas',
        address: '2 rue de la Mairie',
        postcode: '29200',
        town: 'Kerbrénou',
        siret: '26290019700019',
        collectiveAgreement: '3016',
        pensionFund: 'IRCANTEC',
        pensionFundAddress: '24 rue Louis Gain, 49939 Angers Cedex 9',
        providentBody: '',
        payrollEmail: 'rh@ccas-kerbrenou.example',
        signatoryName: 'Élodie Le Gall',
        signatoryTitle: 'La Présidente du CCAS',
      },
    ],
    administrator: { displayName: 'Élodie Le Gall', password: DEMO_PASSWORD },
    wageRates: [
      { effectiveFrom: '2024-11-01', hourlyCents: 1188 },
      { effectiveFrom: '2026-01-01', hourlyCents: 1202 },
    ],
  };
}
