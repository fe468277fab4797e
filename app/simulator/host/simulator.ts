/**
 * The host shell: owns the logic Worker, the device screen with its chrome, the page stack of view iframes and
 * the router. It relays what the Worker reports to subscribers (the device link, automation, tests).
 */
import type { Diagnostic } from '../../shared/diagnostic';
import type { DeviceMetrics, LaunchOptions, PageWindowConfig, RouteKind, RuntimeErrorInfo, UiAction, WorkerToHost, WxmlNode } from '../protocol';
import { DEFAULT_DEVICE_ID, DEVICES, findDevice, type DeviceProfile } from '../../shared/device-profiles';
import { NAVIGATION_BAR_HEIGHT } from '../protocol';
import { deviceMetrics } from './device-metrics';
import { EventHub } from './event-hub';
import { NavigationBar, navigationStateOf } from './navigation-bar';
import { Overlays } from './overlays';
import { PageViews } from './page-views';
import { Router, parsePageUrl, type RouteStep } from './router';
import type { PackageUpdate, SimulatorEvents, SimulatorHost, SimulatorStatus, StatusError } from './simulator-api';
import { TabBar, tabBarConfigOf } from './tab-bar';
import { resolveThemed, type ThemeJson } from './theme';
import { LogicWorker } from './logic-worker';
import { StorageMirror } from './storage-mirror';
import { clearHighlights, drawHighlight } from './inspector-highlight';
import { ElementInspector } from './element-inspector';
import type { NodeDetails } from '../../shared/device-protocol';
import { AudioPlayers } from './audio-players';
import { applyUiAction, type PageChromeState } from './ui-actions';

interface PageState extends PageChromeState {
  ready: boolean;
  found: boolean;
}

export interface SimulatorOptions {
  readonly device?: string;
  readonly theme?: 'light' | 'dark';
  /** URL of the view page (simulator/view/index.html). */
  readonly viewUrl: string;
  readonly createWorker: () => Worker;
  /** Scale the device down to fit the window (default true). */
  readonly fit?: boolean;
}

