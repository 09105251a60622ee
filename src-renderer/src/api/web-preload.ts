/**
 * Browser mode's stand-in for the Electron preload. The token arrives once in
 * the URL fragment (`#token=…`), is kept in sessionStorage for reloads (with
 * the signed-in session's token, so a reload stays signed in), and the
 * address is replaced with `#/` before the hash router starts, so the token
 * never stays visible or in the history.
 */
import type { Answer, PasserelleBridge } from './bridge';

const STORAGE_KEY = 'passerelle.token';
const SESSION_STORAGE_KEY = 'passerelle.session';
const TOKEN_HEADER = 'x-passerelle-token';
const SESSION_HEADER = 'x-passerelle-session';

function takeTokenFromUrl(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!match?.[1]) return null;
  window.sessionStorage.setItem(STORAGE_KEY, match[1]);
  window.history.replaceState(null, '', `${window.location.pathname}#/`);
  return match[1];
}

/** What a transport answers when main did not (`bridge.ts`): the renderer shows its banner. */
export const UNREACHABLE: Answer = {
  ok: false,
  unreachable: true,
  error: {
    code: 'INTERNAL',
    message:
      'Le serveur Passerelle ne répond pas : rien n’a été enregistré. Vos saisies restent à l’écran ; enregistrez de nouveau quand il répondra.',
  },
};

/** A call left without answer this long counts as unreachable (a generous bound: a batch of documents takes a while). */
const CALL_TIMEOUT_MS = 5 * 60_000;

function isEnvelope(body: unknown): body is Answer {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

export function installWebBridge(): void {
  if (window.api) return;
  const token = takeTokenFromUrl() ?? window.sessionStorage.getItem(STORAGE_KEY) ?? '';
  const bridge: PasserelleBridge = {
    async invoke(method, input, sessionToken) {
      let response: Response;
      try {
        response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TOKEN_HEADER]: token,
            ...(sessionToken ? { [SESSION_HEADER]: sessionToken } : {}),
          },
          body: JSON.stringify(input ?? {}),
          signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
        });
      } catch {
        return UNREACHABLE;
      }
      // Anything but Passerelle's envelope (a proxy's 502, a cut connection) means main did not answer.
      try {
        const body: unknown = await response.json();
        return isEnvelope(body) ? body : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
    sessionStore: {
      load: () => window.sessionStorage.getItem(SESSION_STORAGE_KEY),
      save: (sessionToken) => {
        if (sessionToken) window.sessionStorage.setItem(SESSION_STORAGE_KEY, sessionToken);
        else window.sessionStorage.removeItem(SESSION_STORAGE_KEY);
      },
    },
  };
  window.api = bridge;
}
