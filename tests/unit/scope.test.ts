/**
 * No one reads people outside their reach (issue 24, item 2): a social worker
 * her caseload, a supervisor the people of his worksites and only through
 * them. One property over every method whose answer names people, for every
 * role, with référents and supervisors drawn at random on a seeded structure.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS } from '../../src-main/shared/contract';
import { ROLES } from '../../src-main/shared/contract/users';
import { isPublic, scopeFor } from '../../src-main/app/permissions';
import { dispatch } from '../../src-main/app/dispatch';
import { shared } from './support/services';
import { assign, buildWorld, callAs, expectedReach, type Assignment, type World } from './support/world';
import { PROBES, personal, personReachOf, schemaKeys, scopedRoles, walk } from './support/probes';

let world: World;
beforeAll(async () => {
  world = await shared(() => buildWorld());
}, 60_000);

/** What an answer (or an error) shows that the caller should not reach; empty when nothing. */
function leaks(world: World, answer: unknown, reach: ReturnType<typeof expectedReach>, scope: string): string[] {
  const found: string[] = [];
  const outPeople = world.people.filter((p) => !reach.people.has(p.id));
  const outParticipations = new Set(
    world.people.flatMap((p) => p.participations.map((pa) => pa.id)).filter((id) => !reach.participations.has(id)),
  );
  const outWorksites = world.worksites.filter((w) => !reach.worksites.has(w.id));
  walk(answer, (key, value, parent) => {
    if (typeof value === 'string') {
      for (const p of outPeople)
        for (const token of [p.firstNames, p.lastName]) if (value.includes(token)) found.push(`${key}: « ${token} »`);
      if (scope === 'ownWorksites')
        for (const w of outWorksites) if (value.includes(w.name)) found.push(`${key}: « ${w.name} »`);
    }
    if (typeof value !== 'number') return;
    const personRecord = key === 'id' && parent !== null && typeof parent === 'object' && 'firstNames' in parent;
    if ((key === 'personId' || key === 'personIds' || personRecord) && outPeople.some((p) => p.id === value))
      found.push(`${key}: personne ${value}`);
    if (key === 'participationId' && outParticipations.has(value)) found.push(`${key}: participation ${value}`);
    if (key === 'worksiteId' && scope === 'ownWorksites' && outWorksites.some((w) => w.id === value))
      found.push(`${key}: chantier ${value}`);
  });
  return found;
}

const referent = fc.constantFrom('ts1' as const, 'ts2' as const, null);
const supervisor = fc.constantFrom('encadrant1' as const, 'encadrant2' as const, null);
const assignments: fc.Arbitrary<Assignment> = fc.record({
  referents: fc.array(referent, { minLength: 6, maxLength: 6 }),
  supervisors: fc.array(supervisor, { minLength: 3, maxLength: 3 }),
});

describe('reach', () => {
  it('probes every method whose answer names people or carries sensitive data, wherever a role has a narrower scope', () => {
    const unprobed = METHODS.filter((m) => {
      const marks = personal(m);
      return (marks.names || marks.categories.size > 0) && scopedRoles(m).length > 0 && PROBES[m] === undefined;
    });
    expect(unprobed, 'add a probe in tests/unit/support/probes.ts').toEqual([]);
    // A method taking a record a narrower role may call is probed too, even when its answer names no one (a write's errors).
    const unprobedTargets = METHODS.filter(
      (m) =>
        !isPublic(m) &&
        scopedRoles(m).length > 0 &&
        PROBES[m] === undefined &&
        [...schemaKeys(contract[m].input)].some((k) => k === 'id' || k.endsWith('Id')),
    );
    expect(unprobedTargets, 'add a probe in tests/unit/support/probes.ts').toEqual([]);
    // The marks are found: a person key, a tagged name, a sensitive field.
    expect(
      personal('worksites/get').names && personal('dashboard/summary').names && personal('stats/people').names,
    ).toBe(true);
  });

  it('shows no one out of reach, in any answer or error of any method, to any role (property)', async () => {
    const methods = METHODS.filter((m) => PROBES[m] !== undefined);
    let checkedCalls = 0;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(assignments, async (assignment) => {
        await assign(world, assignment);
        for (const account of world.accounts) {
          for (const method of methods) {
            if (scopeFor(method, account.role) === null) continue;
            // The role's reach over people, not the method's scope: a method granting `all` by mistake is caught.
            const scope = personReachOf(account.role);
            const reach = expectedReach(world, assignment, account.name, scope);
            for (const input of PROBES[method]!(world)) {
              const result = await dispatch(world.services, method, input, account.session);
              checkedCalls++;
              if (result.ok) answered++;
              const found = leaks(world, result.ok ? result.value : result.error, reach, scope);
              expect(found, `${account.name} (${scope}) ← ${method} ${JSON.stringify(input)}`).toEqual([]);
            }
          }
        }
      }),
      { numRuns: 6 },
    );
    // Not a vacuous pass: most calls answered.
    expect(answered).toBeGreaterThan(checkedCalls / 3);
  }, 600_000);

  it('covers every role', () => {
    const roles = new Set(world.accounts.map((a) => a.role));
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });
});

