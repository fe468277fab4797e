import type { WebContents } from 'electron';

/** What opening the simulator's DevTools needs of the workbench window's WebContents. */
export type DevToolsHost = Pick<WebContents, 'inspectElement' | 'openDevTools' | 'getZoomFactor' | 'executeJavaScript'>;

export interface ViewPoint {
  readonly x?: number;
  readonly y?: number;
}

/** Runs in the workbench page (our own code, never the simulator's): a point inside the simulator pane's iframe. */
const FIND_SIMULATOR = `(() => {
  const r = document.querySelector('[data-testid="simulator-frame"]')?.getBoundingClientRect();
  return r && r.width > 0 ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + Math.min(r.height / 2, 120)) } : null;
})()`;

/**
 * Opens Chromium DevTools on the embedded simulator. The simulator is a cross-origin frame of the workbench window,
 * so DevTools is opened by inspecting a point inside it: Elements, Console and Sources then start in the simulator's
 * frame (its pages and the logic worker are listed in the context menu). `at` is in window CSS pixels; without it
 * the simulator pane is looked up. Returns false when there is no simulator on screen (DevTools opens anyway).
 */
export async function openSimulatorDevTools(contents: DevToolsHost, at: ViewPoint = {}): Promise<boolean> {
  const point = at.x !== undefined && at.y !== undefined ? { x: at.x, y: at.y } : ((await contents.executeJavaScript(FIND_SIMULATOR).catch(() => null)) as { x: number; y: number } | null);
  if (!point) {
    contents.openDevTools({ mode: 'detach', title: 'Mini Studio' });
    return false;
  }
  // inspectElement takes device-independent window pixels; the page's CSS pixels scale with its zoom.
  const zoom = contents.getZoomFactor();
  contents.inspectElement(Math.round(point.x * zoom), Math.round(point.y * zoom));
  return true;
}
