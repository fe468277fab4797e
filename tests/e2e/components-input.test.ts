// <input>, <textarea> and <slider> driven with the real keyboard and mouse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { getProp, launchBrowser, openComponentPage, setProps } from './components-harness';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

test('input fires focus, input {value, cursor, keyCode}, confirm and blur', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-input id="i" placeholder="Name"></wx-input>');
  await page.click('#i');
  await page.keyboard.type('ab');
  await page.keyboard.press('Enter');
  const inputs = await events('input', 'i');
  assert.deepEqual(
    inputs.map((e) => e.detail),
    [
      { value: 'a', cursor: 1, keyCode: 65 },
      { value: 'ab', cursor: 2, keyCode: 66 },
    ],
  );
  assert.equal(inputs[0]!.bubbles, false);
  assert.deepEqual((await events('focus', 'i'))[0]!.detail, { value: '', height: 0 });
  assert.deepEqual((await events('confirm', 'i'))[0]!.detail, { value: 'ab' });
  assert.deepEqual((await events('blur', 'i'))[0]!.detail, { value: 'ab', cursor: 2 });
  await page.close();
});

test('fast typing into a controlled input loses no character (late echoes are ignored)', async () => {
  const { page } = await openComponentPage(browser, '<wx-input id="i"></wx-input>');
  // Echo every input back asynchronously, as the logic Worker does with value="{{v}}" bindinput.
  await page.evaluate(`(() => {
    const el = document.querySelector('#i');
    el.addEventListener('input', (e) => { const v = e.detail.value; setTimeout(() => { el.value = v; }, 30); });
  })()`);
  await page.click('#i');
  const text = 'the quick brown fox jumps over the lazy dog';
  await page.keyboard.type(text, { delay: 5 });
  await page.waitForTimeout(100);
  assert.equal(await getProp(page, '#i', 'value'), text);
  // A value the page computes itself (not an echo) is applied.
  await setProps(page, '#i', { value: 'reset' });
  assert.equal(await getProp(page, '#i', 'value'), 'reset');
  await page.keyboard.type('!');
  assert.equal(await getProp(page, '#i', 'value'), 'reset!', 'the caret stayed at the end');
  await page.close();
});

test('IME composition reports one input when the composition ends', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-input id="i"></wx-input>');
  await page.click('#i');
  const session = await page.context().newCDPSession(page);
  await session.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await session.send('Input.imeSetComposition', { text: 'nih', selectionStart: 3, selectionEnd: 3 });
  await session.send('Input.insertText', { text: '你好' });
  await page.waitForFunction(`window.__events.some((e) => e.type === 'input')`);
  assert.deepEqual((await events('input', 'i')).map((e) => e.detail.value), ['你好']);
  await page.close();
});

test('input type number takes digits only; maxlength cuts; password hides', async () => {
  const { page } = await openComponentPage(browser, '<wx-input id="n" type="number" maxlength="4"></wx-input><wx-input id="p" password></wx-input>');
  await page.click('#n');
  await page.keyboard.type('1a2.b3');
  // A pasted or IME-inserted run keeps only the digits, and maxlength still holds.
  await page.keyboard.insertText('x45y6');
  assert.equal(await getProp(page, '#n', 'value'), '1234');
  assert.equal(await page.evaluate(`document.querySelector('#p').shadowRoot.querySelector('input').type`), 'password');
  await page.close();
});

test('placeholder-style and placeholder-class style the placeholder', async () => {
  const { page } = await openComponentPage(browser, '<wx-input id="i" placeholder="hint" placeholder-class="hint" placeholder-style="font-style: italic"></wx-input>', '.hint { color: rgb(255, 0, 0); }');
  await page.waitForTimeout(50);
  const css = String(await page.evaluate(`Array.from(document.querySelector('#i').shadowRoot.querySelectorAll('style')).map((s) => s.textContent).join('')`));
  assert.match(css, /::placeholder \{ color: rgb\(255, 0, 0\);.*font-style: italic/);
  assert.equal(await page.evaluate(`document.body.children.length`), 1, 'the probe is gone');
  await page.close();
});

test('the focus property focuses the field and focus() still works as a method', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-input id="a"></wx-input><wx-input id="b"></wx-input>');
  await setProps(page, '#a', { focus: true });
  await page.waitForFunction(`window.__events.some((e) => e.type === 'focus' && e.target === 'a')`);
  await page.focus('#b');
  await page.keyboard.type('x');
  assert.equal(await getProp(page, '#b', 'value'), 'x');
  assert.equal((await events('blur', 'a')).length, 1);
  await page.close();
});

test('textarea with auto-height grows and fires linechange', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-textarea id="t" auto-height style="width:200px; line-height:20px; font-size:16px"></wx-textarea>');
  const before = (await page.locator('#t').boundingBox())!.height;
  await page.click('#t');
  await page.keyboard.type('one');
  await page.keyboard.press('Enter');
  await page.keyboard.type('two');
  await page.keyboard.press('Enter');
  await page.keyboard.type('three');
  const afterBox = (await page.locator('#t').boundingBox())!.height;
  assert.ok(afterBox > before, `grew from ${before} to ${afterBox}`);
  const lines = await events('linechange', 't');
  assert.equal(lines.at(-1)!.detail.lineCount, 3);
  assert.equal(await getProp(page, '#t', 'value'), 'one\ntwo\nthree');
  await page.close();
});

test('form collects input, textarea and slider values', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-form id="f"><wx-input name="user"></wx-input><wx-textarea name="bio"></wx-textarea><wx-slider name="age" value="30"></wx-slider>
     <wx-button id="go" form-type="submit">Go</wx-button></wx-form>`,
  );
  await page.click('wx-input');
  await page.keyboard.type('ann');
  await page.click('wx-textarea');
  await page.keyboard.type('hi');
  await page.click('#go');
  assert.deepEqual((await events('submit', 'f'))[0]!.detail, { value: { user: 'ann', bio: 'hi', age: 30 } });
  await page.close();
});

test('slider drag fires changing on the way and change {value} on release', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-slider id="s" min="0" max="100" step="10" show-value></wx-slider>', '', { width: 436, height: 300 });
  const track = (await page.evaluate(`(() => { const r = document.querySelector('#s').shadowRoot.querySelector('.track').getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width }; })()`)) as {
    x: number;
    y: number;
    width: number;
  };
  await page.mouse.move(track.x + 1, track.y + 1);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width * 0.3, track.y + 1, { steps: 5 });
  await page.mouse.move(track.x + track.width * 0.52, track.y + 1, { steps: 5 });
  await page.mouse.up();
  const changing = (await events('changing', 's')).map((e) => e.detail.value);
  assert.ok(changing.includes(30), `changing went through 30: ${changing.join(',')}`);
  assert.deepEqual((await events('change', 's')).map((e) => e.detail), [{ value: 50 }]);
  assert.equal(await getProp(page, '#s', 'value'), 50);
  // A tap on the track jumps there.
  await page.mouse.click(track.x + track.width * 0.9, track.y + 1);
  assert.deepEqual((await events('change', 's')).at(-1)!.detail, { value: 90 });
  await page.close();
});
