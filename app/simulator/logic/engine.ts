/**
 * Every call into glass-easel and its mini-program adapter that depends on the 0.12.1 engine lives here:
 * the code space, component registration, page roots, event dispatch and shape, template hot swap.
 */
import * as adapter from 'glass-easel-miniprogram-adapter';
import type { ComponentEntry } from '../../shared/package-format';
import type { RenderContext } from './render-backend';
import { withWxsDescriptors } from './wxs-instance';

const glassEasel = adapter.glassEasel;

export type GlassComponent = adapter.glassEasel.GeneralComponent;
/** The object user code sees as `this` in a page or component. */
export type ComponentCaller = Record<string, unknown> & {
  readonly _$: GlassComponent;
  setData(data: Record<string, unknown>, callback?: () => void): void;
  readonly data: Record<string, unknown>;
  readonly is: string;
};

export type TemplateGroups = Record<string, (name: string) => unknown>;

export interface EngineHooks {
  /** A user component (or page) got attached; `ctx` is the page's render context. */
  componentAttached(comp: GlassComponent, ctx: RenderContext): void;
  componentDetached(comp: GlassComponent, ctx: RenderContext): void;
  /** glass-easel caught an exception from user code (a listener, an observer, a lifetime). */
  userError(error: unknown, method: string | undefined): void;
  warning(message: string): void;
}

export interface PageRoot {
  readonly caller: ComponentCaller;
  readonly component: GlassComponent;
  /** Puts the page into the view; fires `attached` lifetimes. */
  attach(): void;
  release(): void;
}

type BehaviorArg = unknown;
type Definition = Record<string, unknown> & { behaviors?: BehaviorArg[] };

export class Engine {
  private readonly env = new adapter.MiniProgramEnv();
  readonly codeSpace: adapter.CodeSpace;
  private readonly builtinBehaviors: Record<string, BehaviorArg | null>;

  constructor(
    private readonly hooks: EngineHooks,
    publicComponents: Record<string, string> = {},
  ) {
    this.codeSpace = this.env.createCodeSpace('', true, publicComponents);
    // WXML ids must reach the DOM (CSS #id selectors, event targets, the inspector). No property accessors on
    // nodes: user code reads `this.data`, and a property named `id` or `shadowRoot` would shadow the node's own.
    this.codeSpace.getComponentSpace().updateComponentOptions({ writeIdToDOM: true, writeFieldsToNode: false });
    glassEasel.addGlobalErrorListener((error, method) => {
      hooks.userError(error, method);
      return false;
    });
    glassEasel.addGlobalWarningListener((message) => {
      hooks.warning(message);
      return false;
    });
    patchEventShape();
    patchSelectorQueryExec();
    patchIntersectionTargets();
    // every page and component instance says which renderer draws it; ours is WeChat's WebView one
    Object.defineProperty(adapter.component.ComponentCaller.prototype, 'renderer', { value: 'webview', writable: true, configurable: true });
    const overall = this.codeSpace
      .behavior()
      .definition({
        lifetimes: {
          attached(this: { _$: GlassComponent; setData(data: Record<string, unknown>): void }) {
            const ctx = this._$.getBackendContext() as RenderContext | null;
            if (ctx) hooks.componentAttached(this._$, ctx);
            // WeChat also gives the element's id to a property named `id` (vant's button passes it to its <button>)
            const comp = this._$;
            if (comp.id && glassEasel.Component.hasProperty(comp, 'id') && !(comp.data as { id?: unknown }).id) this.setData({ id: comp.id });
          },
          detached(this: { _$: GlassComponent }) {
            const ctx = this._$.getBackendContext() as RenderContext | null;
            if (ctx) hooks.componentDetached(this._$, ctx);
          },
        },
      })
      .register();
    this.codeSpace.setOverallBehavior((overall as unknown as { _$: adapter.glassEasel.GeneralBehavior })._$);
    this.builtinBehaviors = this.createBuiltinBehaviors();
    // the space's default component: what an unresolved generic renders (nothing) instead of failing the page
    this.codeSpace.component('').register();
  }

