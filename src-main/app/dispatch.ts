/**
 * The only entry into the core. Both transports (Electron IPC, browser-mode
 * HTTP) call `dispatch`, which: finds the method, checks the permission,
 * validates the input, runs the handler inside the transaction the method
 * declares, validates the output before COMMIT, and answers with the result
 * envelope. Nothing is reported as done before COMMIT; nothing half-written
 * survives a failure.
 */
import { z } from 'zod';
import { contract, isMethod, type Method } from '../shared/contract';
import { AppError, type ErrorPayload, type FieldIssue, type Result } from '../shared/errors';
import { handlers } from './handlers';
import type { Handler, HandlerContext } from './handler';
import { frenchDate } from './ports';
import { isAllowed } from './permissions';
import type { Services } from './services';
import type { Session } from './session';

export async function dispatch(
  services: Services,
  method: string,
  rawInput: unknown,
  session: Session,
): Promise<Result<unknown>> {
  if (!isMethod(method)) return failure(new AppError('UNKNOWN_METHOD'));
  try {
    return { ok: true, value: await run(services, method, rawInput, session) };
  } catch (error) {
    return failure(toAppError(error, method));
  }
}

async function run(services: Services, method: Method, rawInput: unknown, session: Session) {
  const definition = contract[method];
  if (definition.access === 'user' && session.user === null) throw new AppError('UNAUTHORIZED');
  if (!isAllowed(method, session.user?.role ?? null)) throw new AppError('FORBIDDEN');

  const parsed = definition.input.safeParse(rawInput ?? undefined);
  if (!parsed.success) throw invalidInput(parsed.error);

  const handler = handlers[method] as Handler<Method>;
  const instant = services.clock.now();
  const now = instant.toISOString();
  const today = frenchDate(instant);
  const context = (db: HandlerContext['db']): HandlerContext => ({
    db,
    services,
    session,
    now,
    today,
    transaction: (work) => services.db.transaction().execute(work),
  });
  const execute = async (db: HandlerContext['db']) => {
    const output = await handler(parsed.data as never, context(db));
    const checked = definition.output.safeParse(output);
    // Inside the transaction: a wrong answer rolls the write back.
    if (!checked.success) throw new AppError('INTERNAL');
    return checked.data;
  };

  if (definition.tx === 'none') return execute(services.db);
  return services.db.transaction().execute(execute);
}

function invalidInput(error: z.ZodError): AppError {
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

function toAppError(error: unknown, method: Method): AppError {
  if (error instanceof AppError) return error;
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
