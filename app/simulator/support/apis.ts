// The API support table: every member of WeChat's `wx` with its status (full, simulated, unsupported).
// `wx.canIUse`, docs/compatibility.md (scripts/gen-compatibility.mjs) and the compatibility checker read it.
import type { ApiSupport } from './api-support';
import { CORE_APIS } from './apis-core';
import { MEDIA_APIS } from './apis-media';
import { SERVICE_APIS } from './apis-services';

export type { ApiCategory, ApiSupport } from './api-support';

export const APIS: readonly ApiSupport[] = [...CORE_APIS, ...SERVICE_APIS, ...MEDIA_APIS];

const byName = new Map(APIS.map((api) => [api.name, api]));

export function findApi(name: string): ApiSupport | undefined {
  return byName.get(name);
}