describe('the leaks found in the audit, one by one', () => {
  const both: Assignment = {
    referents: ['ts1', 'ts2', 'ts1', 'ts2', 'ts2', null],
    supervisors: ['encadrant1', 'encadrant2', 'encadrant2'],
  };
  beforeAll(async () => assign(world, both));

  it('a social worker sees on a worksite only the people of her caseload, without their colleagues’ wages or annex times', async () => {
    const view = await callAs(world, 'ts1')('worksites/get', { id: world.worksites[0]!.id });
    expect(view.ok && view.value.participants.map((p) => p.name)).toEqual(['YanaigA ZorvekA']);
    const hours = await callAs(world, 'ts1')('attendance/hours', { worksiteId: world.worksites[0]!.id });
    expect(hours.ok && hours.value.rows.map((r) => r.name)).toEqual(['YanaigA ZorvekA']);
  });

  it('a supervisor reads the hours and agenda of his people on his worksites only', async () => {
    // B works on worksite A (encadrant1) and B (encadrant2).
    const b = world.people[1]!;
    const hours = await callAs(world, 'encadrant1')('attendance/hours', { personId: b.id });
    expect(hours.ok && hours.value.rows.map((r) => r.worksiteName)).toEqual(['Chantier XerbalA']);
    const agenda = await callAs(world, 'encadrant1')('worksites/personAgenda', { personId: b.id });
    expect(agenda.ok && new Set(agenda.value.map((a) => a.worksiteName))).toEqual(new Set(['Chantier XerbalA']));
  });

  it('refuses a supervisor’s marks on a worksite he does not supervise, whatever worksite he names', async () => {
    // encadrant1 supervises worksite A only; C is encadrant2's.
    const [a, , c] = world.worksites;
    const onC = world.people[3]!.participations[0]!.id;
    const save = (worksiteId: number, participationId: number, sessionId: number) =>
      callAs(world, 'encadrant1')('attendance/save', {
        worksiteId,
        entries: [{ sessionId, participationId, mark: { mark: 'non_justifiee' } }],
      });
    expect(await save(c!.id, onC, c!.sessionIds[0]!)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await save(a!.id, onC, c!.sessionIds[0]!)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await save(a!.id, onC, a!.sessionIds[0]!)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const marks = await world.services.db
      .selectFrom('attendance')
      .select('mark')
      .where('participationId', '=', onC)
      .where('mark', '!=', 'present')
      .execute();
    expect(marks).toEqual([]);
    const annexOfD = world.annexTimes[world.people.slice(0, 3).reduce((n, p) => n + p.participations.length, 0)]!;
    expect(
      await callAs(world, 'encadrant1')('attendance/markAnnexTime', { annexTimeId: annexOfD, done: false }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('tells a social worker a NIR is already used without naming the person she does not follow', async () => {
    const [a, b] = world.people;
    const foreign = await callAs(world, 'ts1')('people/update', { id: a!.id, person: { ...a!.input, nir: b!.nir } });
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('déjà utilisé par une autre fiche') },
    });
    expect(JSON.stringify(foreign)).not.toMatch(/ZorvekB|YanaigB/);
    // Her own person is named, so she can open the record.
    const c = world.people[2]!;
    const own = await callAs(world, 'ts1')('people/update', { id: a!.id, person: { ...a!.input, nir: c.nir } });
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('YanaigC ZorvekC') },
    });
  });
});
