/**
 * The page stack and WeChat's routing rules, as pure data: a route call becomes either a failure with WeChat's
 * errMsg or a list of steps (hide, show, create, unload) that the host carries out in order. Tab pages stay
 * alive after being left; everything else lives only on the stack.
 */
import type { RouteKind } from '../protocol';

export const MAX_STACK_DEPTH = 10;

export interface PageEntry {
  readonly pageId: number;
  readonly route: string;
  readonly query: Readonly<Record<string, string>>;
}

export type RouteStep =
  | { readonly type: 'hide'; readonly pageId: number }
  | { readonly type: 'show'; readonly pageId: number }
  | { readonly type: 'unload'; readonly pageId: number }
  | { readonly type: 'create'; readonly page: PageEntry };

export type RoutePlan = { readonly ok: true; readonly steps: readonly RouteStep[] } | { readonly ok: false; readonly errMsg: string };

export interface AppRoutes {
  /** Every page module path of the app (main package and subpackages). */
  readonly pages: ReadonlySet<string>;
  readonly tabPages: readonly string[];
}

/** `/pages/a/a?x=1` or `pages/a/a` → route and decoded query. */
export function parsePageUrl(url: string, fromRoute = ''): { route: string; query: Record<string, string> } {
  const [pathPart = '', queryPart = ''] = url.split(/\?(.*)/s, 2);
  let route: string;
  if (pathPart.startsWith('/')) route = pathPart.slice(1);
  else {
    const base = fromRoute.includes('/') ? fromRoute.slice(0, fromRoute.lastIndexOf('/')).split('/') : [];
    for (const part of pathPart.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.' && part !== '') base.push(part);
    }
    route = base.join('/');
  }
  route = route.replace(/\.(wxml|js|fxml)$/, '');
  const query: Record<string, string> = {};
  for (const pair of queryPart.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    query[safeDecode(key)] = safeDecode(value);
  }
  return { route, query };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export class Router {
  private stackEntries: PageEntry[] = [];
  /** Tab pages created so far, alive even when not on the stack. */
  private readonly aliveTabs = new Map<string, PageEntry>();
  private nextPageId = 1;

  constructor(private readonly app: AppRoutes) {}

  get stack(): readonly PageEntry[] {
    return this.stackEntries;
  }

  top(): PageEntry | undefined {
    return this.stackEntries[this.stackEntries.length - 1];
  }

  isTabPage(route: string): boolean {
    return this.app.tabPages.includes(route);
  }

  private newPage(route: string, query: Record<string, string>): PageEntry {
    return { pageId: this.nextPageId++, route, query };
  }

  /** The first page; an unknown route still gets a page, which shows the not-found screen. */
  launch(route: string, query: Record<string, string>): RouteStep[] {
    const page = this.newPage(route, query);
    this.stackEntries = [page];
    if (this.isTabPage(route)) this.aliveTabs.set(route, page);
    return [{ type: 'create', page }];
  }

  plan(kind: RouteKind, url: string, delta = 1): RoutePlan {
    const current = this.top();
    if (kind === 'navigateBack') return this.back(delta);
    const { route, query } = parsePageUrl(url, current?.route);
    if (!this.app.pages.has(route)) return { ok: false, errMsg: `${kind}:fail page "${route}" is not found` };
    const isTab = this.isTabPage(route);
    switch (kind) {
      case 'navigateTo': {
        if (isTab) return { ok: false, errMsg: 'navigateTo:fail can not navigateTo a tabbar page' };
        if (this.stackEntries.length >= MAX_STACK_DEPTH) return { ok: false, errMsg: 'navigateTo:fail webview count limit exceed' };
        const page = this.newPage(route, query);
        const steps: RouteStep[] = current ? [{ type: 'hide', pageId: current.pageId }] : [];
        steps.push({ type: 'create', page });
        this.stackEntries = [...this.stackEntries, page];
        return { ok: true, steps };
      }
      case 'redirectTo': {
        if (isTab) return { ok: false, errMsg: 'redirectTo:fail can not redirectTo a tabbar page' };
        const page = this.newPage(route, query);
        const steps: RouteStep[] = current ? [this.leave(current)] : [];
        steps.push({ type: 'create', page });
        this.stackEntries = [...this.stackEntries.slice(0, -1), page];
        return { ok: true, steps };
      }
      case 'switchTab': {
        if (!isTab) return { ok: false, errMsg: 'switchTab:fail can not switch to no-tabBar page' };
        const steps: RouteStep[] = [];
        for (const entry of [...this.stackEntries].reverse()) {
          if (entry.route === route && this.aliveTabs.get(route) === entry) continue;
          steps.push(this.leave(entry));
        }
        let target = this.aliveTabs.get(route);
        if (target) {
          if (current?.pageId !== target.pageId) steps.push({ type: 'show', pageId: target.pageId });
        } else {
          target = this.newPage(route, {});
          this.aliveTabs.set(route, target);
          steps.push({ type: 'create', page: target });
        }
        this.stackEntries = [target];
        return { ok: true, steps };
      }
      case 'reLaunch': {
        const steps: RouteStep[] = [...this.stackEntries].reverse().map((e) => ({ type: 'unload' as const, pageId: e.pageId }));
        for (const tab of this.aliveTabs.values()) if (!this.stackEntries.includes(tab)) steps.push({ type: 'unload', pageId: tab.pageId });
        this.aliveTabs.clear();
        const page = this.newPage(route, query);
        if (isTab) this.aliveTabs.set(route, page);
        steps.push({ type: 'create', page });
        this.stackEntries = [page];
        return { ok: true, steps };
      }
    }
  }

  /** Leaving a page: tab pages are hidden (they stay alive), other pages unload. */
  private leave(entry: PageEntry): RouteStep {
    return this.aliveTabs.get(entry.route) === entry ? { type: 'hide', pageId: entry.pageId } : { type: 'unload', pageId: entry.pageId };
  }

  private back(delta: number): RoutePlan {
    if (this.stackEntries.length <= 1) return { ok: false, errMsg: 'navigateBack:fail cannot navigate back at first page.' };
    const count = Math.min(Math.max(1, Math.floor(delta) || 1), this.stackEntries.length - 1);
    const removed = this.stackEntries.slice(-count).reverse();
    this.stackEntries = this.stackEntries.slice(0, -count);
    const steps: RouteStep[] = removed.map((e) => ({ type: 'unload' as const, pageId: e.pageId }));
    const top = this.top();
    if (top) steps.push({ type: 'show', pageId: top.pageId });
    return { ok: true, steps };
  }
}
