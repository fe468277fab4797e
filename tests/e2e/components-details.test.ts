// Smaller behaviours: progress animation, every icon type, disabled picker, lazy images, nested hover,
// and a picker's value inside a form.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { ICON_TYPES } from '../../app/simulator/support/components';
import { launchBrowser, openComponentPage, setProps } from './components-harness';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

test('progress with active animates up to percent and fires activeend', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-progress id="p" show-info active duration="1"></wx-progress>');
  await setProps(page, '#p', { percent: 40 });
  await page.waitForFunction(`window.__events.some((e) => e.type === 'activeend')`);
  assert.deepEqual((await events('activeend', 'p'))[0]!.detail, { curPercent: 40 });
  assert.equal(await page.locator('#p >> #info').textContent(), '40%');
  const width = await page.evaluate(`document.querySelector('#p').shadowRoot.querySelector('#bar').style.width`);
  assert.equal(width, '40%');
  await page.close();
});

test('every icon type draws an SVG at the requested size', async () => {
  const body = ICON_TYPES.map((type) => `<wx-icon type="${type}" size="30"></wx-icon>`).join('');
  const { page } = await openComponentPage(browser, body);
  const sizes = (await page.evaluate(`Array.from(document.querySelectorAll('wx-icon')).map((icon) => {
    const svg = icon.shadowRoot.querySelector('svg');
    return svg ? svg.getBoundingClientRect().width : 0;
  })`)) as number[];
  assert.deepEqual(sizes, ICON_TYPES.map(() => 30));
  await page.close();
});

test('a disabled picker does not open', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-picker id="p" disabled range='["a","b"]'>open</wx-picker>`);
  await page.click('#p');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(`document.querySelector('#p').shadowRoot.querySelector('dialog').open`), false);
  assert.equal((await events()).length, 0);
  await page.close();
});

test('a lazy-load image starts loading only when it comes near the viewport', async () => {
  const svg = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')}`;
  const { page, events } = await openComponentPage(browser, `<wx-view style="height:3000px"></wx-view><wx-image id="lazy" lazy-load></wx-image>`);
  await setProps(page, '#lazy', { src: svg });
  await page.waitForTimeout(200);
  assert.equal((await events('load', 'lazy')).length, 0);
  await page.evaluate('window.scrollTo(0, 2500)');
  await page.waitForFunction(`window.__events.some((e) => e.type === 'load')`);
  await page.close();
});

test('hover-stop-propagation keeps the hover state off the ancestors', async () => {
  const { page } = await openComponentPage(
    browser,
    `<wx-view id="outer" hover-class="outer-on" hover-start-time="0" style="padding:20px">
       <wx-view id="inner" hover-class="inner-on" hover-start-time="0" hover-stop-propagation style="height:40px"></wx-view>
       <wx-view id="plain" style="height:40px"></wx-view>
     </wx-view>`,
  );
  await page.hover('#inner');
  await page.mouse.down();
  await page.waitForFunction(`document.querySelector('#inner').classList.contains('inner-on')`);
  assert.equal(await page.evaluate(`document.querySelector('#outer').classList.contains('outer-on')`), false);
  await page.mouse.up();
  await page.hover('#plain');
  await page.mouse.down();
  await page.waitForFunction(`document.querySelector('#outer').classList.contains('outer-on')`);
  await page.mouse.up();
  await page.close();
});

test('a form collects a picker by its name: the confirmed value, or its value before that', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-form id="f"><wx-picker id="p" name="fruit" range='["a","b","c"]'>pick</wx-picker><wx-button id="go" form-type="submit">go</wx-button></wx-form>`,
  );
  await page.click('#go');
  await page.click('#p');
  await page.locator('#p >> .item').nth(2).click();
  await page.waitForTimeout(500);
  await page.locator('#p >> .confirm').click();
  await page.click('#go');
  assert.deepEqual((await events('submit', 'f')).map((e) => e.detail), [{ value: { fruit: 0 } }, { value: { fruit: 2 } }]);
  await page.close();
});

test('match-media shows its content only while the viewport matches', async () => {
  const { page } = await openComponentPage(browser, '<wx-match-media id="narrow" max-width="400"><wx-view>narrow</wx-view></wx-match-media><wx-match-media id="wide" min-width="401"><wx-view>wide</wx-view></wx-match-media>');
  await page.waitForTimeout(50);
  assert.equal(await page.locator('#narrow').isVisible(), true);
  assert.equal(await page.locator('#wide').isVisible(), false);
  await page.setViewportSize({ width: 600, height: 600 });
  await page.waitForTimeout(50);
  assert.equal(await page.locator('#narrow').isVisible(), false);
  assert.equal(await page.locator('#wide').isVisible(), true);
  await page.close();
});

test('page-container enters and leaves with WeChat events; an overlay tap closes it', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-page-container id="pc" duration="50" round><wx-view style="height:200px">sheet</wx-view></wx-page-container>');
  assert.equal(await page.locator('#pc wx-view').isVisible(), false);
  await setProps(page, '#pc', { show: true });
  await page.waitForFunction(`window.__events.some((e) => e.type === 'afterenter')`);
  assert.equal(await page.locator('#pc wx-view').isVisible(), true);
  assert.equal(await page.getAttribute('#pc', 'open'), '');
  await page.mouse.click(100, 50);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'afterleave')`);
  assert.deepEqual(
    (await events()).map((e) => e.type).filter((type) => type !== 'transition'),
    ['beforeenter', 'enter', 'afterenter', 'clickoverlay', 'beforeleave', 'leave', 'afterleave'],
  );
  assert.equal(await page.locator('#pc wx-view').isVisible(), false);
  await page.close();
});

test('editor: typing fires input with html and text; formats and contents go through its context methods', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-editor id="e" placeholder="写点什么"></wx-editor>');
  await page.waitForFunction(`window.__events.some((e) => e.type === 'ready')`);
  await page.click('#e');
  await page.keyboard.type('hello');
  const last = (await events('input', 'e')).at(-1)!.detail as { html: string; text: string };
  assert.equal(last.text, 'hello\n');
  assert.match(last.html, /hello/);
  await page.keyboard.down('Shift');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.evaluate(`document.querySelector('#e').format('bold')`);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'statuschange' && e.detail.bold === true)`);
  await page.evaluate(`document.querySelector('#e').setContents({ html: '<p onclick="window.hacked=1">safe <script>window.hacked=2</script><b>bold</b></p>' })`);
  const contents = (await page.evaluate(`document.querySelector('#e').getContents()`)) as { html: string; text: string };
  assert.equal(contents.html, '<p>safe <b>bold</b></p>');
  assert.equal(contents.text, 'safe bold\n');
  assert.equal(await page.evaluate('window.hacked'), undefined);
  await page.close();
});
