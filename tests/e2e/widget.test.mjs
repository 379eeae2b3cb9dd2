// The comparison widget: every view at three widths, deep links, keyboard, axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { sharedHarness, ARTIFACTS, ROOT } from './harness.mjs';

const h = sharedHarness();

// A reader's own statement in a link, made with Node's zlib: the link form is plain
// zlib, so any implementation can write it (see src/supplied.rs).
const OWN = readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'own-statement.txt'), 'utf8');
const U = Buffer.concat([Buffer.from([1]), deflateSync(Buffer.from(`Own reply\n2023-03-14\n${OWN}`), { level: 9 })])
  .toString('base64url');

const VIEWS = {
  compare: ['', async (p) => assert.ok((await p.locator('.ef-row:not([hidden]) .ef-quote blockquote').count()) >= 10, 'quotes in cells')],
  'compare-focused': ['#/?s=international-2020,rudd-2017&t=access', async (p) => {
    assert.deepEqual(await p.locator('.ef-colhead a').allTextContents(), ['International statement', 'Rudd letter']);
    assert.equal(await p.locator('.ef-row:not([hidden])').count(), 1);
    assert.match(await p.locator('.ef-absent').first().innerText(), /Not detected by the rules/);
    assert.equal(await p.getByText('Never uses', { exact: true }).count(), 0, 'an absence is never said as fact');
  }],
  reader: ['#/read/rudd-2017?at=13', async (p) => assert.match(await p.locator('.ef-panel').innerText(), /Not a backdoor/)],
  pair: ['#/read/rudd-2017+wallace-2017', async (p) => assert.ok((await p.locator('.ef-tag-shared').count()) > 4)],
  'talking-points': ['#/talking-points?tp=c-acc.not_backdoor', async (p) => assert.ok((await p.locator('.ef-occurrences li').count()) >= 2)],
  method: ['#/method', async (p) => assert.match(await p.locator('.ef-method').innerText(), /Policy Frames Codebook/)],
  yours: [`#/?u=${U}`, async (p) => {
    assert.equal(await p.locator('.ef-colhead').count(), 6);
    assert.match(await p.locator('#ef-yours-title').innerText(), /Own reply/);
    await p.locator('.ef-add-details summary').click();
    await p.getByLabel(/Text of the statement/).waitFor();
  }],
  'yours-pair': [`#/read/yours+rudd-2017?u=${U}`, async (p) => assert.ok((await p.locator('.ef-tag-shared').count()) >= 1)],
  search: ['#/search?q=lawful%20access', async (p) => assert.ok((await p.locator('.ef-results li').count()) >= 5)],
};

for (const width of [320, 768, 1280]) {
  test(`every view renders real content, passes axe and fits at ${width} px`, async () => {
    for (const [name, [hash, check]] of Object.entries(VIEWS)) {
      const p = await h.open(await h.page(width), hash);
      await check(p);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: no horizontal page scroll at ${width}px (${overflow})`);
      await p.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
      await p.addScriptTag({ content: axe.source });
      const result = await p.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`);
      assert.deepEqual(violations, [], `${name} at ${width}px`);
      await p.close();
    }
  });
}

test('wide comparisons name the columns once, in a sticky header; narrow ones name each cell', async () => {
  const box = (p, sel) => p.locator(sel).first().evaluate((e) => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height }; });
  const wide = await h.open(await h.page(1280), '#/');
  assert.ok((await box(wide, '.ef-colheads')).h > 20, 'column header shown');
  const hidden = await box(wide, '.ef-cell-title');
  assert.ok(hidden.w <= 1 && hidden.h <= 1, `cell titles only for screen readers (${JSON.stringify(hidden)})`);
  await wide.close();
  const narrow = await h.open(await h.page(768), '#/');
  assert.equal(await narrow.locator('.ef-colheads').isVisible(), false);
  assert.ok((await box(narrow, '.ef-cell-title')).h > 10, 'each cell names its statement');
  await narrow.close();
});

