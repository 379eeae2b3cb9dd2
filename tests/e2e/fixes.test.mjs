// What readers hit (issue 14), each as a reader meets it: keyboard focus under the
// sticky header, a larger browser font, narrow screens, a long title, Escape, Back,
// date labels, an untitled statement, sentence counts, cut passages, quotes traceable
// to the original, and a phone's first screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { sharedHarness, ARTIFACTS, ROOT } from './harness.mjs';

const OWN = await readFile(join(ROOT, 'tests', 'e2e', 'fixtures', 'own-statement.txt'), 'utf8');
const h = sharedHarness();

/** Opens the form, fills it and presses the button. */
async function add(p, text, { title = '' } = {}) {
  const details = p.locator('.ef-add-details');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await p.getByLabel(/Text of the statement/).fill(text);
  if (title) await p.getByLabel('Title (optional)').fill(title);
  await p.getByRole('button', { name: 'Analyse and compare' }).click();
  await p.locator('#ef-yours-title').waitFor();
}

const overflow = (p) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const shot = (p, name) => p.screenshot({ path: join(ARTIFACTS, `fixes-${name}.png`) });

test('keyboard focus is never hidden under the sticky statement header (WCAG 2.2 2.4.11)', async () => {
  const p = await h.open(await h.page(1280, 800));
  const header = p.locator('.ef-colheads');
  // A link in the second theme's row, scrolled to just under the top edge, where the
  // stuck header covers it; the reader tabs to it from the element before it.
  const target = p.locator('.ef-row:nth-child(2) .ef-quote a').first();
  await target.evaluate((el) => {
    const all = [...el.closest('.ef-app').querySelectorAll('a[href], button, input, summary, select, textarea')];
    const before = all[all.indexOf(el) - 1];
    window.scrollBy(0, el.getBoundingClientRect().top - 20);
    before.focus({ preventScroll: true });
  });
  const stuck = await header.evaluate((e) => e.getBoundingClientRect().bottom);
  assert.ok(stuck > 40, `the header is stuck at the top (${stuck})`);
  await p.keyboard.press('Tab');
  assert.ok(await target.evaluate((el) => el === document.activeElement), 'Tab reached the link');
  const [top, bottom] = [await target.evaluate((e) => e.getBoundingClientRect().top), await header.evaluate((e) => e.getBoundingClientRect().bottom)];
  assert.ok(top >= bottom, `the focused link (top ${top}) is below the sticky header (bottom ${bottom})`);
  await shot(p, 'focus-1280');
  await p.close();
});

test('with a 24 px browser font, the intro and the Method prose are 24 px too', async () => {
  const p = await h.page(1280);
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await h.open(p, '#/');
  const size = (sel) => p.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.equal(await size('.ef-lede'), 24, 'the comparison intro');
  await shot(p, 'font24-compare-1280');
  await h.open(p, '#/method');
  // The Method itself, not the copy shown while its chunk loads (which it replaces).
  await p.locator('#ef-m-codebook').waitFor();
  assert.equal(await size('.ef-method > p'), 24, 'the Method prose');
  assert.ok((await size('.ef-method h2')) > 24, 'headings scale with it');
  await shot(p, 'font24-method-1280');
  await p.close();
});

test('the Method accuracy table fits a 320 px screen without scrolling', async () => {
  for (const width of [320, 768, 1280]) {
    const p = await h.open(await h.page(width), '#/method');
    const table = p.locator('.ef-eval');
    await table.scrollIntoViewIfNeeded();
    assert.ok((await overflow(p)) <= 0, `no page overflow at ${width}`);
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    const [sw, cw] = await p.locator('.ef-method .ef-table-wrap').evaluate((e) => [e.scrollWidth, e.clientWidth]);
    assert.ok(sw <= cw, `the table fits its region at ${width} (${sw} > ${cw})`);
    // Every figure keeps its name (a stacked row labels each of its figures).
    assert.match(await table.innerText(), /Frames recall[\s\S]*held-out[\s\S]*0\.\d\d/);
    await shot(p, `method-table-${width}`);
    await p.close();
  }
});

