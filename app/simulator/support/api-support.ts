// Types of the API support table (apis.ts) and the builder its data is written with. Pure data, like the
// component table: canIUse, docs/compatibility.md and the compatibility checker read it.
import type { SupportStatus } from './component-support';

export type ApiCategory =
  | 'base'
  | 'system'
  | 'app-events'
  | 'update'
  | 'debug'
  | 'performance'
  | 'route'
  | 'navigate'
  | 'share'
  | 'ui'
  | 'network'
  | 'payment'
  | 'storage'
  | 'analytics'
  | 'canvas'
  | 'media'
  | 'location'
  | 'file'
  | 'open-api'
  | 'device'
  | 'ai'
  | 'worker'
  | 'wxml'
  | 'ad'
  | 'skyline'
  | 'cloud';

export interface ApiSupport {
  /** The member of `wx` (`request`, `getStorageSync`, `cloud`). */
  readonly name: string;
  readonly category: ApiCategory;
  readonly status: SupportStatus;
  readonly note?: string;
}

/** One line of table per group of APIs that share category, status and note. */
export function apis(category: ApiCategory, status: SupportStatus, names: readonly string[], note?: string): ApiSupport[] {
  return names.map((name) => (note === undefined ? { name, category, status } : { name, category, status, note }));
}