test('dark mode passes axe contrast checks too', async () => {
  const p = await h.page(1280);
  await p.emulateMedia({ colorScheme: 'dark' });
  for (const hash of ['', '#/read/rudd-2017?at=13', '#/talking-points?tp=c-acc.lawful']) {
    await h.open(p, hash);
    await p.addScriptTag({ content: axe.source });
    const result = await p.evaluate(() => window.axe.run(document, { runOnly: ['wcag2aa'] }));
    assert.deepEqual(result.violations.map((v) => v.id), [], `dark ${hash}`);
  }
  await p.close();
});

test('every deep link round-trips: open, change, copy the URL, open it elsewhere, same view', async () => {
  const p = await h.open(await h.page(1280), '#/?s=rudd-2017,wallace-2017');
  await p.getByRole('radio', { name: 'Privacy', exact: true }).check();
  await p.waitForURL(/t=privacy/);
  await p.locator('.ef-picker summary').click();
  await p.getByRole('button', { name: 'Move later: Rudd letter' }).click();
  await p.waitForURL(/s=wallace-2017,rudd-2017/);
  const url = p.url();
  const q = await h.page(1280);
  await q.goto(url);
  await q.waitForSelector('.ef-compare');
  assert.deepEqual(await q.locator('.ef-colhead a').allTextContents(), ['Wallace letter', 'Rudd letter']);
  assert.ok(await q.getByRole('radio', { name: 'Privacy', exact: true }).isChecked());
  assert.equal(await q.locator('.ef-row:not([hidden])').count(), 1);

  // Open a quote in context: the reader opens on that sentence, with its coding.
  await q.locator('.ef-row:not([hidden]) .ef-quote a').first().click();
  await q.waitForSelector('.ef-panel');
  const readerUrl = q.url();
  const panelText = await q.locator('.ef-panel blockquote').innerText();
  const r = await h.page(768);
  await r.goto(readerUrl);
  await r.waitForSelector('.ef-panel');
  assert.equal(await r.locator('.ef-panel blockquote').innerText(), panelText);

  // Back and forward.
  await q.goBack();
  await q.waitForSelector('.ef-compare');
  await q.goForward();
  await q.waitForSelector('.ef-panel');
  for (const x of [p, q, r]) await x.close();
});

test('the share box shows the link to the current view and follows navigation', async () => {
  const p = await h.open(await h.page(1280), '#/?t=privacy');
  await p.locator('.ef-share summary').click();
  await p.getByRole('button', { name: 'Link to this view' }).click();
  assert.match(await p.locator('#ef-share-url').inputValue(), /#\/\?t=privacy$/);
  await p.getByRole('radio', { name: 'Access', exact: true }).check();
  await p.waitForFunction(() => document.getElementById('ef-share-url').value.endsWith('#/?t=access'));
  await p.close();
});

test('defaults stay out of the URL and the search box deep-links', async () => {
  const p = await h.open(await h.page(1280), '#/?t=access');
  await p.getByRole('radio', { name: 'All themes' }).check();
  await p.waitForURL((u) => u.hash === '#/');
  await p.getByRole('searchbox', { name: 'Search all statements' }).fill('backdoor');
  await p.keyboard.press('Enter');
  await p.waitForURL(/#\/search\?q=backdoor$/);
  // The results come with the views' chunk, which may still be on its way.
  await p.locator('.ef-results').waitFor();
  assert.equal(await p.locator('.ef-results li').count(), 2);
  await p.close();
});

test('keyboard only: focus a theme, open a quote in context, read its coding, close it', async () => {
  const p = await h.open(await h.page(1280));
  // Tab to the theme radios and pick Access with the arrow keys.
  let guard = 0;
  while (!(await p.evaluate(() => document.activeElement?.id === 'ef-focus-all')) && guard++ < 60) await p.keyboard.press('Tab');
  assert.ok(guard < 60, 'the theme choice is reachable by Tab');
  await p.keyboard.press('ArrowRight');
  await p.keyboard.press('ArrowRight');
  await p.waitForURL(/t=access/);
  // Tab on to the first "In context" link and follow it.
  guard = 0;
  while (!(await p.evaluate(() => document.activeElement?.textContent?.startsWith('In context'))) && guard++ < 80) await p.keyboard.press('Tab');
  assert.ok(guard < 80, 'quotes are reachable by Tab');
  await p.keyboard.press('Enter');
  await p.waitForSelector('.ef-panel');
  assert.ok(await p.evaluate(() => document.activeElement?.classList.contains('ef-panel')), 'focus moves to the opened coding');
  const focusVisible = await p.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== 'none');
  assert.ok(focusVisible, 'focus is visible');
  guard = 0;
  while (!(await p.evaluate(() => document.activeElement?.classList.contains('ef-panel-close'))) && guard++ < 10) await p.keyboard.press('Tab');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => !document.querySelector('.ef-panel'));
  await p.close();
});

