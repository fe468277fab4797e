import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { frameShowing, simulatorFrames, waitForSimulatorReady } from './support/simulator-frames';
import { copyExampleProject, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  const projectDir = await copyExampleProject();
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced, pageErrors);
  await waitForSimulatorReady(page);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

const panelTab = (id: string) => page.locator(`.panel-tab[data-panel="${id}"]`);

/** The counter component shows its value as a text of its own (class names in the view are style-scoped). */
async function waitForCounter(frame: Frame, expected: string): Promise<void> {
  await frame.getByText(expected, { exact: true }).first().waitFor();
}

/** The stored storage of the simulator host (what survives a relaunch), read from its localStorage. */
async function persistedStorage(): Promise<Record<string, string>> {
  const [host] = await simulatorFrames(page);
  return host!.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ministudio:storage:'));
    return key ? (JSON.parse(localStorage.getItem(key)!) as Record<string, string>) : {};
  });
}

test('AppData: tapping + shows in the panel; editing count to 5 re-renders the simulator with 5', async () => {
  const view = await frameShowing(page, 'Hello, Mini Studio');
  await view.getByText('+', { exact: true }).click();
  await waitForCounter(view, '1');
  await panelTab('appdata').click();
  const panel = page.getByTestId('appdata-panel');
  const countRow = panel.locator('.json-row[data-json-path="count"]');
  await countRow.locator('.json-number', { hasText: '1' }).waitFor();

  await countRow.dblclick();
  const input = countRow.locator('input.json-edit');
  await input.fill('5');
  await input.press('Enter');
  await waitForCounter(view, '5');
  await countRow.locator('.json-number', { hasText: '5' }).waitFor();

  // A nested path: the first fruit's name, set as text (not JSON) becomes a string.
  const toggle = (key: string) => panel.locator('.json-toggle', { has: page.locator('.json-key', { hasText: new RegExp(`^${key}: $`) }) }).first();
  await toggle('fruits').click();
  await toggle('0').click();
  const nameRow = panel.locator('.json-row[data-json-path="fruits.0.name"]');
  await nameRow.dblclick();
  await nameRow.locator('input.json-edit').fill('Durian');
  await nameRow.locator('input.json-edit').press('Enter');
  await view.getByText('1. Durian', { exact: true }).waitFor();
  assert.deepEqual(pageErrors, []);
});

test('Storage: set, edit, remove and clear from the panel reach the Worker and are persisted', async () => {
  await panelTab('storage').click();
  const panel = page.getByTestId('storage-panel');
  await panel.locator('input.storage-key').fill('theme');
  await panel.locator('input.storage-value').fill('{"dark":true}');
  await panel.locator('button.storage-set').click();
  await panel.locator('tr[data-key="theme"]').waitFor();
  await panel.locator('input.storage-key').fill('greeting');
  await panel.locator('input.storage-value').fill('hello');
  await panel.locator('input.storage-value').press('Enter');
  const greeting = panel.locator('tr[data-key="greeting"]');
  await greeting.locator('.json-string', { hasText: '"hello"' }).waitFor();

  // The mini-program itself sees the values (wx.getStorageSync in the logic Worker).
  const view = await frameShowing(page, 'Hello, Mini Studio');
  const persisted = await persistedStorage();
  assert.equal(persisted.theme, '{"dark":true}');
  assert.equal(persisted.greeting, '"hello"');

  // Edit a value in place.
  await greeting.locator('.json-row').dblclick();
  await greeting.locator('input.json-edit').fill('42');
  await greeting.locator('input.json-edit').press('Enter');
  await greeting.locator('.json-number', { hasText: '42' }).waitFor();
  assert.equal((await persistedStorage()).greeting, '42');

  await panel.locator('tr[data-key="theme"] button.storage-remove').click();
  await panel.locator('tr[data-key="theme"]').waitFor({ state: 'detached' });
  assert.equal((await persistedStorage()).theme, undefined);

  // The refresh button asks the device for a snapshot: it still has greeting.
  await panel.getByRole('button', { name: /Refresh/ }).click();
  await greeting.waitFor();

  await panel.locator('button.storage-clear').click();
  await panel.locator('tr[data-key]').first().waitFor({ state: 'detached' });
  assert.deepEqual(await persistedStorage(), {});
  assert.ok(view);
});

