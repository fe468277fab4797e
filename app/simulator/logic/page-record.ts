/**
 * One live page in the Worker: its render context (bound to the page's view through a MessagePort), its
 * glass-easel root, and the lifecycle state that WeChat's order depends on.
 */
import type { ViewToWorker, WorkerToView } from '../protocol';
import type { ComponentCaller, GlassComponent, PageRoot } from './engine';
import { RenderContext, type DeviceInfoSource, type StyleScopeNamer } from './render-backend';

export interface PagePortHandlers {
  event(record: PageRecord, message: Extract<ViewToWorker, { kind: 'event' }>): void;
  pageScroll(record: PageRecord, scrollTop: number): void;
  reachBottom(record: PageRecord): void;
  pullDown(record: PageRecord): void;
  batchSent(record: PageRecord): void;
}

export class PageRecord {
  readonly ctx: RenderContext;
  root: PageRoot | undefined;
  /** The custom tab bar instance of a tab page when app.json asks for `tabBar.custom`. */
  tabBar: PageRoot | undefined;
  /** Components attached since the last ready pass; `ready` fires for them after their first render applied. */
  pendingReady: GlassComponent[] = [];
  readonly components = new Set<GlassComponent>();
  firstRenderApplied = false;
  ready = false;
  visible = false;
  unloaded = false;

  constructor(
    readonly pageId: number,
    readonly route: string,
    readonly query: Readonly<Record<string, string>>,
    private readonly port: MessagePort,
    scopeName: StyleScopeNamer,
    device: DeviceInfoSource,
    handlers: PagePortHandlers,
  ) {
    this.ctx = new RenderContext(
      {
        sendBatch: (ops, ack) => {
          this.post({ kind: 'render', ops, ack });
          handlers.batchSent(this);
        },
        sendQuery: (requestId, nodeId, what) => this.post({ kind: 'query', requestId, nodeId, what }),
        sendNodeCall: (requestId, nodeId, call) => this.post({ kind: 'node-call', requestId, nodeId, call }),
        sendObserve: (observerId, nodeId, relativeNodeId, margin, thresholds) =>
          this.post(thresholds ? { kind: 'observe-intersection', observerId, nodeId, relativeNodeId, margin, thresholds } : { kind: 'unobserve-intersection', observerId }),
      },
      scopeName,
      device,
    );
    port.onmessage = (ev: MessageEvent<ViewToWorker>) => {
      const message = ev.data;
      if (this.unloaded) return;
      switch (message.kind) {
        case 'event':
          handlers.event(this, message);
          break;
        case 'ack':
          this.ctx.acknowledge(message.ack);
          break;
        case 'model':
          this.ctx.applyModelValue(message.nodeId, message.attribute, message.value);
          break;
        case 'query-result':
          this.ctx.resolveQuery(message.requestId, message.result);
          break;
        case 'page-scroll':
          handlers.pageScroll(this, message.scrollTop);
          break;
        case 'reach-bottom':
          handlers.reachBottom(this);
          break;
        case 'intersection':
          this.ctx.intersectionChanged(message.observerId, message.status);
          break;
        case 'pull-down':
          handlers.pullDown(this);
          break;
        case 'resize':
          break;
      }
    };
  }

  get caller(): ComponentCaller | undefined {
    return this.root?.caller;
  }

  post(message: WorkerToView): void {
    if (!this.unloaded) this.port.postMessage(message);
  }

  close(): void {
    this.unloaded = true;
    this.ctx.destroy();
    this.port.close();
  }
}
