/**
 * `wx.cloud` in the simulator: `init` works, every call that needs WeChat's cloud servers fails with a
 * message that says so, and database queries chain as in the SDK so code runs up to the call that fails.
 */
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import { simulatedNotice, type ApiMaker } from './api-maker';

const reason = (what: string) => `cloud:fail simulated environment: ${what} needs WeChat's cloud servers, which the simulator cannot reach`;

export function createCloudApi(host: WxHost, api: ApiMaker): Record<string, unknown> {
  let initialised = false;
  const remote = (name: string) => api('cloud', () => {
    throw new ApiFailure(reason(`wx.cloud.${name}`));
  });
  const createCloud = (): Record<string, unknown> => ({
    init: (options?: ApiOptions) => {
      initialised = true;
      simulatedNotice(host, 'cloud.init', `initialised${typeof options?.env === 'string' ? ` for env "${options.env}"` : ''}; cloud calls will fail in the simulator`);
    },
    callFunction: remote('callFunction'),
    callContainer: remote('callContainer'),
    uploadFile: remote('uploadFile'),
    downloadFile: remote('downloadFile'),
    getTempFileURL: remote('getTempFileURL'),
    deleteFile: remote('deleteFile'),
    database: () => createDatabase(api),
    CloudID: (cloudID: string) => ({ cloudID }),
    get initialised() {
      return initialised;
    },
  });
  const cloud = createCloud();
  cloud.Cloud = function Cloud() {
    return createCloud();
  };
  return { cloud };
}

const QUERY_METHODS = ['where', 'orderBy', 'limit', 'skip', 'field', 'aggregate'];
const TERMINAL_METHODS = ['get', 'count', 'add', 'update', 'remove', 'set', 'watch'];

function createDatabase(api: ApiMaker): Record<string, unknown> {
  const terminal = (target: string, method: string) => api('cloud', () => {
    throw new ApiFailure(reason(`database ${target}.${method}()`));
  });
  const chain = (target: string): Record<string, unknown> => {
    const node: Record<string, unknown> = {};
    for (const method of QUERY_METHODS) node[method] = () => node;
    for (const method of TERMINAL_METHODS) node[method] = terminal(target, method);
    return node;
  };
  const command = new Proxy({}, { get: (_target, key) => (...args: unknown[]) => ({ $command: String(key), args }) });
  return {
    collection: (name: string) => {
      const collection = chain(`collection("${name}")`);
      collection.doc = (id: string) => chain(`collection("${name}").doc("${id}")`);
      return collection;
    },
    command,
    serverDate: (options?: { offset?: number }) => ({ $serverDate: options?.offset ?? 0 }),
    RegExp: (options: { regexp: string; options?: string }) => ({ $regex: options.regexp, $options: options.options ?? '' }),
    Geo: {},
    startTransaction: terminal('database', 'startTransaction'),
    runTransaction: terminal('database', 'runTransaction'),
  };
}
