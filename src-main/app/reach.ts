import type { Reach } from '../db/reach';
import type { HandlerContext } from './handler';

/** The caller's reach on the method called: its scope in the permission matrix, for its account. */
export function reachOf(ctx: Pick<HandlerContext, 'scope' | 'session'>): Reach {
  return { kind: ctx.scope, userId: ctx.session.user?.id ?? null };
}
