import type { RequestChannel, RequestOf } from './contract';
import { parseDeviceEdit, parseHighlight, parseNodePath } from './device-protocol-schema';
import { err, ok, type Result } from './result';

type Validator<C extends RequestChannel> = (payload: unknown) => Result<RequestOf<C>>;

const none = (payload: unknown): Result<void> =>
  payload === undefined || payload === null ? ok(undefined) : err('this request takes no payload');

function objectWith<K extends string>(payload: unknown, fields: Record<K, 'string'>): Result<Record<K, string>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return err('the payload must be an object');
  const record = payload as Record<string, unknown>;
  for (const [name, type] of Object.entries(fields)) {
    if (typeof record[name] !== type) return err(`'${name}' must be a ${type}`);
  }
  return ok(record as Record<K, string>);
}

type FieldType = 'string' | 'number' | 'boolean';

/** An object whose listed fields are absent or of the given type, and that has no other fields. */
function optionalFields(payload: unknown, fields: Record<string, FieldType>): Result<Record<string, unknown>> {
  if (payload === undefined || payload === null) return ok({});
  if (typeof payload !== 'object' || Array.isArray(payload)) return err('the payload must be an object');
  const record = payload as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    const type = fields[name];
    if (!type) return err(`unknown field '${name.slice(0, 40)}'`);
    if (value !== undefined && typeof value !== type) return err(`'${name}' must be a ${type}`);
  }
  return ok(record);
}

const launchFields: Record<string, FieldType> = { page: 'string', query: 'string', scene: 'number' };
const OPEN_TYPES = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'];
const INSPECT_TARGETS = ['status', 'appdata', 'wxml', 'storage'];

function oneOf(value: unknown, allowed: readonly string[], name: string): Result<void> {
  return typeof value === 'string' && allowed.includes(value) ? ok(undefined) : err(`'${name}' must be one of ${allowed.join(', ')}`);
}

function navigateRequest(payload: unknown): Result<RequestOf<'simulator:navigate'>> {
  const shape = optionalFields(payload, { openType: 'string', url: 'string', delta: 'number' });
  if (!shape.ok) return shape;
  const openType = oneOf(shape.value.openType, OPEN_TYPES, 'openType');
  if (!openType.ok) return openType;
  if (shape.value.openType !== 'navigateBack' && typeof shape.value.url !== 'string') return err(`'url' is required for ${String(shape.value.openType)}`);
  return ok(shape.value as unknown as RequestOf<'simulator:navigate'>);
}

function inspectRequest(payload: unknown): Result<RequestOf<'device:inspect'>> {
  const shape = objectWith(payload, { deviceId: 'string', what: 'string' });
  if (!shape.ok) return shape;
  const what = oneOf(shape.value.what, INSPECT_TARGETS, 'what');
  return what.ok ? ok(shape.value as unknown as RequestOf<'device:inspect'>) : what;
}

function editRequest(payload: unknown): Result<RequestOf<'device:edit'>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return err('the payload must be an object');
  const { deviceId, edit, ...rest } = payload as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return err(`unknown field '${Object.keys(rest)[0]!.slice(0, 40)}'`);
  if (typeof deviceId !== 'string') return err("'deviceId' must be a string");
  const checked = parseDeviceEdit(edit);
  return checked.ok ? ok({ deviceId, edit: checked.value }) : checked;
}

function highlightRequest(payload: unknown): Result<RequestOf<'device:highlight'>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return err('the payload must be an object');
  const { deviceId, highlight, ...rest } = payload as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return err(`unknown field '${Object.keys(rest)[0]!.slice(0, 40)}'`);
  if (typeof deviceId !== 'string') return err("'deviceId' must be a string");
  const checked = parseHighlight(highlight);
  return checked.ok ? ok({ deviceId, highlight: checked.value }) : checked;
}