test('a long title without spaces wraps inside its column', async () => {
  const title = 'A'.repeat(120);
  for (const width of [320, 768, 1280]) {
    const p = await h.open(await h.page(width));
    await add(p, OWN, { title });
    await p.waitForFunction(() => document.querySelectorAll('.ef-colhead').length === 6);
    assert.ok((await overflow(p)) <= 0, `no page overflow at ${width}`);
    for (const sel of ['#ef-yours-title', '.ef-row:not([hidden]) .ef-cell-title >> nth=5']) {
      const [sw, cw] = await p.locator(sel).evaluate((e) => [e.scrollWidth, e.clientWidth]);
      if (cw <= 1) continue; // named for screen readers only (the wide grid's column heads name it)
      assert.ok(sw <= cw, `${sel} at ${width}: ${sw} > ${cw}`);
    }
    if (width === 1280) {
      const [sw, cw] = await p.locator('.ef-colhead').nth(5).evaluate((e) => [e.scrollWidth, e.clientWidth]);
      assert.ok(sw <= cw, `column head: ${sw} > ${cw}`);
    }
    await shot(p, `long-title-${width}`);
    await p.locator('.ef-yours-actions a', { hasText: 'Read it with its coding' }).click();
    await p.waitForSelector('.ef-reader');
    assert.ok((await overflow(p)) <= 0, `the reader does not overflow at ${width}`);
    await p.close();
  }
});

test('Escape or Close closes the coding panel and gives focus back to the sentence tag', async () => {
  const p = await h.open(await h.page(1280), '#/read/rudd-2017?at=13');
  await p.locator('.ef-panel').waitFor();
  assert.ok(await p.evaluate(() => document.activeElement?.classList.contains('ef-panel')), 'the panel has focus');
  await p.keyboard.press('Escape');
  await p.waitForURL(/#\/read\/rudd-2017$/);
  assert.equal(await p.locator('.ef-panel').count(), 0);
  await p.waitForFunction(() => document.activeElement?.matches('#ef-s-rudd-2017-13 + .ef-tag'));
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'false');
  // From a control inside the panel, too.
  await p.keyboard.press('Enter');
  await p.waitForURL(/at=13$/);
  await p.locator('.ef-panel details summary').first().focus();
  await p.keyboard.press('Escape');
  await p.waitForURL(/#\/read\/rudd-2017$/);
  await p.waitForFunction(() => document.activeElement?.matches('#ef-s-rudd-2017-13 + .ef-tag'));
  // The panel's Close link, by keyboard and by pointer.
  for (const how of ['keyboard', 'pointer']) {
    await p.keyboard.press('Enter');
    await p.waitForURL(/at=13$/);
    const close = p.locator('.ef-panel-close');
    if (how === 'keyboard') {
      await close.focus();
      await p.keyboard.press('Enter');
    } else {
      await close.click();
    }
    await p.waitForURL(/#\/read\/rudd-2017$/);
    await p.waitForFunction(() => document.activeElement?.matches('#ef-s-rudd-2017-13 + .ef-tag'));
    assert.equal(await p.locator('.ef-panel').count(), 0, `closed by ${how}`);
  }
  await p.close();
});

test('Back to the Method returns to where the reader was', async () => {
  const p = await h.open(await h.page(1280, 800), '#/method');
  const link = p.locator('.ef-statement-title a').last();
  await link.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 300));
  const y = await p.evaluate(() => window.scrollY);
  assert.ok(y > 200, `scrolled down the Method (${y})`);
  await link.click();
  await p.waitForSelector('.ef-reader');
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.goBack();
  await p.waitForSelector('.ef-method');
  await p.waitForFunction((y) => Math.abs(window.scrollY - y) < 3, y, { timeout: 5000 })
    .catch(async (e) => assert.fail(`scrollY ${await p.evaluate(() => window.scrollY)}, expected ${y}; state ${await p.evaluate(() => JSON.stringify(history.state))}: ${e}`));
  await p.close();
});