  /** WeChat's `wx://…` behaviors; `wx://component-export` needs nothing, the adapter reads `export` itself. */
  private createBuiltinBehaviors(): Record<string, BehaviorArg | null> {
    const formField = this.codeSpace
      .behavior()
      .definition({ properties: { name: { type: String, value: '' }, value: { type: null, value: null } } })
      .register();
    const formFieldButton = this.codeSpace
      .behavior()
      .definition({ properties: { formType: { type: String, value: '' } } })
      .register();
    return { 'wx://form-field': formField, 'wx://form-field-button': formFieldButton, 'wx://component-export': null, 'wx://form-field-group': null };
  }

  /** Replaces `wx://…` behavior names with ours and drops the unknown ones (with a warning). */
  normalizeDefinition<T>(definition: T): T {
    const def = definition as Definition;
    if (!def || typeof def !== 'object' || !Array.isArray(def.behaviors)) return definition;
    const behaviors: BehaviorArg[] = [];
    for (const behavior of def.behaviors) {
      if (typeof behavior !== 'string') {
        behaviors.push(behavior);
        continue;
      }
      const builtin = this.builtinBehaviors[behavior];
      if (builtin === undefined) this.hooks.warning(`Unknown built-in behavior "${behavior}" ignored`);
      else if (builtin !== null) behaviors.push(builtin);
    }
    return { ...def, behaviors } as T;
  }

  registerComponentResources(entry: ComponentEntry, groups: TemplateGroups, styleUrl: string | undefined): void {
    const json = entry.json as adapter.types.ComponentStaticConfig;
    this.codeSpace.addComponentStaticConfig(entry.path, {
      ...json,
      component: !entry.isPage || json.component === true,
      usingComponents: absolutePaths(json.usingComponents),
      componentGenerics: absoluteGenericDefaults(json.componentGenerics),
      componentPlaceholder: json.componentPlaceholder,
    });
    this.codeSpace.addCompiledTemplate(entry.path, templateOf(groups, entry.template));
    if (styleUrl !== undefined) this.codeSpace.addStyleSheet(entry.path, styleUrl, entry.style?.scopeName);
  }

  setAppStyle(url: string): void {
    this.codeSpace.addStyleSheet('app', url);
  }

  /** Runs `run` with `Page`, `Component` and `Behavior` bound to this component path. */
  withComponentEnv<T>(path: string, run: (env: adapter.ComponentEnv) => T): T {
    return this.codeSpace.componentEnv(path, run);
  }

  /** `Page(def)` / `Component(def)` of the script for `path`; `Component()` without a definition is the chain API. */
  defineFromScript(path: string, kind: 'Page' | 'Component', definition: unknown): unknown {
    if (definition !== undefined) this.applyScriptStyleOptions(path, definition);
    return this.withComponentEnv(path, ({ Page, Component }) => {
      if (kind === 'Page') return Page(this.normalizeDefinition(definition) as never);
      return definition === undefined ? Component() : Component(this.normalizeDefinition(definition) as never);
    });
  }

  /**
   * WeChat also takes `options.addGlobalClass` / `options.styleIsolation` from the component's JS; the adapter reads
   * them from the json only. The compiler prefixed the component's classes (it cannot see JS), so a JS `shared`
   * keeps the own scope and adds the page's as the extra one, as `apply-shared` does.
   */
  private applyScriptStyleOptions(path: string, definition: unknown): void {
    const options = (definition as { options?: { addGlobalClass?: unknown; styleIsolation?: unknown } } | null)?.options;
    const config = this.codeSpace.getComponentStaticConfig(path);
    if (!options || !config?.component || config.styleIsolation !== undefined) return;
    const sharesPageStyles = options.addGlobalClass === true || options.styleIsolation === 'apply-shared' || options.styleIsolation === 'shared';
    if (sharesPageStyles) this.codeSpace.addComponentStaticConfig(path, { ...config, styleIsolation: 'apply-shared' as adapter.types.StyleIsolation });
  }

