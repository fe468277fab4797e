/**
 * The logic layer: boots the package, runs App/Page/Component code, drives WeChat's lifecycle order for the
 * pages the host's router opens, and reports everything (logs, errors, lifecycles, AppData) to the host.
 */
import type { PackageManifest } from '../../shared/package-format';
import { NAVIGATION_BAR_HEIGHT, TAB_BAR_HEIGHT } from '../protocol';
import type { DeviceMetrics, HostToWorker, InspectorRect, LaunchOptions, PageWindowConfig, RouteKind, RuntimeErrorInfo, SourceLocation, WorkerToHost } from '../protocol';
import { AppInstance } from './app-instance';
import { Engine, type ComponentCaller } from './engine';
import type { EventChannelEnd } from './event-channel';
import { PackageLoader } from './package-loader';
import type { PageRecord } from './page-record';
import { PageStack } from './page-stack';
import { ScriptGlobals } from './script-globals';
import { createWx, type WxHost } from './wx-api';
import { answerInspectorQuery, applyInspectorEdit, drawnNodeId, elementAtPath } from './inspector';

import { wxmlTreeOf } from './wxml-tree';

export type PostToHost = (message: WorkerToHost) => void;

export class LogicRuntime implements WxHost {
  engine!: Engine;
  private loader!: PackageLoader;
  readonly app: AppInstance;
  private metricsValue!: DeviceMetrics;
  launch!: LaunchOptions;
  private readonly pages = new PageStack(this);
  private queue: Promise<void> = Promise.resolve();
  private readonly routeCallbacks = new Map<number, (ok: boolean, errMsg: string) => void>();
  private nextCallId = 1;
  readonly channels = new Map<number, { opener: EventChannelEnd; opened: EventChannelEnd }>();
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
    const route = this.topPage()?.route;
    if (!route || !this.loader) return m;
    const config = this.pageConfig(route);
    const tabBar = this.loader.manifest.appJson.tabBar as { custom?: boolean; list?: { pagePath?: string }[] } | undefined;
    const isTab = Boolean(tabBar?.list?.some((item) => (item.pagePath ?? '').replace(/^\//, '') === route));
    const top = config.navigationStyle === 'custom' ? 0 : m.statusBarHeight + NAVIGATION_BAR_HEIGHT;
    const bottom = isTab && !tabBar?.custom ? TAB_BAR_HEIGHT + (m.screenHeight - m.safeArea.bottom) : 0;
    return { ...m, windowHeight: m.screenHeight - top - bottom };
  }

  get manifest(): PackageManifest {
    return this.loader.manifest;
  }

  get baseUrl(): string {
    return this.loader.baseUrl;
  }

  deviceMetrics(): DeviceMetrics {
    return this.metricsValue;
  }

  private async handle(message: HostToWorker): Promise<void> {
    switch (message.kind) {
      case 'boot':
        return this.boot(message.manifestUrl, message.metrics, message.launch, message.storage);
      case 'page-create':
        return this.createPage(message.pageId, message.route, message.query, message.port, message.openerEventChannel);
      case 'page-show':
        return this.pages.show(message.pageId);
      case 'page-hide':
        return this.pages.hide(message.pageId);
      case 'page-unload':
        return this.pages.unload(message.pageId);
      case 'stack':
        return this.pages.setStack(message.pageIds);
      case 'app-show': {
        // back to the foreground: App first, then the page on top
        this.post({ kind: 'lifecycle', target: 'app', name: 'onShow' });
        this.app.call('onShow', message.launch);
        const top = this.topPage();
        if (top) this.pages.show(top.pageId);
        return;
      }
      case 'app-hide': {
        // into the background: the page on top first, then App
        const top = this.topPage();
        if (top) this.pages.hide(top.pageId);
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
        this.pages.callPage(this.pages.pages.get(message.pageId), 'onPullDownRefresh');
        return;
      case 'tab-item-tap':
        this.pages.callPage(this.pages.pages.get(message.pageId), 'onTabItemTap', { index: message.index, pagePath: message.pagePath, text: message.text });
        return;
      case 'templates-update':
        return this.updateTemplates(message.part, message.components);
      case 'dump-wxml': {
        const record = message.pageId === undefined ? this.topPage() : this.pages.pages.get(message.pageId);
        const tree = record?.root ? wxmlTreeOf(record.root.component) : null;
        this.post({ kind: 'wxml', requestId: message.requestId, tree });
        return;
      }
      case 'inspector-edit': {
        const problem = applyInspectorEdit(message.edit, { pageCaller: (id) => this.pages.pages.get(id)?.root?.caller, storage: this.storage, post: this.post });
        if (problem) this.post({ kind: 'log', level: 'warn', args: [`[inspector] ${problem}`] });
        return;
      }
      case 'inspector-locate': {
        const record = this.pages.pages.get(message.pageId);
        const node = record?.root ? elementAtPath(record.root.component, message.path) : undefined;
        const nodeId = node ? drawnNodeId(node) : undefined;
        if (!record || nodeId === undefined) this.post({ kind: 'inspector-rect', pageId: message.pageId, rect: null });
        else record.ctx.query(nodeId, 'rect', (rect) => this.post({ kind: 'inspector-rect', pageId: message.pageId, rect: rect as InspectorRect }));
        return;
      }
      case 'inspector-query':
        this.post({ kind: 'inspector-answer', requestId: message.requestId, answer: answerInspectorQuery(message.query, (id) => this.pages.pages.get(id)?.root?.component) });
        return;
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
          componentAttached: (comp, ctx) => this.pages.componentAttached(comp, ctx),
          componentDetached: (comp, ctx) => this.pages.componentDetached(comp, ctx),
          userError: (error, method) => this.reportError(error, 'error', method),
          warning: (message) => this.post({ kind: 'log', level: 'warn', args: [message] }),
        },
      );
      const scripts = new ScriptGlobals({
        engine: this.engine,
        app: this.app,
        requireScript: (key) => this.loader.modules.require(key),
        ft: manifest.profile === 'finclip',
        currentPages: () => this.pages.callers(),
        reportError: (error, kind, where) => this.reportError(error, kind, where),
      });
      this.loader = PackageLoader.create(manifest, manifestUrl, this.engine, (componentPath, scriptKey) => scripts.run(componentPath, scriptKey));
      scripts.install(createWx(this));
      this.listenForUncaughtErrors();
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

  private listenForUncaughtErrors(): void {
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
    this.pages.create(pageId, route, query, port, channelId);
  }

  private updateMetrics(metrics: DeviceMetrics): void {
    const themeChanged = this.metricsValue?.theme !== metrics.theme;
    this.metricsValue = metrics;
    this.pages.resize(metrics);
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
    for (const record of this.pages.pages.values()) {
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
    return this.pages.top();
  }

  /** `wx.createSelectorQuery()` may come before the page exists (a component's `created`): the page is found at exec. */
  pageSelectorQuery(): unknown {
    return this.engine.selectorQueryOf(() => this.topPage()?.caller as ComponentCaller | undefined);
  }

  // ---- errors ----

  /** Where user code is in `stack` (its first user-script frame, source-mapped), for console entries. */
  async locateCaller(stack: string): Promise<SourceLocation | undefined> {
    return this.loader ? (await this.loader.modules.mapStack(stack)).location : undefined;
  }

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
