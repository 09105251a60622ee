import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Method, MethodOutput, ParsedInput } from '../shared/contract';
import type { Services } from './services';
import type { Session } from './session';

export interface HandlerContext {
  /** The open transaction for `read`/`write` methods; the plain database for `none`. */
  db: Kysely<Database>;
  services: Services;
  session: Session;
  /** ISO timestamp of the call, from the clock port. */
  now: string;
  /** The calendar date of the call in France (`YYYY-MM-DD`). */
  today: string;
  /** For `none` methods: run their database part as one transaction, after the file work. */
  transaction<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => Promise<MethodOutput<M>>;

export type HandlerMap<M extends Method> = { [K in M]: Handler<K> };
