import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { isEventChannel, isRequestChannel, type ContractError, type StudioApi } from '../shared/contract';
import type { Result } from '../shared/result';
import { IPC_EVENT, IPC_INVOKE } from '../shared/electron-ipc';

/** An error a service returned, with its stable code (errors cross contextBridge as plain Errors). */
function contractError(error: ContractError): Error {
  const e = new Error(error.message);
  e.name = `StudioError[${error.code}]`;
  return e;
}

/**
 * The `window.studio` object: allowlisted `invoke` and `on` only. No raw ipcRenderer, no Node, nothing else
 * reaches the page.
 */
export function createStudioApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): StudioApi {
  return {
    async invoke(channel, request) {
      if (!isRequestChannel(channel)) throw new Error(`Unknown channel: ${String(channel)}`);
      const result = (await ipc.invoke(IPC_INVOKE, channel, request)) as Result<never, ContractError>;
      if (!result.ok) throw contractError(result.error);
      return result.value;
    },
    on(channel, listener) {
      if (!isEventChannel(channel)) throw new Error(`Unknown event: ${String(channel)}`);
      const wrapped = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
        if (name === channel) (listener as (payload: unknown) => void)(payload);
      };
      ipc.on(IPC_EVENT, wrapped);
      return () => ipc.removeListener(IPC_EVENT, wrapped);
    },
  };
}

export function exposeStudioApi(bridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): void {
  const api = createStudioApi(ipc);
  // Functions are copied one by one so the page gets exactly these two and nothing it could walk up from.
  bridge.exposeInMainWorld('studio', {
    invoke: (channel: string, request: unknown) => api.invoke(channel as never, request as never),
    on: (channel: string, listener: (payload: unknown) => void) => api.on(channel as never, listener as never),
  });
}
