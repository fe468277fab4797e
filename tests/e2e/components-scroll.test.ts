// <scroll-view> and <swiper> driven with the real mouse wheel and pointer drags.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { getProp, launchBrowser, openComponentPage, setProps } from './components-harness';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

const rows = Array.from({ length: 30 }, (_, i) => `<wx-view id="row${i}" style="height:50px">row ${i}</wx-view>`).join('');

test('scroll-view fires scroll with WeChat detail and scrolltolower/scrolltoupper once per arrival', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-scroll-view id="sv" scroll-y lower-threshold="60" style="height:300px">${rows}</wx-scroll-view>`);
  await page.hover('#sv');
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 120);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'scrolltolower')`);
  const scrolls = await events('scroll', 'sv');
  assert.ok(scrolls.length > 0);
  const last = scrolls.at(-1)!.detail;
  assert.deepEqual(Object.keys(last).sort(), ['deltaX', 'deltaY', 'scrollHeight', 'scrollLeft', 'scrollTop', 'scrollWidth']);
  assert.equal(last.scrollHeight, 1500);
  assert.deepEqual((await events('scrolltolower', 'sv')).map((e) => e.detail), [{ direction: 'bottom' }]);
  for (let i = 0; i < 14; i++) await page.mouse.wheel(0, -120);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'scrolltoupper')`);
  assert.deepEqual((await events('scrolltoupper', 'sv')).map((e) => e.detail), [{ direction: 'top' }]);
  assert.equal((await events('scrolltolower', 'sv')).length, 1);
  await page.close();
});

test('scroll-top, scroll-into-view and a mouse drag move the scroll-view', async () => {
  const { page } = await openComponentPage(browser, `<wx-scroll-view id="sv" scroll-y style="height:300px">${rows}</wx-scroll-view>`);
  await setProps(page, '#sv', { scrollTop: 200 });
  assert.equal(await getProp(page, '#sv', 'scrollTop'), 200);
  await setProps(page, '#sv', { scrollIntoView: 'row10' });
  assert.equal(await getProp(page, '#sv', 'scrollTop'), 500);
  assert.equal(await page.evaluate(`typeof document.querySelector('#sv').scrollIntoView`), 'function');
  const box = (await page.locator('#sv').boundingBox())!;
  await page.mouse.move(box.x + 50, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 50, box.y + 100, { steps: 5 });
  await page.mouse.up();
  assert.equal(await getProp(page, '#sv', 'scrollTop'), 600);
  await page.close();
});

test('scroll-view refresher: pull past the threshold refreshes, triggered=false restores', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-scroll-view id="sv" scroll-y refresher-enabled style="height:300px">${rows}</wx-scroll-view>`);
  const box = (await page.locator('#sv').boundingBox())!;
  await page.mouse.move(box.x + 50, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 50, box.y + 160, { steps: 8 });
  await page.mouse.up();
  assert.ok((await events('refresherpulling', 'sv')).length > 0);
  assert.equal((await events('refresherrefresh', 'sv')).length, 1);
  await setProps(page, '#sv', { refresherTriggered: false });
  await page.waitForFunction(`window.__events.some((e) => e.type === 'refresherrestore')`);
  await page.close();
});

