/**
 * The live pages of the logic layer and WeChat's lifecycle order for them: create (onLoad, onShow, ready, onReady),
 * show/hide, unload, `ready` of components after their first render, view events and AppData snapshots.
 */
import type { PackageManifest } from '../../shared/package-format';
import type { DeviceMetrics, PageWindowConfig, RuntimeErrorInfo, ViewEvent, WorkerToHost } from '../protocol';
import type { AppInstance } from './app-instance';
import type { Engine, GlassComponent } from './engine';
import type { EventChannelEnd } from './event-channel';
import { PageRecord } from './page-record';

export interface PageStackHost {
  readonly engine: Engine;
  readonly app: AppInstance;
  readonly manifest: PackageManifest;
  readonly baseUrl: string;
  readonly channels: Map<number, { opener: EventChannelEnd; opened: EventChannelEnd }>;
  deviceMetrics(): DeviceMetrics;
  pageConfig(route: string): PageWindowConfig;
  post(message: WorkerToHost): void;
  reportError(error: unknown, kind: RuntimeErrorInfo['kind'], where?: string): Promise<void>;
}

export class PageStack {
  readonly pages = new Map<number, PageRecord>();
  private readonly byContext = new Map<unknown, PageRecord>();
  /** Page ids, bottom first: the host's router owns it; a created page goes on top at once, as in WeChat. */
  private stack: number[] = [];
  private readonly appDataTimers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: PageStackHost) {}

  setStack(pageIds: readonly number[]): void {
    this.stack = [...pageIds];
  }

  top(): PageRecord | undefined {
    const id = this.stack[this.stack.length - 1];
    return id === undefined ? undefined : this.pages.get(id);
  }

  /** `getCurrentPages()`: the page instances of the stack, bottom first. */
  callers(): unknown[] {
    return this.stack.map((id) => this.pages.get(id)?.caller).filter((c) => c !== undefined);
  }

  componentAttached(comp: GlassComponent, ctx: unknown): void {
    const record = this.byContext.get(ctx);
    if (!record) return;
    record.components.add(comp);
    record.pendingReady.push(comp);
    if (record.firstRenderApplied) record.ctx.render(() => this.fireReady(record));
  }

  componentDetached(comp: GlassComponent, ctx: unknown): void {
    this.byContext.get(ctx)?.components.delete(comp);
  }

  /** glass-easel never fires `ready`: we do, after the view applied the first render, children first. */
  private fireReady(record: PageRecord): void {
    const pending = record.pendingReady;
    record.pendingReady = [];
    for (let i = pending.length - 1; i >= 0; i--) {
      const comp = pending[i]!;
      if (comp === record.root?.component) continue;
      if (!record.components.has(comp)) continue;
      this.host.engine.triggerLifetime(comp, 'ready');
    }
  }

  create(pageId: number, route: string, query: Readonly<Record<string, string>>, port: MessagePort, channelId?: number): void {
    const isEntryPage = this.stack.length === 0;
    // a created page is on top before its onLoad (getCurrentPages, wx.createSelectorQuery); the host confirms later
    this.stack = [...this.stack.filter((id) => id !== pageId), pageId];
    this.createWith(pageId, route, query, port, isEntryPage, channelId);
  }

  private createWith(
    pageId: number,
    route: string,
    query: Readonly<Record<string, string>>,
    port: MessagePort,
    isEntryPage: boolean,
    channelId: number | undefined,
  ): void {
    const { engine, manifest } = this.host;
    const entry = manifest.components[route];
    const record = new PageRecord(
      pageId,
      route,
      query,
      port,
      (scope) => (scope === undefined ? '' : engine.codeSpace.getComponentSpace().styleScopeManager.queryName(scope) ?? ''),
      {
        windowWidth: () => this.host.deviceMetrics().windowWidth,
        windowHeight: () => this.host.deviceMetrics().windowHeight,
        pixelRatio: () => this.host.deviceMetrics().pixelRatio,
        theme: () => this.host.deviceMetrics().theme,
      },
      {
        event: (rec, message) => this.dispatchViewEvent(rec, message.event),
        pageScroll: (rec, scrollTop) => this.callPage(rec, 'onPageScroll', { scrollTop }),
        reachBottom: (rec) => this.callPage(rec, 'onReachBottom'),
        pullDown: (rec) => this.callPage(rec, 'onPullDownRefresh'),
        batchSent: (rec) => this.scheduleAppData(rec),
      },
    );
    this.pages.set(pageId, record);
    this.byContext.set(record.ctx, record);
    const config = this.host.pageConfig(route);
    record.post({ kind: 'metrics', metrics: this.host.deviceMetrics(), baseUrl: this.host.baseUrl, route, config, assets: manifest.assets });
    if (!entry?.isPage || !engine.isRegistered(route)) {
      this.host.post({ kind: 'page-config', pageId, config: { ...config, navigationBarTitleText: '' }, found: false });
      this.host.post({ kind: 'lifecycle', target: 'app', name: 'onPageNotFound', route });
      this.host.app.call('onPageNotFound', { path: route, query, isEntryPage });
      this.host.post({ kind: 'error', error: { kind: 'page-not-found', message: `Page "${route}" is not found: it is not listed in app.json pages or subPackages`, stack: '' } });
      return;
    }
    this.host.post({ kind: 'page-config', pageId, config, found: true });
    const queryString = Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    try {
      record.root = engine.createPageRoot(record.ctx, route, queryString);
    } catch (error) {
      void this.host.reportError(error, 'error', `creating page ${route}`);
      return;
    }
    const caller = record.root.caller as Record<string, unknown>;
    caller.route = route;
    caller.__route__ = route;
    caller.options = { ...query };
    const channel = channelId === undefined ? undefined : this.host.channels.get(channelId);
    caller.getOpenerEventChannel = () => channel?.opened;
    record.root.attach();
    this.attachCustomTabBar(record, route);
    caller.getTabBar = () => record.tabBar?.caller;
    this.lifecycle(record, 'onLoad', { ...query });
    record.visible = true;
    this.lifecycle(record, 'onShow');
    engine.triggerPageLifetime(record.root.component, 'show');
    record.ctx.render(() => {
      if (record.unloaded) return;
      record.firstRenderApplied = true;
      this.fireReady(record);
      this.lifecycle(record, 'onReady');
      record.ready = true;
      this.host.post({ kind: 'page-ready', pageId });
    });
  }

  /** WeChat gives every tab page its own instance of `custom-tab-bar/index`, rendered in that page. */
  private attachCustomTabBar(record: PageRecord, route: string): void {
    const tabBar = this.host.manifest.appJson.tabBar as { custom?: boolean; list?: { pagePath?: string }[] } | undefined;
    if (!tabBar?.custom || !tabBar.list?.some((item) => (item.pagePath ?? '').replace(/^\//, '') === route)) return;
    if (!this.host.engine.isRegistered('custom-tab-bar/index')) {
      this.host.post({ kind: 'log', level: 'warn', args: ['tabBar.custom is set but custom-tab-bar/index is not in the package'] });
      return;
    }
    try {
      record.tabBar = this.host.engine.createExtraRoot(record.ctx, 'custom-tab-bar', 'custom-tab-bar/index');
      record.tabBar.attach();
    } catch (error) {
      void this.host.reportError(error, 'error', 'custom-tab-bar/index');
    }
  }

  private lifecycle(record: PageRecord, name: string, ...args: unknown[]): void {
    this.host.post({ kind: 'lifecycle', target: 'page', name, route: record.route, pageId: record.pageId });
    this.callPage(record, name, ...args);
  }

  /** Calls a page method (Page() hook or Component() page method) and reports exceptions with their source. */
  callPage(record: PageRecord | undefined, name: string, ...args: unknown[]): unknown {
    const caller = record?.caller as Record<string, unknown> | undefined;
    const fn = caller?.[name];
    if (typeof fn !== 'function') return undefined;
    try {
      return (fn as (...a: unknown[]) => unknown).apply(caller, args);
    } catch (error) {
      void this.host.reportError(error, 'error', `${record?.route}.${name}`);
      return undefined;
    }
  }

  show(pageId: number): void {
    const record = this.pages.get(pageId);
    if (!record?.root || record.visible) return;
    record.visible = true;
    this.lifecycle(record, 'onShow');
    this.host.engine.triggerPageLifetime(record.root.component, 'show');
  }

  hide(pageId: number): void {
    const record = this.pages.get(pageId);
    if (!record?.root || !record.visible) return;
    record.visible = false;
    this.lifecycle(record, 'onHide');
    this.host.engine.triggerPageLifetime(record.root.component, 'hide');
  }

  unload(pageId: number): void {
    const record = this.pages.get(pageId);
    if (!record) return;
    if (record.root) {
      this.lifecycle(record, 'onUnload');
      try {
        record.tabBar?.release();
        record.root.release();
      } catch (error) {
        void this.host.reportError(error, 'error', `${record.route}.detached`);
      }
    }
    record.close();
    this.pages.delete(pageId);
    this.byContext.delete(record.ctx);
    this.stack = this.stack.filter((id) => id !== pageId);
  }

  /** A device switch or resize: every page gets the new metrics, `onResize` and the `resize` page lifetime. */
  resize(metrics: DeviceMetrics): void {
    const size = { windowWidth: metrics.windowWidth, windowHeight: metrics.windowHeight, screenWidth: metrics.screenWidth, screenHeight: metrics.screenHeight };
    for (const record of this.pages.values()) {
      record.post({ kind: 'metrics', metrics, baseUrl: this.host.baseUrl, route: record.route, config: this.host.pageConfig(record.route), assets: this.host.manifest.assets });
      if (!record.root) continue;
      this.callPage(record, 'onResize', { size });
      this.host.engine.triggerPageLifetime(record.root.component, 'resize', [{ size }]);
    }
  }

  private dispatchViewEvent(record: PageRecord, event: ViewEvent): void {
    record.ctx.dispatchEvent(event.nodeId, event.type, event.detail, {
      bubbles: event.bubbles,
      composed: event.composed,
      capturePhase: event.capturePhase,
      extraFields: { touches: event.touches, changedTouches: event.changedTouches, timeStamp: event.timeStamp },
    });
  }

  private scheduleAppData(record: PageRecord): void {
    if (this.appDataTimers.has(record.pageId)) return;
    this.appDataTimers.set(
      record.pageId,
      setTimeout(() => {
        this.appDataTimers.delete(record.pageId);
        const data = record.caller?.data;
        if (data === undefined || record.unloaded) return;
        this.host.post({ kind: 'appdata', pageId: record.pageId, route: record.route, data: jsonClone(data) });
      }, 30),
    );
  }
}

function jsonClone(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return null;
  }
}