  /** A component with WXML but no JS still has to exist: WeChat treats it as `Component({})`. */
  registerTemplateOnly(path: string): void {
    this.codeSpace.component(path).register();
  }

  isRegistered(path: string): boolean {
    return this.codeSpace.getComponentSpace().getComponentByUrlWithoutDefault(path, '') !== null;
  }

  behaviorConstructor(): adapter.ComponentEnv['Behavior'] {
    return this.codeSpace.componentEnv('', (env) => env.Behavior);
  }

  createPageRoot(ctx: RenderContext, route: string, queryString: string): PageRoot {
    const backend = this.env.associateBackend(ctx);
    ctx.onEvent((target, type, detail, options) => {
      glassEasel.triggerEvent(target, type, detail, options);
    });
    const root = backend.createRoot('wx-page', this.codeSpace, queryString ? `${route}?${queryString}` : route);
    const rootNode = ctx.getRootNode();
    const placeholder = ctx.createElement('wx-placeholder', 'wx-placeholder');
    rootNode.appendChild(placeholder);
    const component = root.getComponent();
    const caller = root.get() as unknown as ComponentCaller;
    return {
      caller,
      component,
      attach: () => root.attach(rootNode, placeholder),
      release: () => root.release(),
    };
  }

  /** A second root in the same page view, e.g. the custom tab bar (`custom-tab-bar/index`) of a tab page. */
  createExtraRoot(ctx: RenderContext, tagName: string, path: string): PageRoot {
    const backend = this.env.associateBackend(ctx);
    const root = backend.createRoot(tagName, this.codeSpace, path);
    const rootNode = ctx.getRootNode();
    const placeholder = ctx.createElement('wx-placeholder', 'wx-placeholder');
    rootNode.appendChild(placeholder);
    return {
      caller: root.get() as unknown as ComponentCaller,
      component: root.getComponent(),
      attach: () => root.attach(rootNode, placeholder),
      release: () => root.release(),
    };
  }

  /** A SelectorQuery whose default scope, the page, is looked up at `exec()`: `.in(component)` usually comes first. */
  selectorQueryOf(currentPage: () => ComponentCaller | undefined): unknown {
    const lazyPage = {
      get _$(): GlassComponent {
        const page = currentPage();
        if (!page) throw new Error('wx.createSelectorQuery: there is no current page');
        return page._$;
      },
    };
    return adapter.component.ComponentCaller.prototype.createSelectorQuery.call(lazyPage as never);
  }

  callerOf(comp: GlassComponent): ComponentCaller {
    return comp.getMethodCaller() as unknown as ComponentCaller;
  }

  triggerLifetime(comp: GlassComponent, name: string, args: unknown[] = []): void {
    comp.triggerLifetime(name, args as never);
  }

  triggerPageLifetime(comp: GlassComponent, name: string, args: unknown[] = []): void {
    comp.triggerPageLifetime(name, args as never);
  }

  /** Swaps a component's template; live instances re-render from their current data. */
  updateTemplate(entry: ComponentEntry, groups: TemplateGroups): boolean {
    const def = this.codeSpace.getComponentSpace().getComponentByUrlWithoutDefault(entry.path, '');
    this.codeSpace.addCompiledTemplate(entry.path, templateOf(groups, entry.template));
    if (!def) return false;
    if (!def.isPrepared()) def.prepare();
    def.updateTemplate(templateOf(groups, entry.template) as unknown as Record<string, unknown>);
    return true;
  }

  applyTemplateUpdates(comp: GlassComponent): void {
    comp.applyTemplateUpdates();
  }

  /** The component definition path (`is`) of a live component. */
  pathOf(comp: GlassComponent): string {
    return comp.is;
  }

  /** A snapshot of the WXML tree for the inspector: tag, id, class, children. */
  dumpTree(comp: GlassComponent): string {
    return glassEasel.dumpElementToString(comp, true);
  }
}

type StaticGenerics = adapter.types.ComponentStaticConfig['componentGenerics'];

