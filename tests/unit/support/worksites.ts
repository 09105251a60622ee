import type { WorksiteInput } from '../../../src-main/shared/contract/worksites';
import type { ContractInput } from '../../../src-main/shared/contract/worksites';
import type { configured } from './services';
import { valueOf } from './services';
import { person, situation } from './people';

/** A 4-week MESP from Monday 4 May 2026, Monday to Thursday mornings. */
export function mesp(overrides: Partial<WorksiteInput> = {}): WorksiteInput {
  return {
    name: 'Menuiserie du port',
    kind: 'mesp',
    activity: 'menuiserie',
    clientId: null,
    workAddress: 'Atelier municipal, 5 rue du Port',
    supervisorId: null,
    coordinatorId: null,
    employerId: 1,
    fundersIds: [],
    startDate: '2026-05-04',
    weeks: 4,
    slots: [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' as const })),
    capacity: 5,
    hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
    status: 'preparation',
    ...overrides,
  };
}

/** A person moved through the parcours to "admis·e", ready to join a worksite. */
export async function admitted(call: Awaited<ReturnType<typeof configured>>['call'], firstNames: string) {
  const { id } = valueOf(
    await call('people/create', {
      person: person({ firstNames }),
      situation: situation(),
      confirmedNotDuplicate: true,
    }),
  );
  const journeyId = valueOf(await call('people/openJourney', { personId: id, openedOn: '2026-02-02' })).journeys[0]!.id;
  for (const status of ['candidature', 'entretien', 'admise'] as const)
    valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
  return id;
}

/** The contract record of a person on that MESP, for the whole 4 weeks. */
export function mespContract(overrides: Partial<ContractInput> = {}) {
  return {
    type: 'cdd_usage' as const,
    startDate: '2026-05-04',
    endDate: '2026-05-31',
    position: 'Agent de menuiserie',
    hourlyCents: 1202,
    handedOn: '2026-05-04',
    signedOn: '2026-05-04',
    derogationUntil: null,
    ...overrides,
  };
}

/**
 * Élodie on a MESP from `from` to `to` (the worksite starting that day, its
 * half-days generated, her contract handed and signed on the first day).
 * `session(date)`: the id of that day's half-day.
 */
export async function oneMespContract(
  call: Awaited<ReturnType<typeof configured>>['call'],
  { from, to, weeks }: { from: string; to: string; weeks?: number },
) {
  const worksite = valueOf(
    await call('worksites/save', { worksite: mesp({ startDate: from, ...(weeks ? { weeks } : {}) }) }),
  );
  const sessions = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] })).sessions;
  const personId = await admitted(call, 'Élodie');
  const contract = mespContract({ startDate: from, endDate: to, handedOn: from, signedOn: from });
  const participationId = valueOf(
    await call('worksites/addParticipant', { id: worksite.id, personId, contract, confirmWarnings: true }),
  ).participants[0]!.id;
  const session = (date: string) => sessions.find((s) => s.date === date)!.id;
  return { worksite, sessions, session, personId, participationId };
}
