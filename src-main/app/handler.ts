import type { ReadableDb, WritableDb } from '../db/access';
import type { Contract, Method, MethodOutput, ParsedInput } from '../shared/contract';
import type { TransactionKind } from '../shared/contract/define';
import type { Scope } from './permissions';
import type { Services } from './services';
import type { Session } from './session';

/**
 * What a handler may use of the services: everything but the database itself.
 * A handler reaches the database only through the handle its method's
 * transaction kind gives it (`ctx.db`, `ctx.read`, `ctx.transaction`).
 */
export type HandlerServices = Omit<Services, 'db' | 'sqlite'>;

/** What every handler is given, whatever its transaction kind. */
interface CallContext {
  services: HandlerServices;
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
  /** The person calls from another PC than main's (a PC paired with the Passerelle server): see downloads.ts. */
  fromClientPc: boolean;
  /**
   * Saves a file the call made for the person: into `folder` (chosen on this
   * PC) and answers the path; on a client PC's call, writes nothing here and
   * sends the file back to be saved there, answering its name (downloads.ts).
   */
  saveFile(folder: string, fileName: string, bytes: Uint8Array): Promise<string>;
}

/** A `read` method: its transaction, in which the database refuses every write. */
export interface ReadContext extends CallContext {
  db: ReadableDb;
}

/** A `write` method: its transaction; the journal entry commits with it. */
export interface WriteContext extends CallContext {
  db: WritableDb;
}

export interface TransactionOptions {
  /**
   * `false`: a write that is not the call's change (a failed password
   * attempt's counter) commits without the journal entry, which waits for
   * the transaction that is.
   */
  journaled?: boolean;
}

/**
 * A `none` method (printing, files, key derivation) holds no transaction while
 * it does its slow work: it reads and writes in short transactions of its own,
 * before and after.
 */
export interface NoneContext extends CallContext {
  /** Reads in one transaction in which the database refuses every write. */
  read<T>(work: (ctx: ReadContext) => Promise<T>): Promise<T>;
  /** Writes as one transaction, after the slow work; the journal entry commits with it. */
  transaction<T>(work: (db: WritableDb, ctx: WriteContext) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

/**
 * The context a method's transaction kind allows. Without a kind, a read
 * context: what helpers shared by read and write handlers take (a write
 * context is one too).
 */
export type HandlerContext<K extends TransactionKind = 'read'> = K extends 'read'
  ? ReadContext
  : K extends 'write'
    ? WriteContext
    : NoneContext;

/** The transaction kind a method declares in the contract. */
export type TxOf<M extends Method> = Contract[M]['tx'];

/** A handler is given exactly the context its method's transaction kind allows. */
export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: HandlerContext<TxOf<M>>,
) => Promise<MethodOutput<M>>;

export type HandlerMap<M extends Method> = { [K in M]: Handler<K> };
