import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Method, MethodOutput, ParsedInput } from '../shared/contract';
import type { Scope } from './permissions';
import type { Services } from './services';
import type { Session } from './session';

export interface HandlerContext {
  /** The open transaction for `read`/`write` methods; the plain database for `none`. */
  db: Kysely<Database>;
  services: Services;
  session: Session;
  /** Which records the caller's role reaches on this method. */
  scope: Scope;
  /** ISO timestamp of the call, from the clock port. */
  now: string;
  /** The calendar date of the call in France (`YYYY-MM-DD`). */
  today: string;
  /** Names a record the call touched (`"employer:3"`), for the access journal. Ids only. */
  record(ref: string): void;
  /** The account a call acts for when nobody was signed in yet (the wizard creating the first administrator). */
  attribute(userId: number): void;
  /**
   * For `none` methods: runs their database part as one transaction, after
   * the slow work (hashing, files); the journal entry commits with it.
   */
  transaction<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => Promise<MethodOutput<M>>;

export type HandlerMap<M extends Method> = { [K in M]: Handler<K> };