test('malformed, truncated, hostile and outdated links open the nearest view with a notice', async () => {
  const cases = [
    ['#/?t=weather', /not a theme/, '.ef-compare'],
    ['#/read/rudd-2017?at=99999', /passage in this link does not exist/, '.ef-reader'],
    ['#/read/rudd-2017+nope', /no statement with the id “nope”/, '.ef-reader'],
    ['#/v9/method', /format version 9/, '.ef-method'],
    ['#/talking-points?tp=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /talking point in this link does not exist/, '.ef-talking'],
    ['#/re', /could not be read/, '.ef-compare'],
    ['#/read/rudd-20', /no statement with the id “rudd-20”/, '.ef-compare'],
  ];
  for (const [hash, message, selector] of cases) {
    const p = await h.open(await h.page(768), hash);
    await p.waitForSelector(selector);
    assert.match(await p.locator('.ef-notice').innerText(), message, hash);
    assert.equal(await p.locator('#app script, #app img').count(), 0, 'nothing from the link becomes markup');
    await p.close();
  }
});

test('leaving a view frees its DOM: view changes and theme switches keep the node count flat', async () => {
  const p = await h.open(await h.page(1280), '#/');
  const cdp = await h.context.newCDPSession(p);
  await cdp.send('Performance.enable');
  // Waits use locators: page.waitForSelector() returns handles that keep old views alive.
  const round = async () => {
    await p.locator('a[href="#/method"]').first().click();
    await p.locator('.ef-method h1').waitFor();
    await p.locator('a[href="#/"]').first().click();
    await p.locator('#ef-focus-access').click();
    await p.locator('#ef-focus-all').click();
    await p.locator('.ef-row:not([hidden])').nth(2).waitFor();
  };
  const nodes = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'Nodes').value;
  };
  await round();
  const before = await nodes();
  for (let i = 0; i < 15; i++) await round();
  const after = await nodes();
  // One comparison is about 1,900 nodes: keeping even every fifth old view would fail.
  assert.ok(after - before < 1000, `DOM nodes grew from ${before} to ${after} over 30 view changes`);
  await cdp.detach();
  await p.close();
});

test('screen readers get landmarks, labelled controls and a polite announcement', async () => {
  const p = await h.open(await h.page(1280), '#/?t=encryption');
  for (const role of ['banner', 'main', 'contentinfo', 'navigation', 'search']) {
    assert.ok((await p.getByRole(role).count()) >= 1, role);
  }
  await p.waitForFunction(() => document.querySelector('[aria-live=polite]')?.textContent.includes('Comparison of 5 statements, theme Encryption'));
  await p.close();
});

