// The script mount API on an article page of another origin: two <encryption-framing>
// elements and a mount() call with bad options, under hostile page CSS. Each widget
// works on its own, the page's address and styles are untouched, bad options are
// named in the console and replaced by defaults.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, hostSite, ARTIFACTS } from './harness.mjs';

let h, site, hostOrigin;

before(async () => {
  h = await start();
  site = await hostSite({
    'article.html': `<!doctype html><html><head><title>Two widgets</title><link rel="icon" href="data:,">
    <style>
      * { font-size: 31px !important; color: rgb(255, 0, 0) !important; }
      .ef-root, .ef-app, button, details, table { display: none !important; }
      h1, h2 { text-transform: uppercase; }
    </style></head><body>
    <h1>An article with two widgets</h1>
    <p class="ef-lede" id="page-lede">The page's own paragraph, with a class the widget also uses.</p>
    <encryption-framing id="a" statements="rudd-2017,wallace-2017" theme="access"></encryption-framing>
    <p>Between the widgets.</p>
    <encryption-framing id="b" color-scheme="dark" embed></encryption-framing>
    <div id="c"></div>
    <script type="module" src="${h.origin}/encryption-framing.js"></script>
    <script type="module">
      const { mount } = await import('${h.origin}/encryption-framing.js');
      await mount(document.getElementById('c'), { theme: 'weather', statements: 'rudd-2017', colour: 'red', view: '#/method' });
      window.mountedC = true;
    </script>
    </body></html>`,
  });
  hostOrigin = site.origin;
});

after(async () => {
  const foreign = h.foreign.filter((u) => !u.startsWith(hostOrigin + '/'));
  assert.deepEqual(foreign, [], 'no request leaves the two loopback origins');
  await h.close();
  await site.close();
});

const inA = (p, sel, opts) => p.locator(`#a ${sel}`, opts);
const inB = (p, sel, opts) => p.locator(`#b ${sel}`, opts);

test('two mounted widgets start from their options and work independently of each other and of the page', async () => {
  const p = await h.page(1280, 1000);
  await p.goto(`${hostOrigin}/article.html`);
  await inA(p, '.ef-compare').waitFor();
  await inB(p, '.ef-compare').waitFor();
  assert.deepEqual(await inA(p, '.ef-colhead a').allTextContents(), ['Rudd letter', 'Wallace letter']);
  assert.equal(await inA(p, '.ef-row:not([hidden])').count(), 1);
  assert.equal(await inB(p, '.ef-colhead').count(), 5);
  assert.equal(await inB(p, '.ef-row:not([hidden])').count(), 3);
  assert.equal(await inB(p, '.ef-root').getAttribute('data-color-scheme'), 'dark');
  assert.equal(await inB(p, '.ef-fullview a').count(), 1, 'embed option: compact chrome with "Open full view"');

  // A control in A changes A only; the page's address stays as it was.
  await inA(p, 'input[value="privacy"], #ef-focus-privacy').first().check();
  await inA(p, '.ef-row:not([hidden]) .ef-row-title', { hasText: 'Privacy' }).first().waitFor();
  assert.match(await inA(p, '.ef-row:not([hidden]) .ef-row-title').first().innerText(), /Privacy/);
  assert.equal(await inB(p, '.ef-row:not([hidden])').count(), 3);
  // A link in B opens its view in B only.
  await inB(p, '.ef-tab', { hasText: 'Talking points' }).click();
  await inB(p, '.ef-talking').waitFor();
  assert.equal(await inA(p, '.ef-talking').count(), 0);
  assert.equal(await inA(p, '.ef-compare').count(), 1);
  // Keyboard: the search form of B searches in B.
  await inB(p, '#ef-search-input').fill('lawful access');
  await inB(p, '#ef-search-input').press('Enter');
  await inB(p, '.ef-results').waitFor();
  assert.equal(await inA(p, '.ef-results').count(), 0);
  assert.equal(new URL(p.url()).hash, '', 'the page address is untouched');
  assert.equal(new URL(p.url()).pathname, '/article.html');

  // The page's hostile CSS does not reach the widgets, and theirs does not reach the page.
  const aTitle = await inA(p, 'h1').evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).fontSize, getComputedStyle(e).textTransform]);
  assert.notEqual(aTitle[0], 'rgb(255, 0, 0)');
  assert.notEqual(aTitle[1], '31px');
  assert.equal(aTitle[2], 'none');
  assert.ok(await inA(p, 'button').first().isVisible(), 'buttons are not hidden by the page');
  const lede = await p.locator('#page-lede').evaluate((e) => getComputedStyle(e).maxWidth);
  assert.equal(lede, 'none', 'the widget’s .ef-lede rule does not style the page');
  await p.screenshot({ path: join(ARTIFACTS, 'mounted-two-1280.png'), fullPage: false });
  await p.close();
});

test('bad options are named in the console and the widget mounts with defaults', async () => {
  const p = await h.page(1280, 1000);
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(`${hostOrigin}/article.html`);
  await p.waitForFunction(() => window.mountedC === true);
  await p.locator('#c .ef-method').waitFor();
  const joined = errors.join('\n');
  assert.match(joined, /option “theme” must be encryption, access or privacy, not “weather”/);
  assert.match(joined, /option “statements” must be an array of statement ids/);
  assert.match(joined, /there is no option “colour”/);
  // The view option was good: the method opens, with all statements known.
  assert.equal(await p.locator('#c .ef-app').count(), 1);
  const bad = errors.filter((e) => !e.startsWith('encryption-framing: '));
  assert.deepEqual(bad, [], 'no other console errors');
  await p.close();
});
