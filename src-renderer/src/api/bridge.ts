import type { Result } from '@shared/errors';

/** What both preloads (Electron IPC, browser-mode fetch) expose to the renderer. */
export interface PasserelleBridge {
  /** `sessionToken`: the signed-in person's session, null before login. */
  invoke(method: string, input: unknown, sessionToken: string | null): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api?: PasserelleBridge;
  }
}