export class Simulator implements SimulatorHost {
  private device: DeviceProfile;
  private theme: 'light' | 'dark';
  private readonly screen: HTMLElement;
  private readonly pagesBox: HTMLElement;
  private readonly nav: NavigationBar;
  private readonly overlays: Overlays;
  private readonly views: PageViews;
  private readonly events = new EventHub<SimulatorEvents>();
  private worker: LogicWorker | undefined;
  private readonly inspector: ElementInspector;
  private router: Router | undefined;
  private tabBar: TabBar | undefined;
  private appJson: Readonly<Record<string, unknown>> = {};
  private themeJson: ThemeJson;
  private baseUrl = '';
  private assets: Readonly<Record<string, string>> = {};
  private manifestUrl = '';
  private buildId: string | undefined;
  private launchOptions: LaunchOptions = { path: '', query: {}, scene: 1001, referrerInfo: {} };
  private readonly pageStates = new Map<number, PageState>();
  private readonly appDataByPage = new Map<number, { path: string; data: unknown }>();
  private readonly errors: StatusError[] = [];
  private lastHotReloadMs: number | undefined;
  private routeQueue: Promise<unknown> = Promise.resolve();
  private readonly storageMirror: StorageMirror;
  private readonly audio = new AudioPlayers(
    (message) => this.worker?.post(message),
    (src) => (/^[a-z][a-z0-9+.-]*:/i.test(src) ? src : this.assetUrl(src)),
  );
  private storageKey = '';
  private pendingHot: { started: number; kind: 'template' | 'style' } | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly options: SimulatorOptions,
  ) {
    this.device = findDevice(options.device ?? DEFAULT_DEVICE_ID) ?? DEVICES[1]!;
    this.theme = options.theme ?? 'light';
    this.screen = document.createElement('div');
    this.screen.className = 'ms-screen';
    this.pagesBox = document.createElement('div');
    this.pagesBox.className = 'ms-pages';
    this.screen.appendChild(this.pagesBox);
    this.nav = new NavigationBar(this.screen, { back: () => this.userBack(), home: () => void this.goHome() });
    this.overlays = new Overlays(this.screen);
    this.views = new PageViews(this.pagesBox, options.viewUrl);
    this.storageMirror = new StorageMirror();
    this.inspector = new ElementInspector({
      frame: (pageId) => this.views.frame(pageId),
      pageIds: () => this.views.ids(),
      ask: (requestId, query) => (this.worker ? (this.worker.post({ kind: 'inspector-query', requestId, query }), true) : false),
      picked: (pageId, path) => this.events.emit('picked', pageId === undefined || !path ? {} : { webviewId: pageId, path }),
    });
    root.appendChild(this.screen);
    window.addEventListener('message', (event) => this.onViewMessage(event));
    window.addEventListener('resize', () => this.fitToWindow());
    this.layoutScreen();
  }

  on<K extends keyof SimulatorEvents>(event: K, listener: (payload: SimulatorEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  // ---- package lifecycle ----

  async loadPackage(manifestUrl: string, launch: Partial<LaunchOptions> = {}, buildId?: string): Promise<void> {
    this.manifestUrl = new URL(manifestUrl, location.href).href;
    this.buildId = buildId;
    this.launchOptions = {
      path: launch.path ?? '',
      query: launch.query ?? {},
      scene: launch.scene ?? 1001,
      referrerInfo: launch.referrerInfo ?? {},
    };
    await this.boot();
  }

  async relaunch(launch?: Partial<LaunchOptions>): Promise<void> {
    const top = this.router?.top();
    this.launchOptions = {
      ...this.launchOptions,
      path: launch?.path ?? top?.route ?? this.launchOptions.path,
      query: launch?.query ?? top?.query ?? this.launchOptions.query,
      ...(launch?.scene !== undefined ? { scene: launch.scene } : {}),
    };
    await this.boot();
  }

  /** Storage belongs to the app (its appId), not to the devserver's URL, so it survives restarts and ports. */
  private async storageNamespace(): Promise<string> {
    try {
      const response = await fetch(this.manifestUrl, { cache: 'no-cache' });
      const manifest = (await response.json()) as { appId?: unknown };
      if (typeof manifest.appId === 'string' && manifest.appId) return `app:${manifest.appId}`;
    } catch {
      // the Worker reports an unreadable manifest itself
    }
    return this.manifestUrl;
  }

  private async boot(): Promise<void> {
    this.storageKey = await this.storageNamespace();
    this.worker?.terminate();
    this.audio.reset();
    this.views.clear();
    this.pageStates.clear();
    this.appDataByPage.clear();
    this.errors.length = 0;
    this.overlays.clearProblems();
    this.overlays.dismissAll();
    this.tabBar?.element.remove();
    this.tabBar = undefined;
    this.router = undefined;
    return new Promise<void>((resolve) => {
      const worker = new LogicWorker(this.options.createWorker(), (message) => {
        this.onWorkerMessage(message);
        if (message.kind === 'booted' || message.kind === 'boot-failed') resolve();
      });
      this.worker = worker;
      worker.post({
        kind: 'boot',
        manifestUrl: this.manifestUrl,
        metrics: this.metrics(this.launchOptions.path),
        launch: this.launchOptions,
        storage: this.storageMirror.load(this.storageKey),
      });
    });
  }

  async applyUpdate(update: PackageUpdate): Promise<void> {
    const started = performance.now();
    if (update.buildId) this.buildId = update.buildId;
    const kinds = new Set(update.changes.map((c) => c.kind));
    if (update.action === 'relaunch' || kinds.has('script') || kinds.has('json')) {
      await this.relaunch();
      this.finishHot(started, 'relaunch');
      return;
    }
    if (kinds.has('template')) {
      this.pendingHot = { started, kind: 'template' };
      const parts = new Set(update.changes.filter((c) => c.kind === 'template').map((c) => partOfTemplateFile(c.path)));
      for (const part of parts) this.worker?.post({ kind: 'templates-update', part, components: [] });
    }
    const styles = update.changes.filter((c) => c.kind === 'style').map((c) => new URL(c.path, this.baseUrl).href);
    if (styles.length > 0) {
      if (!this.pendingHot) this.pendingHot = { started, kind: 'style' };
      await Promise.all(this.views.ids().map((id) => this.views.postToView(id, { kind: 'reload-styles', urls: styles })));
    }
  }

  private finishHot(started: number, kind: 'template' | 'style' | 'relaunch'): void {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    this.lastHotReloadMs = ms;
    this.events.emit('hotreload', { ms, kind });
  }

  showDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.overlays.showDiagnostics(diagnostics);
  }

  // ---- worker messages ----

  private onWorkerMessage(message: WorkerToHost): void {
    const time = Date.now();
    switch (message.kind) {
      case 'booted':
        this.assets = message.assets;
        this.onBooted(message.appJson, message.baseUrl, message.themeJson);
        return;
      case 'boot-failed':
        this.recordError(message.error);
        this.overlays.showBootFailure(message.error);
        return;
      case 'route':
        void this.navigate(message.route, message.url, message.delta ?? 1, message.eventChannel).then((result) =>
          this.worker?.post({ kind: 'route-done', callId: message.callId, ok: result.ok, errMsg: result.errMsg }),
        );
        return;
      case 'page-config': {
        const state = this.pageState(message.pageId);
        state.config = message.config;
        state.found = message.found;
        if (!message.found) {
          const entry = this.router?.stack.find((e) => e.pageId === message.pageId);
          this.views.cover(message.pageId, this.overlays.notFoundPage(entry?.route ?? ''));
        }
        this.refreshChrome();
        return;
      }
      case 'page-ready':
        this.pageState(message.pageId).ready = true;
        if (this.pendingHot && message.pageId === this.router?.top()?.pageId) {
          // a relaunch's hot update completes when the page is back
        }
        this.emitStatus();
        return;
      case 'lifecycle':
        this.events.emit('lifecycle', {
          scope: message.target,
          path: message.target === 'app' ? 'app' : message.route ?? '',
          event: message.name,
          ...(message.pageId !== undefined ? { webviewId: message.pageId } : {}),
          time,
        });
        return;
      case 'log':
        this.events.emit('log', { level: message.level, args: message.args, time, ...(message.source ? { source: message.source } : {}) });
        return;
      case 'error':
        this.recordError(message.error);
        this.coverFailedPage(message.error);
        return;
      case 'appdata':
        this.appDataByPage.set(message.pageId, { path: message.route, data: message.data });
        this.events.emit('appdata', { path: message.route, webviewId: message.pageId, data: message.data });
        return;
      case 'storage':
        this.storageMirror.set(this.storageKey, message.key, message.value);
        this.events.emit('storage', message.value === null ? { op: 'remove', key: message.key } : { op: 'set', key: message.key, value: JSON.parse(message.value) as unknown });
        return;
      case 'storage-clear':
        this.storageMirror.clear(this.storageKey);
        this.events.emit('storage', { op: 'clear' });
        return;
      case 'network': {
        const { kind: _kind, ...payload } = message;
        this.events.emit('network', payload);
        return;
      }
      case 'ui':
        this.onUi(message.action);
        return;
      case 'audio':
        this.audio.handle(message.playerId, message.command);
        return;
      case 'wxml':
        this.worker?.resolveWxml(message.requestId, message.tree);
        return;
      case 'inspector-rect':
        drawHighlight(this.views.frame(message.pageId), message.rect);
        return;
      case 'inspector-answer':
        this.inspector.answer(message.requestId, message.answer);
        return;
      case 'hot-applied':
        if (this.pendingHot) {
          this.finishHot(this.pendingHot.started, this.pendingHot.kind);
          this.pendingHot = undefined;
        }
        return;
      case 'status':
        return;
    }
  }

  private onBooted(appJson: Readonly<Record<string, unknown>>, baseUrl: string, themeJson: ThemeJson): void {
    this.appJson = appJson;
    this.baseUrl = baseUrl;
    this.themeJson = themeJson;
    const pages = new Set<string>((appJson.pages as string[] | undefined) ?? []);
    for (const sub of (appJson.subPackages as { root: string; pages: string[] }[] | undefined) ?? []) {
      for (const page of sub.pages) pages.add(page.startsWith(`${sub.root}/`) ? page : `${sub.root}/${page}`);
    }
    const tabConfig = this.createTabBar();
    this.router = new Router({ pages, tabPages: tabConfig?.items.map((i) => i.pagePath) ?? [] });
    const entry = String(appJson.entryPagePath ?? [...pages][0] ?? '');
    const path = this.launchOptions.path || entry;
    this.launchOptions = { ...this.launchOptions, path };
    void this.enqueue(() => this.runSteps(this.router!.launch(path, { ...this.launchOptions.query })));
  }

  /** The native tabBar with `@name` theme values resolved for the current theme. */
  private createTabBar(): ReturnType<typeof tabBarConfigOf> {
    this.tabBar?.element.remove();
    this.tabBar = undefined;
    const raw = this.appJson.tabBar as Record<string, unknown> | undefined;
    if (!raw) return undefined;
    const themedList = Array.isArray(raw.list) ? raw.list.map((item) => this.themed(item as Record<string, unknown>)) : raw.list;
    const tabConfig = tabBarConfigOf({ tabBar: { ...this.themed(raw), list: themedList } });
    if (!tabConfig) return undefined;
    this.tabBar = new TabBar(this.screen, tabConfig, (path) => this.assetUrl(path), (index, item) => {
      const top = this.router?.top();
      if (top) this.worker?.post({ kind: 'tab-item-tap', pageId: top.pageId, index, pagePath: item.pagePath, text: item.text });
      if (top?.route !== item.pagePath) void this.navigate('switchTab', `/${item.pagePath}`);
    });
    this.tabBar.element.style.paddingBottom = `${this.device.safeInsets.bottom}px`;
    return tabConfig;
  }

  private themed<T extends Record<string, unknown>>(config: T): T {
    return resolveThemed(config, this.themeJson, this.theme);
  }

  private assetUrl(path: string): string {
    const clean = path.replace(/^\//, '');
    return new URL(this.assets[clean] ?? clean, this.baseUrl).href;
  }

  // ---- routing ----

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.routeQueue.then(work, work);
    this.routeQueue = run.catch(() => undefined);
    return run;
  }

  navigate(kind: RouteKind, url: string, delta = 1, eventChannel?: number): Promise<{ ok: boolean; errMsg: string }> {
    return this.enqueue(async () => {
      if (!this.router) return { ok: false, errMsg: `${kind}:fail the mini-program is not running` };
      const plan = this.router.plan(kind, url, delta);
      if (!plan.ok) return { ok: false, errMsg: plan.errMsg };
      await this.runSteps(plan.steps, eventChannel);
      return { ok: true, errMsg: `${kind}:ok` };
    });
  }

  /** The back button: after wx.enableAlertBeforeUnload the page asks first (wx.navigateBack never does). */
  private userBack(): void {
    const top = this.router?.top();
    const message = top ? this.pageStates.get(top.pageId)?.alertBeforeUnload : undefined;
    if (!message) {
      void this.navigate('navigateBack', '', 1);
      return;
    }
    const zh = this.chinese();
    this.overlays.showModal({ title: '', content: message, showCancel: true, confirmText: zh ? '确定' : 'OK', cancelText: zh ? '取消' : 'Cancel' }, (leave) => {
      if (leave && this.router?.top() === top) void this.navigate('navigateBack', '', 1);
    });
  }

  private chinese(): boolean {
    return this.metrics('').language.toLowerCase().startsWith('zh');
  }

  private goHome(): Promise<{ ok: boolean; errMsg: string }> {
    const entry = String(this.appJson.entryPagePath ?? (this.appJson.pages as string[] | undefined)?.[0] ?? '');
    return this.navigate('reLaunch', `/${entry}`);
  }

  private async runSteps(steps: readonly RouteStep[], eventChannel?: number): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    for (const step of steps) {
      switch (step.type) {
        case 'hide':
          worker.post({ kind: 'page-hide', pageId: step.pageId });
          break;
        case 'show':
          worker.post({ kind: 'page-show', pageId: step.pageId });
          break;
        case 'unload':
          worker.post({ kind: 'page-unload', pageId: step.pageId });
          this.views.remove(step.pageId);
          this.pageStates.delete(step.pageId);
          this.appDataByPage.delete(step.pageId);
          break;
        case 'create': {
          const port = this.views.create(step.page.pageId);
          this.pageState(step.page.pageId);
          worker.post(
            { kind: 'page-create', pageId: step.page.pageId, route: step.page.route, query: step.page.query, port, ...(eventChannel !== undefined ? { openerEventChannel: eventChannel } : {}) },
            [port],
          );
          break;
        }
      }
    }
    worker.post({ kind: 'stack', pageIds: this.router?.stack.map((e) => e.pageId) ?? [] });
    this.refreshChrome();
    this.emitStatus();
  }

  private pageState(pageId: number): PageState {
    let state = this.pageStates.get(pageId);
    if (!state) {
      state = { config: {}, navOverrides: {}, ready: false, found: true };
      this.pageStates.set(pageId, state);
    }
    return state;
  }

  // ---- chrome ----

  private refreshChrome(): void {
    const router = this.router;
    const top = router?.top();
    this.views.showOnly(top?.pageId);
    if (!top) return;
    const state = this.pageState(top.pageId);
    const config = this.themed(state.config as Record<string, unknown>) as PageWindowConfig;
    const canGoBack = (router?.stack.length ?? 0) > 1;
    const isTab = router?.isTabPage(top.route) ?? false;
    const base = navigationStateOf(config, canGoBack, !isTab && top.route !== String(this.appJson.entryPagePath ?? (this.appJson.pages as string[] | undefined)?.[0]));
    this.nav.render({ ...base, ...state.navOverrides });
    this.tabBar?.select(isTab ? top.route : undefined);
    if (this.tabBar) this.tabBar.element.hidden = !this.tabBar.isShownFor(top.route);
    this.views.layoutAll((pageId) => this.placement(pageId));
    this.screen.style.backgroundColor = config.backgroundColor ?? (this.theme === 'dark' ? '#191919' : '#ffffff');
  }

  private placement(pageId: number): { top: number; bottom: number } {
    const entry = this.router?.stack.find((e) => e.pageId === pageId);
    const state = this.pageStates.get(pageId);
    const custom = state?.config.navigationStyle === 'custom';
    const hasTab = entry ? this.tabBar?.isShownFor(entry.route) ?? false : false;
    return {
      top: custom ? 0 : this.device.statusBarHeight + NAVIGATION_BAR_HEIGHT,
      bottom: hasTab ? (this.tabBar?.height ?? 0) + this.device.safeInsets.bottom : 0,
    };
  }

  private metrics(route: string): DeviceMetrics {
    const tabPages = (tabBarConfigOf(this.appJson)?.items ?? []).map((i) => i.pagePath);
    return deviceMetrics(this.device, { customNavigation: false, hasTabBar: tabPages.includes(route) }, this.theme);
  }

  private layoutScreen(): void {
    this.screen.style.width = `${this.device.width}px`;
    this.screen.style.height = `${this.device.height}px`;
    this.screen.dataset.device = this.device.id;
    this.screen.dataset.theme = this.theme;
    this.nav.layout(this.device);
    if (this.tabBar) this.tabBar.element.style.paddingBottom = `${this.device.safeInsets.bottom}px`;
    this.fitToWindow();
  }

  /** A tall device in a short window is scaled down as a whole; the page inside keeps its CSS pixels. */
  private fitToWindow(): void {
    const margin = 32;
    const scale = this.options.fit === false ? 1 : Math.min(1, (window.innerWidth - margin) / this.device.width, (window.innerHeight - margin) / this.device.height);
    this.screen.style.transform = scale < 1 ? `scale(${Math.max(0.2, scale)})` : '';
    this.root.style.height = `${Math.ceil(this.device.height * Math.min(1, scale)) + margin}px`;
  }

  setDevice(idOrName: string): boolean {
    const device = findDevice(idOrName);
    if (!device) return false;
    this.device = device;
    this.layoutScreen();
    this.refreshChrome();
    this.worker?.post({ kind: 'metrics', metrics: this.metrics(this.router?.top()?.route ?? '') });
    this.emitStatus();
    return true;
  }

  setBackground(background: boolean, scene = 1001): void {
    if (!this.worker) return;
    if (background) {
      this.worker.post({ kind: 'app-hide' });
      return;
    }
    const top = this.router?.top();
    const launch: LaunchOptions = { path: top?.route ?? this.launchOptions.path, query: { ...(top?.query ?? {}) }, scene, referrerInfo: {} };
    this.worker.post({ kind: 'app-show', launch });
  }

  setTheme(theme: 'light' | 'dark'): void {
    if (theme === this.theme) return;
    this.theme = theme;
    if (this.router) this.createTabBar();
    this.layoutScreen();
    this.refreshChrome();
    this.worker?.post({ kind: 'metrics', metrics: this.metrics(this.router?.top()?.route ?? '') });
  }

  private onUi(action: UiAction): void {
    const top = this.router?.top();
    const state = top ? this.pageState(top.pageId) : undefined;
    // an answer after a relaunch would reach a new Worker whose call ids start again
    const asker = this.worker;
    const current = () => (this.worker === asker ? asker : undefined);
    applyUiAction(action, {
      page: state,
      tabBar: this.tabBar,
      overlays: this.overlays,
      answerModal: (callId, confirm) => current()?.post({ kind: 'modal-result', callId, confirm }),
      answer: (callId, result, transfer) => current()?.post({ kind: 'ui-result', callId, result }, transfer),
      screen: this.screen,
      chinese: this.chinese(),
      safeBottom: this.device.safeInsets.bottom,
      resolveUrl: (url) => (/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : this.assetUrl(url)),
    });
    this.refreshChrome();
  }

  private onViewMessage(event: MessageEvent): void {
    const data = event.data as { kind?: string; values?: Record<string, unknown> } | null;
    if (data?.kind === 'navigation-bar' && data.values) {
      const pageId = this.views.pageIdOf(event.source);
      if (pageId === undefined) return;
      const values = data.values;
      const overrides = this.pageState(pageId).navOverrides;
      if (typeof values.title === 'string' && values.title) overrides.title = values.title;
      if (typeof values.backgroundColor === 'string' && values.backgroundColor) overrides.backgroundColor = values.backgroundColor;
      if (typeof values.frontColor === 'string' && values.frontColor) overrides.frontColor = values.frontColor.toLowerCase() === '#ffffff' ? 'white' : 'black';
      if (typeof values.loading === 'boolean') overrides.loading = values.loading;
      this.refreshChrome();
      return;
    }
    if (data?.kind === 'styles-reloaded' && this.pendingHot?.kind === 'style') {
      this.finishHot(this.pendingHot.started, 'style');
      this.pendingHot = undefined;
    }
  }

  // ---- state ----

  private recordError(error: RuntimeErrorInfo): void {
    const location = error.location ? `${error.location.file}:${error.location.line}:${error.location.column}` : undefined;
    this.errors.push({ kind: error.kind, message: error.message, stack: error.stack, ...(location ? { location } : {}) });
    this.events.emit('error', { ...error, time: Date.now() });
    this.emitStatus();
  }

  /** A page that threw while being created stays blank in WeChat; here its screen shows the error. */
  private coverFailedPage(error: RuntimeErrorInfo): void {
    const entry = this.router?.stack.find((e) => !this.pageStates.get(e.pageId)?.ready && failedCreating(error.message, e.route));
    if (entry) this.views.cover(entry.pageId, this.overlays.pageFailure(entry.route, error));
  }

  status(): SimulatorStatus {
    const top = this.router?.top();
    const state = top ? this.pageStates.get(top.pageId) : undefined;
    return {
      page: top?.route ?? '',
      query: { ...(top?.query ?? {}) },
      ready: Boolean(state?.ready),
      stack: (this.router?.stack ?? []).map((e) => withQuery(e.route, e.query)),
      errors: this.errors.map((e) => ({ ...e })),
      device: this.device.id,
      ...(this.buildId ? { buildId: this.buildId } : {}),
      ...(this.lastHotReloadMs !== undefined ? { lastHotReloadMs: this.lastHotReloadMs } : {}),
    };
  }

  private emitStatus(): void {
    this.events.emit('status', this.status());
  }

  appData(): { path: string; webviewId: number; data: unknown }[] {
    return [...this.appDataByPage].map(([webviewId, { path, data }]) => ({ path, webviewId, data }));
  }

  storage(): { key: string; value: unknown }[] {
    return this.storageMirror.entries(this.storageKey);
  }

  setData(webviewId: number, path: string, value: unknown, remove = false): void {
    this.worker?.post({ kind: 'inspector-edit', edit: { kind: 'set-data', pageId: webviewId, path, value, ...(remove ? { remove } : {}) } });
  }

  inspectNode(webviewId: number, path: readonly number[]): Promise<NodeDetails | null> {
    return this.inspector.describe(webviewId, path);
  }

  setPicking(enabled: boolean): void {
    this.inspector.setPicking(enabled);
  }

  editStorage(op: 'set' | 'remove' | 'clear', key = '', value?: unknown): void {
    this.worker?.post({ kind: 'inspector-edit', edit: op === 'clear' ? { kind: 'storage-clear' } : op === 'remove' ? { kind: 'storage-remove', key } : { kind: 'storage-set', key, value } });
  }

  highlight(webviewId: number, path?: readonly number[]): void {
    clearHighlights(this.views.ids().map((id) => this.views.frame(id)));
    if (path) this.worker?.post({ kind: 'inspector-locate', pageId: webviewId, path });
  }

  wxml(): Promise<WxmlNode | null> {
    return this.worker ? this.worker.requestWxml(this.router?.top()?.pageId) : Promise.resolve(null);
  }
}

/** The runtime reports page creation failures "(in creating page <route>)", or "(in page-create)" when loading its part failed. */
function failedCreating(message: string, route: string): boolean {
  return message.endsWith(`(in creating page ${route})`) || message.endsWith('(in page-create)');
}

function withQuery(route: string, query: Readonly<Record<string, string>>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${route}?${qs}` : route;
}

/** `templates/packageA.js` → `packageA`; `templates/app.js` → the main part. */
function partOfTemplateFile(path: string): string {
  const name = path.replace(/^templates\//, '').replace(/\.js$/, '');
  return name === 'app' ? '' : name;
}

export { parsePageUrl };
