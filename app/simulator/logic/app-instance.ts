/** `App()` and `getApp()`: one app object per launch, its lifecycle hooks called by the runtime. */

type AppObject = Record<string, unknown> & { globalData?: Record<string, unknown> };

export class AppInstance {
  private app: AppObject | undefined;
  /** Handed out by `getApp({ allowDefault: true })` before `App()` ran; `App()` then fills it in. */
  private placeholder: AppObject | undefined;

  constructor(private readonly onUserError: (error: unknown, where: string) => void) {}

  register = (definition: unknown): void => {
    if (this.app) {
      this.onUserError(new Error('App() has already been called: a mini-program has exactly one App'), 'App');
      return;
    }
    const def = (definition && typeof definition === 'object' ? definition : {}) as AppObject;
    if (this.placeholder) {
      Object.assign(this.placeholder, def);
      this.app = this.placeholder;
    } else {
      this.app = def;
    }
    this.app.globalData ??= {};
  };

  getApp = (options?: { allowDefault?: boolean }): AppObject | undefined => {
    if (this.app) return this.app;
    if (options?.allowDefault) {
      this.placeholder ??= { globalData: {} };
      return this.placeholder;
    }
    return undefined;
  };

  get registered(): boolean {
    return this.app !== undefined;
  }

  has(hook: string): boolean {
    return typeof this.app?.[hook] === 'function';
  }

  /** Calls a lifecycle hook; exceptions are reported and never stop the runtime. */
  call(hook: string, ...args: unknown[]): unknown {
    const fn = this.app?.[hook];
    if (typeof fn !== 'function') return undefined;
    try {
      return (fn as (...a: unknown[]) => unknown).apply(this.app, args);
    } catch (error) {
      this.onUserError(error, `App.${hook}`);
      return undefined;
    }
  }
}
