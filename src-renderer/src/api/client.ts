import { useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Method, MethodInput, MethodOutput } from '@shared/contract';
import type { ErrorPayload } from '@shared/errors';
import { noteReach, whenReachable } from './connection';
import { saveSentFiles } from './downloads';

/** A failed call, carrying the French message and the fields at fault. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.payload = payload;
  }
}

/** The server did not answer (`connection.ts`): nothing was done, the banner says so. */
export class UnreachableError extends ApiError {
  constructor(payload: ErrorPayload) {
    super(payload);
    this.name = 'UnreachableError';
  }
}

export function isUnreachable(error: unknown): error is UnreachableError {
  return error instanceof UnreachableError;
}

/**
 * The signed-in session, in memory; in browser mode also in the tab's
 * sessionStorage so a reload keeps it (main still refuses an idle session).
 * Main may end it (idle lock, deactivated account); listeners hear.
 */
let sessionToken: string | null = null;
const sessionLostListeners = new Set<(message: string) => void>();

export function setSessionToken(token: string | null) {
  sessionToken = token;
  window.api?.sessionStore?.save(token);
}

/** Browser mode: the session this tab had before a reload, if any. */
export function storedSessionToken(): string | null {
  return window.api?.sessionStore?.load() ?? null;
}

/**
 * Main's count of committed writes, as of the last answer. When it moves, every
 * cached answer may be stale: all queries are invalidated (only the ones on
 * screen refetch). One rule for every write, its own or another window's.
 */
let seenDataVersion: number | null = null;
const dataChangedListeners = new Set<() => Promise<void>>();

export function onDataChanged(listener: () => Promise<void>): () => void {
  dataChangedListeners.add(listener);
  return () => dataChangedListeners.delete(listener);
}

/** True when this answer shows data written since the previous answer. */
function noteDataVersion(version: number | undefined): boolean {
  if (version === undefined || version === seenDataVersion) return false;
  const first = seenDataVersion === null;
  seenDataVersion = version;
  return !first;
}

async function dataChanged(): Promise<void> {
  await Promise.all([...dataChangedListeners].map((listener) => listener()));
}

/**
 * This PC works through the office's server, and the server no longer accepts it (revoked, a secret it
 * cannot read back) or another certificate answers at its address: nothing can be done until it is paired
 * again (`features/poste/PairingLost.tsx`).
 */
const PAIRING_LOST_CODES = new Set(['DEVICE_NOT_PAIRED', 'SERVER_UNTRUSTED']);
const pairingLostListeners = new Set<(error: ErrorPayload) => void>();

export function onPairingLost(listener: (error: ErrorPayload) => void): () => void {
  pairingLostListeners.add(listener);
  return () => pairingLostListeners.delete(listener);
}

/** « Le serveur a changé d’adresse ? »: the person asks to pair this PC again while the server does not answer. */
export function askToPairAgain(): void {
  const payload: ErrorPayload = {
    code: 'SERVER_UNREACHABLE',
    message:
      'Le serveur Passerelle ne répond pas à l’adresse enregistrée. S’il a changé d’adresse ou de PC, appairez ce PC de nouveau ; sinon, vérifiez que le PC serveur est allumé.',
  };
  for (const listener of pairingLostListeners) listener(payload);
}

export function onSessionLost(listener: (message: string) => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Calls main; when the answer shows data written since the last one, every screen refreshes. */
export async function call<M extends Method>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  const { value, changed } = await request(method, input);
  // Not awaited: the refetch would wait for the query that is calling.
  if (changed) void dataChanged();
  return value;
}

async function request<M extends Method>(
  method: M,
  input?: MethodInput<M>,
): Promise<{ value: MethodOutput<M>; changed: boolean }> {
  if (!window.api) {
    throw new ApiError({ code: 'INTERNAL', message: 'Passerelle n’a pas pu se connecter à ses données.' });
  }
  const result = await window.api.invoke(method, input ?? {}, sessionToken);
  // `poste/…` is answered by this PC itself even when the office's server is down: it never says the server answers.
  if (result.unreachable === true || !method.startsWith('poste/')) noteReach(result.unreachable !== true);
  if (!result.ok && result.unreachable) throw new UnreachableError(result.error);
  const changed = noteDataVersion(result.dataVersion);
  if (!result.ok) {
    if (changed) void dataChanged();
    // `poste/…` answers this PC itself: its own refusals are shown by the pairing form.
    if (PAIRING_LOST_CODES.has(result.error.code) && !method.startsWith('poste/'))
      for (const listener of pairingLostListeners) listener(result.error);
    if (result.error.code === 'UNAUTHORIZED' && sessionToken !== null && !method.startsWith('auth/')) {
      sessionToken = null;
      for (const listener of sessionLostListeners) listener(result.error.message);
    }
    throw new ApiError(result.error);
  }
  saveSentFiles(result.files);
  return { value: result.value as MethodOutput<M>, changed };
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Une erreur inattendue s’est produite. Rien n’a été enregistré.';
}

/**
 * A read that waits while the server does not answer, then asks again: the
 * screen keeps what it shows (and any form its typing) instead of turning
 * into an error, and refreshes by itself once the server is back.
 */
export async function callWhenReachable<M extends Method>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  for (;;) {
    try {
      return await call(method, input);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      await whenReachable();
    }
  }
}

/** Queries are keyed by method and input; they wait out an unreachable server (`callWhenReachable`). */
export function useApiQuery<M extends Method>(
  method: M,
  input?: MethodInput<M>,
  options?: Omit<UseQueryOptions<MethodOutput<M>, Error>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<MethodOutput<M>, Error>({
    queryKey: [method, input ?? {}],
    queryFn: () => callWhenReachable(method, input),
    ...options,
  });
}

/** Like `call`, but settles only once the screens showing what changed have their new data. */
export async function callAndRefresh<M extends Method>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  const { value, changed } = await request(method, input);
  if (changed) await dataChanged();
  return value;
}

export function useApiMutation<M extends Method>(method: M) {
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({ mutationFn: (input) => callAndRefresh(method, input) });
}
