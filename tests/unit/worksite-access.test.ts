/**
 * An access check is one query, not a page view (issue 26, item 3): the
 * supervisor reaches his own worksites, and a worksite out of reach answers
 * exactly as one that does not exist, with the message the worksite page gives.
 */
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { HandlerContext, WriteContext } from '../../src-main/app/handler';
import { assertWorksiteInScope, WORKSITE_NOT_FOUND } from '../../src-main/app/read-models/worksite-access';
import { worksiteView } from '../../src-main/app/read-models/worksite-view';
import type { Scope } from '../../src-main/app/permissions';
import type { Session } from '../../src-main/app/session';
import { caller, configured, sessionAs, valueOf } from './support/services';
import { mesp } from './support/worksites';

/** A database handle that counts the statements run through it. */
function counting(db: WriteContext['db']) {
  const counter = { statements: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counter.statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), counter };
}

async function twoSupervisors() {
  const { services, call } = await configured();
  const mine = await sessionAs(services, 'encadrant', 'Yannick Le Goff');
  const other = await sessionAs(services, 'encadrant', 'Soizic Tanguy');
  const { id } = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: mine.user!.id }) }));
  const as = (session: Session, scope: Scope) => {
    const { db, counter } = counting(services.db);
    return { ctx: { db, scope, session, today: '2026-03-02' } as unknown as HandlerContext, counter };
  };
  return { services, mine, other, worksiteId: id, as };
}

describe('assertWorksiteInScope', () => {
  it('lets the supervisor reach his worksite, in one query', async () => {
    const { mine, worksiteId, as } = await twoSupervisors();
    const { ctx, counter } = as(mine, 'ownWorksites');
    await expect(assertWorksiteInScope(ctx, worksiteId)).resolves.toBeUndefined();
    expect(counter.statements).toBe(1);
  });

  it('answers another supervisor’s worksite and a missing one alike, as the worksite page does', async () => {
    const { mine, other, worksiteId, as } = await twoSupervisors();
    const refusal = { code: 'NOT_FOUND', message: WORKSITE_NOT_FOUND };
    expect(WORKSITE_NOT_FOUND).toBe('Ce chantier est introuvable, ou il ne vous est pas accessible.');
    for (const [session, scope, id] of [
      [other, 'ownWorksites', worksiteId],
      [mine, 'ownWorksites', worksiteId + 1],
      [mine, 'all', worksiteId + 1],
    ] as const) {
      const check = as(session, scope);
      await expect(assertWorksiteInScope(check.ctx, id)).rejects.toMatchObject(refusal);
      expect(check.counter.statements).toBe(1);
      await expect(worksiteView(as(session, scope).ctx, id)).rejects.toMatchObject(refusal);
    }
    // Every other role of the matrix reaches every worksite.
    await expect(assertWorksiteInScope(as(other, 'all').ctx, worksiteId)).resolves.toBeUndefined();
    await expect(assertWorksiteInScope(as(other, 'ownCaseload').ctx, worksiteId)).resolves.toBeUndefined();
  });

  it('guards the methods that only checked access through the page view', async () => {
    const { services, other, worksiteId } = await twoSupervisors();
    const call = caller(services, other);
    const refused = { ok: false, error: { code: 'NOT_FOUND', message: WORKSITE_NOT_FOUND } };
    expect(
      await call('attendance/save', {
        worksiteId,
        entries: [{ sessionId: 1, participationId: 1, mark: null }],
        regularisation: null,
      }),
    ).toMatchObject(refused);
    expect(await call('attendance/hours', { worksiteId })).toMatchObject(refused);
    expect(await call('attendance/week', { worksiteId, weekOf: '2026-05-04' })).toMatchObject(refused);
  });
});
