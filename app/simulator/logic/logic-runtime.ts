/**
 * The logic layer: boots the package, runs App/Page/Component code, drives WeChat's lifecycle order for the
 * pages the host's router opens, and reports everything (logs, errors, lifecycles, AppData) to the host.
 */
import type { PackageManifest } from '../../shared/package-format';
import { NAVIGATION_BAR_HEIGHT, TAB_BAR_HEIGHT } from '../protocol';
import type { DeviceMetrics, HostToWorker, InspectorRect, LaunchOptions, PageWindowConfig, RouteKind, RuntimeErrorInfo, ViewEvent, WorkerToHost } from '../protocol';
import { AppInstance } from './app-instance';
import { Engine, type GlassComponent } from './engine';
import type { EventChannelEnd } from './event-channel';
import { PackageLoader } from './package-loader';
import { PageRecord } from './page-record';
import { createWx, type WxHost } from './wx-api';
import { applyInspectorEdit, drawnNodeId, elementAtPath } from './inspector';

import { wxmlTreeOf } from './wxml-tree';

export type PostToHost = (message: WorkerToHost) => void;

export class LogicRuntime implements WxHost {
  private engine!: Engine;
  private loader!: PackageLoader;
  readonly app: AppInstance;
  private metricsValue!: DeviceMetrics;
  launch!: LaunchOptions;
  private readonly pages = new Map<number, PageRecord>();
  private readonly byContext = new Map<unknown, PageRecord>();
  private stack: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly routeCallbacks = new Map<number, (ok: boolean, errMsg: string) => void>();
  private nextCallId = 1;
  readonly channels = new Map<number, { opener: EventChannelEnd; opened: EventChannelEnd }>();
  private appDataTimers = new Map<number, ReturnType<typeof setTimeout>>();
  storage: Map<string, string> = new Map();

  constructor(readonly post: PostToHost) {
    this.app = new AppInstance((error, where) => this.reportError(error, 'error', where));
  }

  /** Messages are handled one after another: a page-create that loads a subpackage finishes before the next. */
  receive(message: HostToWorker): void {
    this.queue = this.queue.then(() => this.handle(message)).catch((error: unknown) => this.reportError(error, 'error', message.kind));
  }