function inspectNodeRequest(payload: unknown): Result<RequestOf<'device:inspect-node'>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return err('the payload must be an object');
  const { deviceId, webviewId, path, ...rest } = payload as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return err(`unknown field '${Object.keys(rest)[0]!.slice(0, 40)}'`);
  if (typeof deviceId !== 'string') return err("'deviceId' must be a string");
  if (typeof webviewId !== 'number' || !Number.isInteger(webviewId) || webviewId < 0) return err("'webviewId' must be a whole number");
  const checked = parseNodePath(path);
  return checked.ok ? ok({ deviceId, webviewId, path: checked.value }) : checked;
}

function pickRequest(payload: unknown): Result<RequestOf<'device:pick'>> {
  const shape = optionalFields(payload, { deviceId: 'string', enabled: 'boolean' });
  if (!shape.ok) return shape;
  const { deviceId, enabled } = shape.value;
  return typeof deviceId === 'string' && typeof enabled === 'boolean' ? ok({ deviceId, enabled }) : err("'deviceId' and 'enabled' are required");
}

function devToolsRequest(payload: unknown): Result<RequestOf<'simulator:open-devtools'>> {
  const shape = optionalFields(payload, { x: 'number', y: 'number' });
  if (!shape.ok) return shape;
  const finite = Object.values(shape.value).every((v) => v === undefined || Number.isFinite(v));
  return finite ? ok(shape.value as RequestOf<'simulator:open-devtools'>) : err("'x' and 'y' must be finite numbers");
}

/** Shape checks for every request payload; adapters run them before any service sees the data. */
export const requestValidators: { readonly [C in RequestChannel]: Validator<C> } = {
  'app:info': none,
  'project:current': none,
  'project:list-files': none,
  'project:recent': none,
  'project:open': (p) => objectWith(p, { root: 'string' }),
  'project:read-file': (p) => objectWith(p, { path: 'string' }),
  'project:write-file': (p) => objectWith(p, { path: 'string', content: 'string' }),
  'project:create-file': (p) => {
    const shape = optionalFields(p, { path: 'string', content: 'string' });
    return shape.ok && typeof shape.value.path !== 'string' ? err("'path' must be a string") : (shape as Result<RequestOf<'project:create-file'>>);
  },
  'project:templates': none,
  'project:search': (p) => {
    const shape = optionalFields(p, { query: 'string', isRegex: 'boolean', matchCase: 'boolean' });
    return shape.ok && typeof shape.value.query !== 'string' ? err("'query' must be a string") : (shape as Result<RequestOf<'project:search'>>);
  },
  'project:create-from-template': (p) => objectWith(p, { template: 'string', parentDir: 'string', name: 'string' }),
  'fs:complete-folder': (p) => objectWith(p, { prefix: 'string' }),
  'dialog:pick-folder': none,
  'project:create-folder': (p) => objectWith(p, { path: 'string' }),
  'project:rename': (p) => objectWith(p, { from: 'string', to: 'string' }),
  'project:delete': (p) => objectWith(p, { path: 'string' }),
  'project:new-page': (p) => {
    const shape = objectWith(p, { path: 'string', kind: 'string' });
    if (!shape.ok) return shape;
    const kind = oneOf(shape.value.kind, ['page', 'component'], 'kind');
    return kind.ok ? ok(shape.value as unknown as RequestOf<'project:new-page'>) : kind;
  },
  'compiler:latest': none,
  'compiler:json-schemas': none,
  'compiler:build-npm': none,
  'device:recent-logs': (p) => objectWith(p, { deviceId: 'string' }),
  'device:list': none,
  'simulator:url': (p) => optionalFields(p, { ...launchFields, device: 'string' }),
  'simulator:relaunch': (p) => optionalFields(p, launchFields),
  'simulator:navigate': navigateRequest,
  'device:inspect': inspectRequest,
  'device:edit': editRequest,
  'device:highlight': highlightRequest,
  'device:inspect-node': inspectNodeRequest,
  'device:pick': pickRequest,
  'simulator:open-devtools': devToolsRequest,
};
