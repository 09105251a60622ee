import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { handleRpc } from '../app/dispatch';
import type { Services } from '../app/services';
import { AppError } from '../shared/errors';
import { isAppUrl } from './security';

/** The one IPC channel; calls from any frame but the app's own are refused. */
export const RPC_CHANNEL = 'rpc';

export function registerRpc(ipcMain: IpcMain, services: Services, appUrl: string): void {
  ipcMain.handle(
    RPC_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown, sessionToken: unknown) => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(senderUrl, appUrl) || typeof method !== 'string') {
        return { ok: false, error: new AppError('UNAUTHORIZED').toPayload() };
      }
      return handleRpc(services, method, input, typeof sessionToken === 'string' ? sessionToken : null);
    },
  );
}
