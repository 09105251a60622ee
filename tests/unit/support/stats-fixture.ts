/**
 * Statistics fixtures written straight into the database (fast, and free of
 * the parcours rules the screens enforce): worksites with one held half-day,
 * people with their situation, one participation each.
 */
import type { Services } from '../../../src-main/app/services';
import type { EducationLevel, Resource, YesNoUnknown } from '../../../src-main/shared/contract/people-lists';
import type { Activity, WorksiteKind } from '../../../src-main/shared/contract/worksites';

const NOW = '2025-01-01T00:00:00.000Z';

export async function insertWorksite(
  services: Services,
  w: { name: string; kind?: WorksiteKind; activity?: Activity; startDate: string; funderId?: number },
) {
  const row = await services.db
    .insertInto('worksites')
    .values({
      name: w.name,
      kind: w.kind ?? 'mesp',
      activity: w.activity ?? 'menuiserie',
      clientId: null,
      workAddress: 'Atelier',
      supervisorId: null,
      coordinatorId: null,
      employerId: 1,
      startDate: w.startDate,
      weeks: 4,
      capacity: 6,
      morningStart: 510,
      morningEnd: 720,
      afternoonStart: 810,
      afternoonEnd: 1020,
      status: 'termine',
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (w.funderId !== undefined)
    await services.db
      .insertInto('worksiteFunders')
      .values({ worksiteId: row.id, organisationId: w.funderId })
      .execute();
  return row.id;
}

export async function insertSession(
  services: Services,
  worksiteId: number,
  date: string,
  cancelled: string | null = null,
) {
  const row = await services.db
    .insertInto('sessions')
    .values({
      worksiteId,
      date,
      halfDay: 'morning',
      startMinutes: 510,
      endMinutes: 720,
      origin: 'pattern',
      cancelledReason: cancelled,
      cancelKind: cancelled ? 'structure' : null,
      createdAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface FixturePerson {
  sex: 'F' | 'M';
  birthDate: string;
  resources: Resource;
  education: EducationLevel;
  priorityArea?: YesNoUnknown;
  archived?: boolean;
  /** Situations recorded on other days (to test which one counts at entry). */
  situations?: { observedOn: string; resources: Resource; education: EducationLevel }[];
}

export async function insertPerson(services: Services, p: FixturePerson, n: number) {
  const { id } = await services.db
    .insertInto('persons')
    .values({
      civility: null,
      lastName: `Fictif${n}`,
      birthName: '',
      firstNames: `Personne${n}`,
      birthDate: p.birthDate,
      sex: p.sex,
      address: '',
      postcode: '',
      town: '',
      priorityArea: p.priorityArea ?? 'inconnu',
      phone: '',
      email: '',
      emergencyContact: '',
      nationalityGroup: null,
      nir: null,
      prescriberId: null,
      referentId: null,
      archived: p.archived ? 1 : 0,
      searchKey: `fictif${n} personne${n}`,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const situations = p.situations ?? [{ observedOn: '2024-01-01', resources: p.resources, education: p.education }];
  for (const s of situations) {
    await services.db
      .insertInto('personSituations')
      .values({
        personId: id,
        observedOn: s.observedOn,
        resources: s.resources,
        rsaMonths: null,
        franceTravailSince: null,
        educationLevel: s.education,
        rqth: 'non',
        housing: '',
        drivingLicence: 0,
        vehicle: 0,
        publicTransport: 1,
        createdAt: NOW,
        createdBy: null,
      })
      .execute();
  }
  const journey = await services.db
    .insertInto('journeys')
    .values({ personId: id, status: 'en_chantier', openedOn: '2024-01-01', createdAt: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { personId: id, journeyId: journey.id };
}

export async function insertParticipation(
  services: Services,
  v: {
    worksiteId: number;
    personId: number;
    journeyId: number;
    startDate: string;
    endDate: string;
    earlyEndDate?: string;
  },
) {
  const row = await services.db
    .insertInto('participations')
    .values({
      worksiteId: v.worksiteId,
      personId: v.personId,
      journeyId: v.journeyId,
      contractType: 'cdd_usage',
      employerId: 1,
      startDate: v.startDate,
      endDate: v.endDate,
      weeklyMinutes: 840,
      position: 'Agent',
      hourlyCents: 1202,
      trialDays: 2,
      earlyEndDate: v.earlyEndDate ?? null,
      earlyEndReason: v.earlyEndDate ? 'accord_commun' : null,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One organisation of the directory (host or prescriber of immersions). */
export async function insertOrganisation(services: Services, name: string, kind = 'partenaire') {
  const row = await services.db
    .insertInto('organisations')
    .values({ name, kind, address: '', phone: '', email: '', createdAt: NOW, updatedAt: NOW } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One immersion (PMSMP) convention, its bilan's outcome or none. */
export async function insertImmersion(
  services: Services,
  i: {
    personId: number;
    hostId: number;
    prescriberId: number;
    objective: 'decouvrir' | 'confirmer' | 'recruter';
    startDate: string;
    endDate: string;
    outcome?: 'realisee' | 'partielle' | 'non_realisee' | null;
  },
) {
  const row = await services.db
    .insertInto('immersions')
    .values({
      personId: i.personId,
      renewalOf: null,
      hostOrganisationId: i.hostId,
      hostSiret: '',
      hostActivity: '',
      place: '',
      tutorName: 'Tuteur',
      tutorFunction: 'Chef d’équipe',
      tutorPhone: '',
      tutorEmail: '',
      objective: i.objective,
      trade: 'Métier',
      goals: '',
      startDate: i.startDate,
      endDate: i.endDate,
      schedule: '{}',
      tasks: 'Tâches',
      skills: '',
      risks: '',
      equipment: '',
      prescriberKind: 'siae',
      prescriberOrganisationId: i.prescriberId,
      prescriberContactId: null,
      referentName: 'Référente',
      referentFunction: '',
      outcome: i.outcome ?? null,
      missedMinutes: i.outcome ? 0 : null,
      bilanOn: i.outcome ? i.endDate : null,
      authorId: null,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
