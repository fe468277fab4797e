/**
 * `wx.canIUse(schema)` answered from the support tables: `${api}.${method}.${param}.${option}` for APIs and
 * `${component}.${attribute}.${option}` for components, as WeChat's docs define the schema.
 */
import { APIS, findApi } from '../../support/apis';
import { COMMON_ATTRIBUTES, COMMON_EVENTS, findComponent } from '../../support/components';

/** Objects that APIs hand out, by the API that makes them (`Animation.step` → `createAnimation`). */
const CLASS_FACTORIES: Readonly<Record<string, string>> = {
  Animation: 'createAnimation',
  FileSystemManager: 'getFileSystemManager',
  Stats: 'getFileSystemManager',
  RequestTask: 'request',
  DownloadTask: 'downloadFile',
  UploadTask: 'uploadFile',
  SocketTask: 'connectSocket',
  UpdateManager: 'getUpdateManager',
  LogManager: 'getLogManager',
  RealtimeLogManager: 'getRealtimeLogManager',
  RealtimeTagLogManager: 'getRealtimeLogManager',
  SelectorQuery: 'createSelectorQuery',
  NodesRef: 'createSelectorQuery',
  IntersectionObserver: 'createIntersectionObserver',
  OffscreenCanvas: 'createOffscreenCanvas',
};

/** Second segments that name a part of an API's signature rather than a parameter. */
const SIGNATURE_PARTS = new Set(['object', 'success', 'fail', 'complete', 'return', 'callback']);

export function canIUse(schema: unknown): boolean {
  if (typeof schema !== 'string' || schema.trim() === '') return false;
  const [head, ...rest] = schema.trim().split('.');
  if (!head) return false;
  const api = findApi(head) ?? (CLASS_FACTORIES[head] ? findApi(CLASS_FACTORIES[head]) : undefined);
  if (api) {
    if (api.status === 'unsupported') return false;
    return rest.length === 0 || !/^[a-z]/.test(head) || SIGNATURE_PARTS.has(rest[0]!);
  }
  const component = findComponent(head);
  if (!component || component.status === 'unsupported') return false;
  if (rest.length === 0) return true;
  const [attributeName, option] = rest;
  const eventName = attributeName!.replace(/^(bind|catch|capture-bind|capture-catch|mut-bind):?/, '');
  const attribute = component.attributes.find((a) => a.name === attributeName) ?? COMMON_ATTRIBUTES.find((a) => a.name === attributeName);
  if (attribute) {
    if (attribute.status === 'unsupported') return false;
    return option === undefined || !attribute.values || attribute.values.includes(option);
  }
  const event = component.events.find((e) => e.name === eventName) ?? COMMON_EVENTS.find((e) => e.name === eventName);
  return event !== undefined && event.status !== 'unsupported' && option === undefined;
}

/** Names of the APIs the table lists as usable, for checks and docs. */
export function usableApiNames(): string[] {
  return APIS.filter((api) => api.status !== 'unsupported').map((api) => api.name);
}
