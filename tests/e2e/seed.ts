import { dispatch } from '../../src-main/app/dispatch';
import type { Services } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import { mespWorksiteInput } from './inputs';

export { MESP_CONTRACT } from './inputs';

/** Calls the core as the signed-in administrator would through the screens. */
export function caller(services: Services, admin: Session) {
  return async (method: string, input: unknown): Promise<any> => {
    const result = await dispatch(services, method, input, admin);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
}

/** People admitted through the core, as the coordinator would have done on their records. */
export async function admitPeople(services: Services, admin: Session, names: readonly string[]): Promise<string[]> {
  const call = caller(services, admin);
  for (const [i, firstNames] of names.entries()) {
    const { id } = await call('people/create', {
      person: {
        civility: i % 2 ? 'monsieur' : 'madame',
        lastName: 'Participant',
        birthName: '',
        firstNames,
        birthDate: `198${i}-02-0${i + 1}`,
        sex: i % 2 ? 'M' : 'F',
        address: `${i + 3} rue des Ajoncs`,
        postcode: '29200',
        town: 'Brest',
        priorityArea: 'inconnu',
        phone: '',
        email: '',
        emergencyContact: '',
        nir: '',
        prescriberId: null,
        referentId: null,
      },
      situation: {
        observedOn: '2026-02-01',
        resources: 'rsa',
        rsaMonths: null,
        franceTravailSince: null,
        educationLevel: '3',
        rqth: 'non',
        housing: '',
        drivingLicence: false,
        vehicle: false,
        publicTransport: true,
      },
    });
    const journeyId = (await call('people/openJourney', { personId: id, openedOn: '2026-02-02' })).journeys[0].id;
    for (const status of ['candidature', 'entretien', 'admise'])
      await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' });
  }
  return names.map((n) => `${n} Participant`);
}

/** "Menuiserie du port": a 4-week MESP from Monday 4 May 2026 (or another Monday), Monday–Thursday mornings, its half-days generated. */
export async function mespWorksite(
  services: Services,
  admin: Session,
  supervisorId: number | null = null,
  startDate = '2026-05-04',
) {
  const call = caller(services, admin);
  const worksite = await call('worksites/save', { worksite: mespWorksiteInput(supervisorId, startDate) });
  await call('worksites/generateSessions', { id: worksite.id, makeUps: [] });
  return worksite.id as number;
}

/**
 * An FSE+ operation of the Conseil départemental over `year`, with six
 * participants recorded through the data capture's methods (entry, exit,
 * six months), sensitive items answered by the administrator: three women and
 * three men entering in the year, two leaving in June in employment, one
 * observed six months later; one refuses to say whether she has a disability.
 */
export async function fseOperation(services: Services, admin: Session, year: number): Promise<number> {
  const call = caller(services, admin);
  const funder = await call('funders/save', {
    funder: { name: 'Conseil départemental', logoFile: null, fundingMention: '' },
  });
  const { id: operationId } = await call('fse/saveOperation', {
    operation: {
      name: 'Chantiers d’insertion FSE+',
      funderId: funder.id,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
    },
  });
  const names = ['Maïwenn', 'Goulven', 'Nolwenn', 'Tanguy', 'Rozenn', 'Erwan'];
  await admitPeople(services, admin, names);
  const people = (await call('people/search', { status: 'admise' })).rows as { id: number; firstNames: string }[];
  for (const [i, firstNames] of names.entries()) {
    const personId = people.find((p) => p.firstNames === firstNames)!.id;
    await call('fse/saveEntry', {
      personId,
      operationId,
      entry: {
        enteredOn: `${year}-0${i + 2}-03`,
        labourStatus: i < 4 ? 'chomeur_longue_duree' : 'inactif',
        educationLevel: i % 3 === 0 ? 'infra3' : '3',
        disability: i === 2 ? 'refus' : i === 1 ? 'oui' : 'non',
        thirdCountryNational: 'non',
        foreignBackground: 'non',
        minority: 'non',
        homelessOrHousingExclusion: i === 5,
        ruralArea: i < 2,
      },
    });
    if (i < 2) {
      await call('fse/saveExit', {
        personId,
        operationId,
        exit: {
          leftOn: `${year}-06-30`,
          seekingWork: false,
          inEducationOrTraining: false,
          gainedQualification: true,
          inEmployment: true,
        },
      });
    }
    if (i === 0) {
      await call('fse/saveSixMonths', {
        personId,
        operationId,
        sixMonths: { observedOn: `${year}-12-30`, inEmployment: true, improvedSituation: true },
      });
    }
  }
  return operationId;
}

/**
 * Links an existing social worker's account to her card in the directory, under the CCAS's social
 * service, as the administrator does in Paramètres › Comptes; returns the card (its id is the referent).
 */
export async function socialWorkerCard(
  services: Services,
  admin: Session,
  displayName: string,
): Promise<{ id: number }> {
  const call = caller(services, admin);
  const account = (await call('users/list', {})).find((u: { displayName: string }) => u.displayName === displayName);
  const [firstName, ...rest] = displayName.split(' ');
  const service = await call('contacts/saveOrganisation', {
    organisation: { name: 'Service social du CCAS', kind: 'prescripteur', address: '', phone: '', email: '' },
  });
  return call('contacts/saveContact', {
    contact: {
      organisationId: service.id,
      firstName,
      lastName: rest.join(' '),
      service: '',
      phone: '',
      email: '',
      userId: account.id,
      leftOn: null,
    },
  });
}
