/**
 * The only entry into the core. Both transports (Electron IPC, browser-mode
 * HTTP) come through `handleRpc`, which resolves the caller's session, then
 * `dispatch`: finds the method, checks who may call it, validates the input,
 * runs the handler inside the transaction the method declares, validates the
 * output and writes the access-journal entry before COMMIT, and answers with
 * the result envelope. Nothing is reported as done before COMMIT; nothing
 * half-written survives a failure.
 *
 * Each kind gets the handle it allows (handler.ts): a `read` method a
 * `ReadableDb` on a transaction in which SQLite refuses every write, a `write`
 * method its writable transaction, a `none` method `read` and `transaction`
 * to open short ones around its slow work.
 */
import { z } from 'zod';
import { readTransaction, type WritableDb } from '../db/access';
import { connectionLost, storeClosed } from '../db/connection-lost';
import { mustRetry, retrying } from '../db/locks';
import { findStructure } from '../db/repositories/settings';
import { contract, isMethod, type Method } from '../shared/contract';
import { auditOf, type TransactionKind } from '../shared/contract/define';
import { personIdsIn } from '../shared/contract/personal';
import { AppError, type ErrorPayload, type FieldIssue, type Result } from '../shared/errors';
import { dataVersion, noteCommittedWrite } from './data-version';
import { handlers } from './handlers';
import type { Handler, HandlerContext, NoneContext } from './handler';
import { appendJournal } from './journal';
import { syncJournalHead } from './journal-start';
import { assertPasswordChosen } from './password-change-gate';
import { scopeFor, type Scope } from './permissions';
import { confineInput } from './user-paths';
import { callFromClientPc, fileSaver, SERVER_PC_ONLY } from './downloads';
import type { SentFile } from '../shared/contract/files';
import { frenchDate } from './ports';
import type { Services } from './services';
import { deviceRecords, type DeviceRef, type Session } from './session';

export async function handleRpc(
  services: Services,
  method: string,
  input: unknown,
  sessionToken: string | null,
  /** The paired PC the call came through (the LAN server, src-main/lan/server.ts); none on this PC. */
  device?: DeviceRef,
): Promise<Answered & { dataVersion: number }> {
  let session: Session = device ? { user: null, device } : { user: null };
  if (sessionToken) {
    const resolved = services.sessions.resolve(
      sessionToken,
      services.clock.now(),
      services.security.idleLockMinutes,
      device?.id ?? null,
    );
    if (resolved === 'expired') session = { ...session, expired: true };
    else if (resolved) session = { ...session, user: resolved, token: sessionToken };
  }
  const result = await dispatch(services, method, input, session);
  return { ...result, dataVersion: dataVersion(services.db) };
}

/**
 * The result envelope; `files`: what the call made for a person at a client
 * PC, sent back to be saved there (downloads.ts), present only then.
 */
export type Answered = Result<unknown> & { files?: SentFile[] };

export async function dispatch(
  services: Services,
  method: string,
  rawInput: unknown,
  session: Session,
): Promise<Answered> {
  if (!isMethod(method)) return failure(new AppError('UNKNOWN_METHOD'));
  try {
    const files: SentFile[] = [];
    const value = await run(services, method, rawInput, session, files);
    return files.length > 0 ? { ok: true, value, files } : { ok: true, value };
  } catch (error) {
    return failure(toAppError(error, method));
  } finally {
    // After COMMIT (or rollback): the head outside the database follows what was committed (when this process
    // appended since the last sync: see syncJournalHead).
    await syncJournalHead(services.db, services.journal).catch(() => undefined);
  }
}

function signInFirst(session: Session): AppError {
  return new AppError(
    'UNAUTHORIZED',
    session.expired
      ? 'Passerelle s’est verrouillée après un moment sans activité. Reconnectez-vous pour continuer.'
      : 'Connectez-vous pour continuer.',
  );
}

async function authorize(services: Services, method: Method, session: Session): Promise<Scope> {
  assertPasswordChosen(method, session);
  const { access } = contract[method];
  if (access === 'public') return 'all';
  if (session.user === null) {
    if (access === 'setup' && (await findStructure(services.db)) === null) return 'all';
    throw signInFirst(session);
  }
  const scope = scopeFor(method, session.user.role);
  if (scope === null) throw new AppError('FORBIDDEN');
  return scope;
}

