import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { BROWSER_DEVTOOLS_HINT, createRequestHandlers, dispatchRequest, type IdeServices } from '../ide/handlers';
import { ProjectService } from '../project/project-service';
import { APP_ORIGIN, IPC_INVOKE } from '../../shared/electron-ipc';
import { REQUEST_CHANNELS } from '../../shared/contract';
import { appMenuTemplate } from './app-menu';
import { ownWindowsSenderCheck, registerIpcRouter } from './ipc-router';
import { openSimulatorDevTools, type DevToolsHost } from './simulator-devtools';

/** Records what would be asked of Electron's WebContents (Electron's binary cannot run here). */
function fakeWebContents(zoom: number, pageAnswer: unknown): DevToolsHost & { calls: unknown[][]; scripts: string[] } {
  const calls: unknown[][] = [];
  const scripts: string[] = [];
  return {
    calls,
    scripts,
    inspectElement: (x: number, y: number) => void calls.push(['inspectElement', x, y]),
    openDevTools: (options?: unknown) => void calls.push(['openDevTools', options]),
    getZoomFactor: () => zoom,
    executeJavaScript: async (code: string) => {
      scripts.push(code);
      return pageAnswer;
    },
  } as unknown as DevToolsHost & { calls: unknown[][]; scripts: string[] };
}

test('DevTools opens by inspecting a point of the simulator frame, scaled by the page zoom', async () => {
  const contents = fakeWebContents(1.25, null);
  assert.equal(await openSimulatorDevTools(contents, { x: 200, y: 101 }), true);
  assert.deepEqual(contents.calls, [['inspectElement', 250, 126]]);
  assert.deepEqual(contents.scripts, [], 'a given point needs no look-up');
});

test('without a point the simulator pane is looked up in the workbench page; with none on screen DevTools still opens', async () => {
  const found = fakeWebContents(1, { x: 190, y: 160 });
  assert.equal(await openSimulatorDevTools(found), true);
  assert.match(found.scripts[0]!, /\[data-testid="simulator-frame"\]/);
  assert.deepEqual(found.calls, [['inspectElement', 190, 160]]);
  const none = fakeWebContents(1, null);
  assert.equal(await openSimulatorDevTools(none), false);
  assert.deepEqual(none.calls, [['openDevTools', { mode: 'detach', title: 'Mini Studio' }]]);
});

test('the Simulator menu has "Open Simulator DevTools" wired to the action; the edit roles stay', () => {
  let opened = 0;
  const template = appMenuTemplate({ openSimulatorDevTools: () => opened++ }, 'linux');
  const simulator = template.find((m) => m.label === 'Simulator');
  const item = (simulator?.submenu as { id?: string; accelerator?: string; click?: () => void }[] | undefined)?.find((i) => i.id === 'simulator-devtools');
  assert.equal(item?.accelerator, 'CmdOrCtrl+Shift+F12');
  item?.click?.();
  assert.equal(opened, 1);
  assert.ok(template.some((m) => m.role === 'editMenu'), 'copy and paste keep working');
  assert.ok(appMenuTemplate({ openSimulatorDevTools: () => undefined }, 'darwin').some((m) => m.role === 'appMenu'));
});

async function services(extra: Partial<IdeServices>): Promise<IdeServices> {
  const root = await mkdtemp(join(tmpdir(), 'ms-devtools-'));
  await mkdir(join(root, 'proj'));
  await writeFile(join(root, 'proj', 'app.json'), '{"pages":[]}');
  const project = new ProjectService({ configDir: join(root, 'config'), watch: false });
  return { project, appInfo: () => ({ name: 'Mini Studio', version: 't', host: 'electron', platform: 'linux', locale: 'en' }), ...extra };
}

test('simulator:open-devtools is allowlisted and reaches the shell through the IPC router with its point', async () => {
  assert.ok(REQUEST_CHANNELS.includes('simulator:open-devtools'));
  const points: unknown[] = [];
  const handlers = createRequestHandlers(await services({ openSimulatorDevTools: async (at) => (points.push(at), true) }));
  const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const mainFrame = { url: `${APP_ORIGIN}/renderer/index.html` };
  const contents = { mainFrame } as unknown as WebContents;
  registerIpcRouter({ handle: (c: string, h: never) => registered.set(c, h), removeHandler: () => undefined }, handlers, ownWindowsSenderCheck((c) => c === contents));
  const invoke = registered.get(IPC_INVOKE)!;
  const event = { sender: contents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;
  assert.deepEqual(await invoke(event, 'simulator:open-devtools', { x: 10, y: 20 }), { ok: true, value: { opened: true } });
  assert.deepEqual(points, [{ x: 10, y: 20 }]);
  const bad = (await invoke(event, 'simulator:open-devtools', { x: 'left' })) as { ok: boolean; error: { code: string } };
  assert.equal(bad.error.code, 'bad-request');
});

test('the browser host has no DevTools of its own to open: the request explains the browser DevTools instead', async () => {
  const handlers = createRequestHandlers(await services({}));
  const result = await dispatchRequest(handlers, 'simulator:open-devtools', {});
  assert.deepEqual(result, { ok: false, error: { code: 'not-available', message: BROWSER_DEVTOOLS_HINT } });
  assert.match(BROWSER_DEVTOOLS_HINT, /F12/);
});
