/**
 * A small structure where reach matters: six people, three worksites, two
 * social workers and two supervisors, every other role, attendance, annex
 * times (a health check, a psychologist's debrief), observations, health
 * checks, evaluations, bilans, a payroll month. Every person's first and last
 * names, and every worksite's name, are tokens found nowhere else, so an
 * output can be searched for them as plain text.
 */
import type { Services } from '../../../src-main/app/services';
import type { Session } from '../../../src-main/app/session';
import type { PdfPrinter } from '../../../src-main/documents/printer';
import type { Role } from '../../../src-main/shared/contract/users';
import type { PersonInput } from '../../../src-main/shared/contract/people';
import { caller, configured, fakeClock, sessionAs, valueOf } from './services';
import { mesp, mespContract } from './worksites';
import { person, situation } from './people';

export interface WorldPerson {
  id: number;
  firstNames: string;
  lastName: string;
  nir: string;
  /** What created the record, for calls that send it back. */
  input: PersonInput;
  participations: { id: number; worksiteId: number }[];
}

export interface World {
  services: Services;
  sessions: Record<string, Session>;
  /** The accounts by name: `administrateur`, `coordination`, `ts1`, `ts2`, `encadrant1`, `encadrant2`, `psychologue`, `lecture_seule`. */
  accounts: { name: string; role: Role; session: Session }[];
  people: WorldPerson[];
  worksites: { id: number; name: string; sessionIds: number[] }[];
  /** The contact card of each social worker (ts1, ts2), to make them référent. */
  cards: Record<'ts1' | 'ts2', number>;
  journeys: number[];
  annexTimes: number[];
  observations: number[];
  healthChecks: number[];
  /** A savoir-être line of the evaluation grid. */
  criterionId: number;
}

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** A valid NIR agreeing with the sex and birth date (born in Finistère, commune 019). */
export function nirFor(sex: 'F' | 'M', birthDate: string, order: number): string {
  const body = `${sex === 'F' ? 2 : 1}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}29019${String(order).padStart(3, '0')}`;
  const key = 97 - Number(BigInt(body) % 97n);
  return `${body}${String(key).padStart(2, '0')}`;
}

/** Prints nothing: enough for methods that return a PDF when the test looks at other fields. */
export const blankPrinter: PdfPrinter = {
  print: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n'),
  close: async () => {},
};

/** `realPrinter`: Chromium prints the PDFs, for tests that read them. */
export async function buildWorld(options: { realPrinter?: boolean } = {}): Promise<World> {
  const {
    services,
    session: admin,
    call,
  } = await configured({
    clock: fakeClock('2026-06-15T12:00:00.000Z'),
    printer: options.realPrinter ? undefined : blankPrinter,
  });
  const accounts: World['accounts'] = [{ name: 'administrateur', role: 'administrateur', session: admin }];
  for (const [name, role] of [
    ['coordination', 'coordination'],
    ['ts1', 'travailleur_social'],
    ['ts2', 'travailleur_social'],
    ['encadrant1', 'encadrant'],
    ['encadrant2', 'encadrant'],
    ['psychologue', 'psychologue'],
    ['lecture_seule', 'lecture_seule'],
  ] as const) {
    accounts.push({ name, role, session: await sessionAs(services, role, `Compte ${name}`) });
  }
  const sessions = Object.fromEntries(accounts.map((a) => [a.name, a.session]));
  const service = valueOf(
    await call('contacts/saveOrganisation', {
      organisation: { name: 'Service social du CCAS', kind: 'prescripteur', address: '', phone: '', email: '' },
    }),
  );
  const card = async (name: 'ts1' | 'ts2') =>
    valueOf(
      await call('contacts/saveContact', {
        contact: {
          organisationId: service.id,
          firstName: 'Soizic',
          lastName: `Référente ${name}`,
          service: '',
          phone: '',
          email: '',
          userId: sessions[name]!.user!.id,
          leftOn: null,
        },
      }),
    ).id;
  const cards = { ts1: await card('ts1'), ts2: await card('ts2') };

  const people: WorldPerson[] = [];
  const journeys: number[] = [];
  for (const [index, letter] of LETTERS.entries()) {
    const sex = index % 2 === 0 ? 'F' : 'M';
    const birthDate = `19${80 + index}-0${index + 1}-1${index}`;
    const nir = nirFor(sex, birthDate, index + 1);
    const identity = person({
      civility: sex === 'F' ? 'madame' : 'monsieur',
      sex,
      firstNames: `Yanaig${letter}`,
      lastName: `Zorvek${letter}`,
      birthDate,
      nir,
    });
    const { id } = valueOf(
      await call('people/create', {
        person: identity,
        situation: situation({ rqth: 'oui' }),
        confirmedNotDuplicate: true,
      }),
    );
    const journeyId = valueOf(await call('people/openJourney', { personId: id, openedOn: '2026-02-02' })).journeys[0]!
      .id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    valueOf(
      await call('people/saveObstacle', {
        personId: id,
        obstacle: { kind: 'sante', identifiedOn: '2026-02-12', resolvedOn: null, actions: `Suivi de Yanaig${letter}` },
      }),
    );
    journeys.push(journeyId);
    people.push({
      id,
      firstNames: `Yanaig${letter}`,
      lastName: `Zorvek${letter}`,
      nir,
      input: identity,
      participations: [],
    });
  }

  const worksites: World['worksites'] = [];
  const afternoons = [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'afternoon' as const }));
  for (const [index, letter] of ['A', 'B', 'C'].entries()) {
    const name = `Chantier Xerbal${letter}`;
    const saved = valueOf(
      await call('worksites/save', {
        worksite: mesp({ name, status: 'en_cours', ...(index === 1 ? { slots: afternoons } : {}) }),
      }),
    );
    const generated = valueOf(await call('worksites/generateSessions', { id: saved.id, makeUps: [] }));
    worksites.push({ id: saved.id, name, sessionIds: generated.sessions.map((s) => s.id) });
  }
  // Who works where: B and E on two worksites (morning and afternoon), F on none.
  const placements: [number, number][] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [4, 1],
  ];
  for (const [p, w] of placements) {
    const view = valueOf(
      await call('worksites/addParticipant', {
        id: worksites[w]!.id,
        personId: people[p]!.id,
        contract: mespContract(),
        confirmWarnings: true,
      }),
    );
    const participation = view.participants.find((pa) => pa.personId === people[p]!.id)!;
    people[p]!.participations.push({ id: participation.id, worksiteId: worksites[w]!.id });
  }
  const annexTimes: number[] = [];
  const observations: number[] = [];
  const healthChecks: number[] = [];
  for (const worksite of worksites) {
    const held = valueOf(await call('worksites/get', { id: worksite.id }));
    const entries = held.participants.flatMap((pa) =>
      held.sessions
        .filter((s) => s.date <= '2026-05-14')
        .map((s) => ({ sessionId: s.id, participationId: pa.id, mark: { mark: 'present' as const } })),
    );
    valueOf(await call('attendance/save', { worksiteId: worksite.id, entries }));
  }
  for (const [index, p] of people.entries()) {
    for (const [k, pa] of p.participations.entries()) {
      const kind = index % 2 === 0 ? 'visite_medicale' : 'psychologue';
      const annexTime = { kind, date: `2026-05-0${5 + k}`, start: '17:30', end: '18:30', paid: true } as const;
      const view = valueOf(await call('worksites/addAnnexTime', { participationId: pa.id, annexTime }));
      annexTimes.push(view.participants.find((x) => x.id === pa.id)!.annexTimes.at(-1)!.id);
      observations.push(
        valueOf(
          await call('observations/add', {
            participationId: pa.id,
            observation: { observedOn: '2026-05-06', kind: 'incident', text: `Retard de ${p.firstNames}` },
          }),
        ).at(-1)!.id,
      );
      const checks = valueOf(
        await call('healthChecks/save', {
          participationId: pa.id,
          check: {
            kind: 'vip',
            date: '2026-05-05',
            paperReceived: true,
            restrictions: 'Pas de port de charges',
            inaptitude: false,
          },
        }),
      );
      healthChecks.push(checks.at(-1)!.id);
    }
  }
  const criterionId = valueOf(await call('evaluations/grid')).find((c) => c.section === 'savoir_etre')!.id;
  return {
    services,
    sessions,
    accounts,
    people,
    worksites,
    cards,
    journeys,
    annexTimes,
    observations,
    healthChecks,
    criterionId,
  };
}

