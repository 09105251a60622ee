/**
 * Calls that make each method answer with people, over every record of the
 * world (in reach or not), and a walk of what comes back. The reach and
 * journal tests enumerate the contract and fail when a method that names
 * people or returns a sensitive field has no probe here.
 */
import { contract, type Method } from '../../../src-main/shared/contract';
import { personalMarks } from '../../../src-main/shared/contract/personal';
import { ROLES, type Role } from '../../../src-main/shared/contract/users';
import { scopeFor } from '../../../src-main/app/permissions';
import type { World } from './world';
import { situation } from './people';

type Probe = (world: World) => unknown[];

const participations = (world: World) => world.people.flatMap((p) => p.participations);
const eachPerson = (world: World, make: (p: World['people'][number]) => unknown) => world.people.map(make);
const eachParticipation = (world: World, make: (participationId: number) => unknown) =>
  participations(world).map((pa) => make(pa.id));
const eachWorksite = (world: World, make: (worksiteId: number) => unknown) => world.worksites.map((w) => make(w.id));

export const PROBES: Partial<Record<Method, Probe>> = {
  'people/search': (w) => [{}, { query: 'Zorvek' }, ...eachWorksite(w, (worksiteId) => ({ worksiteId }))],
  'people/get': (w) => eachPerson(w, (p) => ({ id: p.id })),
  'people/revealNir': (w) => eachPerson(w, (p) => ({ id: p.id })),
  // The NIR of each other person typed into a record: the duplicate message must not name someone out of reach.
  'people/update': (w) => [
    ...eachPerson(w, (p) => ({ id: p.id, person: { ...p.input, nir: '' } })),
    ...w.people.flatMap((p) =>
      w.people.filter((q) => q.id !== p.id).map((q) => ({ id: p.id, person: { ...p.input, nir: q.nir } })),
    ),
    // A stale save: the refusal names who changed the record, never a record out of reach.
    ...eachPerson(w, (p) => ({ id: p.id, expectedVersion: 999, person: { ...p.input, nir: '' } })),
  ],
  'people/addSituation': (w) =>
    eachPerson(w, (p) => ({ id: p.id, situation: situation({ observedOn: '2026-06-01' }) })),
  'people/openJourney': (w) => eachPerson(w, (p) => ({ personId: p.id, openedOn: '2026-06-01' })),
  'people/moveJourney': (w) =>
    w.journeys.map((journeyId) => ({ journeyId, status: 'candidature', happenedOn: '2026-06-01', reason: '' })),
  'people/recordOutcome': (w) =>
    w.journeys.map((journeyId) => ({
      journeyId,
      outcome: {
        category: 'sans_nouvelles',
        detail: '',
        exitedOn: '2026-01-01',
        afterThreeMonths: '',
        afterSixMonths: '',
      },
    })),
  'people/saveObstacle': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      obstacle: { kind: 'logement', identifiedOn: '2026-06-01', resolvedOn: null, actions: '' },
    })),
  'contacts/list': () => [{}],
  'worksites/list': () => [{}],
  'worksites/get': (w) => eachWorksite(w, (id) => ({ id })),
  'worksites/planning': () => [{ from: '2026-05-01', to: '2026-05-31' }],
  'worksites/personAgenda': (w) => eachPerson(w, (p) => ({ personId: p.id })),
  'attendance/week': (w) => eachWorksite(w, (worksiteId) => ({ worksiteId, weekOf: '2026-05-04' })),
  // Each worksite's first half-day marked for every participation, its own or another worksite's.
  'attendance/save': (w) =>
    w.worksites
      .flatMap((ws) =>
        participations(w).map((pa) => ({
          worksiteId: ws.id,
          entries: [{ sessionId: ws.sessionIds[0]!, participationId: pa.id, mark: { mark: 'present' } }],
        })),
      )
      .concat(
        // The same cells as if shown with another value: a conflict names only cells in reach.
        w.worksites.flatMap((ws) =>
          participations(w).map((pa) => ({
            worksiteId: ws.id,
            entries: [
              {
                sessionId: ws.sessionIds[0]!,
                participationId: pa.id,
                mark: { mark: 'non_justifiee' },
                base: {
                  mark: 'maladie',
                  actualStart: null,
                  actualEnd: null,
                  paid: true,
                  proofReceived: false,
                  proofDate: null,
                },
              },
            ],
          })),
        ),
      ),
  'attendance/markAnnexTime': (w) => w.annexTimes.map((annexTimeId) => ({ annexTimeId, done: true })),
  'attendance/hours': (w) => [
    ...eachWorksite(w, (worksiteId) => ({ worksiteId })),
    ...eachPerson(w, (p) => ({ personId: p.id })),
  ],
  'evaluations/get': (w) => eachParticipation(w, (participationId) => ({ participationId })),
  'evaluations/save': (w) =>
    eachParticipation(w, (participationId) => ({
      participationId,
      evaluation: {
        moment: 'debut',
        evaluator: 'encadrant',
        evaluatedOn: '2026-05-05',
        items: [{ criterionId: w.criterionId, level: 'en_cours' }],
      },
    })),
  'observations/list': (w) => eachParticipation(w, (participationId) => ({ participationId })),
  'observations/add': (w) =>
    eachParticipation(w, (participationId) => ({
      participationId,
      observation: { observedOn: '2026-05-07', kind: 'progres', text: 'Ponctuel' },
    })),
  'observations/qualify': (w) =>
    w.observations.map((observationId) => ({
      observationId,
      obstacle: { kind: 'mobilite', identifiedOn: '2026-05-07', resolvedOn: null, actions: '' },
    })),
  'healthChecks/list': (w) => eachParticipation(w, (participationId) => ({ participationId })),
  'healthChecks/save': (w) =>
    eachParticipation(w, (participationId) => ({
      participationId,
      check: { kind: 'bilan_sante', date: '2026-05-06', paperReceived: false, restrictions: '', inaptitude: false },
    })),
  'iae/get': (w) => eachPerson(w, (p) => ({ personId: p.id })),
  // RSA with a lasting-enough attestation, a PASS IAE, then a prolongation, for every person.
  'iae/saveCriterion': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      criterion: { code: 'RSA', proofType: 'attestation_rsa', proofDate: '2026-03-01', validUntil: null },
      path: null,
    })),
  'iae/proofContent': (w) => eachPerson(w, (p) => ({ personId: p.id, code: 'RSA' })),
  'iae/removeCriterion': (w) => eachPerson(w, (p) => ({ personId: p.id, code: 'RSA' })),
  'iae/savePass': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      pass: { number: '999992612345', startDate: '2026-05-04', endDate: null },
    })),
  'iae/addProlongation': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      prolongation: { reason: 'COMPLETE_TRAINING', endDate: '2028-09-30', decidedOn: '2026-03-01' },
    })),
  'pmsmp/list': (w) => eachPerson(w, (p) => ({ personId: p.id })),
  // An immersion for every person (host and prescriber: the world's first directory organisation), then each one renewed and its bilan written.
  'pmsmp/save': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      immersion: {
        hostOrganisationId: 1,
        tutorName: 'Tuteur',
        tutorFunction: 'Chef',
        objective: 'confirmer',
        trade: 'Boulanger',
        startDate: '2026-05-04',
        endDate: '2026-05-15',
        schedule: { lundi: { start: '09:00', end: '12:00', pause: 0 } },
        tasks: 'Façonner',
        prescriberKind: 'france_travail',
        prescriberOrganisationId: 1,
        referentName: 'Référente',
      },
    })),
  'pmsmp/renew': (w) =>
    eachPerson(w, () => null).map((_, i) => ({ id: i + 1, startDate: '2026-05-18', endDate: '2026-05-29' })),
  'pmsmp/printConvention': (w) => eachPerson(w, () => null).map((_, i) => ({ id: i + 1 })),
  'pmsmp/printBilan': (w) => eachPerson(w, () => null).map((_, i) => ({ id: i + 1 })),
  'pmsmp/saveBilan': (w) =>
    eachPerson(w, () => null).map((_, i) => ({
      id: i + 1,
      bilan: { outcome: 'realisee', missedMinutes: 0, writtenOn: '2026-05-15' },
    })),
  // FSE+: each person's answers and suggestions; the writes on operation 1 (its errors must name no one out of reach).
  'fse/person': (w) => eachPerson(w, (p) => ({ personId: p.id })),
  'fse/suggest': (w) => eachPerson(w, (p) => ({ personId: p.id, enteredOn: '2026-05-04' })),
  'fse/saveEntry': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      operationId: 1,
      entry: {
        enteredOn: '2026-05-04',
        labourStatus: 'chomeur',
        educationLevel: '3',
        homelessOrHousingExclusion: false,
        ruralArea: false,
      },
    })),
  'fse/saveExit': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      operationId: 1,
      exit: {
        leftOn: '2026-06-30',
        seekingWork: true,
        inEducationOrTraining: false,
        gainedQualification: false,
        inEmployment: false,
      },
    })),
  'fse/saveSixMonths': (w) =>
    eachPerson(w, (p) => ({
      personId: p.id,
      operationId: 1,
      sixMonths: { observedOn: '2027-01-04', inEmployment: true, improvedSituation: true },
    })),
  'fse/followUps': () => [{}],
  'bilans/get': (w) => eachParticipation(w, (participationId) => ({ participationId })),
  'bilans/save': (w) => eachParticipation(w, (participationId) => ({ participationId, bilan: { orientation: null } })),
  'bilans/worksite': (w) => eachWorksite(w, (worksiteId) => ({ worksiteId })),
  'bilans/saveWorksite': (w) => eachWorksite(w, (worksiteId) => ({ worksiteId, bilan: {} })),
  'dashboard/summary': () => [{}],
  'rgpd/exportPerson': (w) => eachPerson(w, (p) => ({ personId: p.id, folder: null })),
  'debriefs/list': () => [{}],
  'payroll/get': () => [{ month: '2026-05', employerId: 1 }],
  'asp/preview': () => [{ month: '2026-05', employerId: 1 }],
  'asp/get': () => [{ month: '2026-05', employerId: 1 }],
  // Every person's first and last name, and every worksite's: whatever is typed, only the reached come back.
  'search/anywhere': (w) => [
    { text: 'Zorvek', limit: 20 },
    { text: 'Yanaig', limit: 20 },
    { text: 'Chantier', limit: 20 },
    ...eachPerson(w, (p) => ({ text: p.lastName, limit: 20 })),
    ...w.worksites.map((ws) => ({ text: ws.name, limit: 20 })),
  ],
  // The FSE+ table of an operation: aggregated, no one named; the operation ids of the world and one beyond.
  'fse/indicators': () => [1, 2, 999].map((operationId) => ({ operationId, from: '2026-01-01', to: '2026-12-31' })),
  'stats/people': () => [{ filter: { from: '2026-01-01', to: '2026-12-31' }, breakdown: null, category: null }],
};

