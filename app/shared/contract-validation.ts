import type { RequestChannel, RequestOf } from './contract';
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

/** Shape checks for every request payload; adapters run them before any service sees the data. */
export const requestValidators: { readonly [C in RequestChannel]: Validator<C> } = {
  'app:info': none,
  'project:current': none,
  'project:list-files': none,
  'project:recent': none,
  'project:open': (p) => objectWith(p, { root: 'string' }),
  'project:read-file': (p) => objectWith(p, { path: 'string' }),
  'project:write-file': (p) => objectWith(p, { path: 'string', content: 'string' }),
};