/** Random référents and supervisors: who follows whom changes, the records stay. */
export interface Assignment {
  referents: ('ts1' | 'ts2' | null)[];
  supervisors: ('encadrant1' | 'encadrant2' | null)[];
}

export async function assign(world: World, assignment: Assignment) {
  for (const [index, p] of world.people.entries()) {
    const referent = assignment.referents[index] ?? null;
    // The record sent back by `people/update` probes keeps the référent drawn.
    p.input = { ...p.input, referentId: referent === null ? null : world.cards[referent] };
    await world.services.db
      .updateTable('persons')
      .set({ referentId: p.input.referentId })
      .where('id', '=', p.id)
      .execute();
  }
  for (const [index, w] of world.worksites.entries()) {
    const supervisor = assignment.supervisors[index] ?? null;
    await world.services.db
      .updateTable('worksites')
      .set({ supervisorId: supervisor === null ? null : world.sessions[supervisor]!.user!.id })
      .where('id', '=', w.id)
      .execute();
  }
}

/** What an account reaches, computed from the assignment alone (not from the code under test). */
export function expectedReach(
  world: World,
  assignment: Assignment,
  account: string,
  scope: 'all' | 'ownCaseload' | 'ownWorksites',
) {
  const everyone = new Set(world.people.map((p) => p.id));
  const allWorksites = new Set(world.worksites.map((w) => w.id));
  const allParticipations = new Set(world.people.flatMap((p) => p.participations.map((pa) => pa.id)));
  if (scope === 'all') return { people: everyone, worksites: allWorksites, participations: allParticipations };
  if (scope === 'ownCaseload') {
    const mine = world.people.filter((_, i) => assignment.referents[i] === account);
    return {
      people: new Set(mine.map((p) => p.id)),
      worksites: allWorksites,
      participations: new Set(mine.flatMap((p) => p.participations.map((pa) => pa.id))),
    };
  }
  const sites = new Set(world.worksites.filter((_, i) => assignment.supervisors[i] === account).map((w) => w.id));
  const participations = world.people.flatMap((p) =>
    p.participations.filter((pa) => sites.has(pa.worksiteId)).map((pa) => ({ ...pa, personId: p.id })),
  );
  return {
    people: new Set(participations.map((pa) => pa.personId)),
    worksites: sites,
    participations: new Set(participations.map((pa) => pa.id)),
  };
}

export const callAs = (world: World, account: string) => caller(world.services, world.sessions[account]!);
