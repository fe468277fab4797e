/// <reference lib="dom" />
// The built-in components inside the real simulator: compiled WXML, the logic Worker with glass-easel and
// the view iframe. User JS receives WeChat-shaped events and its setData reaches the components back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { buildProject, cleanup, collectLogs, ensureWebBuild, launchBrowser, serve, simulatorUrl, topFrame, waitReady, type BuiltProject } from './simulator-support';

const project: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
  'app.js': 'App({});',
  'pages/index/index.json': '{}',
  'pages/index/index.wxml': `
    <input id="name" value="{{name}}" bindinput="onInput" placeholder="name"/>
    <view id="echo">{{name}}</view>
    <switch id="sw" bindchange="onSwitch"/>
    <form id="form" bindsubmit="onSubmit">
      <input id="city" name="city" value="Hangzhou"/>
      <switch name="agree" checked="{{true}}"/>
      <slider name="age" value="{{age}}"/>
      <picker id="fruit" name="fruit" range="{{fruits}}" value="{{fruitIndex}}" bindchange="onFruit"><view>{{fruits[fruitIndex]}}</view></picker>
      <button id="submit" form-type="submit" type="primary">Submit</button>
    </form>`,
  'pages/index/index.js': `
    Page({
      data: { name: '', age: 18, fruits: ['apple', 'banana', 'cherry'], fruitIndex: 1 },
      onInput(e) { this.setData({ name: e.detail.value }); },
      onSwitch(e) { console.log('switch', e.type, JSON.stringify(e.detail), e.target.id); },
      onFruit(e) { this.setData({ fruitIndex: Number(e.detail.value) }); console.log('fruit', JSON.stringify(e.detail)); },
      onSubmit(e) { console.log('submit', JSON.stringify(e.detail.value)); },
    });`,
};

let built: BuiltProject;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  built = await buildProject(project);
  server = await serve(built.outDir, built.webDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  built?.compiler.dispose();
  if (built) await cleanup(built.dir);
});

test('components in a compiled page: controlled input, switch, picker and form submit reach user JS', async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const logs = collectLogs(page);
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/index/index');
  const frame = await topFrame(page);

  // Fast typing into a controlled input: every character survives the round trips through the Worker.
  await frame.click('#name');
  await page.keyboard.type('mini studio', { delay: 10 });
  await frame.waitForFunction(() => document.querySelector('#echo')?.textContent === 'mini studio');
  assert.equal(await frame.evaluate(() => (document.querySelector('#name') as unknown as { value: string }).value), 'mini studio');

  await frame.click('#sw');

  // Pick the third fruit in the bottom sheet.
  await frame.click('#fruit');
  await frame.locator('#fruit >> .item').nth(2).click();
  await page.waitForTimeout(500);
  await frame.locator('#fruit >> .confirm').click();
  await frame.waitForFunction(() => document.querySelector('#fruit wx-view')?.textContent === 'cherry');

  await frame.click('#submit');
  const deadline = Date.now() + 10000;
  while (!logs.some((line) => line.startsWith('submit')) && Date.now() < deadline) await page.waitForTimeout(50);

  assert.ok(logs.includes('switch change {"value":true} sw'), logs.join('\n'));
  assert.ok(logs.includes('fruit {"value":2}'), logs.join('\n'));
  const submit = logs.find((line) => line.startsWith('submit'));
  assert.equal(submit, 'submit {"city":"Hangzhou","agree":true,"age":18,"fruit":2}');
  await page.close();
});