/** Generic defaults arrive resolved from the root like `usingComponents`, and need the same leading slash. */
function absoluteGenericDefaults(generics: StaticGenerics): StaticGenerics {
  if (!generics) return undefined;
  const result: NonNullable<StaticGenerics> = {};
  for (const [name, spec] of Object.entries(generics)) {
    const fallback = typeof spec === 'object' ? spec.default : undefined;
    result[name] = typeof spec === 'object' && fallback ? { ...spec, default: absolutePath(fallback) } : spec;
  }
  return result;
}

function absolutePath(path: string): string {
  return path.startsWith('/') || path.includes('://') ? path : `/${path}`;
}

/** The manifest resolves component paths from the root without a leading slash; glass-easel reads those as relative. */
function absolutePaths(map: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!map) return undefined;
  const result: Record<string, string> = {};
  for (const [name, path] of Object.entries(map)) {
    result[name] = absolutePath(path);
  }
  return result;
}

function templateOf(groups: TemplateGroups, key: string): adapter.glassEasel.template.ComponentTemplate {
  return {
    groupList: groups as never,
    // WXS handlers and change:prop observers get ComponentDescriptors (ownerInstance), as in WeChat.
    content: withWxsDescriptors(groups[key] ?? (() => undefined)) as never,
    fallbackListenerOnNativeNode: true,
  };
}

interface EventNodeLike {
  readonly id?: string;
  readonly dataset?: Record<string, unknown> | null;
}

/** WeChat hands handlers plain `{id, dataset, offsetLeft, offsetTop}` targets, not engine nodes. */
function describeEventNode(node: EventNodeLike): Record<string, unknown> {
  return { id: node.id ?? '', dataset: { ...(node.dataset ?? {}) }, offsetLeft: 0, offsetTop: 0 };
}

let eventShapePatched = false;
function patchEventShape(): void {
  if (eventShapePatched) return;
  eventShapePatched = true;
  const proto = glassEasel.Event.prototype as unknown as {
    wrapShadowedEvent(target: EventNodeLike, mark: Record<string, unknown> | null, currentTarget: EventNodeLike): unknown;
  };
  proto.wrapShadowedEvent = function wrapWeChatEvent(this: object, target, mark, currentTarget) {
    const event = Object.create(this) as Record<string, unknown>;
    event.target = describeEventNode(target);
    event.currentTarget = describeEventNode(currentTarget);
    event.mark = mark ?? {};
    return event;
  };
}

let selectorQueryPatched = false;
/**
 * In WeChat a SelectorQuery runs in the view after the updates already sent: a query made in an observer or
 * `attached` sees the classes a later `setData` of the same task gives. The adapter selects at once; we select
 * on the next task.
 */
function patchSelectorQueryExec(): void {
  if (selectorQueryPatched) return;
  selectorQueryPatched = true;
  const sample = adapter.component.ComponentCaller.prototype.createSelectorQuery.call({} as never);
  const proto = Object.getPrototypeOf(sample) as { exec(this: unknown, cb?: (res: unknown[]) => void): void };
  const selectNow = proto.exec;
  proto.exec = function execAfterPendingUpdates(cb) {
    setTimeout(() => selectNow.call(this, cb), 0);
  };
}

let intersectionPatched = false;
/** WeChat's IntersectionObserver results name their target (`id`, `dataset`); the engine passes the view's only. */
function patchIntersectionTargets(): void {
  if (intersectionPatched) return;
  intersectionPatched = true;
  type Listener = (status: Record<string, unknown>) => void;
  const proto = glassEasel.Element.prototype as unknown as {
    createIntersectionObserver(this: EventNodeLike, relative: unknown, margin: string, thresholds: number[], listener: Listener): unknown;
  };
  const observe = proto.createIntersectionObserver;
  proto.createIntersectionObserver = function observeWithTarget(relative, margin, thresholds, listener) {
    return observe.call(this, relative, margin, thresholds, (status) => listener({ ...status, id: this.id ?? '', dataset: { ...(this.dataset ?? {}) } }));
  };
}
