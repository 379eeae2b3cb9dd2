// A reader's own statement: paste, drop, choose a file, share it in a link, and
// every way it can go wrong, as a reader meets them. Nothing may leave the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, sharedHarness, ARTIFACTS, ROOT } from './harness.mjs';

const OWN = await readFile(join(ROOT, 'tests', 'e2e', 'fixtures', 'own-statement.txt'), 'utf8');

const h = sharedHarness();

/** Opens the form, fills it and presses the button. */
async function add(p, text, { title = '', date = '', keep = false } = {}) {
  const details = p.locator('.ef-add-details');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await p.getByLabel(/Text of the statement/).fill(text);
  if (title) await p.getByLabel('Title (optional)').fill(title);
  if (date) await p.getByLabel('Date (optional)').fill(date);
  if (keep) await p.getByLabel(/Keep it on this device/).check();
  await p.getByRole('button', { name: 'Analyse and compare' }).click();
}

/** Letters in random words, so compression cannot shrink them much. */
function noise(chars, seed = 7) {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  let out = '';
  while (out.length < chars) {
    const n = 2 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) out += String.fromCharCode(97 + Math.floor(rnd() * 26));
    out += rnd() < 0.08 ? '. ' : ' ';
  }
  return out.slice(0, chars);
}

test('a pasted statement appears as a marked column with frames and quotes, in the reader and in talking points', async () => {
  const p = await h.open(await h.page());
  await add(p, OWN, { title: 'Reply to the Open Rights Coalition', date: '2023-03-14' });
  await p.locator('#ef-yours-title').waitFor();
  assert.match(await p.locator('#ef-yours-title').innerText(), /Reply to the Open Rights Coalition/);
  assert.ok(await p.evaluate(() => document.activeElement?.id === 'ef-yours-title'), 'focus moves to the summary');
  const heads = await p.locator('.ef-colhead a').allTextContents();
  assert.equal(heads.length, 6);
  assert.equal(heads[5], 'Reply to the Open Rights Coalition');
  const cell = p.locator('.ef-row:not([hidden])').first().locator('.ef-cell').nth(5);
  assert.match(await cell.innerText(), /Your text · not in the curated corpus/i);
  assert.ok(await cell.locator('.ef-chip').count() > 0, 'frames shown');
  const quote = await cell.locator('blockquote').first().innerText();
  assert.ok(OWN.replace(/\n/g, ' ').includes(quote), `quote is verbatim: ${quote}`);
  await p.waitForURL(/[?&]u=/); // history is written after the new view's frame
  assert.match(p.url(), /[?&]u=A[A-Za-z0-9_-]+$/);
  // The comparison is updated in place, not re-created: every link in it, the bundled
  // statements' columns included, now carries the statement.
  const links = await p.locator('.ef-view a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length > 20, `links in the comparison (${links.length})`);
  assert.deepEqual(links.filter((href) => !/[?&]u=A/.test(href)), [], 'every link carries the statement');
  await p.screenshot({ path: join(ARTIFACTS, 'supplied-1280.png'), fullPage: false });
  await p.setViewportSize({ width: 320, height: 900 });
  await p.locator('#ef-yours-title').scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(ARTIFACTS, 'supplied-320.png') });

  // Talking points: the passage it shares with the Rudd and Wallace letters.
  await p.getByRole('link', { name: 'Talking points' }).click();
  await p.waitForURL(/#\/talking-points\?u=/);
  const shared = p.locator('tr.ef-tp-row', { hasText: 'The fact that our agencies are unable to access' }).first();
  assert.equal(await shared.locator('td').count(), 6, 'a column per statement, yours included');
  assert.equal(await shared.locator('td').last().getAttribute('class'), 'ef-yes');
  await shared.locator('th a').click();
  await p.locator('.ef-tp-detail', { hasText: 'Reply to the Open Rights Coalition' }).waitFor();

  // The reader: its body, its coding panel, and a provenance that says what it is.
  await p.goto(p.url().replace(/#\/talking-points/, '#/read/yours'));
  await p.waitForSelector('.ef-reader');
  assert.match(await p.locator('.ef-reader').innerText(), /We are not asking companies to build a back door/);
  assert.match(await p.locator('.ef-provenance').innerText(), /not part of the curated corpus/);
  await p.close();
});

test('a pasted statement\'s passage names each label\'s rule, also a rule that labels nothing in the corpus', async () => {
  // The start-up outline names only the rules that label the corpus (src/bundle.rs,
  // outline_for); this one labels no sentence there, so its name comes with the patterns.
  const p = await h.open(await h.page());
  await add(p, 'Strong encryption is one of the best defences we have against hostile states.', { title: 'Defences' });
  await p.locator('#ef-yours-title').waitFor();
  await p.waitForURL(/[?&]u=/);
  await p.goto(p.url().replace(/#\/\??/, '#/read/yours?at=0&'));
  await p.locator('.ef-panel').waitFor();
  for (const summary of await p.locator('.ef-panel details > summary').all()) await summary.click();
  await p.locator('.ef-evidence li').first().waitFor();
  await p.waitForFunction(() => [...document.querySelectorAll('.ef-panel .ef-pattern')].every((e) => !e.textContent.startsWith('(')));
  const shown = await p.locator('.ef-evidence li').evaluateAll((items) => items.map((li) => li.querySelector('code')?.textContent ?? ''));
  assert.ok(shown.includes('enc.endorse/defence-against'), `rules named: ${shown.join(', ')}`);
  assert.ok(shown.every((id) => /^[a-z_.]+\/[a-z0-9-]+$/.test(id)), `every rule named in full: ${shown.join(', ')}`);
  await p.close();
});

test('a pasted statement is analysed off the main thread in the widget\'s worker, and alike where no worker can start', async () => {
  const column = (p) => p.locator('.ef-row').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('.ef-cell')[5]?.textContent));
  const p = await h.page(1280);
  const workers = [];
  p.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await h.open(p);
  await add(p, OWN, { title: 'Worker', date: '2023-03-14' });
  await p.locator('#ef-yours-title').waitFor();
  assert.deepEqual(workers, ['/analysis-worker.js'], 'one worker, the widget\'s own');
  await p.waitForURL(/[?&]u=/); // history is written after the new view's frame
  const viaWorker = { column: await column(p), url: new URL(p.url()).hash };
  assert.ok(viaWorker.column.filter(Boolean).length >= 3, 'the column is there');
  await p.close();
  // A page where the worker cannot load (a policy, a failing network): the same result.
  // No service worker here: once it controls the page it serves the worker's script from its cache,
  // which no page route sees, and the worker would start after all.
  const alone = await start({ contextOptions: { serviceWorkers: 'block' } });
  try {
    const q = await alone.page(1280);
    // Recorded in the route itself: the worker cannot fail before its request is refused here.
    const failed = [];
    await q.route(/analysis-worker\.js$/, (route) => {
      failed.push(new URL(route.request().url()).pathname);
      return route.abort();
    });
    await alone.open(q);
    await add(q, OWN, { title: 'Worker', date: '2023-03-14' });
    await q.locator('#ef-yours-title').waitFor();
    assert.deepEqual(await column(q), viaWorker.column, 'the same frames and quotes');
    assert.equal(new URL(q.url()).hash, viaWorker.url, 'the same link');
    assert.deepEqual(failed, ['/analysis-worker.js'], 'the worker really could not load: this was the main thread');
    assert.deepEqual(alone.errors.filter((e) => !/analysis-worker|Failed to load|ERR_FAILED/.test(e)), []);
    assert.deepEqual(alone.foreign, []);
  } finally {
    await alone.close();
  }
});

test('the form empties and folds away once its text is compared; a draft survives removing the statement', async () => {
  const p = await h.open(await h.page());
  await add(p, OWN, { title: 'Form reply', date: '2020-01-02', keep: true });
  await p.locator('#ef-yours-title').waitFor();
  const details = p.locator('.ef-add-details');
  assert.equal(await details.evaluate((d) => d.open), false, 'folded away');
  await details.locator('summary').click();
  assert.equal(await p.getByLabel(/Text of the statement/).inputValue(), '');
  assert.equal(await p.getByLabel('Title (optional)').inputValue(), '');
  assert.equal(await p.getByLabel('Date (optional)').inputValue(), '');
  assert.equal(await p.getByLabel(/Keep it on this device \(/).isChecked(), false);
  assert.match(await p.locator('#ef-add-count').innerText(), /^0 of 50,000 characters/);
  assert.match(await p.getByRole('button', { name: /Kept on this device: forget it/ }).innerText(), /forget it/, 'the kept state follows storage');
  // A chosen file is let go of too.
  await p.locator('#ef-add-file').setInputFiles({ name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from(OWN) });
  await p.getByText(/Read “second.txt”/).waitFor();
  await p.getByRole('button', { name: 'Analyse and compare' }).click();
  await p.waitForFunction(() => document.querySelector('#ef-yours-title')?.textContent.includes('second'));
  assert.equal(await p.locator('#ef-add-file').evaluate((i) => i.files.length), 0, 'the chosen file is cleared');
  await details.locator('summary').click();
  await p.getByLabel(/Text of the statement/).fill('A draft the reader has not compared yet.');
  await p.getByRole('button', { name: 'Remove it' }).click();
  await p.waitForFunction(() => document.querySelectorAll('.ef-colhead').length === 5);
  assert.equal(await p.getByLabel(/Text of the statement/).inputValue(), 'A draft the reader has not compared yet.', 'the draft is kept');
  await p.evaluate(() => localStorage.clear());
  await p.close();
});

test('a share link opened in a fresh browser reproduces the comparison with the statement', async () => {
  const p = await h.open(await h.page());
  await add(p, OWN, { title: 'Shared reply' });
  await p.locator('#ef-yours-title').waitFor();
  await p.getByText('Share and download').click();
  await p.getByRole('button', { name: 'Link to this view' }).click();
  const link = await p.locator('#ef-share-url').inputValue();
  assert.match(link, /#\/\?u=/);
  await p.close();

  const fresh = await start();
  try {
    const q = await fresh.page();
    await q.goto(fresh.origin + '/' + link.slice(link.indexOf('#')));
    await q.locator('#ef-yours-title').waitFor();
    assert.match(await q.locator('#ef-yours-title').innerText(), /Shared reply/);
    assert.equal(await q.locator('.ef-colhead').count(), 6);
    assert.deepEqual(fresh.foreign, []);
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.close();
  }
});

test('a dropped .txt file fills the form and is analysed', async () => {
  const p = await h.open(await h.page());
  await p.locator('.ef-add-details summary').click();
  const dt = await p.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'ministers-reply.txt', { type: 'text/plain' }));
    return d;
  }, OWN);
  await p.dispatchEvent('.ef-add-form', 'dragover', { dataTransfer: dt });
  await p.dispatchEvent('.ef-add-form', 'drop', { dataTransfer: dt });
  await p.getByText(/Read “ministers-reply.txt”/).waitFor();
  assert.equal(await p.getByLabel('Title (optional)').inputValue(), 'ministers-reply');
  assert.equal(await p.getByLabel(/Text of the statement/).inputValue(), OWN);
  await p.getByRole('button', { name: 'Analyse and compare' }).click();
  await p.locator('#ef-yours-title').waitFor();
  assert.equal(await p.locator('.ef-colhead').count(), 6);
  await p.close();
});

