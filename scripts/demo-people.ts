/**
 * About forty clearly fictional people across every step of the parcours,
 * created through the same RPC methods as the screens.
 */
import { dispatch } from '../src-main/app/dispatch';
import type { Services } from '../src-main/app/services';
import type { Session } from '../src-main/app/session';
import type { Method, MethodInput, MethodOutput } from '../src-main/shared/contract';

const LAST_NAMES = [
  'Le Gall',
  'Kerhervé',
  'Lefèvre',
  "N'Diaye",
  'Cœurdevey',
  'Martin',
  'Le Bihan',
  'Quéméner',
  'Traoré',
  'Morvan',
  'Tanguy',
  'Abgrall',
  'Guéguen',
  'Moreau',
  'Bouvier',
  'Nicolas',
  'Le Roux',
  'Jaouen',
  'Cariou',
  'Diallo',
];
const FIRST_F = ['Élodie', 'Maëlle', 'Aïcha', 'Soizic', 'Nathalie', 'Chloé', 'Fatou', 'Gwenaëlle', 'Inès', 'Laure'];
const FIRST_M = ['Jean-Pierre', 'Yann', 'Moussa', 'Kévin', 'Loïc', 'Mehdi', 'Erwan', 'Thierry', 'Bastien', 'Gaël'];
const RESOURCES = ['rsa', 'rsa', 'rsa', 'ass', 'aah', 'are', 'sans_ressources', 'salaire'] as const;
const LEVELS = ['infra3', 'infra3', '3', '3', '4', '5'] as const;
const PATHS: string[][] = [
  [],
  ['candidature'],
  ['candidature', 'entretien'],
  ['candidature', 'attente'],
  ['candidature', 'entretien', 'admise'],
  ['candidature', 'entretien', 'admise', 'en_chantier'],
  ['candidature', 'entretien', 'admise', 'en_chantier', 'sortie'],
  ['candidature', 'refusee'],
];

