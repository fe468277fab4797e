/**
 * The globals user scripts see — `wx`, `App`, `getApp`, `getCurrentPages`, `Page`, `Component`, `Behavior`,
 * `global` — and the script runner that tells `Page()`/`Component()` which page or component is being defined.
 */
import type { AppInstance } from './app-instance';
import type { Engine } from './engine';

export interface ScriptGlobalsHost {
  readonly engine: Engine;
  readonly app: AppInstance;
  /** Runs a module of the package (once, CommonJS-style) and returns its exports. */
  requireScript(key: string): unknown;
  /** FinClip's name for `wx`. */
  readonly ft: boolean;
  currentPages(): unknown[];
  reportError(error: unknown, kind: 'error' | 'unhandledrejection', where?: string): Promise<void>;
}

export class ScriptGlobals {
  /** The page or component whose script runs now; `Page()`/`Component()` register it. */
  private runningPath: string | null = null;

  constructor(private readonly host: ScriptGlobalsHost) {}

  /**
   * Defined once, before app.js: libraries wrap them (`const origin = Page; Page = (o) => origin(mix(o))`), and the
   * wrapper must stay in effect for every page script after.
   */
  install(wx: Record<string, unknown>): void {
    const { engine, app } = this.host;
    const scope = globalThis as unknown as Record<string, unknown>;
    // WeChat's app service has a writable `global`; webpack bundles for mini-programs read it
    scope.global = scope;
    scope.wx = wx;
    if (this.host.ft) scope.ft = wx;
    scope.App = app.register;
    scope.getApp = app.getApp;
    scope.getCurrentPages = () => this.host.currentPages();
    scope.Page = (definition: unknown) => engine.defineFromScript(this.definingPath('Page'), 'Page', definition);
    scope.Component = (definition?: unknown) => engine.defineFromScript(this.definingPath('Component'), 'Component', definition);
    const behaviorCtor = engine.behaviorConstructor();
    scope.Behavior = Object.assign((def?: unknown) => (def === undefined ? behaviorCtor() : behaviorCtor(engine.normalizeDefinition(def) as never)), {
      trait: behaviorCtor.trait,
    });
  }

  private definingPath(kind: 'Page' | 'Component'): string {
    if (this.runningPath === null) throw new Error(`${kind}() can only be called while a page or component script runs`);
    return this.runningPath;
  }

  /** Runs one script; `Page`/`Component` inside it (or in a wrapper it calls) define `componentPath`. */
  run(componentPath: string | null, scriptKey: string): void {
    const previous = this.runningPath;
    this.runningPath = componentPath;
    try {
      this.host.requireScript(scriptKey);
    } catch (error) {
      void this.host.reportError(error, 'error', scriptKey);
    } finally {
      this.runningPath = previous;
    }
  }
}
