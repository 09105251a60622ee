/**
 * Every read of a sensitive category is journaled (issue 24, item 5; CNIL
 * délibération 2021-122): the contract marks the sensitive fields, each
 * method returning one declares its journal entry, the dispatcher writes it,
 * and the entry names the method and the people — never what was read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS, type Method } from '../../src-main/shared/contract';
import { auditOf } from '../../src-main/shared/contract/define';
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from '../../src-main/shared/contract/personal';
import { scopeFor } from '../../src-main/app/permissions';
import { dispatch } from '../../src-main/app/dispatch';
import { shared } from './support/services';
import { assign, buildWorld, type World } from './support/world';
import { PROBES, personal } from './support/probes';

let world: World;
beforeAll(async () => {
  world = await shared(() => buildWorld());
  await assign(world, {
    referents: ['ts1', 'ts1', 'ts2', 'ts2', 'ts1', null],
    supervisors: ['encadrant1', 'encadrant2', 'encadrant1'],
  });
}, 60_000);

const sensitiveMethods = METHODS.filter((m) => personal(m).categories.size > 0);

describe('the journal of sensitive reads', () => {
  it('declares a journal entry for every method whose answer carries a sensitive field', () => {
    const unjournaled = sensitiveMethods.filter((m) => auditOf(contract[m]) === null);
    expect(unjournaled, "add `audit: 'read'` to these methods in the contract").toEqual([]);
    // Reads are journaled as reads, not hidden behind another kind.
    for (const m of sensitiveMethods.filter((m) => contract[m].tx === 'read'))
      expect([m, auditOf(contract[m])]).toEqual([m, 'read']);
  });

  it('finds every sensitive category in the contract (the marks are where the issue lists them)', () => {
    const found = new Set(sensitiveMethods.flatMap((m) => [...personal(m).categories]));
    expect([...found].sort()).toEqual((Object.keys(SENSITIVE_CATEGORIES) as SensitiveCategory[]).sort());
    for (const m of [
      'healthChecks/list',
      'observations/list',
      'bilans/get',
      'debriefs/list',
      'attendance/hours',
      'payroll/get',
      'stats/people',
      'people/get',
      'people/revealNir',
    ] as Method[]) {
      expect(sensitiveMethods).toContain(m);
    }
  });

  it.each(sensitiveMethods.filter((m) => PROBES[m] !== undefined))(
    'journals %s with the method and the people read, never the content',
    async (method) => {
      // Whoever reaches everything on this method (the psychologist for her debriefs).
      const account = world.accounts.find((a) => scopeFor(method, a.role) === 'all')!;
      let answered = 0;
      for (const input of PROBES[method]!(world)) {
        const before = await world.services.db
          .selectFrom('journal')
          .select((eb) => eb.fn.max('id').as('last'))
          .executeTakeFirstOrThrow();
        const result = await dispatch(world.services, method, input, account.session);
        if (!result.ok) continue;
        answered++;
        const entries = await world.services.db
          .selectFrom('journal')
          .selectAll()
          .where('id', '>', before.last ?? 0)
          .execute();
        expect(entries.map((e) => [e.method, e.action])).toEqual([[method, auditOf(contract[method])]]);
        const records = JSON.parse(entries[0]!.records) as string[];
        const text = JSON.stringify(result.value);
        for (const p of world.people) if (text.includes(p.firstNames)) expect(records).toContain(`person:${p.id}`);
        // Ids only: no name, no word of what was read.
        for (const record of records) expect(record).toMatch(/^[a-zA-Z]+:[\w-]+$/);
        const raw = entries[0]!.records;
        for (const p of world.people)
          for (const secret of [p.firstNames, p.lastName, p.nir]) expect(raw).not.toContain(secret);
        expect(raw).not.toMatch(/charges|Retard de|Suivi de/);
      }
      // A write is journaled as a change by construction (`auditOf`); a read must have answered here.
      if (contract[method].tx !== 'write') expect(answered).toBeGreaterThan(0);
    },
  );
});
