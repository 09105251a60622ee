/**
 * Browser mode's stand-in for the Electron preload. The token arrives once in
 * the URL fragment (`#token=…`), is kept in sessionStorage for reloads (with
 * the signed-in session's token, so a reload stays signed in), and the
 * address is replaced with `#/` before the hash router starts, so the token
 * never stays visible or in the history.
 */
import type { Result } from '@shared/errors';
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

const lostConnection: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message:
      'Passerelle ne répond plus. Vérifiez que la fenêtre de Passerelle est toujours ouverte, puis rechargez la page.',
  },
};

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
        });
      } catch {
        return lostConnection;
      }
      try {
        return (await response.json()) as Answer;
      } catch {
        return lostConnection;
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
