// Several widgets on one article page (another origin), as a newsroom places them:
// each owns its data, its links, its form and its navigation. One holds a reader's
// statement from its `view` option while another navigates; a file dropped on one
// form lands in that form; footnotes and the Method contents scroll without changing
// the view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { start, hostSite, closeWithSite, ROOT } from './harness.mjs';

const OWN = readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'own-statement.txt'), 'utf8');
const U = Buffer.concat([Buffer.from([1]), deflateSync(Buffer.from(`Own reply\n2023-03-14\n${OWN}`), { level: 9 })])
  .toString('base64url');

let h, site;

before(async () => {
  h = await start();
  site = await hostSite({
    'article.html': `<!doctype html><html><head><title>Widgets in an article</title><link rel="icon" href="data:,"></head><body>
    <h1>Article</h1>
    <div id="a"></div>
    <p>Between the widgets.</p>
    <div id="b"></div>
    <div id="c"></div>
    <div id="d"></div>
    <script type="module">
      const { mount } = await import('${h.origin}/encryption-framing.js');
      await mount(document.getElementById('a'), { view: '#/?u=${U}' });
      await mount(document.getElementById('b'), {});
      await mount(document.getElementById('c'), { view: '#/read/international-2020+yours?t=access&at=international-2020:2&u=${U}' });
      await mount(document.getElementById('d'), { view: '#/method' });
      window.mounted = true;
    </script>
    </body></html>`,
  });
});

after(() => closeWithSite(h, site));

const inW = (p, id, sel, opts) => p.locator(`#${id} ${sel}`, opts);

async function article(width = 1280) {
  const p = await h.page(width, 1000);
  await p.goto(`${site.origin}/article.html`);
  await p.waitForFunction(() => window.mounted === true);
  for (const id of ['a', 'b', 'c', 'd']) await inW(p, id, '.ef-app').waitFor();
  return p;
}

