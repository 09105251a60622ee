/**
 * What the users type, shared by the browser journeys and the Electron journey
 * (data only: nothing here loads the core, which Electron's journey drives
 * through the app itself).
 */
import type { EmployerData, StructureData } from './pages/setup-wizard';

export const KERBRENOU: StructureData = {
  name: 'CCAS de Kerbrénou',
  address: '2 rue de la Mairie',
  postcode: '29200',
  town: 'Kerbrénou',
  siret: '262 900 197 00019',
  phone: '02 98 00 00 00',
  email: 'accueil@ccas-kerbrenou.fr',
  signatoryName: 'Élodie Le Gall',
  signatoryTitle: 'La Présidente du CCAS',
};

export const RELAIS_IROISE: EmployerData = {
  name: 'Relais Emploi Iroise',
  address: '14 quai du Port',
  postcode: '29200',
  town: 'Brest',
  siret: '44306184100047',
  payrollEmail: 'paie@relais-iroise.fr',
  collectiveAgreement: 'Aucune convention collective',
  pensionFund: 'AG2R La Mondiale',
  pensionFundAddress: '14-16 boulevard Malesherbes, 75008 Paris',
  providentBody: 'Humanis Prévoyance',
  providentBodyAddress: '21 rue Laffitte, 75009 Paris',
  signatoryName: 'Jean N’Diaye',
  signatoryTitle: 'Le Directeur',
};

/** The input of « Menuiserie du port », as the coordinator fills the worksite form. */
export function mespWorksiteInput(supervisorId: number | null = null, startDate = '2026-05-04') {
  return {
    name: 'Menuiserie du port',
    kind: 'mesp',
    activity: 'menuiserie',
    clientId: null,
    workAddress: 'Atelier municipal, 5 rue du Port',
    supervisorId,
    coordinatorId: null,
    employerId: 1,
    fundersIds: [],
    startDate,
    weeks: 4,
    slots: [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' })),
    capacity: 5,
    hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
    status: 'preparation',
  };
}

export const MESP_CONTRACT = {
  type: 'cdd_usage',
  startDate: '2026-05-04',
  endDate: '2026-05-31',
  position: 'Agent de menuiserie',
  hourlyCents: 1202,
  handedOn: null,
  signedOn: null,
  derogationUntil: null,
};
