// Statements, the reader, deep links and bad links, as a reader meets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedHarness, ARTIFACTS } from './harness.mjs';

const h = sharedHarness();

test('the default view compares the five statements in date order', async () => {
  const p = await h.open(await h.page());
  const heads = await p.locator('.ef-colhead a').allTextContents();
  assert.deepEqual(heads, ['Rudd letter', 'Wallace letter', 'Home Office factsheet', 'Lords answer', 'International statement']);
  assert.equal(await p.locator('.ef-row:not([hidden])').count(), 3);
  await p.close();
});

test('clicking a statement changes the hash and shows it; reload keeps it; back returns', async () => {
  const p = await h.open(await h.page());
  await p.locator('.ef-colhead a', { hasText: 'Wallace letter' }).click();
  await p.waitForURL(/#\/read\/wallace-2017$/);
  await p.getByRole('heading', { level: 1, name: /Minister of State for Security/ }).waitFor();
  assert.match(await p.locator('.ef-body').innerText(), /There is a particular problem with end-to-end encryption/);
  await p.reload();
  await p.waitForSelector('.ef-reader');
  assert.match(await p.locator('h1').innerText(), /Minister of State for Security/);
  await p.goBack();
  await p.waitForSelector('.ef-compare');
  await p.close();
});

test('an unknown id shows a clear message and a sensible view', async () => {
  const p = await h.open(await h.page(), '#/read/no-such-statement');
  assert.match(await p.getByRole('status').first().innerText(), /no statement with the id “no-such-statement”/);
  await p.waitForSelector('.ef-compare');
  await p.close();
});

test('a hostile link is shown as text, never as markup', async () => {
  const p = await h.open(await h.page(), '#/read/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  assert.equal(await p.locator('img').count(), 0);
  assert.match(await p.getByRole('status').first().innerText(), /<img src=x onerror=alert\(1\)>/);
  await p.close();
});

test('the reader is readable at 320 px and 1440 px', async () => {
  for (const width of [320, 1440]) {
    const p = await h.open(await h.page(width), '#/read/international-2020');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width}px (overflow ${overflow})`);
    await p.screenshot({ path: join(ARTIFACTS, `reader-${width}.png`), fullPage: false });
    await p.close();
  }
});
