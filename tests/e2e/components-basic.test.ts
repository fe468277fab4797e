// Built-in components in real Chromium: properties, attributes, taps and the WeChat events they fire.
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

test('switch toggles on tap and fires change {value}', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-switch id="s"></wx-switch><wx-switch id="d" disabled></wx-switch>');
  await page.click('#s');
  await page.click('#s');
  await page.click('#d');
  const changes = await events('change');
  assert.deepEqual(
    changes.map((e) => [e.target, e.detail]),
    [
      ['s', { value: true }],
      ['s', { value: false }],
    ],
  );
  assert.equal(changes[0]!.bubbles, false);
  await page.close();
});

test('every attribute given at creation counts, even next to reflected ones', async () => {
  const { page } = await openComponentPage(browser, '<wx-switch id="a" disabled checked></wx-switch><wx-button id="b" type="warn" size="mini" plain loading>b</wx-button>');
  assert.equal(await getProp(page, '#a', 'checked'), true);
  assert.equal(await getProp(page, '#a', 'disabled'), true);
  assert.deepEqual(await page.evaluate(`['type', 'size', 'plain', 'loading'].map((p) => document.querySelector('#b')[p])`), ['warn', 'mini', true, true]);
  await page.close();
});

test('properties set on elements created before the components were defined still count', async () => {
  const { page } = await openComponentPage(browser, '');
  const result = await page.evaluate(`(async () => {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const doc = frame.contentDocument;
    const input = doc.createElement('wx-input');
    input.value = 'typed early';
    const sw = doc.createElement('wx-switch');
    sw.checked = true;
    doc.body.append(input, sw);
    const script = doc.createElement('script');
    script.textContent = document.querySelector('script:not([src])').textContent + ';WxComponents.defineAllComponents(document);';
    doc.head.appendChild(script);
    await new Promise((r) => setTimeout(r, 50));
    return [input.value, sw.checked, sw.getAttribute('aria-checked')];
  })()`);
  assert.deepEqual(result, ['typed early', true, 'true']);
  await page.close();
});

test('checked="false" as an attribute and false as a property both mean unchecked', async () => {
  const { page } = await openComponentPage(browser, '<wx-switch id="a" checked="false"></wx-switch><wx-switch id="b" checked></wx-switch>');
  assert.equal(await getProp(page, '#a', 'checked'), false);
  assert.equal(await getProp(page, '#b', 'checked'), true);
  await setProps(page, '#b', { checked: false });
  assert.equal(await getProp(page, '#b', 'checked'), false);
  assert.equal(await page.getAttribute('#b', 'checked'), null, 'checked is reflected for styling');
  await page.close();
});

test('removing an attribute set as a property restores the default', async () => {
  const { page } = await openComponentPage(browser, '<wx-button id="b">b</wx-button><wx-slider id="s"></wx-slider>');
  await setProps(page, '#b', { type: 'primary' });
  await setProps(page, '#s', { max: 10 });
  await page.evaluate(`document.querySelector('#b').removeAttribute('type'); document.querySelector('#s').removeAttribute('max')`);
  assert.equal(await getProp(page, '#b', 'type'), 'default');
  assert.equal(await getProp(page, '#s', 'max'), 100);
  assert.equal(await page.getAttribute('#b', 'type'), null);
  await page.close();
});

test('checkbox-group and radio-group report their values', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-checkbox-group id="cg"><wx-checkbox id="c1" value="a">A</wx-checkbox><wx-checkbox id="c2" value="b" checked>B</wx-checkbox><wx-checkbox id="c3" value="c">C</wx-checkbox></wx-checkbox-group>
     <wx-radio-group id="rg"><wx-radio id="r1" value="x">X</wx-radio><wx-radio id="r2" value="y" checked>Y</wx-radio></wx-radio-group>`,
  );
  await page.click('#c1');
  await page.click('#c2');
  await page.click('#r1');
  await page.click('#r1');
  assert.deepEqual(
    (await events('change', 'cg')).map((e) => e.detail),
    [{ value: ['a', 'b'] }, { value: ['a'] }],
  );
  assert.deepEqual((await events('change', 'rg')).map((e) => e.detail), [{ value: 'x' }]);
  assert.equal(await getProp(page, '#r2', 'checked'), false);
  await page.close();
});

test('label taps the control it names, or the first one inside', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-checkbox-group id="g"><wx-label id="l1"><wx-checkbox value="one"></wx-checkbox><wx-text>one</wx-text></wx-label></wx-checkbox-group>
     <wx-label id="l2" for="sw">toggle</wx-label><wx-switch id="sw"></wx-switch>
     <wx-label id="l3" for="in">name</wx-label><wx-input id="in"></wx-input>`,
  );
  await page.click('#l1 wx-text');
  await page.click('#l2');
  await page.click('#l3');
  await page.keyboard.type('hi');
  assert.equal(await getProp(page, '#in', 'value'), 'hi');
  assert.deepEqual((await events('change', 'g')).map((e) => e.detail), [{ value: ['one'] }]);
  assert.deepEqual((await events('change', 'sw')).map((e) => e.detail), [{ value: true }]);
  await page.close();
});

