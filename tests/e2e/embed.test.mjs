// Embedding in an article on another origin: pym.js, a plain iframe with our
// snippet, AMP's message format, compact chrome, and share links to the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, hostSite, ARTIFACTS } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
let h, site, hostOrigin;

before(async () => {
  h = await start();
  const filler = '<p>' + 'Article text. '.repeat(40) + '</p>';
  site = await hostSite({
    'pym.html': `<!doctype html><html><head><title>Our story</title><link rel="icon" href="data:,"></head><body>
    <h1>Our story</h1>${filler}<div id="ef"></div>${filler}
    <script src="pym.v1.min.js"></script>
    <script>window.parentWidget = new pym.Parent('ef', '${h.origin}/?embed=1', { title: 'Encryption framing' });</script>
    </body></html>`,
    'plain.html': `<!doctype html><html><head><title>Plain</title><link rel="icon" href="data:,"></head><body>
    <h1>Plain iframe</h1>
    <iframe id="f" src="${h.origin}/?embed=1&id=story1" title="Encryption framing" style="width:100%;border:0" height="300"></iframe>
    <script>window.messages = []; window.addEventListener('message', (e) => window.messages.push(e.data));</script>
    <script src="${h.origin}/embed-parent.js"></script>
    </body></html>`,
  }, { 'pym.v1.min.js': join(HERE, 'node_modules/pym.js/dist/pym.v1.min.js') });
  hostOrigin = site.origin;
});

after(async () => {
  const foreign = h.foreign.filter((u) => !u.startsWith(hostOrigin + '/'));
  assert.deepEqual(foreign, [], 'no request leaves the two loopback origins');
  assert.deepEqual(h.errors, [], 'no console errors');
  await h.close();
  await site.close();
});

const frameHeight = (p, selector) => p.locator(selector).evaluate((f) => f.getBoundingClientRect().height);

async function settles(p, selector, predicate, what) {
  let last = 0;
  for (let i = 0; i < 100; i++) {
    last = await frameHeight(p, selector);
    if (predicate(last)) return last;
    await p.waitForTimeout(100);
  }
  assert.fail(`${what}: iframe height stayed ${last}`);
}

test('with the real pym.js parent the iframe grows to fit, shrinks when content shrinks, and grows back', async () => {
  const p = await h.page(800, 900);
  await p.goto(`${hostOrigin}/pym.html`);
  const full = await settles(p, '#ef iframe', (x) => x > 2000, 'grows to the comparison');
  const frame = p.frameLocator('#ef iframe');
  const inner = await frame.locator('.ef-root').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  assert.ok(Math.abs(full - inner) <= 2, `frame ${full} fits content ${inner}`);
  await frame.getByRole('radio', { name: 'Privacy', exact: true }).check();
  const small = await settles(p, '#ef iframe', (x) => x < full - 500, 'shrinks with one theme');
  await frame.getByRole('radio', { name: 'All themes' }).check();
  await settles(p, '#ef iframe', (x) => x > small + 500, 'grows back');
  assert.ok(await frame.locator('.ef-embedded').count(), 'compact embed chrome');
  assert.equal(await frame.locator('.ef-tagline').isVisible(), false);
  await p.screenshot({ path: join(ARTIFACTS, 'embed-pym-800.png') });
  await p.close();
});

test('a plain iframe with our snippet sizes itself; AMP and our own messages are posted', async () => {
  const p = await h.page(700, 900);
  await p.goto(`${hostOrigin}/plain.html`);
  const full = await settles(p, '#f', (x) => x > 2000, 'grows');
  const messages = await p.evaluate(() => window.messages);
  assert.ok(messages.some((m) => m && m.sentinel === 'amp' && m.type === 'embed-size' && m.height > 2000), 'AMP embed-size');
  assert.ok(messages.some((m) => m && m.type === 'encryption-framing:height' && m.id === 'story1'), 'own protocol with id');
  await p.frameLocator('#f').getByRole('link', { name: 'Method' }).click();
  await settles(p, '#f', (x) => Math.abs(x - full) > 200, 'follows a view change');
  await p.close();
});

test('hostile messages to the widget are ignored', async () => {
  const p = await h.page(700, 900);
  await p.goto(`${hostOrigin}/plain.html`);
  await settles(p, '#f', (x) => x > 2000, 'grows');
  await p.evaluate(() => {
    const w = document.getElementById('f').contentWindow;
    for (const m of ['<img src=x onerror=alert(1)>', { type: 'encryption-framing:height', height: 1 }, null, 42, 'pymxPYMxzzzxPYMxwidthxPYMx1']) w.postMessage(m, '*');
  });
  await p.waitForTimeout(300);
  assert.equal(await p.frameLocator('#f').locator('img').count(), 0);
  await p.close();
});

test('inside a pym embed, share links point at the article and reopen the same view there', async () => {
  const p = await h.page(800, 900);
  await p.goto(`${hostOrigin}/pym.html`);
  const frame = p.frameLocator('#ef iframe');
  await frame.locator('.ef-colhead a', { hasText: 'Lords answer' }).waitFor({ state: 'attached' });
  await frame.getByRole('link', { name: 'Talking points' }).click();
  await frame.locator('.ef-share summary').click();
  await frame.getByRole('button', { name: 'Link to this view' }).click();
  const link = await frame.locator('#ef-share-url').inputValue();
  assert.ok(link.startsWith(`${hostOrigin}/pym.html#ef=`), link);
  const q = await h.page(800, 900);
  await q.goto(link);
  await q.frameLocator('#ef iframe').locator('.ef-talking').waitFor();
  assert.ok(await q.frameLocator('#ef iframe').getByRole('link', { name: 'Open full view' }).first().isVisible());
  for (const x of [p, q]) await x.close();
});

test('the embed snippet offered in the UI has a title, width 100%, a height and a noscript link', async () => {
  const p = await h.open(await h.page(1280), '#/method');
  await p.locator('.ef-share summary').click();
  await p.getByRole('button', { name: 'Embed in an article' }).click();
  assert.ok(await p.getByLabel('The full comparison', { exact: true }).isChecked(), 'the Method embeds as the full view');
  const code = await p.locator('#ef-embed-code').inputValue();
  assert.match(code, new RegExp(`<iframe src="${h.origin}/\\?embed=1#/method" title="[^"]+" width="100%" height="\\d+" scrolling="no" loading="lazy"`));
  assert.match(code, new RegExp(`<script src="${h.origin}/embed-parent.js" defer></script>`));
  assert.match(code, /<noscript><a href="[^"]+#\/method">/);
  await p.close();
});