test('the scroll position is kept in history once scrolling stops, so following a link writes only the new entry', async () => {
  const p = await h.open(await h.page(1280, 800), '#/method');
  await p.evaluate(() => {
    window.__replaced = 0;
    const replace = History.prototype.replaceState;
    History.prototype.replaceState = function (...args) { window.__replaced += 1; return replace.apply(this, args); };
  });
  const link = p.locator('.ef-statement-title a').last();
  await link.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 300));
  const y = await p.evaluate(() => window.scrollY);
  assert.ok(y > 200, `scrolled down the Method (${y})`);
  await p.waitForFunction((y) => history.state?.efScrollY === y, y, { timeout: 3000 })
    .catch(async (e) => assert.fail(`state ${await p.evaluate(() => JSON.stringify(history.state))}, expected ${y}: ${e}`));
  const before = await p.evaluate(() => window.__replaced);
  await link.click();
  await p.waitForSelector('.ef-reader');
  await p.waitForURL(/#\/read\//);
  assert.equal(await p.evaluate(() => window.__replaced), before, 'no second write of a position already kept');
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.goBack();
  await p.waitForSelector('.ef-method');
  await p.waitForFunction((y) => Math.abs(window.scrollY - y) < 3, y, { timeout: 5000 })
    .catch(async (e) => assert.fail(`scrollY ${await p.evaluate(() => window.scrollY)}, expected ${y}: ${e}`));
  await p.close();
});