test('form submit collects every named field; reset clears them', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-form id="f">
       <wx-switch name="sw" checked></wx-switch>
       <wx-checkbox-group name="cg"><wx-checkbox value="a" checked></wx-checkbox><wx-checkbox value="b"></wx-checkbox></wx-checkbox-group>
       <wx-radio-group name="rg"><wx-radio value="r1"></wx-radio><wx-radio value="r2" checked></wx-radio></wx-radio-group>
       <wx-view><wx-switch name="nested"></wx-switch></wx-view>
       <wx-button id="submit" form-type="submit">Submit</wx-button>
       <wx-button id="reset" form-type="reset">Reset</wx-button>
     </wx-form>`,
  );
  await page.click('#submit');
  await page.click('#reset');
  await page.click('#submit');
  const submits = await events('submit', 'f');
  assert.deepEqual(submits[0]!.detail, { value: { sw: true, cg: ['a'], rg: 'r2', nested: false } });
  assert.deepEqual(submits[1]!.detail, { value: { sw: false, cg: [], rg: '', nested: false } });
  assert.equal((await events('reset', 'f')).length, 1);
  await page.close();
});

test('navigator dispatches a bubbling navigate event for the host', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-navigator id="n1" url="/pages/logs/logs?x=1">logs</wx-navigator>
     <wx-navigator id="n2" open-type="navigateBack" delta="2">back</wx-navigator>
     <wx-navigator id="n3" target="miniProgram" app-id="wx123" path="pages/a">other</wx-navigator>`,
  );
  await page.click('#n1');
  await page.click('#n2');
  await page.click('#n3');
  const navigations = await events('navigate');
  assert.deepEqual(navigations[0]!.detail, { url: '/pages/logs/logs?x=1', openType: 'navigate', delta: 1, target: 'self' });
  assert.equal(navigations[0]!.bubbles, true);
  assert.deepEqual(navigations[1]!.detail, { url: '', openType: 'navigateBack', delta: 2, target: 'self' });
  assert.equal(navigations[2]!.detail.appId, 'wx123');
  assert.equal(navigations[2]!.detail.openType, 'navigateToMiniProgram');
  await page.close();
});

test('hover-class is applied while pressed and removed after hover-stay-time', async () => {
  const { page } = await openComponentPage(browser, '<wx-view id="v" hover-class="pressed" hover-start-time="0" hover-stay-time="50" style="height:40px">press</wx-view><wx-button id="b">b</wx-button>');
  const box = (await page.locator('#v').boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.down();
  await page.waitForFunction(`document.querySelector('#v').classList.contains('pressed')`);
  await page.mouse.up();
  await page.waitForFunction(`!document.querySelector('#v').classList.contains('pressed')`);
  await page.hover('#b');
  await page.mouse.down();
  await page.waitForFunction(`document.querySelector('#b').classList.contains('button-hover')`);
  await page.mouse.up();
  await page.close();
});

test('button open-type fires a simulated result event', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-button id="b" open-type="getPhoneNumber">phone</wx-button><wx-button id="d" disabled open-type="getPhoneNumber">x</wx-button>');
  await page.click('#b');
  await page.click('#d', { force: true });
  const results = await events('getphonenumber');
  assert.equal(results.length, 1);
  assert.equal(results[0]!.detail.errMsg, 'getPhoneNumber:ok');
  await page.close();
});

test('text decodes entities and widens spaces, idempotently', async () => {
  const { page } = await openComponentPage(browser, '<wx-text id="t" decode space="nbsp">a&amp;lt;b  c</wx-text>');
  // The HTML parser already turned &amp;lt; into the text "&lt;": decode makes it "<".
  await page.waitForFunction(`document.querySelector('#t').textContent === 'a<b\\u00a0\\u00a0c'`);
  await page.evaluate(`document.querySelector('#t').firstChild.data = 'x&gt;y'`);
  await page.waitForFunction(`document.querySelector('#t').textContent === 'x>y'`);
  await setProps(page, '#t', { decode: false, space: null });
  await page.waitForFunction(`document.querySelector('#t').textContent === 'x&gt;y'`);
  await page.close();
});