export async function seedDemoPeople(services: Services, admin: Session) {
  const call = async <M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(services, method, input, admin);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const organisation = (name: string) =>
    call('contacts/saveOrganisation', {
      organisation: { name, kind: 'prescripteur', address: '', phone: '', email: '' },
    });
  const francTravail = await organisation('France Travail Kerbrénou (démo)');
  const missionLocale = await organisation('Mission Locale du Pays de Kerbrénou (démo)');
  const serviceSocial = await organisation('CCAS de Kerbrénou — service social (démo)');
  const referent = (organisationId: number, firstName: string, lastName: string, leftOn: string | null = null) =>
    call('contacts/saveContact', {
      contact: {
        organisationId,
        firstName,
        lastName,
        service: 'Accompagnement',
        phone: '',
        email: '',
        userId: null,
        leftOn,
      },
    });
  const referents = [
    await referent(serviceSocial.id, 'Anne', 'Morvan'),
    await referent(serviceSocial.id, 'Hervé', 'Prigent', '2026-06-30'),
    await referent(francTravail.id, 'Sophie', 'Le Floch'),
    await referent(missionLocale.id, 'Karim', 'Benali'),
  ];
  const prescribers = [serviceSocial, francTravail, missionLocale];
  /** People on a worksite or out of it: FSE+ participants of the demo operation. */
  const fseParticipants: { personId: number; i: number; left: boolean }[] = [];

  for (let i = 0; i < 40; i++) {
    const female = i % 2 === 0;
    const path = PATHS[i % PATHS.length]!;
    const { id } = await call('people/create', {
      person: {
        civility: female ? 'madame' : 'monsieur',
        lastName: LAST_NAMES[i % LAST_NAMES.length]!,
        birthName: female && i % 6 === 0 ? 'Kerouac' : '',
        firstNames: (female ? FIRST_F : FIRST_M)[(i * 7) % 10]!,
        birthDate: `${1966 + ((i * 13) % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 5) % 28)).padStart(2, '0')}`,
        sex: female ? 'F' : 'M',
        address: `${1 + i} rue des Ajoncs`,
        postcode: '29200',
        town: 'Kerbrénou',
        priorityArea: i % 3 === 0 ? 'oui' : 'non',
        phone: '',
        email: '',
        emergencyContact: '',
        nir: '',
        prescriberId: prescribers[i % 3]!.id,
        referentId: referents[i % 4]!.id,
      },
      situation: {
        observedOn: '2026-01-15',
        resources: RESOURCES[i % RESOURCES.length]!,
        rsaMonths: RESOURCES[i % RESOURCES.length] === 'rsa' ? 6 + (i % 40) : null,
        franceTravailSince: i % 4 === 0 ? null : `202${3 + (i % 3)}-0${1 + (i % 9)}-10`,
        educationLevel: LEVELS[i % LEVELS.length]!,
        rqth: i % 9 === 0 ? 'oui' : 'non',
        housing: i % 5 === 0 ? 'Hébergé·e chez un tiers' : 'Locataire',
        drivingLicence: i % 3 === 0,
        vehicle: i % 6 === 0,
        publicTransport: true,
      },
      confirmedNotDuplicate: true,
    });
    if (i % 4 === 1) {
      await call('people/saveObstacle', {
        personId: id,
        obstacle: {
          kind: (['mobilite', 'logement', 'numerique', 'confiance'] as const)[i % 4]!,
          identifiedOn: '2026-01-20',
          actions: '',
          resolvedOn: i % 8 === 1 ? '2026-03-01' : null,
        },
      });
    }
    if (i === 3) {
      // An immersion (PMSMP) in a bakery, with its bilan: discovering the trade before a project.
      const host = await call('contacts/saveOrganisation', {
        organisation: {
          name: 'Boulangerie du Port (démo)',
          kind: 'partenaire',
          address: '2 quai Est, 29200 Kerbrénou',
          phone: '',
          email: '',
        },
      });
      const day = { start: '06:00', end: '13:00', pause: 30 };
      const immersion = await call('pmsmp/save', {
        personId: id,
        immersion: {
          hostOrganisationId: host.id,
          hostActivity: 'Boulangerie-pâtisserie',
          tutorName: 'Yves Le Du',
          tutorFunction: 'Artisan boulanger',
          objective: 'decouvrir',
          trade: 'Boulanger',
          startDate: '2026-01-12',
          endDate: '2026-01-23',
          schedule: { lundi: day, mardi: day, mercredi: day, jeudi: day, vendredi: day },
          tasks: 'Peser les ingrédients, façonner, cuire et mettre en rayon',
          risks: 'Brûlures, port de charges',
          equipment: 'Chaussures de sécurité, gants anti-chaleur',
          prescriberKind: 'france_travail',
          prescriberOrganisationId: francTravail.id,
          prescriberContactId: referents[2]!.id,
          referentName: 'Anne Morvan',
          referentFunction: 'Conseillère en insertion professionnelle',
        },
      });
      await call('pmsmp/saveBilan', {
        id: immersion.id,
        bilan: {
          outcome: 'realisee',
          missedMinutes: 0,
          skillsObserved: 'Ponctualité, goût du travail manuel',
          followUp: 'Projet de CAP boulanger',
          writtenOn: '2026-01-23',
        },
      });
    }
    if (path.includes('en_chantier')) fseParticipants.push({ personId: id, i, left: path.includes('sortie') });
    if (i % PATHS.length === 0 && i > 0) continue;
    const record = await call('people/openJourney', { personId: id, openedOn: '2025-09-15' });
    const journeyId = record.journeys[0]!.id;
    for (const [index, status] of path.entries()) {
      // One step a month from October 2025: all in the past for any clock after February 2026.
      const happenedOn = index < 3 ? `2025-${10 + index}-0${1 + index}` : `2026-0${index - 2}-0${1 + index}`;
      if (status === 'sortie') {
        await call('people/recordOutcome', {
          journeyId,
          outcome: {
            category: i % 2 ? 'emploi_transition' : 'sortie_positive',
            detail: i % 2 ? 'CDD de 3 mois' : 'Entrée en ACI',
            exitedOn: happenedOn,
            afterThreeMonths: '',
            afterSixMonths: '',
          },
        });
      } else {
        await call('people/moveJourney', {
          journeyId,
          status: status as never,
          happenedOn,
          reason: status === 'refusee' ? 'Projet de formation prioritaire' : '',
        });
      }
    }
  }

  // FSE+: an operation co-funded by the EU over 2026, its participants’ entry answers, the exits, and half the
  // six-month situations (the others wait in « Suivis à 6 mois à faire »).
  const fse = await call('funders/save', {
    funder: { name: 'Union européenne — FSE+ (démo)', logoFile: null, fundingMention: '' },
  });
  const operation = await call('fse/saveOperation', {
    operation: {
      name: 'Parcours d’insertion 2026 (démo)',
      funderId: fse.id,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      worksiteIds: [],
    },
  });
  const answer = (n: number) => (['non', 'non', 'oui', 'refus'] as const)[n % 4]!;
  let exits = 0;
  for (const [k, p] of fseParticipants.entries()) {
    const key = { personId: p.personId, operationId: operation.id };
    await call('fse/saveEntry', {
      ...key,
      entry: {
        enteredOn: '2026-01-04',
        labourStatus: k % 3 === 0 ? 'chomeur_longue_duree' : k % 3 === 1 ? 'chomeur' : 'inactif',
        educationLevel: LEVELS[p.i % LEVELS.length]!,
        disability: p.i % 9 === 0 ? 'oui' : 'non',
        thirdCountryNational: answer(k),
        foreignBackground: answer(k + 1),
        minority: k % 5 === 0 ? 'refus' : 'non',
        homelessOrHousingExclusion: p.i % 5 === 0,
        ruralArea: k % 2 === 0,
      },
    });
    if (!p.left) continue;
    await call('fse/saveExit', {
      ...key,
      exit: {
        leftOn: '2026-02-05',
        seekingWork: k % 2 === 1,
        inEducationOrTraining: k % 4 === 0,
        gainedQualification: k % 3 === 0,
        inEmployment: k % 2 === 0,
      },
    });
    if (exits++ % 2 === 0)
      await call('fse/saveSixMonths', {
        ...key,
        sixMonths: { observedOn: '2026-08-10', inEmployment: true, improvedSituation: true },
      });
  }
}
