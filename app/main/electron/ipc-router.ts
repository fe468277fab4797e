import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ContractError, EventChannel, EventChannels } from '../../shared/contract';
import { err, type Result } from '../../shared/result';
import { dispatchRequest, type RequestHandlers } from '../ide/handlers';
import { APP_ORIGIN, IPC_EVENT, IPC_INVOKE } from '../../shared/electron-ipc';

/** What the router needs to know about a sender: its frame, and whether that frame is a window we created. */
export interface SenderCheck {
  /** True when `event` comes from the top frame of one of the IDE's own windows, loaded from the app origin. */
  isTrusted(event: IpcMainInvokeEvent): boolean;
}

/** Trusted = the main frame of a known workbench webContents, showing a page of our own origin. */
export function ownWindowsSenderCheck(isOwnWebContents: (contents: WebContents) => boolean): SenderCheck {
  return {
    isTrusted(event) {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame) return false;
      if (!isOwnWebContents(event.sender)) return false;
      // A prefix test, not URL.origin: custom schemes all have the origin "null".
      return frame.url.startsWith(`${APP_ORIGIN}/`);
    },
  };
}

/**
 * The one place Electron IPC enters the services. Refuses senders that are not the IDE's own top frame and
 * channels not on the contract's allowlist; answers with a Result so errors cross the boundary as data.
 */
export function registerIpcRouter(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: RequestHandlers, senders: SenderCheck): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, payload: unknown): Promise<Result<unknown, ContractError>> => {
    if (!senders.isTrusted(event)) {
      return err({ code: 'untrusted-sender', message: 'Refused: this request did not come from a Mini Studio window.' });
    }
    return dispatchRequest(handlers, channel, payload);
  });
  return () => ipcMain.removeHandler(IPC_INVOKE);
}

/** Sends a contract event to a workbench window. */
export function sendEvent<C extends EventChannel>(contents: Pick<WebContents, 'send' | 'isDestroyed'>, channel: C, payload: EventChannels[C]): void {
  if (!contents.isDestroyed()) contents.send(IPC_EVENT, channel, payload);
}
