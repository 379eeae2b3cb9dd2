// Parts only some readers need (the method, the reader and talking points, the search,
// the embed builder and downloads, the form for a reader's own statement) come as wasm chunks when first asked for
// (src/ui/lazy.rs, tools/split.mjs): the default view fetches none of them, a deep
// link to one shows it whole, and a chunk that cannot be fetched says so.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { start, ROOT } from './harness.mjs';

const OWN = readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'own-statement.txt'), 'utf8');
const U = Buffer.concat([Buffer.from([1]), deflateSync(Buffer.from(`Own reply\n2023-03-14\n${OWN}`), { level: 9 })])
  .toString('base64url');
const CHUNK = /\/split_(\w+)-[0-9a-f]+\.wasm$/;

// Service workers off: the hosted widget's worker caches every chunk after the first
// visit (offline.test.mjs), which is not what a first visit fetches.
const h = await start({ contextOptions: { serviceWorkers: 'block' } });
after(() => h.close());

/** A page that lists the chunks it fetched and whether a stand-in was ever shown. */
async function watched(width = 1280) {
  const p = await h.page(width);
  const chunks = [];
  // The page's own requests (the builder's preview frame loads a widget of its own).
  p.on('request', (r) => { const m = r.url().match(CHUNK); if (m && r.frame() === p.mainFrame()) chunks.push(m[1]); });
  await p.addInitScript(() => {
    window.__standIns = 0;
    window.__patternsOpening = 0;
    new MutationObserver(() => {
      if (document.querySelector('.ef-part-opening')) window.__standIns += 1;
      if ([...document.querySelectorAll('.ef-pattern')].some((e) => e.textContent.startsWith('(opening'))) window.__patternsOpening += 1;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // Which chunks, in the order first fetched.
  return { p, fetched: () => [...new Set(chunks)], count: () => chunks.length };
}

test('the default view fetches no lazily loaded part; each comes when the reader first asks for it', async () => {
  const { p, fetched, count } = await watched();
  await h.open(p);
  await p.waitForLoadState('networkidle');
  assert.deepEqual(fetched(), [], 'the comparison needs no chunk');

  await p.locator('.ef-add-details summary').click();
  await p.locator('#ef-add-text').waitFor();
  assert.ok(await p.locator('.ef-add-details').evaluate((d) => d.open), 'the form arrives unfolded, as the reader asked');
  assert.deepEqual(fetched(), ['engine', 'form'], 'the form comes with the engine that reads its statement');
  await p.locator('#ef-add-text').fill('Encryption protects the privacy of millions. Lawful access must not weaken it.');
  await p.getByRole('button', { name: 'Analyse and compare' }).click();
  await p.locator('.ef-yours').waitFor();

  await p.locator('.ef-share summary').click();
  await p.getByRole('button', { name: 'Embed in an article' }).click();
  await p.locator('#ef-embed-code').waitFor();
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download coding (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), 'encryption-framing-coding.csv');
  assert.deepEqual(fetched(), ['engine', 'form', 'tools'], 'the builder and the downloads share one chunk');

  await p.locator('.ef-tabs').getByRole('link', { name: 'Method' }).click();
  await p.locator('#ef-m-codebook').waitFor();
  assert.deepEqual(fetched(), ['engine', 'form', 'tools', 'method']);
  const before = count();
  // Back to the comparison and again to the method: nothing is fetched again.
  await p.goBack();
  await p.locator('.ef-compare').waitFor();
  await p.locator('.ef-tabs').getByRole('link', { name: 'Method' }).click();
  await p.locator('#ef-m-codebook').waitFor();
  assert.equal(count(), before);
  await p.locator('.ef-tabs').getByRole('link', { name: 'Talking points' }).click();
  await p.locator('.ef-tp-row').first().waitFor();
  await p.locator('.ef-tabs').getByRole('link', { name: 'Read' }).click();
  await p.locator('.ef-reading').first().waitFor();
  assert.deepEqual(fetched(), ['engine', 'form', 'tools', 'method', 'views'], 'the reader and the talking points share one chunk');
  await p.locator('a.ef-tag').first().click();
  await p.locator('.ef-panel .ef-evidence li').first().waitFor({ state: 'attached' });
  await p.waitForFunction(() => [...document.querySelectorAll('.ef-panel .ef-pattern')].every((e) => !e.textContent.startsWith('(')));
  assert.deepEqual(fetched(), ['engine', 'form', 'tools', 'method', 'views', 'patterns'], 'the rules\' patterns come when a passage first opens');
  await p.getByRole('searchbox', { name: 'Search all statements' }).fill('backdoor');
  await p.getByRole('searchbox', { name: 'Search all statements' }).press('Enter');
  await p.locator('.ef-results a').first().waitFor();
  assert.deepEqual(fetched(), ['engine', 'form', 'tools', 'method', 'views', 'patterns', 'search'], 'the search results are a part of their own');
  await p.close();
  assert.deepEqual(h.errors, []);
});

test('a deep link to a lazily loaded part shows it whole: the pre-rendered copy stays until the part is here', async () => {
  const links = [['#/method', '#ef-m-codebook'], [`#/?u=${U}`, '.ef-yours'], ['#/read/rudd-2017?at=13', '.ef-panel'],
    ['#/talking-points', '.ef-tp-row'], ['#/search?q=backdoor', '.ef-results']];
  for (const [hash, ready] of links) {
    const { p } = await watched(768);
    await p.goto(`${h.origin}/${hash}`);
    // The pre-rendered copy may show the same elements: wait until the widget has run.
    await p.waitForFunction(() => window.wasmBindings);
    await p.waitForLoadState('networkidle');
    await p.locator(ready).first().waitFor();
    assert.equal(await p.evaluate(() => window.__standIns), 0, `${hash.slice(0, 12)}: no "Opening…" stand-in was shown`);
    assert.equal(await p.evaluate(() => window.__patternsOpening), 0, `${hash.slice(0, 12)}: a passage's patterns came with it`);
    await p.close();
  }
  assert.deepEqual(h.errors, []);
});

test('a deep link fetches the parts its view needs early, beside the main module, and each file once', async () => {
  const links = [['#/read/rudd-2017', ['views']], ['#/talking-points', ['views']], ['#/search?q=backdoor', ['search']],
    ['#/read/rudd-2017?at=13', ['views', 'patterns']], ['#/method', ['method']], [`#/?u=${U}`, ['engine', 'form']]];
  for (const [hash, parts] of links) {
    const { p, fetched } = await watched(768);
    await p.goto(`${h.origin}/${hash}`);
    await p.waitForFunction(() => window.wasmBindings);
    await p.waitForLoadState('networkidle');
    const name = hash.slice(0, 14);
    assert.deepEqual(fetched().sort(), [...parts].sort(), `${name}: the parts of its view`);
    // The boot script's preload and the loader's own fetch are one download: one resource
    // entry per file, started by the <link> (a second "fetch" entry would mean twice).
    const entries = await p.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/(split|chunk)_\w+-[0-9a-f]+\.wasm$/.test(e.name)).map((e) => [e.name.split('/').pop(), e.initiatorType]));
    const files = entries.map(([f]) => f);
    assert.equal(new Set(files).size, files.length, `${name}: each file fetched once: ${files.join(' ')}`);
    for (const part of parts) {
      assert.ok(entries.some(([f, by]) => f.startsWith(`split_${part}-`) && by === 'link'), `${name}: ${part} fetched early: ${JSON.stringify(entries)}`);
    }
    await p.close();
  }
  // The default view and an embed of it fetch none.
  for (const hash of ['#/', '?embed=1']) {
    const { p, fetched } = await watched(768);
    await p.goto(`${h.origin}/${hash}`);
    await p.waitForFunction(() => window.wasmBindings);
    await p.waitForLoadState('networkidle');
    assert.deepEqual(fetched(), [], hash);
    await p.close();
  }
  assert.deepEqual(h.errors, []);
});

test('a link carrying a statement fetches the engine that reads it, at start-up or on a hash change', async () => {
  const { p, fetched } = await watched(768);
  await h.open(p);
  await p.waitForLoadState('networkidle');
  assert.deepEqual(fetched(), []);
  await p.evaluate((u) => { location.hash = `#/?u=${u}`; }, U);
  await p.locator('.ef-yours').waitFor();
  assert.ok(fetched().includes('engine'), fetched().join());
  await p.close();
  assert.deepEqual(h.errors, []);
});

test('without the engine, a link carrying a statement says so and shows the rest of its view', async () => {
  const p = await h.page(375);
  await p.route(/\/split_engine-[0-9a-f]+\.wasm$/, (route) => route.abort());
  await p.goto(`${h.origin}/#/read/yours+rudd-2017?u=${U}`);
  await p.waitForFunction(() => window.wasmBindings);
  await p.getByText(/the part of the widget that reads it could not be loaded/).first().waitFor();
  await p.locator('.ef-reading').first().waitFor();
  assert.equal(await p.locator('.ef-yours').count(), 0, 'no statement is shown');
  await p.close();
  const unexpected = h.errors.filter((e) => !/net::ERR_FAILED|Failed to fetch|split_engine/.test(e));
  assert.deepEqual(unexpected, []);
  h.errors.length = 0;
});

test('a passage whose patterns cannot be fetched still shows its words and rules, and gets the patterns on the next try', async () => {
  const p = await h.page(375);
  let refuse = true;
  await p.route(/\/split_patterns-[0-9a-f]+\.wasm$/, (route) => (refuse ? route.abort() : route.continue()));
  await h.open(p, '#/read/rudd-2017?at=13');
  await p.locator('.ef-panel .ef-part-failed').waitFor();
  assert.match(await p.locator('.ef-panel .ef-part-failed').innerText(), /rules' patterns could not be loaded/);
  const first = p.locator('.ef-panel .ef-evidence li').first();
  assert.match(await first.textContent(), /^.+ — rule [a-z_.]+\/[a-z0-9-]+: \(the pattern could not be loaded\)/);
  refuse = false;
  await p.locator('.ef-panel').getByRole('button', { name: 'Try again' }).click();
  await p.waitForFunction(() => !document.querySelector('.ef-panel .ef-part-failed'));
  assert.doesNotMatch(await first.textContent(), /could not be loaded/);
  await p.close();
  const unexpected = h.errors.filter((e) => !/net::ERR_FAILED|Failed to fetch|split_patterns/.test(e));
  assert.deepEqual(unexpected, []);
  h.errors.length = 0;
});

test('a part that cannot be fetched says so, and comes on the next try', async () => {
  const p = await h.page(375);
  await h.open(p);
  let refuse = true;
  await p.route(CHUNK, (route) => (refuse ? route.abort() : route.continue()));
  await p.locator('.ef-tabs').getByRole('link', { name: 'Method' }).click();
  const failed = p.locator('.ef-part-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), /The method could not be loaded/);
  assert.equal(await failed.getAttribute('role'), 'alert');
  assert.equal(await p.locator('#ef-method-title').innerText(), 'Method', 'the view keeps its heading');
  refuse = false;
  await p.getByRole('button', { name: 'Try again' }).click();
  await p.locator('#ef-m-codebook').waitFor();
  assert.equal(await failed.count(), 0);
  await p.close();
  // The refused fetch is logged by the browser and the chunk loader; nothing else.
  const unexpected = h.errors.filter((e) => !/net::ERR_FAILED|Failed to fetch|split_method/.test(e));
  assert.deepEqual(unexpected, []);
  h.errors.length = 0;
});

test('keyboard focus on a stand-in moves to the part that replaces it', async () => {
  const p = await h.page(768);
  await h.open(p);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await p.route(CHUNK, async (route) => { await held; await route.continue(); });
  await p.locator('.ef-tabs').getByRole('link', { name: 'Method' }).focus();
  await p.keyboard.press('Enter');
  await p.locator('.ef-part-opening').waitFor();
  assert.equal(await p.evaluate(() => document.activeElement.id), 'ef-method-title', 'the stand-in heading has focus');
  release();
  await p.locator('#ef-m-codebook').waitFor();
  assert.equal(await p.evaluate(() => document.activeElement.id), 'ef-method-title', 'the method’s own heading has it now');
  assert.equal(await p.locator('#ef-method-title').count(), 1);

  // The form: unfolded by keyboard while its chunk is on its way.
  await p.locator('.ef-tabs').getByRole('link', { name: 'Compare' }).click();
  let releaseForm;
  const formHeld = new Promise((ok) => { releaseForm = ok; });
  await p.unroute(CHUNK);
  await p.route(CHUNK, async (route) => { await formHeld; await route.continue(); });
  await p.locator('.ef-add-details summary').focus();
  await p.keyboard.press('Enter');
  await p.locator('.ef-add .ef-part-opening').waitFor();
  releaseForm();
  await p.locator('#ef-add-text').waitFor();
  assert.ok(await p.evaluate(() => document.activeElement.matches('.ef-add-details > summary')), 'focus is on the form’s heading');
  assert.ok(await p.locator('.ef-add-details').evaluate((d) => d.open), 'and the form is unfolded');
  await p.close();
  assert.deepEqual(h.errors, []);
});
