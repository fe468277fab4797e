// <picker> (every mode) and <picker-view>, picked with the real mouse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openComponentPage, setProps } from './components-harness';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

/** Locator of the sheet parts inside a picker's shadow root. */
const part = (picker: string, selector: string): string => `${picker} >> ${selector}`;

/** Wheels a sheet column by `rows` items and waits until it settles. */
async function wheelColumn(page: Page, picker: string, column: number, rows: number): Promise<void> {
  // hover() waits until the sheet has finished sliding up.
  await page.locator(part(picker, '.column')).nth(column).hover();
  await page.mouse.wheel(0, rows * 34);
  await page.waitForTimeout(400);
}

test('selector picker: tap opens the sheet, choose an item, 确定 fires change {value: index}', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-picker id="p" header-text="Fruit"><wx-view>pick</wx-view></wx-picker>');
  await setProps(page, '#p', { range: [{ name: 'apple' }, { name: 'banana' }, { name: 'cherry' }, { name: 'durian' }], rangeKey: 'name', value: 1 });
  await page.click('#p wx-view');
  await page.locator(part('#p', 'dialog')).waitFor();
  assert.deepEqual(await page.locator(part('#p', '.item')).allTextContents(), ['apple', 'banana', 'cherry', 'durian']);
  assert.equal(await page.locator(part('#p', '.title')).textContent(), 'Fruit');
  await page.locator(part('#p', '.item')).nth(3).click();
  await page.waitForTimeout(500);
  await page.locator(part('#p', '.confirm')).click();
  assert.deepEqual((await events('change', 'p')).map((e) => e.detail), [{ value: 3 }]);
  assert.equal(await page.locator(part('#p', 'dialog')).isVisible(), false);
  await page.close();
});

test('selector picker: the wheel moves a column; the backdrop cancels', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-picker id="p" range=\'["a","b","c","d","e"]\'>open</wx-picker>');
  await page.click('#p');
  await wheelColumn(page, '#p', 0, 2);
  await page.locator(part('#p', '.confirm')).click();
  assert.deepEqual((await events('change', 'p')).map((e) => e.detail), [{ value: 2 }]);
  await page.click('#p');
  await page.mouse.click(20, 20);
  assert.equal((await events('cancel', 'p')).length, 1);
  assert.equal((await events('change', 'p')).length, 1);
  await page.close();
});

test('multiSelector picker fires columnchange and takes new columns from the page', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-picker id="p" mode="multiSelector">open</wx-picker>');
  await setProps(page, '#p', { range: [['fish', 'mammal'], ['carp', 'eel']], value: [0, 0] });
  // The page answers columnchange by replacing the second column, as WeChat's demo does.
  await page.evaluate(`document.querySelector('#p').addEventListener('columnchange', (e) => {
    if (e.detail.column === 0) document.querySelector('#p').range = [['fish', 'mammal'], e.detail.value === 1 ? ['cat', 'dog', 'whale'] : ['carp', 'eel']];
  })`);
  await page.click('#p');
  await wheelColumn(page, '#p', 0, 1);
  assert.deepEqual((await events('columnchange', 'p')).map((e) => e.detail), [{ column: 0, value: 1 }]);
  assert.deepEqual(await page.locator(part('#p', '.column')).nth(1).locator('.item').allTextContents(), ['cat', 'dog', 'whale']);
  await wheelColumn(page, '#p', 1, 2);
  await page.locator(part('#p', '.confirm')).click();
  assert.deepEqual((await events('change', 'p')).at(-1)!.detail, { value: [1, 2] });
  await page.close();
});

