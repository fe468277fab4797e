/**
 * The simulator page's URL parameters: `page`, `query`, `scene`, `device`, `theme`, and `manifest` (a package
 * to load directly, without a devserver). Bad values fall back to defaults with a warning, never a failure.
 */
import type { LaunchOptions } from '../protocol';
import { findDevice } from '../../shared/device-profiles';

export interface LaunchParams {
  readonly launch: Partial<LaunchOptions>;
  readonly device?: string;
  readonly theme?: 'light' | 'dark';
  readonly manifestUrl?: string;
  readonly warnings: readonly string[];
}

export function readLaunchParams(search: URLSearchParams): LaunchParams {
  const warnings: string[] = [];
  const launch: { path?: string; query?: Record<string, string>; scene?: number } = {};
  let page = search.get('page') ?? undefined;
  let queryText = search.get('query') ?? '';
  if (page) {
    const mark = page.indexOf('?');
    if (mark >= 0) {
      queryText = queryText || page.slice(mark + 1);
      page = page.slice(0, mark);
    }
    launch.path = page.replace(/^\//, '');
  }
  if (queryText) launch.query = Object.fromEntries(new URLSearchParams(queryText.replace(/^\?/, '')));
  const sceneText = search.get('scene');
  if (sceneText !== null) {
    const scene = Number(sceneText);
    if (Number.isInteger(scene) && scene > 0) launch.scene = scene;
    else warnings.push(`scene "${sceneText}" is not a positive integer; using 1001`);
  }
  const deviceText = search.get('device') ?? undefined;
  let device: string | undefined;
  if (deviceText) {
    if (findDevice(deviceText)) device = deviceText;
    else warnings.push(`unknown device "${deviceText}"; using the default`);
  }
  const themeText = search.get('theme');
  const theme = themeText === 'dark' || themeText === 'light' ? themeText : undefined;
  const manifestUrl = search.get('manifest') ?? undefined;
  return { launch, warnings, ...(device ? { device } : {}), ...(theme ? { theme } : {}), ...(manifestUrl ? { manifestUrl } : {}) };
}