test('rich-text renders nodes and strips scripts, handlers and javascript: URLs', async () => {
  const { page } = await openComponentPage(browser, '<wx-rich-text id="r"></wx-rich-text>');
  await setProps(page, '#r', {
    nodes: '<p class="x" onclick="window.hacked=1">Hi <b>there</b><script>window.hacked=2</script><img src="javascript:alert(1)" onerror="window.hacked=3"><a href="javascript:alert(1)">link</a></p>',
  });
  await page.waitForFunction(`document.querySelector('#r p') !== null`);
  const html = String(await page.evaluate(`document.querySelector('#r').innerHTML`));
  assert.match(html, /<p class="x">Hi <b>there<\/b><img><a>link<\/a><\/p>/);
  await setProps(page, '#r', { nodes: [{ name: 'div', attrs: { style: 'color:red', onmouseover: 'x()' }, children: [{ type: 'text', text: 'a &amp; b' }] }] });
  await page.waitForFunction(`document.querySelector('#r div') !== null`);
  assert.equal(await page.evaluate(`document.querySelector('#r').innerHTML`), '<div style="color:red">a &amp; b</div>');
  assert.equal(await page.evaluate('window.hacked'), undefined);
  await page.close();
});

test('image fires load with the natural size, and error for a broken source', async () => {
  const svg = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="red"/></svg>')}`;
  const { page, events } = await openComponentPage(browser, `<wx-image id="ok" mode="widthFix" style="width:100px"></wx-image><wx-image id="bad"></wx-image>`);
  await setProps(page, '#ok', { src: svg });
  await setProps(page, '#bad', { src: 'data:image/png;base64,AAAA' });
  await page.waitForFunction(`window.__events.filter((e) => e.type === 'load' || e.type === 'error').length === 2`);
  assert.deepEqual((await events('load', 'ok'))[0]!.detail, { width: 40, height: 20 });
  assert.match(String((await events('error', 'bad'))[0]!.detail.errMsg), /data:image\/png/);
  const height = await page.evaluate(`document.querySelector('#ok').getBoundingClientRect().height`);
  assert.equal(height, 50, 'widthFix keeps the aspect ratio');
  await page.close();
});

test('every component of the support table is defined, connects cleanly and has a property per attribute', async () => {
  const { COMPONENTS } = await import('../../app/simulator/support/components');
  const { page } = await openComponentPage(browser, '');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const table = COMPONENTS.map((component) => ({
    tag: `wx-${component.name}`,
    properties: component.attributes.map((attribute) => attribute.name.replace(/-([a-z0-9])/g, (_: string, c: string) => c.toUpperCase())).filter((p) => p !== 'id'),
  }));
  const problems = (await page.evaluate(`(() => {
    const problems = [];
    for (const { tag, properties } of ${JSON.stringify(table)}) {
      if (!customElements.get(tag)) { problems.push(tag + ' is not defined'); continue; }
      const el = document.createElement(tag);
      try { document.body.appendChild(el); } catch (error) { problems.push(tag + ': ' + error.message); continue; }
      for (const property of properties) if (!(property in el)) problems.push(tag + ' lacks ' + property);
    }
    return problems;
  })()`)) as string[];
  await page.waitForTimeout(100);
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('components built detached, with every property set before they connect, as the runtime builds them', async () => {
  const { COMPONENTS } = await import('../../app/simulator/support/components');
  const { page } = await openComponentPage(browser, '');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const sample: Record<string, unknown> = { boolean: true, number: 1, string: 'x', color: '#ff0000', length: '10rpx', array: [], object: {}, nodes: [], any: 0 };
  const table = COMPONENTS.map((component) => ({
    tag: `wx-${component.name}`,
    props: Object.fromEntries(
      component.attributes
        .filter((attribute) => !['src', 'url'].includes(attribute.name))
        .map((attribute) => [attribute.name.replace(/-([a-z0-9])/g, (_: string, c: string) => c.toUpperCase()), attribute.values?.[0] ?? sample[attribute.type]]),
    ),
  }));
  await page.evaluate(`(() => {
    const root = document.createElement('wx-view');
    for (const { tag, props } of ${JSON.stringify(table)}) {
      const el = document.createElement(tag);
      for (let i = 0; i < 3; i++) {
        const child = document.createElement(tag === 'wx-swiper' ? 'wx-swiper-item' : 'wx-view');
        child.textContent = 'child';
        el.appendChild(child);
      }
      Object.assign(el, props);
      root.appendChild(el);
    }
    document.body.appendChild(root);
  })()`);
  await page.waitForTimeout(300);
  assert.deepEqual(errors, []);
  await page.close();
});
