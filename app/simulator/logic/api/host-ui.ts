/**
 * Calls that wait for something the host draws (action sheet, file chooser): each gets a call id, the host
 * answers with a `ui-result` message on the Worker's own channel.
 */
import type { UiAction, UiResult } from '../../protocol';
import type { WxHost } from '../wx-api';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type HostRequest = DistributiveOmit<Extract<UiAction, { callId: number }>, 'callId'>;

export class HostUi {
  private readonly pending = new Map<number, (result: UiResult) => void>();

  constructor(
    private readonly host: WxHost,
    scope: EventTarget | undefined,
  ) {
    scope?.addEventListener('message', (event) => {
      const data = (event as MessageEvent).data as { kind?: string; callId?: number; result?: UiResult } | undefined;
      if (data?.kind !== 'ui-result' || typeof data.callId !== 'number' || !data.result) return;
      this.answer(data.callId, data.result);
    });
  }

  /** Shows `request` in the host and resolves with the developer's answer. */
  ask(request: HostRequest): Promise<UiResult> {
    const callId = this.host.newCallId();
    return new Promise((resolve) => {
      this.pending.set(callId, resolve);
      this.host.post({ kind: 'ui', action: { ...request, callId } as UiAction });
    });
  }

  answer(callId: number, result: UiResult): void {
    const resolve = this.pending.get(callId);
    this.pending.delete(callId);
    resolve?.(result);
  }

  show(action: UiAction): void {
    this.host.post({ kind: 'ui', action });
  }
}
