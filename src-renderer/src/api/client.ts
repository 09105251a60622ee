import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Method, MethodInput, MethodOutput } from '@shared/contract';
import type { ErrorPayload } from '@shared/errors';

/** A failed call, carrying the French message and the fields at fault. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.payload = payload;
  }
}

/**
 * The signed-in session, in memory only: closing or reloading the window
 * signs out. Main may end it (idle lock, deactivated account); listeners hear.
 */
let sessionToken: string | null = null;
const sessionLostListeners = new Set<(message: string) => void>();

export function setSessionToken(token: string | null) {
  sessionToken = token;
}

export function onSessionLost(listener: (message: string) => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export async function call<M extends Method>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  if (!window.api) {
    throw new ApiError({ code: 'INTERNAL', message: "Passerelle n'a pas pu se connecter à ses données." });
  }
  const result = await window.api.invoke(method, input ?? {}, sessionToken);
  if (!result.ok) {
    if (result.error.code === 'UNAUTHORIZED' && sessionToken !== null && !method.startsWith('auth/')) {
      sessionToken = null;
      for (const listener of sessionLostListeners) listener(result.error.message);
    }
    throw new ApiError(result.error);
  }
  return result.value as MethodOutput<M>;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Une erreur inattendue s'est produite. Rien n'a été enregistré.";
}

/** Queries are keyed by method and input, so invalidating a method refreshes every screen using it. */
export function useApiQuery<M extends Method>(
  method: M,
  input?: MethodInput<M>,
  options?: Omit<UseQueryOptions<MethodOutput<M>, Error>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<MethodOutput<M>, Error>({
    queryKey: [method, input ?? {}],
    queryFn: () => call(method, input),
    ...options,
  });
}

export function useApiMutation<M extends Method>(method: M, options: { invalidates?: Method[] } = {}) {
  const client = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async () => {
      await Promise.all((options.invalidates ?? []).map((m) => client.invalidateQueries({ queryKey: [m] })));
    },
  });
}
