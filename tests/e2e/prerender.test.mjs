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

/** Waits until the widget has replaced the static copy and shows `selector`. */
const takenOver = (p, selector) => p.waitForFunction((sel) => !document.querySelector('.ef-prerendered') && document.querySelector(sel), selector);

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
  await takenOver(p, '.ef-app .ef-compare');
  assert.ok((await layoutShift(p)) < 0.01, 'no layout shift');
  // It is the live widget now: controls work.
  await p.getByRole('radio', { name: 'Access', exact: true }).check();
  await p.waitForURL(/t=access/);
  await p.close();
});

test('a shared deep link shows its own view before the wasm arrives, and the widget takes over without layout shift', async () => {
  const p = await h.page(1280);
  const release = await holdWasm(p);
  await p.goto(h.origin + '/#/read/wallace-2017');
  // The reader's own text, from the build's static copy of that view: no comparison, no notice.
  await p.locator('.ef-prerendered .ef-reading .ef-body').waitFor({ state: 'visible' });
  assert.match(await p.locator('.ef-prerendered h1').first().innerText(), /Minister of State for Security/);
  assert.equal(await p.locator('.ef-compare').count(), 0, 'the comparison never shows');
  assert.equal(await p.locator('.ef-opening').count(), 0, 'the view itself, not a notice');
  const before = await p.locator('.ef-prerendered').innerText();
  assert.match(before, /Brian Wallace|Wallace/);
  release();
  await takenOver(p, '.ef-app .ef-reading');
  assert.ok((await layoutShift(p)) < 0.01, 'no layout shift');
  // The same text, and then the live region's announcement of the view.
  const after = await p.locator('#app').innerText();
  assert.ok(after.startsWith(before), 'the static copy is the widget\'s first render');
  assert.equal(after.slice(before.length).trim(), 'Reading one statement.');
  // The live widget: its navigation works.
  await p.getByRole('link', { name: 'Talking points', exact: true }).first().click();
  await p.waitForURL(/#\/talking-points/);
  await p.close();
});

test('an embedded deep view shows its own text early, and links with selections show their view under a notice', async () => {
  // An embed of the full view: the embed's own static copy of the talking points.
  const e = await h.page(400);
  const let_e = await holdWasm(e);
  await e.goto(h.origin + '/?embed=1#/talking-points');
  await e.locator('.ef-prerendered .ef-embedded .ef-talking').waitFor({ state: 'visible' });
  let_e();
  await takenOver(e, '.ef-app.ef-embedded .ef-talking');
  await e.close();
  // A passage opened in the link: the statement shows at once, the notice says the rest is coming.
  const q = await h.page(768);
  const let_q = await holdWasm(q);
  await q.goto(h.origin + '/#/read/rudd-2017?at=4');
  await q.locator('.ef-prerendered .ef-reading .ef-body').waitFor({ state: 'visible' });
  assert.equal(await q.locator('.ef-opening').innerText(), 'Opening the Rudd letter…');
  let_q();
  await takenOver(q, '.ef-app .ef-reading');
  assert.equal(await q.locator('.ef-opening').count(), 0, 'the view replaces the notice');
  await q.close();
});

test('an embed reads its flags as the widget does: the article\'s #ef= view, fixed colours, embed=0', async () => {
  // pym.js frame without a hash of its own: the article's #ef= link names the view.
  const p = await h.page(400);
  const release = await holdWasm(p);
  const article = encodeURIComponent('https://news.example/story#ef=/method');
  await p.goto(`${h.origin}/?childId=ef-1&parentUrl=${article}&scheme=dark`);
  await p.locator('.ef-prerendered .ef-embedded .ef-method').waitFor({ state: 'visible' });
  assert.equal(await p.locator('#app').getAttribute('data-color-scheme'), 'dark', 'the embed code\'s colours from the start');
  release();
  await takenOver(p, '.ef-app.ef-embedded .ef-method');
  assert.equal(await p.locator('#app').getAttribute('data-color-scheme'), 'dark');
  await p.close();
  // embed=0 is not an embed: the page's own pre-rendered comparison shows at once.
  const q = await h.page(1280);
  const let_q = await holdWasm(q);
  await q.goto(`${h.origin}/?embed=0`);
  await q.locator('.ef-prerendered .ef-compare').waitFor({ state: 'visible' });
  assert.equal(await q.locator('.ef-opening').count(), 0);
  let_q();
  await takenOver(q, '.ef-app .ef-compare');
  await q.close();
  // Ids from the address never reach object look-ups: no inherited property, no exception.
  const r = await h.page(1280);
  const let_r = await holdWasm(r);
  await r.goto(`${h.origin}/#/constructor`);
  await r.locator('.ef-opening').waitFor();
  assert.equal(await r.locator('.ef-opening').innerText(), 'Opening the comparison…');
  await r.goto(`${h.origin}/#/read/%E0%A4%A`);
  await r.locator('.ef-opening').waitFor();
  let_r();
  await r.locator('.ef-app').waitFor();
  await r.close();
});

test('a deep link without a static copy hides the pre-rendered comparison before the first paint and says what is opening', async () => {
  const p = await h.page(1280);
  const release = await holdWasm(p);
  await p.goto(h.origin + '/#/read/wallace-2017+rudd-2017');
  await p.waitForSelector('.ef-prerendered', { state: 'attached' });
  assert.equal(await p.locator('.ef-prerendered').isVisible(), false);
  // Not a blank frame: the reader is told what is opening, by name.
  assert.equal(await p.locator('.ef-opening').innerText(), 'Opening the Wallace letter and the Rudd letter…');
  release();
  await p.waitForFunction(() => !document.querySelector('.ef-prerendered') && document.querySelectorAll('.ef-app .ef-reader').length === 2);
  assert.match(await p.locator('h1').first().innerText(), /side by side/);
  assert.equal(await p.locator('.ef-opening').count(), 0, 'the view replaces the notice');
  // Other deep links name their view; nothing from the address is shown.
  for (const [hash, text] of [['#/read/rudd-2017+nope%3Cb%3E', 'Opening the Rudd letter…'],
    ['#/search?q=%3Cimg%20src%3Dx%3E', 'Opening the search…'], ['#/?s=rudd-2017,wallace-2017', 'Opening the comparison…']]) {
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