test('on a touch screen a finger pulls the refresher at the top', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-scroll-view id="sv" scroll-y refresher-enabled style="height:300px">${rows}</wx-scroll-view>`, '', undefined, { hasTouch: true });
  const session = await page.context().newCDPSession(page);
  const box = (await page.locator('#sv').boundingBox())!;
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
    session.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + 50, y: box.y + y }] });
  await touch('touchStart', 20);
  for (let y = 30; y <= 170; y += 10) await touch('touchMove', y);
  await touch('touchEnd', 170);
  assert.ok((await events('refresherpulling', 'sv')).length > 0);
  assert.equal((await events('refresherrefresh', 'sv')).length, 1);
  await page.close();
});

const slides = ['red', 'green', 'blue'].map((color, i) => `<wx-swiper-item item-id="s${i}" style="background:${color}">${i}</wx-swiper-item>`).join('');

async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move(to[0], to[1], { steps: 10 });
  await page.mouse.up();
}

test('dragging the swiper changes the slide with source "touch"', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-swiper id="sw" indicator-dots duration="100" style="width:300px">${slides}</wx-swiper>`);
  const box = (await page.locator('#sw').boundingBox())!;
  await drag(page, [box.x + 250, box.y + 50], [box.x + 50, box.y + 50]);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'animationfinish')`);
  assert.deepEqual((await events('change', 'sw')).map((e) => e.detail), [{ current: 1, currentItemId: 's1', source: 'touch' }]);
  assert.ok((await events('transition', 'sw')).length > 0);
  assert.equal(await getProp(page, '#sw', 'current'), 1);
  // The second slide is now where the first was.
  const x = await page.evaluate(`document.querySelector('[item-id=s1]').getBoundingClientRect().x`);
  assert.equal(x, box.x);
  // Past the last slide without circular: stays on the last.
  await drag(page, [box.x + 250, box.y + 50], [box.x + 50, box.y + 50]);
  await drag(page, [box.x + 250, box.y + 50], [box.x + 50, box.y + 50]);
  await page.waitForTimeout(250);
  assert.deepEqual((await events('change', 'sw')).map((e) => e.detail.current), [1, 2]);
  await page.close();
});

test('circular swiper wraps from the first slide back to the last', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-swiper id="sw" circular duration="50" style="width:300px">${slides}</wx-swiper>`);
  const box = (await page.locator('#sw').boundingBox())!;
  await drag(page, [box.x + 50, box.y + 50], [box.x + 250, box.y + 50]);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'animationfinish')`);
  assert.deepEqual((await events('change', 'sw')).map((e) => [e.detail.current, e.detail.source]), [[2, 'touch']]);
  await page.close();
});

test('autoplay advances with source "autoplay"; setting current moves without a touch', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-swiper id="sw" autoplay interval="100" duration="20" style="width:300px">${slides}</wx-swiper>`);
  await page.waitForFunction(`window.__events.filter((e) => e.type === 'change').length >= 2`);
  const sources = (await events('change', 'sw')).map((e) => e.detail.source);
  assert.deepEqual(sources.slice(0, 2), ['autoplay', 'autoplay']);
  await setProps(page, '#sw', { autoplay: false });
  await setProps(page, '#sw', { current: 0 });
  await page.waitForTimeout(150);
  assert.equal(await getProp(page, '#sw', 'current'), 0);
  await page.close();
});

test('a vertical swiper follows an upward drag and shows dots in a column', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-swiper id="sw" vertical indicator-dots duration="50" style="width:300px;height:200px">${slides}</wx-swiper>`);
  const box = (await page.locator('#sw').boundingBox())!;
  await drag(page, [box.x + 150, box.y + 180], [box.x + 150, box.y + 20]);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'animationfinish')`);
  assert.deepEqual((await events('change', 'sw')).map((e) => e.detail), [{ current: 1, currentItemId: 's1', source: 'touch' }]);
  const y = await page.evaluate(`document.querySelector('[item-id=s1]').getBoundingClientRect().y`);
  assert.equal(y, box.y);
  const transition = (await events('transition', 'sw'))[0]!.detail;
  assert.equal(transition.dx, 0);
  assert.ok(Number(transition.dy) > 0);
  assert.equal(await page.evaluate(`document.querySelector('#sw').shadowRoot.querySelector('.dots').classList.contains('vertical')`), true);
  await page.close();
});

test('taps on a swiper item still reach it; a drag does not click', async () => {
  const { page } = await openComponentPage(browser, `<wx-swiper id="sw" duration="50" style="width:300px">${slides}</wx-swiper>`);
  await page.evaluate(`window.clicks = 0; document.querySelector('[item-id=s0]').addEventListener('click', () => window.clicks++)`);
  const box = (await page.locator('#sw').boundingBox())!;
  await page.mouse.click(box.x + 100, box.y + 50);
  await drag(page, [box.x + 250, box.y + 50], [box.x + 50, box.y + 50]);
  assert.equal(await page.evaluate('window.clicks'), 1);
  await page.close();
});

