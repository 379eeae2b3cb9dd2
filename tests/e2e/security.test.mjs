// Hygiene: a strict Content-Security-Policy, a sandboxed iframe without
// allow-same-origin, hosting under any path, and no request to another origin.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, symlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, DIST } from './harness.mjs';
import { serve } from '../../tools/serve.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const cleanups = [];
after(async () => { for (const c of cleanups.reverse()) await c(); });

test('under a strict CSP every view works with no violation', async () => {
  const h = await start({ headers: { 'content-security-policy': CSP } });
  cleanups.push(() => h.close());
  const p = await h.page(1280);
  await p.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const hash of ['', '#/?t=access', '#/read/rudd-2017+wallace-2017?at=13', '#/talking-points?tp=c-acc.lawful', '#/method', '#/search?q=warrant']) {
    await h.open(p, hash);
    await p.waitForSelector('.ef-main h1');
    assert.deepEqual(await p.evaluate(() => window.violations), [], hash);
  }
  await p.locator('.ef-share summary').click();
  await p.getByRole('button', { name: 'Embed in an article' }).click();
  await p.locator('.ef-builder-preview').waitFor();
  await p.waitForTimeout(300);
  assert.deepEqual(await p.evaluate(() => window.violations), []);
  assert.deepEqual(h.errors, [], 'no console errors (CSP reports them there too)');
  assert.equal(await p.evaluate(() => document.cookie), '', 'no cookies');
  assert.equal(await p.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing stored');
  assert.deepEqual(h.foreign, []);
});

test('inside a sandboxed iframe without allow-same-origin it renders and navigates, with no storage or cookies', async () => {
  const h = await start();
  cleanups.push(() => h.close());
  const dir = await mkdtemp(join(tmpdir(), 'ef-sandbox-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><title>Sandbox</title><link rel="icon" href="data:,"></head><body>
    <iframe id="f" sandbox="allow-scripts allow-popups" src="${h.origin}/?embed=1" title="Widget" style="width:100%;height:1500px;border:0"></iframe></body></html>`);
  const host = await serve(dir, 0);
  cleanups.push(async () => { await new Promise((ok) => host.close(ok)); await rm(dir, { recursive: true, force: true }); });
  const p = await h.page(1000);
  await p.goto(`http://127.0.0.1:${host.address().port}/`);
  const frame = p.frameLocator('#f');
  await frame.locator('.ef-compare').waitFor();
  await frame.getByRole('radio', { name: 'Privacy', exact: true }).check();
  await frame.locator('.ef-row:not([hidden])').first().waitFor();
  assert.equal(await frame.locator('.ef-row:not([hidden])').count(), 1, 'navigation works in an opaque origin');
  await frame.getByRole('link', { name: 'Talking points' }).click();
  await frame.locator('.ef-talking').waitFor();
  assert.deepEqual(h.errors, []);
  const local = h.foreign.filter((u) => !u.startsWith(`http://127.0.0.1:${host.address().port}/`));
  assert.deepEqual(local, []);
});

test('hosted under a sub-path, the widget finds its assets', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ef-subpath-'));
  await symlink(DIST, join(dir, 'encryption-framing'));
  const h = await start({ root: dir });
  cleanups.push(async () => { await h.close(); await rm(dir, { recursive: true, force: true }); });
  const p = await h.page(1280);
  await p.goto(`${h.origin}/encryption-framing/#/method`);
  await p.waitForSelector('.ef-method');
  assert.deepEqual(h.errors, []);
});