test('quotes in cells are verbatim substrings of their statements and copyable', async () => {
  const p = await h.open(await h.page(1280));
  const quotes = await p.locator('.ef-row:not([hidden]) .ef-quote blockquote').allTextContents();
  const q = await h.open(await h.page(1280), '#/read/international-2020');
  const bodies = [];
  for (const id of ['rudd-2017', 'wallace-2017', 'factsheet-2019', 'lords-answer-2020', 'international-2020']) {
    await h.open(q, `#/read/${id}`);
    await q.waitForSelector(`#ef-title-${id}`);
    bodies.push(await q.locator('.ef-body').evaluate((el) => {
      const c = el.cloneNode(true);
      c.querySelectorAll('.ef-tag, sup, .ef-footnotes').forEach((x) => x.remove());
      return c.textContent;
    }));
  }
  for (const quote of quotes) assert.ok(bodies.some((b) => b.includes(quote)), `verbatim: ${quote.slice(0, 60)}`);
  const selectable = await p.locator('.ef-row:not([hidden]) .ef-quote blockquote').first().evaluate((el) => getComputedStyle(el).userSelect);
  assert.notEqual(selectable, 'none');
  await p.close();
  await q.close();
});

test('the print stylesheet prints the comparison with its quotes and sources, without controls', async () => {
  const p = await h.page(1000);
  await p.emulateMedia({ media: 'print' });
  await h.open(p, '#/?t=access');
  assert.ok(await p.locator('.ef-print-sources').isVisible());
  assert.match(await p.locator('.ef-print-sources').innerText(), /justice\.gov/);
  assert.ok(await p.locator('.ef-row:not([hidden]) .ef-quote blockquote').first().isVisible());
  assert.ok(!(await p.locator('.ef-controls').isVisible()));
  await p.emulateMedia({ media: 'screen' });
  assert.ok(!(await p.locator('.ef-print-sources').isVisible()));
  await p.close();
});

test('copy citation puts the quote, its source and a deep link on the clipboard', async () => {
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
  const p = await h.open(await h.page(1280), '#/?t=encryption');
  const quote = await p.locator('.ef-row:not([hidden]) .ef-quote blockquote').first().innerText();
  await p.locator('.ef-row:not([hidden]) .ef-quote').first().getByRole('button', { name: /Copy citation/ }).click();
  await p.getByText('Copied').first().waitFor();
  const text = await p.evaluate(() => navigator.clipboard.readText());
  assert.ok(text.includes(quote), text);
  assert.match(text, /Amber Rudd MP, Home Secretary/);
  assert.match(text, /21 September 2017/);
  const link = text.match(/Passage: (\S+)$/)[1];
  const q = await h.page(1280);
  await q.goto(link);
  await q.waitForSelector('.ef-panel');
  assert.equal(await q.locator('.ef-panel blockquote').innerText(), quote);
  await p.close();
  await q.close();
});

test('the coding downloads as CSV and JSON in the CLI format, without a request', async () => {
  const p = await h.open(await h.page(1280));
  await p.locator('.ef-share summary').click();
  for (const [button, check] of [
    ['Download coding (CSV)', (t) => assert.ok(t.startsWith('doc,sentence,start,end,themes,code,rules,evidence,quoted,text\n'))],
    ['Download coding (JSON)', (t) => assert.equal(JSON.parse(t).documents.length, 5)],
  ]) {
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).click()]);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk;
    check(text);
  }
  await p.close();
});

test('search results are keyboard navigable with the arrow keys', async () => {
  const p = await h.open(await h.page(1280), '#/search?q=encryption');
  const first = p.locator('.ef-results a').first();
  await first.focus();
  await p.keyboard.press('ArrowDown');
  assert.equal(await p.evaluate(() => [...document.querySelectorAll('.ef-results a')].indexOf(document.activeElement)), 1);
  await p.keyboard.press('ArrowUp');
  assert.equal(await p.evaluate(() => [...document.querySelectorAll('.ef-results a')].indexOf(document.activeElement)), 0);
  await p.keyboard.press('Enter');
  await p.waitForSelector('.ef-panel');
  await p.close();
});