/** The view links of a widget (those written as `#/…`). */
const viewLinks = (p, id) => inW(p, id, 'a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

/** The statement values (`u=`) a widget's links carry, one per link (`null` for none). */
async function carried(p, id) {
  return (await viewLinks(p, id)).map((l) => new URLSearchParams(l.split('?')[1] ?? '').get('u'));
}

/** The one value every link carries (fails when links disagree or some carry none). */
async function oneValue(p, id) {
  const values = new Set(await carried(p, id));
  assert.equal(values.size, 1, `links of ${id} carry one statement: ${[...values].map((v) => String(v).slice(0, 20))}`);
  const [value] = values;
  return value;
}

test('one widget holds a reader’s statement while another navigates: each keeps its own data and links', async () => {
  const p = await article();
  assert.equal(await inW(p, 'a', '.ef-colhead').count(), 6, 'A has the reader’s column');
  assert.equal(await inW(p, 'b', '.ef-colhead').count(), 5, 'B has the corpus only');
  for (const tab of ['Read', 'Talking points', 'Method', 'Compare', 'Read']) {
    await inW(p, 'b', '.ef-tab', { hasText: tab }).click();
    await inW(p, 'b', '.ef-tab-active', { hasText: tab }).waitFor();
  }
  await inW(p, 'b', '#ef-search-input').fill('warrant');
  await inW(p, 'b', '#ef-search-input').press('Enter');
  await inW(p, 'b', '.ef-results').waitFor();
  // A still shows its statement, and every one of its view links carries it.
  assert.equal(await inW(p, 'a', '.ef-colhead').count(), 6);
  assert.match(await inW(p, 'a', '#ef-yours-title').innerText(), /Own reply/);
  assert.ok((await viewLinks(p, 'a')).length > 20, 'A has links');
  const mine = await oneValue(p, 'a');
  assert.ok(mine && mine.length > 100, 'every link in A carries its statement');
  assert.equal(await oneValue(p, 'b'), null, 'no link in B carries A’s statement');
  // A's own links still open its views, with its statement.
  await inW(p, 'a', '.ef-tab', { hasText: 'Read' }).click();
  await inW(p, 'a', '.ef-reader').waitFor();
  await inW(p, 'a', '#ef-read-first').selectOption('yours');
  await inW(p, 'a', '.ef-reader h1', { hasText: 'Own reply' }).waitFor();
  assert.equal(await inW(p, 'b', '.ef-results').count(), 1, 'B is still on its search');
  assert.equal(new URL(p.url()).hash, '', 'the article’s address is untouched');
  assert.equal(await p.title(), 'Widgets in an article', 'and its title');
  await p.close();
});

test('a file dropped on one widget’s form lands in that form, whichever widget was used last', async () => {
  const p = await article();
  await inW(p, 'b', '.ef-add-details summary').click();
  // The reader last pressed a key and clicked in A, then drags a file onto B.
  await inW(p, 'a', '.ef-tab', { hasText: 'Compare' }).click();
  await inW(p, 'a', '.ef-add-details summary').click();
  await inW(p, 'a', '#ef-add-title').fill('typed in A');
  const dt = await p.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['Encryption protects journalists and their sources.'], 'dropped.txt', { type: 'text/plain' }));
    return d;
  });
  const bForm = inW(p, 'b', '.ef-add-form');
  await bForm.dispatchEvent('dragover', { dataTransfer: dt });
  await bForm.dispatchEvent('drop', { dataTransfer: dt });
  await inW(p, 'b', '.ef-add-info', { hasText: 'dropped.txt' }).waitFor();
  assert.equal(await inW(p, 'b', '#ef-add-text').inputValue(), 'Encryption protects journalists and their sources.');
  assert.equal(await inW(p, 'b', '#ef-add-title').inputValue(), 'dropped');
  assert.equal(await inW(p, 'a', '#ef-add-text').inputValue(), '', 'A’s form is untouched');
  assert.equal(await inW(p, 'a', '#ef-add-title').inputValue(), 'typed in A');
  // Adding it in B gives B a column; A keeps its own statement.
  await inW(p, 'b', 'button', { hasText: 'Analyse and compare' }).click();
  await inW(p, 'b', '#ef-yours-title', { hasText: 'dropped' }).waitFor();
  assert.match(await inW(p, 'a', '#ef-yours-title').innerText(), /Own reply/);
  const a = await oneValue(p, 'a');
  const b = await oneValue(p, 'b');
  assert.ok(a && b && a !== b, 'each widget’s links carry its own statement');
  await p.close();
});

test('in a mounted widget, footnotes and the Method contents scroll without changing the view', async () => {
  const p = await article(768);
  // C reads a pair with a theme filter, a passage open and the reader's statement.
  const state = async () => ({
    panes: await inW(p, 'c', '.ef-reader').count(),
    yours: await inW(p, 'c', '.ef-reader h2', { hasText: 'Own reply' }).count(),
    panel: await inW(p, 'c', '.ef-panel').count(),
    filter: await inW(p, 'c', 'input[name="ef-filter"]:checked').evaluate((i) => i.id),
  });
  const before = await state();
  assert.deepEqual(before, { panes: 2, yours: 1, panel: 1, filter: 'ef-filter-access' });
  const ref = inW(p, 'c', '.ef-fnref a').first();
  await ref.scrollIntoViewIfNeeded();
  await ref.click();
  const note = inW(p, 'c', '.ef-footnotes li').first();
  await p.waitForFunction((el) => { const r = el.getBoundingClientRect(); return r.top >= -2 && r.bottom <= innerHeight + 2; }, await note.elementHandle());
  assert.deepEqual(await state(), before, 'the footnote link scrolled, the view is unchanged');

  // D's table of contents jumps within the Method.
  const limits = inW(p, 'd', '.ef-toc a', { hasText: 'Limits' });
  await limits.scrollIntoViewIfNeeded();
  await limits.click();
  const section = inW(p, 'd', '#ef-m-limits');
  await p.waitForFunction((el) => { const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight / 2; }, await section.elementHandle());
  assert.equal(await inW(p, 'd', '.ef-method').count(), 1, 'still the Method');
  assert.equal(await inW(p, 'c', '.ef-panel').count(), 1, 'C is unchanged');
  assert.equal(new URL(p.url()).hash, '');
  await p.close();
});