test('an uncertain day reads "Nov 2017, day uncertain", never in nested parentheses', async () => {
  const p = await h.open(await h.page(1280), '#/read/rudd-2017');
  const options = await p.locator('#ef-read-first option').allTextContents();
  assert.ok(options.includes('Wallace letter (Nov 2017, day uncertain)'), options.join(' | '));
  for (const o of [...options, ...(await p.locator('#ef-read-beside option').allTextContents())]) {
    assert.doesNotMatch(o, /\([^)]*\(/, `no nested parentheses: ${o}`);
  }
  await h.open(p, '#/');
  assert.match(await p.locator('.ef-colhead').nth(1).innerText(), /Nov 2017, day uncertain/);
  await p.close();
});

test('a statement given without a title is called "Your statement" once', async () => {
  const p = await h.open(await h.page(1280));
  await add(p, OWN);
  assert.equal((await p.locator('#ef-yours-title').innerText()).trim(), 'Your statement (untitled)');
  await p.close();
});

test('the factsheet has the same number of sentences in Compare and in Read', async () => {
  const p = await h.open(await h.page(1280));
  const cell = p.locator('.ef-row:not([hidden])').first().locator('.ef-cell').nth(2);
  assert.match(await cell.locator('.ef-cell-title').innerText(), /Home Office factsheet/);
  const [, of] = (await cell.locator('.ef-coverage .ef-muted').innerText()).match(/of (\d+) sentences/);
  await h.open(p, '#/read/factsheet-2019?at=1');
  const head = await p.locator('.ef-panel-head').innerText();
  assert.match(head, new RegExp(`Sentence \\d+ of ${of}\\b`), head);
  // A heading is named as one, outside the count.
  const headings = await p.locator('.ef-body-heading').count();
  assert.ok(headings > 0);
  await p.close();
});

test('a talking-point passage cut out of a sentence is marked with an ellipsis', async () => {
  const p = await h.open(await h.page(1280), '#/talking-points');
  const labels = await p.locator('a.ef-tp-passage').allTextContents();
  assert.ok(labels.length > 0);
  assert.ok(labels.some((l) => /^“…|…”$/.test(l)), `some passages are cut: ${labels.join(' | ')}`);
  // Each occurrence shows whole sentences around the passage.
  await p.locator('a.ef-tp-passage').first().click();
  await p.locator('.ef-occurrences li').first().waitFor();
  const label = (await p.locator('a.ef-tp-passage').first().innerText()).replace(/^“…?|…?”$/g, '');
  const quotes = await p.locator('.ef-occurrences blockquote').allInnerTexts();
  assert.ok(quotes[0].includes(label), `${quotes[0]} contains ${label}`);
  for (const q of quotes) assert.match(q.trim(), /^[“‘"'(A-Z0-9]/, `starts a sentence: ${q}`);
  await shot(p, 'talking-points-1280');
  await p.close();
});

test('quotes link to the passage in the original publication, and citations name it', async () => {
  const p = await h.open(await h.page(1280), '#/read/lords-answer-2020?at=2');
  const link = p.locator('.ef-panel a.ef-source-link');
  assert.equal(await link.count(), 1);
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith('https://www.theyworkforyou.com/wrans/?id=2020-02-26.HL1962.h#:~:text='), href);
  const terms = href.split('#:~:text=')[1].split(',');
  assert.ok(terms.length <= 2 && terms.every((t) => t && !/[ &\-]/.test(t)), `terms are percent-encoded: ${terms}`);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.match(await link.getAttribute('rel'), /noreferrer/);
  assert.match(await link.innerText(), /In the source\s*\(opens in a new tab\)/);
  await shot(p, 'source-link-1280');
  // The Rudd letter has no verified original: no link, and the provenance says why.
  await h.open(p, '#/read/rudd-2017?at=2');
  assert.equal(await p.locator('.ef-panel a.ef-source-link').count(), 0);
  const prov = p.locator('.ef-provenance');
  assert.match(await prov.innerText(), /No verified address\.[\s\S]*corpus\/sources\/rudd-2017\.txt/);
  // Talking-point occurrences link to their original too, where there is one.
  await h.open(p, '#/talking-points?tp=c-acc.lawful');
  const sources = await p.locator('.ef-occurrences a.ef-source-link').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(sources.length >= 2 && sources.every((s) => s.includes('#:~:text=')), sources.join(' '));
  await p.close();
});

test('the provenance panel separates its lines and shows removed lines as the page did', async () => {
  const p = await h.open(await h.page(768), '#/read/rudd-2017');
  const prov = p.locator('.ef-provenance');
  await prov.locator('summary', { hasText: 'What was removed' }).click();
  const text = await prov.innerText();
  assert.doesNotMatch(text, /\*\*|\]\(|Home OfficeScanned|Source: Home Office[A-Z]/);
  assert.match(text, /www\.gov\.uk\/home-office/);
  assert.match(text, /The Rt Hon Amber Rudd MP/);
  await shot(p, 'provenance-768');
  await h.open(p, '#/read/factsheet-2019');
  const original = p.locator('.ef-provenance a.ef-url');
  assert.equal(await original.getAttribute('href'), 'https://homeofficemedia.blog.gov.uk/2019/11/05/factsheet-encryption/');
  await p.close();
});

test('on a 375 px phone the first finding starts within the first 400 px', async () => {
  const p = await h.open(await h.page(375, 800));
  const top = await p.locator('.ef-cell').first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  assert.ok(top <= 400, `first finding at ${top} px`);
  // Nothing was taken away: the controls are all there, and the intro is kept for screen readers.
  for (const name of ['All themes', 'Encryption', 'Access', 'Privacy']) await p.getByRole('radio', { name, exact: true }).waitFor();
  await p.getByText('Add your own statement').waitFor();
  assert.match(await p.locator('.ef-compare > .ef-lede').textContent(), /Each column is a statement/);
  assert.ok((await overflow(p)) <= 0);
  await shot(p, 'phone-375');
  for (const width of [320, 768]) {
    await p.setViewportSize({ width, height: 900 });
    assert.ok((await overflow(p)) <= 0, `no overflow at ${width}`);
    await shot(p, `compare-${width}`);
  }
  await p.close();
});
