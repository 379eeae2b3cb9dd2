// Text before WebAssembly: the built page carries the default comparison as HTML,
// readable with JavaScript off; the widget takes over without layout shift, and a
// deep link never flashes the comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, sharedHarness, ARTIFACTS } from './harness.mjs';

// No service worker: it would serve the wasm from its cache, past the hold.
const h = sharedHarness({ contextOptions: { serviceWorkers: 'block' } });

/** Holds the wasm back until `release()` is called. */
async function holdWasm(p) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await p.route(/\.wasm$/, async (route) => { await gate; await route.continue(); });
  return release;
}

/** Sum of layout-shift scores since navigation start. */
const layoutShift = (p) => p.evaluate(() => new Promise((ok) => {
  new PerformanceObserver((list) => ok(list.getEntries().reduce((s, e) => s + e.value, 0))).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => ok(0), 300);
}));

test('with JavaScript off, the page shows the statements, their framing and quotes', async () => {
  const off = await start({ contextOptions: { javaScriptEnabled: false } });
  try {
    const p = await off.page(768);
    await p.goto(off.origin + '/');
    const text = await p.locator('#app').innerText();
    for (const title of ['Rudd letter', 'Wallace letter', 'Home Office factsheet', 'Lords answer', 'International statement']) {
      assert.ok(text.includes(title), title);
    }
    assert.match(text, /JavaScript is off: the comparison is shown as text/);
    assert.match(text, /Encryption endorsed/);
    assert.ok(await p.locator('.ef-quote blockquote').count() >= 10, 'quotes');
    assert.match(text, /I strongly believe that encryption plays a fundamental role in protecting UK citizens online/);
    await p.screenshot({ path: join(ARTIFACTS, 'no-javascript-768.png') });
    assert.deepEqual(off.foreign, []);
  } finally {
    await off.close();
  }
});

test('the comparison is readable before the wasm arrives, and the widget takes over without layout shift', async () => {
  const p = await h.page(1280);
  const release = await holdWasm(p);
  await p.goto(h.origin + '/');
  await p.locator('.ef-prerendered .ef-quote blockquote').first().waitFor({ state: 'visible' });
  assert.equal(await p.locator('.ef-prerendered .ef-colhead').count(), 5);
  release();
  await p.waitForFunction(() => !document.querySelector('.ef-prerendered') && document.querySelector('.ef-app .ef-compare'));
  assert.ok((await layoutShift(p)) < 0.01, 'no layout shift');
  // It is the live widget now: controls work.
  await p.getByRole('radio', { name: 'Access', exact: true }).check();
  await p.waitForURL(/t=access/);
  await p.close();
});

test('a deep link hides the pre-rendered comparison before the first paint and opens its view', async () => {
  const p = await h.page(1280);
  const release = await holdWasm(p);
  await p.goto(h.origin + '/#/read/wallace-2017');
  await p.waitForSelector('.ef-prerendered', { state: 'attached' });
  assert.equal(await p.locator('.ef-prerendered').isVisible(), false);
  // Not a blank frame: the reader is told what is opening, by name.
  assert.equal(await p.locator('.ef-opening').innerText(), 'Opening the Wallace letter…');
  release();
  await p.locator('.ef-reader').waitFor();
  assert.match(await p.locator('h1').innerText(), /Minister of State for Security/);
  assert.equal(await p.locator('.ef-opening').count(), 0, 'the view replaces the notice');
  // Other deep links name their view; nothing from the address is shown.
  for (const [hash, text] of [['#/talking-points', 'Opening the talking points…'], ['#/read/rudd-2017+nope%3Cb%3E', 'Opening the Rudd letter…'],
    ['#/search?q=%3Cimg%20src%3Dx%3E', 'Opening the search…']]) {
    const q = await h.page(1280);
    const let_go = await holdWasm(q);
    await q.goto(h.origin + '/' + hash);
    await q.locator('.ef-opening').waitFor();
    assert.equal(await q.locator('.ef-opening').innerText(), text, hash);
    let_go();
    await q.locator('.ef-app').waitFor();
    await q.close();
  }
  await p.close();
});
