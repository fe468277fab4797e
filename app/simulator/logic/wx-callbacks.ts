/** WeChat's async API convention: `success`/`fail`/`complete` callbacks, or a Promise when none is given. */

export interface ApiOptions {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
  [key: string]: unknown;
}

export class ApiFailure extends Error {}

export type ApiImpl = (options: ApiOptions) => Record<string, unknown> | Promise<Record<string, unknown>> | void;

export function asyncApi(name: string, impl: ApiImpl, onCallbackError: (error: unknown) => void): (options?: ApiOptions) => Promise<unknown> | undefined {
  return (options: ApiOptions = {}) => {
    const wantsPromise = !options.success && !options.fail && !options.complete;
    const run = (): Promise<Record<string, unknown>> =>
      Promise.resolve()
        .then(() => impl(options))
        .then((value) => ({ ...(value ?? {}), errMsg: `${name}:ok` }));
    const settled = run().then(
      (res) => {
        safe(() => options.success?.(res), onCallbackError);
        safe(() => options.complete?.(res), onCallbackError);
        return res;
      },
      (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        const res = { errMsg: detail.startsWith(`${name}:fail`) ? detail : `${name}:fail ${detail}` };
        safe(() => options.fail?.(res), onCallbackError);
        safe(() => options.complete?.(res), onCallbackError);
        if (wantsPromise) throw res;
        return res;
      },
    );
    return wantsPromise ? settled : undefined;
  };
}

function safe(fn: () => void, onError: (error: unknown) => void): void {
  try {
    fn();
  } catch (error) {
    onError(error);
  }
}
