/**
 * The preload (bundled as CommonJS, runs sandboxed): exposes exactly one
 * function to the renderer, `window.api.invoke(method, input)`.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown, sessionToken: string | null) =>
    ipcRenderer.invoke('rpc', method, input, sessionToken),
});
