/** The host's handle on the logic Worker: typed messages both ways, and request/response for WXML dumps. */
import type { HostToWorker, WorkerToHost, WxmlNode } from '../protocol';

export class LogicWorker {
  private nextRequest = 1;
  private readonly wxmlRequests = new Map<number, (tree: WxmlNode | null) => void>();

  constructor(
    private readonly worker: Worker,
    onMessage: (message: WorkerToHost) => void,
  ) {
    worker.onmessage = (event: MessageEvent<WorkerToHost>) => onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      onMessage({ kind: 'error', error: { kind: 'error', message: `Logic worker failed: ${event.message}`, stack: '' } });
    };
  }

  post(message: HostToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  requestWxml(pageId: number | undefined): Promise<WxmlNode | null> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.wxmlRequests.set(requestId, resolve);
      this.post({ kind: 'dump-wxml', requestId, ...(pageId !== undefined ? { pageId } : {}) });
    });
  }

  resolveWxml(requestId: number, tree: WxmlNode | null): void {
    this.wxmlRequests.get(requestId)?.(tree);
    this.wxmlRequests.delete(requestId);
  }

  terminate(): void {
    this.worker.terminate();
    for (const resolve of this.wxmlRequests.values()) resolve(null);
    this.wxmlRequests.clear();
  }
}