  /** Device metrics with the window of the current page: custom navigation and the tabBar change its height. */
  metrics(): DeviceMetrics {
    const m = this.metricsValue;
    const route = this.creatingRoute ?? this.topPage()?.route;
    if (!route || !this.loader) return m;
    const config = this.pageConfig(route);
    const tabBar = this.loader.manifest.appJson.tabBar as { custom?: boolean; list?: { pagePath?: string }[] } | undefined;
    const isTab = Boolean(tabBar?.list?.some((item) => (item.pagePath ?? '').replace(/^\//, '') === route));
    const top = config.navigationStyle === 'custom' ? 0 : m.statusBarHeight + NAVIGATION_BAR_HEIGHT;
    const bottom = isTab && !tabBar?.custom ? TAB_BAR_HEIGHT + (m.screenHeight - m.safeArea.bottom) : 0;
    return { ...m, windowHeight: m.screenHeight - top - bottom };
  }

  /** The route whose onLoad is running (the host's stack update arrives after it). */
  private creatingRoute: string | undefined;
  private creatingPageId: number | undefined;

  get manifest(): PackageManifest {
    return this.loader.manifest;
  }

  private async handle(message: HostToWorker): Promise<void> {
    switch (message.kind) {
      case 'boot':
        return this.boot(message.manifestUrl, message.metrics, message.launch, message.storage);
      case 'page-create':
        return this.createPage(message.pageId, message.route, message.query, message.port, message.openerEventChannel);
      case 'page-show':
        return this.showPage(message.pageId);
      case 'page-hide':
        return this.hidePage(message.pageId);
      case 'page-unload':
        return this.unloadPage(message.pageId);
      case 'stack':
        this.stack = [...message.pageIds];
        return;
      case 'app-show': {
        // back to the foreground: App first, then the page on top
        this.post({ kind: 'lifecycle', target: 'app', name: 'onShow' });
        this.app.call('onShow', message.launch);
        const top = this.topPage();
        if (top) this.showPage(top.pageId);
        return;
      }
      case 'app-hide': {
        // into the background: the page on top first, then App
        const top = this.topPage();
        if (top) this.hidePage(top.pageId);
        this.post({ kind: 'lifecycle', target: 'app', name: 'onHide' });
        this.app.call('onHide');
        return;
      }
      case 'route-done': {
        const cb = this.routeCallbacks.get(message.callId);
        this.routeCallbacks.delete(message.callId);
        cb?.(message.ok, message.errMsg);
        return;
      }
      case 'metrics':
        return this.updateMetrics(message.metrics);
      case 'page-pull-down':
        this.callPage(this.pages.get(message.pageId), 'onPullDownRefresh');
        return;
      case 'tab-item-tap':
        this.callPage(this.pages.get(message.pageId), 'onTabItemTap', { index: message.index, pagePath: message.pagePath, text: message.text });
        return;
      case 'templates-update':
        return this.updateTemplates(message.part, message.components);
      case 'dump-wxml': {
        const record = message.pageId === undefined ? this.topPage() : this.pages.get(message.pageId);
        const tree = record?.root ? wxmlTreeOf(record.root.component) : null;
        this.post({ kind: 'wxml', requestId: message.requestId, tree });
        return;
      }
      case 'inspector-edit': {
        const problem = applyInspectorEdit(message.edit, { pageCaller: (id) => this.pages.get(id)?.root?.caller, storage: this.storage, post: this.post });
        if (problem) this.post({ kind: 'log', level: 'warn', args: [`[inspector] ${problem}`] });
        return;
      }
      case 'inspector-locate': {
        const record = this.pages.get(message.pageId);
        const node = record?.root ? elementAtPath(record.root.component, message.path) : undefined;
        const nodeId = node ? drawnNodeId(node) : undefined;
        if (!record || nodeId === undefined) this.post({ kind: 'inspector-rect', pageId: message.pageId, rect: null });
        else record.ctx.query(nodeId, 'rect', (rect) => this.post({ kind: 'inspector-rect', pageId: message.pageId, rect: rect as InspectorRect }));
        return;
      }
      case 'modal-result':
        this.modalCallbacks.get(message.callId)?.(message.confirm);
        this.modalCallbacks.delete(message.callId);
        return;
    }
  }

  readonly modalCallbacks = new Map<number, (confirm: boolean) => void>();

  private async boot(manifestUrl: string, metrics: DeviceMetrics, launch: LaunchOptions, storage: Readonly<Record<string, string>>): Promise<void> {
    this.metricsValue = metrics;
    this.launch = launch;
    this.storage = new Map(Object.entries(storage));
    try {
      const manifest = await PackageLoader.fetchManifest(manifestUrl);
      if (!launch.path) {
        const pages = (manifest.appJson.pages as string[] | undefined) ?? [];
        this.launch = { ...launch, path: String(manifest.appJson.entryPagePath ?? pages[0] ?? '') };
        launch = this.launch;
      }
      this.engine = new Engine(
        {
          componentAttached: (comp, ctx) => this.componentAttached(comp, ctx),
          componentDetached: (comp, ctx) => this.byContext.get(ctx)?.components.delete(comp),
          userError: (error, method) => this.reportError(error, 'error', method),
          warning: (message) => this.post({ kind: 'log', level: 'warn', args: [message] }),
        },
      );
      this.loader = PackageLoader.create(manifest, manifestUrl, this.engine, (componentPath, scriptKey) => this.runScript(componentPath, scriptKey));
      this.installGlobals(manifest);
      const main = manifest.packages.find((p) => p.root === '');
      if (!main) throw new Error('The package has no main part');
      await this.loader.loadPart(main);
      this.post({ kind: 'booted', appJson: manifest.appJson, baseUrl: this.loader.baseUrl, assets: manifest.assets, ...(manifest.themeJson ? { themeJson: manifest.themeJson } : {}) });
      this.post({ kind: 'lifecycle', target: 'app', name: 'onLaunch' });
      this.app.call('onLaunch', launch);
      this.post({ kind: 'lifecycle', target: 'app', name: 'onShow' });
      this.app.call('onShow', launch);
    } catch (error) {
      const info = await this.errorInfo(error, 'error');
      this.post({ kind: 'boot-failed', error: info });
    }
  }

  private installGlobals(manifest: PackageManifest): void {
    const scope = globalThis as unknown as Record<string, unknown>;
    const wx = createWx(this);
    scope.wx = wx;
    if (manifest.profile === 'finclip') scope.ft = wx;
    scope.App = this.app.register;
    scope.getApp = this.app.getApp;
    scope.getCurrentPages = () => {
      // the page whose onLoad runs is already current, before the host's stack update arrives
      const ids = this.creatingPageId !== undefined && !this.stack.includes(this.creatingPageId) ? [...this.stack, this.creatingPageId] : this.stack;
      return ids.map((id) => this.pages.get(id)?.caller).filter((c) => c !== undefined);
    };
    const behaviorCtor = this.engine.behaviorConstructor();
    const engine = this.engine;
    scope.Behavior = Object.assign((def?: unknown) => (def === undefined ? behaviorCtor() : behaviorCtor(engine.normalizeDefinition(def) as never)), {
      trait: behaviorCtor.trait,
    });
    self.addEventListener('unhandledrejection', (event) => {
      event.preventDefault();
      const reason: unknown = event.reason;
      if (this.app.has('onUnhandledRejection')) this.app.call('onUnhandledRejection', { reason, promise: event.promise });
      void this.reportError(reason, 'unhandledrejection', 'Promise');
    });
    self.addEventListener('error', (event) => {
      event.preventDefault();
      void this.reportError(event.error ?? event.message, 'error', 'global');
    });
  }

  /** Runs one script; `Page`/`Component` inside it register the component at `componentPath`. */
  private runScript(componentPath: string | null, scriptKey: string): void {
    const scope = globalThis as unknown as Record<string, unknown>;
    try {
      if (componentPath === null) {
        this.loader.modules.require(scriptKey);
        return;
      }
      this.engine.withComponentEnv(componentPath, ({ Page, Component }) => {
        const previous = { Page: scope.Page, Component: scope.Component };
        scope.Page = (def: unknown) => Page(this.engine.normalizeDefinition(def) as never);
        scope.Component = (def?: unknown) => (def === undefined ? Component() : Component(this.engine.normalizeDefinition(def) as never));
        try {
          this.loader.modules.require(scriptKey);
        } finally {
          scope.Page = previous.Page;
          scope.Component = previous.Component;
        }
      });
    } catch (error) {
      void this.reportError(error, 'error', scriptKey);
    }
  }

  // ---- pages ----

  private componentAttached(comp: GlassComponent, ctx: unknown): void {
    const record = this.byContext.get(ctx);
    if (!record) return;
    record.components.add(comp);
    record.pendingReady.push(comp);
    if (record.firstRenderApplied) record.ctx.render(() => this.fireReady(record));
  }

  /** glass-easel never fires `ready`: we do, after the view applied the first render, children first. */
  private fireReady(record: PageRecord): void {
    const pending = record.pendingReady;
    record.pendingReady = [];
    for (let i = pending.length - 1; i >= 0; i--) {
      const comp = pending[i]!;
      if (comp === record.root?.component) continue;
      if (!record.components.has(comp)) continue;
      this.engine.triggerLifetime(comp, 'ready');
    }
  }

  pageConfig(route: string): PageWindowConfig {
    const appWindow = (this.loader.manifest.appJson.window ?? {}) as PageWindowConfig;
    const pageJson = (this.loader.manifest.components[route]?.json ?? {}) as PageWindowConfig & { window?: PageWindowConfig };
    const { window: nested, ...own } = pageJson as PageWindowConfig & { window?: PageWindowConfig; usingComponents?: unknown };
    const config: Record<string, unknown> = { ...appWindow, ...(nested ?? {}), ...own };
    delete config.usingComponents;
    delete config.component;
    return config as PageWindowConfig;
  }

  private async createPage(pageId: number, route: string, query: Readonly<Record<string, string>>, port: MessagePort, channelId?: number): Promise<void> {
    const part = this.loader.partOf(route);
    if (part && !this.loader.isPartLoaded(part.root)) await this.loader.loadPart(part);
    const entry = this.loader.manifest.components[route];
    this.creatingRoute = route;
    this.creatingPageId = pageId;
    try {
      await this.createPageWith(pageId, route, query, port, entry, channelId);
    } finally {
      this.creatingRoute = undefined;
      this.creatingPageId = undefined;
    }
  }

  private async createPageWith(
    pageId: number,
    route: string,
    query: Readonly<Record<string, string>>,
    port: MessagePort,
    entry: PackageManifest['components'][string] | undefined,
    channelId: number | undefined,
  ): Promise<void> {
    const record = new PageRecord(
      pageId,
      route,
      query,
      port,
      (scope) => (scope === undefined ? '' : this.engine.codeSpace.getComponentSpace().styleScopeManager.queryName(scope) ?? ''),
      {
        windowWidth: () => this.metricsValue.windowWidth,
        windowHeight: () => this.metricsValue.windowHeight,
        pixelRatio: () => this.metricsValue.pixelRatio,
        theme: () => this.metricsValue.theme,
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
    record.post({ kind: 'metrics', metrics: this.metricsValue, baseUrl: this.loader.baseUrl, route, config: this.pageConfig(route), assets: this.loader.manifest.assets });
    if (!entry?.isPage || !this.engine.isRegistered(route)) {
      this.post({ kind: 'page-config', pageId, config: { ...this.pageConfig(route), navigationBarTitleText: '' }, found: false });
      const isEntryPage = this.stack.length === 0;
      this.post({ kind: 'lifecycle', target: 'app', name: 'onPageNotFound', route });
      this.app.call('onPageNotFound', { path: route, query, isEntryPage });
      this.post({ kind: 'error', error: { kind: 'page-not-found', message: `Page "${route}" is not found: it is not listed in app.json pages or subPackages`, stack: '' } });
      return;
    }
    this.post({ kind: 'page-config', pageId, config: this.pageConfig(route), found: true });
    const queryString = Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    try {
      record.root = this.engine.createPageRoot(record.ctx, route, queryString);
    } catch (error) {
      void this.reportError(error, 'error', `creating page ${route}`);
      return;
    }
    const caller = record.root.caller as Record<string, unknown>;
    caller.route = route;
    caller.__route__ = route;
    caller.options = { ...query };
    const channel = channelId === undefined ? undefined : this.channels.get(channelId);
    caller.getOpenerEventChannel = () => channel?.opened;
    record.root.attach();
    this.attachCustomTabBar(record, route);
    caller.getTabBar = () => record.tabBar?.caller;
    this.lifecycle(record, 'onLoad', { ...query });
    record.visible = true;
    this.lifecycle(record, 'onShow');
    this.engine.triggerPageLifetime(record.root.component, 'show');
    record.ctx.render(() => {
      if (record.unloaded) return;
      record.firstRenderApplied = true;
      this.fireReady(record);
      this.lifecycle(record, 'onReady');
      record.ready = true;
      this.post({ kind: 'page-ready', pageId });
    });
  }

  /** WeChat gives every tab page its own instance of `custom-tab-bar/index`, rendered in that page. */
  private attachCustomTabBar(record: PageRecord, route: string): void {
    const tabBar = this.loader.manifest.appJson.tabBar as { custom?: boolean; list?: { pagePath?: string }[] } | undefined;
    if (!tabBar?.custom || !tabBar.list?.some((item) => (item.pagePath ?? '').replace(/^\//, '') === route)) return;
    if (!this.engine.isRegistered('custom-tab-bar/index')) {
      this.post({ kind: 'log', level: 'warn', args: ['tabBar.custom is set but custom-tab-bar/index is not in the package'] });
      return;
    }
    try {
      record.tabBar = this.engine.createExtraRoot(record.ctx, 'custom-tab-bar', 'custom-tab-bar/index');
      record.tabBar.attach();
    } catch (error) {
      void this.reportError(error, 'error', 'custom-tab-bar/index');
    }
  }

  private lifecycle(record: PageRecord, name: string, ...args: unknown[]): void {
    this.post({ kind: 'lifecycle', target: 'page', name, route: record.route, pageId: record.pageId });
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
      void this.reportError(error, 'error', `${record?.route}.${name}`);
      return undefined;
    }
  }

  private showPage(pageId: number): void {
    const record = this.pages.get(pageId);
    if (!record?.root || record.visible) return;
    record.visible = true;
    this.lifecycle(record, 'onShow');
    this.engine.triggerPageLifetime(record.root.component, 'show');
  }

  private hidePage(pageId: number): void {
    const record = this.pages.get(pageId);
    if (!record?.root || !record.visible) return;
    record.visible = false;
    this.lifecycle(record, 'onHide');
    this.engine.triggerPageLifetime(record.root.component, 'hide');
  }

  private unloadPage(pageId: number): void {
    const record = this.pages.get(pageId);
    if (!record) return;
    if (record.root) {
      this.lifecycle(record, 'onUnload');
      try {
        record.tabBar?.release();
        record.root.release();
      } catch (error) {
        void this.reportError(error, 'error', `${record.route}.detached`);
      }
    }
    record.close();
    this.pages.delete(pageId);
    this.byContext.delete(record.ctx);
    this.stack = this.stack.filter((id) => id !== pageId);
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
        this.post({ kind: 'appdata', pageId: record.pageId, route: record.route, data: jsonClone(data) });
      }, 30),
    );
  }

  private updateMetrics(metrics: DeviceMetrics): void {
    const themeChanged = this.metricsValue?.theme !== metrics.theme;
    this.metricsValue = metrics;
    const size = { windowWidth: metrics.windowWidth, windowHeight: metrics.windowHeight, screenWidth: metrics.screenWidth, screenHeight: metrics.screenHeight };
    for (const record of this.pages.values()) {
      record.post({ kind: 'metrics', metrics, baseUrl: this.loader.baseUrl, route: record.route, config: this.pageConfig(record.route), assets: this.loader.manifest.assets });
      if (!record.root) continue;
      this.callPage(record, 'onResize', { size });
      this.engine.triggerPageLifetime(record.root.component, 'resize', [{ size }]);
    }
    if (themeChanged) this.app.call('onThemeChange', { theme: metrics.theme });
  }

  private async updateTemplates(partRoot: string, components: readonly string[]): Promise<void> {
    const part = this.loader.manifest.packages.find((p) => p.root === partRoot);
    if (!part || !this.loader.isPartLoaded(partRoot)) return;
    const groups = await this.loader.fetchTemplateGroups(part);
    const changed = new Set<string>();
    for (const path of components.length ? components : Object.keys(this.loader.manifest.components)) {
      const entry = this.loader.manifest.components[path];
      if (!entry || entry.packageRoot !== partRoot) continue;
      if (this.engine.updateTemplate(entry, groups)) changed.add(path);
    }
    const applied: Promise<void>[] = [];
    for (const record of this.pages.values()) {
      for (const comp of [...record.components]) {
        if (!changed.has(this.engine.pathOf(comp)) || !record.components.has(comp)) continue;
        try {
          this.engine.applyTemplateUpdates(comp);
        } catch (error) {
          void this.reportError(error, 'error', `hot update of ${this.engine.pathOf(comp)}`);
        }
      }
      applied.push(new Promise((resolve) => record.ctx.render(() => resolve())));
    }
    await Promise.all(applied);
    this.post({ kind: 'hot-applied' });
  }

  // ---- router client ----

  route(kind: RouteKind, url: string, extra: { delta?: number; eventChannel?: number }, done: (ok: boolean, errMsg: string) => void): void {
    const callId = this.nextCallId++;
    this.routeCallbacks.set(callId, done);
    this.post({ kind: 'route', callId, route: kind, url, ...extra });
  }

  newCallId(): number {
    return this.nextCallId++;
  }

  topPage(): PageRecord | undefined {
    const id = this.stack[this.stack.length - 1];
    return id === undefined ? undefined : this.pages.get(id);
  }

  // ---- errors ----

  async errorInfo(error: unknown, kind: RuntimeErrorInfo['kind']): Promise<RuntimeErrorInfo> {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const rawStack = error instanceof Error && error.stack ? error.stack : message;
    const mapped = this.loader ? await this.loader.modules.mapStack(rawStack) : { stack: rawStack };
    return { kind, message, stack: mapped.stack, ...(mapped.location ? { location: mapped.location } : {}) };
  }

  async reportError(error: unknown, kind: RuntimeErrorInfo['kind'], where?: string): Promise<void> {
    const info = await this.errorInfo(error, kind);
    const where_ = where ? ` (in ${where})` : '';
    this.post({ kind: 'error', error: { ...info, message: info.message + where_ } });
    if (kind === 'error' && where !== 'App.onError' && this.app.has('onError')) this.app.call('onError', `${info.message}\n${info.stack}`);
  }
}

function jsonClone(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return null;
  }
}
