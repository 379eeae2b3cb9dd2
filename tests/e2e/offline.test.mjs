// Reading offline: the one-file edition from file://, and hosted revisits with the
// server gone (service worker), which still pick up a new build when back online.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, DIST } from './harness.mjs';

const cleanups = [];
after(async () => { for (const c of cleanups.reverse()) await c(); });

test('the one-file edition works from file://, restores a deep link, and makes no request', async () => {
  const h = await start();
  cleanups.push(() => h.close());
  const p = await h.page(1000);
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  const file = `file://${join(DIST, 'encryption-framing-offline.html')}`;
  await p.goto(`${file}#/read/rudd-2017?at=13`);
  await p.waitForSelector('.ef-panel');
  assert.match(await p.locator('.ef-panel').innerText(), /Not a backdoor/);
  await p.getByRole('link', { name: 'Compare' }).click();
  await p.waitForSelector('.ef-compare');
  assert.ok((await p.locator('.ef-quote').count()) > 10);
  await p.locator('.ef-share summary').click();
  assert.equal(await p.getByRole('link', { name: 'Download for offline reading' }).count(), 0, 'it is the offline copy');
  // A file:// address works for nobody else: no share link or embed code is offered.
  await p.getByRole('button', { name: 'Link to this view' }).click();
  assert.match(await p.locator('.ef-share').innerText(), /opened from a file, so its links work only on this device/);
  assert.equal(await p.locator('#ef-share-url').count(), 0);
  await p.getByRole('button', { name: 'Embed in an article' }).click();
  assert.match(await p.locator('.ef-builder').innerText(), /Embed codes come from the hosted widget/);
  assert.equal(await p.locator('#ef-embed-code').count(), 0);
  // The parts the hosted widget loads lazily are inline here: the method and the form.
  await p.getByRole('link', { name: 'Method', exact: true }).first().click();
  await p.locator('#ef-m-codebook').waitFor();
  await p.getByRole('link', { name: 'Compare' }).click();
  await p.locator('.ef-add-details summary').click();
  await p.locator('#ef-add-text').fill('Encryption protects the privacy of millions. Lawful access must not weaken it.');
  await p.getByRole('button', { name: 'Analyse and compare' }).click();
  await p.locator('.ef-yours').waitFor();
  const other = requests.filter((u) => !u.startsWith(file) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(other, [], 'no request but the file itself');
  assert.deepEqual(h.errors, []);
});

test('the hosted widget links its one-file edition', async () => {
  const h = await start();
  cleanups.push(() => h.close());
  const p = await h.open(await h.page(1000));
  await p.locator('.ef-share summary').click();
  const link = p.getByRole('link', { name: 'Download for offline reading' });
  assert.equal(await link.getAttribute('href'), './encryption-framing-offline.html');
  const [download] = await Promise.all([p.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'encryption-framing.html');
});

test('a second visit works with the server stopped, and a new build is picked up online', async () => {
  const site = await mkdtemp(join(tmpdir(), 'ef-sw-'));
  await cp(DIST, site, { recursive: true });
  cleanups.push(() => rm(site, { recursive: true, force: true }));
  const h = await start({ root: site });
  cleanups.push(() => h.close());
  const p = await h.open(await h.page(1000), '#/method');
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  await p.waitForSelector('.ef-method');
  assert.ok(await p.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');

  // A new build: the page is fetched network-first, so the next online visit shows it.
  const index = join(site, 'index.html');
  // (The widget names each view in the title, so the new build marks its description.)
  const description = () => p.evaluate(() => document.querySelector('meta[name=description]').content);
  await writeFile(index, (await readFile(index, 'utf8')).replace('<meta name="description" content="', '<meta name="description" content="Updated: '));
  await p.reload();
  await p.waitForSelector('.ef-method');
  assert.match(await description(), /^Updated: /);
  assert.match(await p.title(), /^Method · /, 'the title names the view');

  await h.stopServer();
  await p.reload();
  await p.waitForSelector('#ef-m-codebook');
  assert.match(await description(), /^Updated: /, 'offline, the latest page comes from the cache');
  await p.getByRole('link', { name: 'Compare' }).click();
  await p.waitForSelector('.ef-quote');
  // The lazily loaded parts were cached on the first visit: the form opens offline.
  await p.locator('.ef-add-details summary').click();
  await p.locator('#ef-add-text').waitFor();
});