test('WXML: hovering a row outlines that node in the simulator page; leaving the tree removes it', async () => {
  await panelTab('wxml').click();
  const panel = page.getByTestId('wxml-panel');
  const button = panel.locator('.wxml-row', { hasText: '<button' }).first();
  await button.waitFor();
  const view = await frameShowing(page, 'Hello, Mini Studio');
  await button.hover();
  const outline = view.locator('#ministudio-inspector-outline');
  await outline.waitFor({ state: 'attached' });
  // The outline sits where the page's button is drawn.
  const target = await view.getByText('Open logs', { exact: true }).first().boundingBox();
  const box = await outline.boundingBox();
  assert.ok(target && box);
  assert.ok(box.x <= target.x + 1 && box.y <= target.y + 1, `outline ${JSON.stringify(box)} should contain ${JSON.stringify(target)}`);
  assert.ok(box.x + box.width >= target.x + target.width - 1 && box.y + box.height >= target.y + target.height - 1);
  await panelTab('console').hover();
  await outline.waitFor({ state: 'detached' });
});

test('hostile edits are refused with a message and the workbench and device stay up', async () => {
  const url = new URL(cli.announced);
  const ws = new WebSocket(`ws://${url.host}/ide?token=${url.searchParams.get('token')}`);
  await new Promise((resolve) => ws.once('open', resolve));
  const replies = new Map<number, { error?: { message: string }; value?: unknown }>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; id?: number; error?: { message: string }; value?: unknown };
    if (message.type === 'response' && message.id !== undefined) replies.set(message.id, message);
  });
  const request = async (id: number, channel: string, payload: unknown) => {
    ws.send(JSON.stringify({ type: 'request', id, channel, payload }));
    while (!replies.has(id)) await new Promise((r) => setTimeout(r, 20));
    return replies.get(id)!;
  };
  const devices = (await request(1, 'device:list', null)).value as { id: string }[];
  const deviceId = devices[0]!.id;
  const hostile: [unknown, RegExp][] = [
    [{ type: 'set-data', webviewId: 1, path: '__proto__.x; alert(1)', value: 1 }, /wrong form/],
    [{ type: 'set-data', webviewId: -1, path: 'count', value: 1 }, /below 0/],
    [{ type: 'set-data', webviewId: 1, path: 'count', value: 'x'.repeat(1100 * 1024) }, /over the limit/],
    [{ type: 'edit-storage', op: 'set', key: 'k' }, /value: missing/],
    [{ type: 'edit-storage', op: 'drop' }, /expected one of/],
    [{ type: 'navigate', openType: 'reLaunch', url: '/x' }, /set-data or edit-storage/],
  ];
  const badHighlight = await request(5, 'device:highlight', { deviceId, highlight: { type: 'highlight', webviewId: 1, path: Array(300).fill(0) } });
  assert.match(badHighlight.error!.message, /at most 256/);
  let id = 10;
  for (const [edit, reason] of hostile) {
    const reply = await request(++id, 'device:edit', { deviceId, edit });
    assert.ok(reply.error, `expected ${JSON.stringify(edit).slice(0, 80)} to be refused`);
    assert.match(reply.error.message, reason);
  }
  const fine = await request(id + 1, 'device:edit', { deviceId, edit: { type: 'set-data', webviewId: 999, path: 'count', value: 1 } });
  assert.deepEqual(fine.value, { sent: true });
  ws.close();
  // The device logs that page 999 is not open, and keeps running.
  await page.locator('.panel-tab[data-panel="console"]').click();
  await page.locator('.console-entry', { hasText: 'page #999 is no longer open' }).first().waitFor();
  const view = await frameShowing(page, 'Hello, Mini Studio');
  await waitForCounter(view, '5');
});
