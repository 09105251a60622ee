import type { Result } from '@shared/errors';

/** What both preloads (Electron IPC, browser-mode fetch) expose to the renderer. */
export interface PasserelleBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api?: PasserelleBridge;
  }
}