/**
 * Which people a role reaches, whatever the method: a social worker her
 * caseload, a supervisor the people of his worksites (README, « Accounts,
 * permissions »). A method granting such a role `all` must still answer
 * within this reach: the test holds every answer to it.
 */
export function personReachOf(role: Role): 'all' | 'ownCaseload' | 'ownWorksites' {
  if (role === 'travailleur_social') return 'ownCaseload';
  if (role === 'encadrant') return 'ownWorksites';
  return 'all';
}

/** The roles with a narrower reach that may call the method. */
export function scopedRoles(method: Method) {
  return ROLES.filter((role) => personReachOf(role) !== 'all' && scopeFor(method, role) !== null);
}

/** Methods whose answer names people or carries a sensitive field, from the contract's output schemas. */
export function personal(method: Method) {
  const marks = personalMarks(contract[method].output);
  return { names: marks.names, categories: marks.categories };
}

/** Every object key of a schema, at any depth. */
export function schemaKeys(schema: unknown, keys = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return keys;
  seen.add(schema);
  if (Array.isArray(schema)) {
    for (const item of schema) schemaKeys(item, keys, seen);
    return keys;
  }
  const def = (schema as { _zod?: { def: Record<string, unknown> } })._zod?.def;
  if (!def) return keys;
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
      keys.add(key);
      schemaKeys(child, keys, seen);
    }
  }
  for (const [key, value] of Object.entries(def)) if (key !== 'shape') schemaKeys(value, keys, seen);
  return keys;
}

/** Every string of an answer, and every value under a given key, at any depth. */
export function walk(
  value: unknown,
  visit: (key: string | null, value: unknown, parent: unknown) => void,
  key: string | null = null,
  parent: unknown = null,
) {
  visit(key, value, parent);
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit, key, value));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, visit, k, value);
}
