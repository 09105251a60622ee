/**
 * Whether the caller reaches a worksite: the supervisor his own, the other
 * roles of the method's scope every one (db/reach.ts). Out of reach answers
 * NOT_FOUND, as if the worksite did not exist. One query: an access check
 * never builds the worksite's page (worksite-view.ts).
 */
import { findWorksite, worksiteInScope } from '../../db/repositories/worksites';
import { AppError } from '../../shared/errors';
import type { HandlerContext } from '../handler';
import { reachOf } from '../reach';

export const WORKSITE_NOT_FOUND = 'Ce chantier est introuvable, ou il ne vous est pas accessible.';

type Caller = Pick<HandlerContext, 'db' | 'scope' | 'session'>;

export async function assertWorksiteInScope(ctx: Caller, worksiteId: number): Promise<void> {
  if (!(await worksiteInScope(ctx.db, worksiteId, reachOf(ctx)))) throw new AppError('NOT_FOUND', WORKSITE_NOT_FOUND);
}

/** The worksite's row (employer, supervisor and client names), once the caller is known to reach it. */
export async function worksiteRowInScope(ctx: Caller, worksiteId: number) {
  const row = await findWorksite(ctx.db, worksiteId, reachOf(ctx));
  if (!row) throw new AppError('NOT_FOUND', WORKSITE_NOT_FOUND);
  return row;
}
