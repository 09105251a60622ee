import type { SentFile } from '@shared/contract/files';
import type { Result } from '@shared/errors';

/**
 * `unreachable`: the transport could not reach main (network down, server
 * stopped, no answer in time, a 5xx without Passerelle's envelope); the error
 * then says so, and nothing was done (`connection.ts`). `files`: what the call
 * made for this PC when main is on another one, to save here (`downloads.ts`).
 */
export type Answer = Result<unknown> & { dataVersion?: number; unreachable?: true; files?: SentFile[] };

/** What both preloads (Electron IPC, browser-mode fetch) expose to the renderer. */
export interface PasserelleBridge {
  /** `sessionToken`: the signed-in person's session, null before login. */
  /** `dataVersion`: main's count of committed writes when it answered (absent when the transport failed). */
  invoke(method: string, input: unknown, sessionToken: string | null): Promise<Answer>;
  /** Browser mode only: keeps the session token across a reload of the tab. */
  sessionStore?: { load(): string | null; save(token: string | null): void };
}

declare global {
  interface Window {
    api?: PasserelleBridge;
  }
}