test('the reader chooses its statement and a second one to read alongside', async () => {
  const p = await h.open(await h.page(1280), '#/read/rudd-2017');
  await p.getByLabel('Side by side with').selectOption('factsheet-2019');
  await p.waitForURL(/#\/read\/rudd-2017\+factsheet-2019$/);
  assert.equal(await p.locator('.ef-reader').count(), 2);
  await p.getByLabel('Statement', { exact: true }).selectOption('lords-answer-2020');
  await p.waitForURL(/#\/read\/lords-answer-2020\+factsheet-2019$/);
  await p.getByLabel('Side by side with').selectOption('');
  await p.waitForURL(/#\/read\/lords-answer-2020$/);
  assert.equal(await p.locator('.ef-reader').count(), 1);
  await p.close();
});

test('search matches what people type, and a query cannot reorder its own heading', async () => {
  const p = await h.page(1280);
  const results = async (q) => {
    await h.open(p, `#/search?q=${encodeURIComponent(q)}`);
    await p.locator('.ef-search-results [role=status]').waitFor();
    return p.locator('.ef-results li').allInnerTexts();
  };
  const hyphenated = await results('end-to-end');
  assert.ok(hyphenated.length >= 3, `end-to-end: ${hyphenated.length} sentences`);
  assert.deepEqual(await results('end to end'), hyphenated, '"end to end" finds what "end-to-end" finds');
  assert.deepEqual(await results('End–To–End'), hyphenated, 'dashes and case do not matter');
  const prefix = await results('encrypt*');
  assert.ok(prefix.length > (await results('"encryption"')).length, 'a trailing * is a prefix');
  assert.ok((await results('"lawful access"')).length >= 3);
  assert.equal((await results('"access lawful"')).length, 0, 'a quoted phrase is a phrase');
  // Typed from the search box, + and %20 are both spaces.
  await h.open(p, '#/search?q=lawful+access');
  await p.locator('.ef-results li').first().waitFor();
  // A right-to-left override typed into the query is shown as a code.
  await h.open(p, `#/search?q=${encodeURIComponent('\u202Eabc')}`);
  const heading = await p.locator('#ef-search-title').innerText();
  assert.ok(heading.includes('⟦U+202E⟧abc'), heading);
  assert.ok(!heading.includes('\u202E'), 'no bidi control in the heading');
  await p.close();
});

test('shared links get a preview: Open Graph and Twitter tags, a real share image, a title naming the view', async () => {
  const p = await h.page(1280);
  await h.open(p, '#/read/rudd-2017');
  const meta = (sel) => p.locator(sel).getAttribute('content');
  assert.equal(await meta('meta[property="og:image"]'), 'share.png');
  assert.equal(await meta('meta[name="twitter:card"]'), 'summary_large_image');
  assert.match(await meta('meta[property="og:title"]'), /Encryption framing/);
  const png = Buffer.from(await p.evaluate(async () => [...new Uint8Array(await (await fetch('share.png')).arrayBuffer())]));
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  assert.equal(png.readUInt32BE(16), 1200);
  assert.equal(png.readUInt32BE(20), 630);
  assert.match(await p.title(), /^Rudd letter · Encryption framing/);
  await p.getByRole('link', { name: 'Method', exact: true }).first().click();
  await p.waitForFunction(() => document.title.startsWith('Method · '));
  // A card page previews its own finding.
  await p.goto(`${h.origin}/cards/theme-access.html`);
  assert.match(await meta('meta[property="og:title"]'), /statements use the frame “/);
  assert.equal(await meta('meta[property="og:image"]'), '../share.png');
  await p.close();
});

test('the build precompresses what the page loads, and the server sends it encoded', async () => {
  const p = await h.page(1280);
  const encodings = {};
  p.on('response', (r) => { encodings[new URL(r.url()).pathname.split('.').pop()] = r.headers()['content-encoding']; });
  await h.open(p, '#/method');
  await p.locator('.ef-method').waitFor();
  assert.equal(encodings.wasm, 'br', 'the wasm travels brotli-compressed');
  assert.equal(encodings.js, 'br');
  assert.equal(encodings.css, 'br');
  await p.close();
});