test('time and date pickers report formatted values within start/end', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-picker id="t" mode="time" value="09:30" start="08:00" end="18:00">t</wx-picker>
     <wx-picker id="d" mode="date" value="2024-02-27" start="2020-01-01" end="2030-12-31">d</wx-picker>
     <wx-picker id="m" mode="date" fields="month" value="2024-05">m</wx-picker>`,
  );
  await page.click('#t');
  assert.equal(await page.locator(part('#t', '.column')).nth(0).locator('.item').first().textContent(), '08');
  await wheelColumn(page, '#t', 0, 1);
  await page.locator(part('#t', '.confirm')).click();
  assert.deepEqual((await events('change', 't')).map((e) => e.detail), [{ value: '10:30' }]);

  await page.click('#d');
  assert.equal(await page.locator(part('#d', '.column')).nth(2).locator('.item').count(), 29, 'February 2024 has 29 days');
  await wheelColumn(page, '#d', 2, 2);
  await page.locator(part('#d', '.confirm')).click();
  assert.deepEqual((await events('change', 'd')).map((e) => e.detail), [{ value: '2024-02-29' }]);

  await page.click('#m');
  assert.equal(await page.locator(part('#m', '.column')).count(), 2);
  await page.locator(part('#m', '.confirm')).click();
  assert.deepEqual((await events('change', 'm')).map((e) => e.detail), [{ value: '2024-05' }]);
  await page.close();
});

test('region picker starts on the given names and reports names and codes', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-picker id="r" mode="region">r</wx-picker>');
  await setProps(page, '#r', { value: ['广东省', '广州市', '海珠区'] });
  await page.click('#r');
  await page.locator(part('#r', '.column')).nth(2).locator('.item').first().waitFor();
  await page.locator(part('#r', '.confirm')).click();
  assert.deepEqual((await events('change', 'r'))[0]!.detail, { value: ['广东省', '广州市', '海珠区'], code: ['440000', '440100', '440105'], postcode: '' });
  // Moving the province resets the city and district columns to their first entries.
  await page.click('#r');
  await page.locator(part('#r', '.column')).nth(2).locator('.item').first().waitFor();
  await wheelColumn(page, '#r', 0, 1);
  await page.locator(part('#r', '.confirm')).click();
  assert.deepEqual((await events('change', 'r'))[1]!.detail.value, ['广西壮族自治区', '南宁市', '兴宁区']);
  await page.close();
});

test('picker-view fires pickstart, change {value} and pickend when a column settles', async () => {
  const items = (n: number): string => Array.from({ length: n }, (_, i) => `<wx-view>${i}</wx-view>`).join('');
  const { page, events } = await openComponentPage(
    browser,
    `<wx-picker-view id="pv" indicator-style="height: 50px" style="width:300px;height:250px">
       <wx-picker-view-column>${items(10)}</wx-picker-view-column><wx-picker-view-column>${items(5)}</wx-picker-view-column>
     </wx-picker-view>`,
  );
  await setProps(page, '#pv', { value: [2, 1] });
  await page.waitForTimeout(100);
  const box = (await page.locator('#pv').boundingBox())!;
  await page.mouse.move(box.x + 225, box.y + 125);
  await page.mouse.wheel(0, 100);
  await page.waitForFunction(`window.__events.some((e) => e.type === 'pickend')`);
  assert.deepEqual((await events('change', 'pv')).map((e) => e.detail), [{ value: [2, 3] }]);
  assert.equal((await events('pickstart', 'pv')).length, 1);
  // The selected item sits in the indicator band.
  const band = await page.evaluate(`(() => {
    const pv = document.querySelector('#pv');
    const item = pv.children[1].children[3].getBoundingClientRect();
    const indicator = pv.shadowRoot.querySelector('.indicator').getBoundingClientRect();
    return [Math.round(item.top - indicator.top), Math.round(item.height)];
  })()`);
  assert.deepEqual(band, [0, 50]);
  await page.close();
});

test('the sheet speaks English when the page language is English', async () => {
  const { page } = await openComponentPage(browser, '<wx-picker id="p" mode="date" value="2024-05-20">d</wx-picker>');
  await page.evaluate(`document.documentElement.lang = 'en'`);
  await page.click('#p');
  assert.equal(await page.locator(part('#p', '.cancel')).textContent(), 'Cancel');
  assert.equal(await page.locator(part('#p', '.confirm')).textContent(), 'OK');
  assert.equal(await page.locator(part('#p', '.column')).nth(0).locator('.item').first().textContent(), '1900');
  await page.close();
});

test('region picker with custom-item and level="city" offers the custom entry first in each column', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-picker id="r" mode="region" level="city" custom-item="全部">r</wx-picker>');
  await page.click('#r');
  await page.locator(part('#r', '.column')).nth(1).locator('.item').first().waitFor();
  assert.equal(await page.locator(part('#r', '.column')).count(), 2);
  assert.equal(await page.locator(part('#r', '.column')).nth(0).locator('.item').first().textContent(), '全部');
  await page.locator(part('#r', '.confirm')).click();
  assert.deepEqual((await events('change', 'r'))[0]!.detail, { value: ['全部', '全部'], code: ['', ''], postcode: '' });
  await page.close();
});