async function run(services: Services, method: Method, rawInput: unknown, session: Session, sent: SentFile[]) {
  const definition = contract[method];
  const scope = await authorize(services, method, session);
  const fromClientPc = callFromClientPc(services.dialogs, session);
  const serverPcOnly = fromClientPc ? SERVER_PC_ONLY.get(method) : undefined;
  if (serverPcOnly !== undefined) throw new AppError('CONFLICT', serverPcOnly);

  const valid = definition.input.safeParse(rawInput ?? undefined);
  if (!valid.success) throw invalidInput(valid.error);
  // Paths on this PC: only where the file picker may look, or what the native dialog gave; none from another PC.
  const parsed = { data: confineInput(method, valid.data, services, fromClientPc) };

  const handler = handlers[method] as Handler<Method>;
  const instant = services.clock.now();
  const now = instant.toISOString();
  const audit = auditOf(definition);
  const records: string[] = [];
  let actor = session.user?.id ?? null;
  let journaled = audit === null;
  const journal = async (db: WritableDb) => {
    if (journaled || audit === null) return;
    await appendJournal(db, {
      at: now,
      userId: actor,
      action: audit,
      method,
      records: [...records, ...deviceRecords(session)],
    });
    journaled = true;
  };

  const record = (ref: string) => {
    if (!records.includes(ref)) records.push(ref);
  };

  const call = {
    services,
    session,
    scope,
    now,
    today: frenchDate(instant),
    record,
    attribute: (userId: number) => {
      actor = userId;
    },
    fromClientPc,
    saveFile: fileSaver(fromClientPc, sent),
  };
  const execute = async (ctx: HandlerContext<TransactionKind>) => {
    const output = await handler(parsed.data as never, ctx);
    const checked = definition.output.safeParse(output);
    // Inside the transaction: a wrong answer rolls the write back.
    if (!checked.success) throw new AppError('INTERNAL');
    // A sensitive read names whose data was read: every person id in the answer (never the content).
    if (audit === 'read') for (const personId of personIdsIn(checked.data)) record(`person:${personId}`);
    return checked.data;
  };

  /**
   * One transaction, run again whole when another writer came first (a
   * deadlock broken by PostgreSQL, SQLite's file held by another process:
   * db/locks.ts). What the failed turn noted is forgotten with it.
   */
  const attempt = <T>(transaction: () => Promise<T>, restart: () => void) =>
    retrying(async () => {
      const journaledBefore = journaled;
      try {
        return await transaction();
      } catch (error) {
        journaled = journaledBefore;
        if (mustRetry(error)) restart();
        throw error;
      }
    });
  /** A `read` or `write` method's handler runs whole again: it notes its records and its actor again. */
  const fromScratch = () => {
    records.length = 0;
    sent.length = 0;
    actor = session.user?.id ?? null;
  };

  if (definition.tx === 'none') {
    const none: NoneContext = {
      ...call,
      read: (work) => readTransaction(services.db, (db) => work({ ...call, db })),
      transaction: async (work, options) => {
        const result = await attempt(
          () =>
            services.db.transaction().execute(async (trx) => {
              const value = await work(trx, { ...call, db: trx });
              if (options?.journaled !== false) await journal(trx);
              return value;
            }),
          () => undefined,
        );
        noteCommittedWrite(services.db);
        return result;
      },
    };
    const value = await execute(none);
    // An audited call that wrote nothing itself (an export) is journaled on its own.
    if (!journaled)
      await attempt(
        () => services.db.transaction().execute(journal),
        () => undefined,
      );
    return value;
  }
  if (definition.tx === 'read') {
    // The database refuses every write while the handler runs; the journal entry
    // of an audited read is written after, in the same transaction.
    return attempt(
      () => readTransaction(services.db, (db) => execute({ ...call, db }), audit === null ? undefined : journal),
      fromScratch,
    );
  }
  const value = await attempt(
    () =>
      services.db.transaction().execute(async (trx) => {
        const output = await execute({ ...call, db: trx });
        await journal(trx);
        return output;
      }),
    fromScratch,
  );
  noteCommittedWrite(services.db);
  return value;
}

export function invalidInput(error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const message =
    issues.length === 1 || !first
      ? (first?.message ?? undefined)
      : `${issues.length} informations sont à corriger. ${first.message}`;
  return new AppError('INVALID_INPUT', message, { field: first?.field, issues });
}

const CONNECTION_LOST =
  'La connexion au serveur PostgreSQL qui garde les données de Passerelle a été perdue. Ce qui était en cours n’a peut-être pas été enregistré : quand le serveur répondra de nouveau, vérifiez-le, puis réessayez. Si cela dure, appelez votre prestataire informatique.';

const STORE_MOVED =
  'Passerelle vient de changer l’emplacement de ses données (ou de les restaurer) pendant cette action, qui n’a pas été faite. Reconnectez-vous si Passerelle le demande, puis recommencez.';

function toAppError(error: unknown, method: Method): AppError {
  if (error instanceof AppError) return error;
  // The server of the data stopped while the app ran: say so, not « erreur interne ». A COMMIT whose answer
  // was lost may have been kept, so the message asks to check rather than promising nothing changed.
  if (connectionLost(error)) return new AppError('DATABASE_UNREACHABLE', CONNECTION_LOST);
  // The data moved (another place chosen, a restore) while this call ran on the store left behind.
  if (storeClosed(error)) return new AppError('CONFLICT', STORE_MOVED);
  // Never log messages or values: they may carry personal data. The method and
  // the error class are enough to find the fault.
  const kind = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  console.error(`[passerelle] ${method}: échec interne (${kind}${typeof code === 'string' ? `, ${code}` : ''})`);
  return new AppError('INTERNAL');
}

function failure(error: AppError): { ok: false; error: ErrorPayload } {
  return { ok: false, error: error.toPayload() };
}
