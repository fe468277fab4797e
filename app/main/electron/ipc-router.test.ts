import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, IpcRenderer, WebContents } from 'electron';
import { createRequestHandlers } from '../ide/handlers';
import { ProjectService } from '../project/project-service';
import { exposeStudioApi } from '../../preload/studio-api';
import { APP_ORIGIN, IPC_EVENT, IPC_INVOKE } from '../../shared/electron-ipc';
import type { StudioApi } from '../../shared/contract';
import { ownWindowsSenderCheck, registerIpcRouter, sendEvent } from './ipc-router';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Stand-ins for Electron's objects (Electron's binary cannot run here); our router and preload are the real code. */
class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

function fakeContents(url: string): { contents: WebContents; event: IpcMainInvokeEvent; childFrameEvent: IpcMainInvokeEvent } {
  const mainFrame = { url };
  const childFrame = { url };
  const contents = { mainFrame } as unknown as WebContents;
  return {
    contents,
    event: { sender: contents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent,
    childFrameEvent: { sender: contents, senderFrame: childFrame } as unknown as IpcMainInvokeEvent,
  };
}

async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'ms-ipc-'));
  await mkdir(join(root, 'proj'));
  await writeFile(join(root, 'proj', 'app.json'), '{"pages":[]}');
  const project = new ProjectService({ configDir: join(root, 'config'), watch: false });
  await project.open(join(root, 'proj'));
  const handlers = createRequestHandlers({ project, appInfo: () => ({ name: 'Mini Studio', version: 't', host: 'electron', platform: 'linux', locale: 'en' }) });
  const ipcMain = new FakeIpcMain();
  const own = fakeContents(`${APP_ORIGIN}/renderer/index.html`);
  registerIpcRouter(ipcMain, handlers, ownWindowsSenderCheck((c) => c === own.contents));
  const invoke = ipcMain.handlers.get(IPC_INVOKE)!;
  return { invoke, own };
}

test('the router answers allowlisted requests from the IDE window', async () => {
  const { invoke, own } = await setup();
  const result = (await invoke(own.event, 'project:read-file', { path: 'app.json' })) as { ok: boolean; value: { content: string } };
  assert.equal(result.ok, true);
  assert.equal(result.value.content, '{"pages":[]}');
});

test('the router refuses a foreign window, a subframe and a foreign origin', async () => {
  const { invoke, own } = await setup();
  const stranger = fakeContents(`${APP_ORIGIN}/renderer/index.html`);
  const evil = fakeContents('https://evil.example/');
  for (const event of [stranger.event, own.childFrameEvent]) {
    assert.deepEqual(await invoke(event, 'project:read-file', { path: 'app.json' }), {
      ok: false,
      error: { code: 'untrusted-sender', message: 'Refused: this request did not come from a Mini Studio window.' },
    });
  }
  for (const url of [evil.contents.mainFrame.url, 'data:text/html,<script>1</script>', 'other://workbench/', `${APP_ORIGIN}.evil/`]) {
    (own.event.senderFrame as unknown as { url: string }).url = url;
    const navigatedAway = (await invoke(own.event, 'app:info', undefined)) as { ok: boolean; error: { code: string } };
    assert.equal(navigatedAway.error.code, 'untrusted-sender', url);
  }
});

test('the router refuses unknown channels and malformed payloads', async () => {
  const { invoke, own } = await setup();
  assert.deepEqual(await invoke(own.event, 'fs:rm', { path: '/' }), { ok: false, error: { code: 'unknown-channel', message: 'Unknown channel: fs:rm' } });
  const bad = (await invoke(own.event, 'project:write-file', { path: 'a.js' })) as { ok: boolean; error: { code: string } };
  assert.equal(bad.error.code, 'bad-request');
});

test('the preload exposes only invoke and on, allowlisted, over the two IPC channels', async () => {
  const exposed: Record<string, unknown> = {};
  const sent: unknown[][] = [];
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      sent.push(args);
      return { ok: true, value: 'pong' };
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, (listeners.get(channel) ?? []).filter((f) => f !== fn)),
  } as unknown as IpcRenderer;
  exposeStudioApi({ exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer);

  assert.deepEqual(Object.keys(exposed), ['studio']);
  const studio = exposed.studio as StudioApi;
  assert.deepEqual(Object.keys(studio).sort(), ['invoke', 'on']);
  assert.equal(await studio.invoke('app:info', undefined), 'pong');
  assert.deepEqual(sent, [[IPC_INVOKE, 'app:info', undefined]]);
  await assert.rejects(studio.invoke('shell:exec' as never, undefined as never), /Unknown channel: shell:exec/);
  assert.equal(sent.length, 1, 'an unknown channel never reaches IPC');
  assert.throws(() => studio.on('evil:event' as never, () => undefined), /Unknown event/);

  const received: unknown[] = [];
  const dispose = studio.on('project:did-change-files', (p) => received.push(p));
  const contents = { send: (...args: unknown[]) => listeners.get(args[0] as string)?.forEach((fn) => fn({}, ...args.slice(1))), isDestroyed: () => false };
  sendEvent(contents as unknown as WebContents, 'project:did-change-files', { changes: [{ path: 'a.js', kind: 'changed' }] });
  sendEvent(contents as unknown as WebContents, 'project:did-open', { root: '/x', name: 'x', miniprogramRoot: '' });
  assert.deepEqual(received, [{ changes: [{ path: 'a.js', kind: 'changed' }] }]);
  dispose();
  assert.equal(listeners.get(IPC_EVENT)?.length, 0);
});

test('service errors come back to the page as the service worded them', async () => {
  const { invoke, own } = await setup();
  const missing = (await invoke(own.event, 'project:read-file', { path: 'nope.js' })) as { ok: boolean; error: { code: string; message: string } };
  assert.deepEqual(missing, { ok: false, error: { code: 'file-not-found', message: 'File not found: nope.js' } });
});
