import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Station } from '../lan/station';
import { AppError } from '../shared/errors';
import { isAppUrl } from './security';

/** The one IPC channel; calls from any frame but the app's own are refused. */
export const RPC_CHANNEL = 'rpc';

/** Every call goes to this PC's station: its own data, or the office's Passerelle server once paired (lan/station.ts). */
export function registerRpc(ipcMain: IpcMain, station: Station, appUrl: string): void {
  ipcMain.handle(
    RPC_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown, sessionToken: unknown) => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(senderUrl, appUrl) || typeof method !== 'string') {
        return { ok: false, error: new AppError('UNAUTHORIZED').toPayload() };
      }
      return station.invoke(method, input, typeof sessionToken === 'string' ? sessionToken : null);
    },
  );
}