test('nested drags: a swiper or slider inside a scroll-view keeps its own drag; across the swiper the view scrolls', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-scroll-view id="sv" scroll-y style="height:300px">
       <wx-swiper id="sw" duration="50" style="width:300px;height:150px">${slides}</wx-swiper>
       <wx-slider id="sl" style="width:300px"></wx-slider>
       ${rows}
     </wx-scroll-view>`,
  );
  const swiper = (await page.locator('#sw').boundingBox())!;
  // Horizontal drag on the swiper: the slide changes, the scroll-view stays.
  await drag(page, [swiper.x + 250, swiper.y + 75], [swiper.x + 50, swiper.y + 80]);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'animationfinish')`);
  assert.equal(await getProp(page, '#sv', 'scrollTop'), 0);
  assert.equal((await events('change', 'sw')).length, 1);
  // Slider drag, even one wandering mostly downwards: the value changes, the scroll-view stays.
  const slider = (await page.locator('#sl').boundingBox())!;
  await drag(page, [slider.x + 20, slider.y + slider.height / 2], [slider.x + 90, slider.y + slider.height / 2 + 120]);
  assert.equal(await getProp(page, '#sv', 'scrollTop'), 0);
  assert.equal((await events('change', 'sl')).length, 1);
  // Vertical drag starting on the swiper: the scroll-view scrolls, the swiper stays.
  await drag(page, [swiper.x + 150, swiper.y + 140], [swiper.x + 150, swiper.y + 40]);
  assert.equal(await getProp(page, '#sv', 'scrollTop'), 100);
  assert.equal((await events('change', 'sw')).length, 1);
  await page.close();
});

test('selecting text in an input inside a scroll-view does not scroll it', async () => {
  const { page } = await openComponentPage(browser, `<wx-scroll-view id="sv" scroll-y style="height:300px"><wx-input id="i" value="select this text please"></wx-input>${rows}</wx-scroll-view>`);
  const box = (await page.locator('#i').boundingBox())!;
  await drag(page, [box.x + 5, box.y + box.height / 2], [box.x + 120, box.y - 60]);
  assert.equal(await getProp(page, '#sv', 'scrollTop'), 0);
  const selected = await page.evaluate(`(() => { const input = document.querySelector('#i').shadowRoot.querySelector('input'); return input.selectionEnd - input.selectionStart; })()`);
  assert.ok(Number(selected) > 0, 'text got selected');
  await page.close();
});

test('on a touch screen a finger swipes the swiper', async () => {
  const { page, events } = await openComponentPage(browser, `<wx-swiper id="sw" duration="50" style="width:300px">${slides}</wx-swiper>`, '', undefined, { hasTouch: true });
  const session = await page.context().newCDPSession(page);
  const box = (await page.locator('#sw').boundingBox())!;
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
    session.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + x, y: box.y + 60 }] });
  await touch('touchStart', 260);
  for (let x = 250; x >= 40; x -= 15) await touch('touchMove', x);
  await touch('touchEnd', 40);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'animationfinish')`);
  assert.deepEqual((await events('change', 'sw')).map((e) => [e.detail.current, e.detail.source]), [[1, 'touch']]);
  await page.close();
});

test('display-multiple-items shows several slides and stops where the last one fits', async () => {
  const four = ['red', 'green', 'blue', 'gray'].map((color, i) => `<wx-swiper-item item-id="m${i}" style="background:${color}">${i}</wx-swiper-item>`).join('');
  const { page, events } = await openComponentPage(browser, `<wx-swiper id="sw" display-multiple-items="2" duration="20" style="width:300px">${four}</wx-swiper>`);
  const widths = await page.evaluate(`Array.from(document.querySelectorAll('wx-swiper-item')).map((item) => item.getBoundingClientRect().width)`);
  assert.deepEqual(widths, [150, 150, 150, 150]);
  await setProps(page, '#sw', { current: 3 });
  await page.waitForTimeout(100);
  assert.equal(await getProp(page, '#sw', 'current'), 2, 'index 2 is the last one that leaves no gap');
  const x = await page.evaluate(`document.querySelector('[item-id=m3]').getBoundingClientRect().x - document.querySelector('#sw').getBoundingClientRect().x`);
  assert.equal(x, 150);
  assert.deepEqual((await events('change', 'sw')).map((e) => e.detail.source), ['']);
  await page.close();
});