test('empty, over-limit and binary input each get their own message, and the widget works on', async () => {
  const p = await h.open(await h.page());
  await add(p, '   \n ');
  assert.match(await p.getByRole('alert').innerText(), /There is no text to analyse/);

  await add(p, noise(50_001));
  assert.match(await p.getByRole('alert').innerText(), /50,001 characters; the limit is 50,000/);
  assert.match(await p.locator('#ef-add-count').innerText(), /too long/);

  await p.getByLabel('Or choose a .txt or .md file').setInputFiles({
    name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  await p.getByText(/cannot be read as text \(it contains binary data\)/).waitFor();
  await p.getByLabel('Or choose a .txt or .md file').setInputFiles({
    name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Caf\xe9 cr\xe8me', 'latin1'),
  });
  await p.getByText(/cannot be read as text \(it is not UTF-8 text\)/).waitFor();

  // Nothing was added, and the comparison still works.
  assert.equal(await p.locator('.ef-colhead').count(), 5);
  await p.getByRole('radio', { name: /Access/ }).first().check();
  await p.waitForURL(/t=access/);
  await p.close();
});

test('a damaged or cut-off link says so and shows the comparison without the statement', async () => {
  const p = await h.open(await h.page());
  await add(p, OWN, { title: 'To be damaged' });
  await p.locator('#ef-yours-title').waitFor();
  await p.waitForURL(/[?&]u=/); // history is written after the new view's frame
  const hash = new URL(p.url()).hash;
  const value = hash.split('u=')[1];
  const mid = Math.floor(value.length / 2);
  const flipped = value.slice(0, mid) + (value[mid] === 'A' ? 'B' : 'A') + value.slice(mid + 1);

  await p.goto(`${h.origin}/#/?u=${flipped}`);
  await p.reload();
  await p.waitForSelector('.ef-compare');
  assert.match(await p.locator('.ef-notices').innerText(), /damaged/);
  assert.equal(await p.locator('.ef-colhead').count(), 5);

  await p.goto(`${h.origin}/#/read/yours?u=${value.slice(0, value.length - 12)}`);
  await p.reload();
  await p.waitForSelector('.ef-compare');
  const notices = await p.locator('.ef-notices').innerText();
  assert.match(notices, /incomplete: the link was probably cut off/);
  assert.doesNotMatch(notices, /no statement with the id/);
  assert.equal(await p.locator('.ef-colhead').count(), 5);
  await p.close();
});

test('markup, script, bidi overrides and zero-width characters stay inert text', async () => {
  const p = await h.open(await h.page());
  const hostile = 'Encryption protects privacy. <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> '
    + 'Lawful access needs a warrant \u202Etxet desrever\u202C and a hidden\u200Bspace.';
  await add(p, hostile, { title: '<b>bold</b>\u202Etitle' });
  await p.locator('#ef-yours-title').waitFor();
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  assert.equal(await p.locator('.ef-app img, .ef-app script, .ef-app b').count(), 0);
  assert.match(await p.locator('#ef-yours-title').innerText(), /<b>bold<\/b>⟦U\+202E⟧title/);
  assert.match(await p.locator('.ef-yours').innerText(), /4 invisible formatting characters/);
  await p.waitForURL(/[?&]u=/); // history is written after the new view's frame
  await p.goto(p.url().replace('#/?', '#/read/yours?'));
  await p.waitForSelector('.ef-reader');
  const body = await p.locator('.ef-body').innerText();
  assert.match(body, /<img src=x onerror="window.__pwned=1">/);
  assert.match(body, /⟦U\+202E⟧txet desrever⟦U\+202C⟧/);
  assert.match(body, /hidden⟦U\+200B⟧space/);
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  await p.close();
});

test('a text too long for a reliable link is shown here, and its link says it was held locally', async () => {
  const p = await h.open(await h.page());
  await add(p, 'Encryption and lawful access. ' + noise(30_000), { title: 'Long one' });
  await p.locator('#ef-yours-title').waitFor();
  assert.match(await p.locator('.ef-yours').innerText(), /Too long for a reliable link: .* up to 8,000/);
  await p.waitForURL(/[?&]u=/); // history is written after the new view's frame
  assert.match(p.url(), /u=local$/);
  assert.equal(await p.locator('.ef-colhead').count(), 6);
  await p.reload();
  await p.waitForSelector('.ef-compare');
  assert.match(await p.locator('.ef-notices').innerText(), /held only in the page where it was added/);
  assert.equal(await p.locator('.ef-colhead').count(), 5);
  await p.close();
});

test('kept on this device only when asked; offered again, and forgotten on request', async () => {
  const p = await h.open(await h.page());
  assert.equal(await p.locator('.ef-kept').count(), 0);
  assert.equal(await p.evaluate(() => localStorage.length), 0, 'nothing stored without asking');
  await add(p, OWN, { title: 'Kept reply', keep: true });
  await p.locator('#ef-yours-title').waitFor();
  assert.equal(await p.evaluate(() => localStorage.length), 1);
  await p.goto(`${h.origin}/#/method`);
  await p.goto(`${h.origin}/`);
  await p.reload();
  await p.locator('.ef-kept').waitFor();
  assert.match(await p.locator('.ef-kept').innerText(), /Kept reply/);
  assert.equal(await p.locator('.ef-colhead').count(), 5, 'offered, not added');
  await p.getByRole('button', { name: 'Compare it again' }).click();
  await p.locator('#ef-yours-title').waitFor();
  assert.equal(await p.locator('.ef-colhead').count(), 6);
  await p.getByRole('button', { name: /Kept on this device: forget it/ }).click();
  assert.equal(await p.evaluate(() => localStorage.length), 0);
  await p.getByRole('button', { name: 'Remove it' }).click();
  await p.waitForFunction(() => document.querySelectorAll('.ef-colhead').length === 5);
  assert.doesNotMatch(p.url(), /u=/);
  const links = await p.locator('.ef-view a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links.filter((href) => /u=/.test(href)), [], 'no link carries the removed statement');
  assert.equal(await p.locator('.ef-add-details').evaluate((d) => d.open), false, 'the form stays folded');
  await p.close();
});
