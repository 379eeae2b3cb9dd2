// Shared set-up for end-to-end tests: serve dist/ on a free loopback port, drive
// Debian's Chromium with Playwright, and record every request and console error so
// each test can assert that nothing left the page's origin and nothing went wrong.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, mkdir, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-default-browser-check'];

/** A built page without its scripts and wasm links: the static floor the benchmarks compare with. */
export function withoutScripts(html) {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link[^>]*rel="modulepreload"[^>]*>/g, '').replace(/<link[^>]*\.wasm"[^>]*>/g, '');
}

/** Milliseconds of work the page's renderer has done so far (CDP `TaskDuration`; `Performance.enable` first). */
export async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * metrics.find((m) => m.name === 'TaskDuration').value;
}

/** Starts a server and a browser; returns helpers and a `close()`. */
export async function start({ root = DIST, headers = {}, contextOptions = {} } = {}) {
  const server = await serve(root, 0, headers);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(join(tmpdir(), 'ef-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: FLAGS, ...contextOptions,
  });
  const foreign = [];
  const errors = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await mkdir(ARTIFACTS, { recursive: true });

  /** A new page at `width` px that records console errors and page errors. */
  async function page(width = 1280, height = 900) {
    const p = await context.newPage();
    await p.setViewportSize({ width, height });
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(String(e)));
    return p;
  }

  /** Loads `hash` and waits until the widget has rendered. */
  async function open(p, hash = '') {
    await p.goto(`${origin}/${hash}`);
    await p.waitForSelector('.ef-app');
    return p;
  }

  /** Stops the web server (the browser stays), as when the network goes away. */
  let serverOpen = true;
  async function stopServer() {
    if (!serverOpen) return;
    serverOpen = false;
    server.closeAllConnections?.();
    await new Promise((ok) => server.close(ok));
  }

  async function close() {
    await context.close();
    await stopServer();
    await rm(profile, { recursive: true, force: true });
  }

  return { origin, context, page, open, close, stopServer, foreign, errors };
}

/**
 * One harness shared by a test file's tests: started before them; after them, it
 * asserts that no request left 127.0.0.1 and no console error occurred, then closes.
 */
export function sharedHarness(options) {
  const h = {};
  before(async () => { Object.assign(h, await start(options)); });
  after(async () => {
    assert.deepEqual(h.foreign, [], 'no request leaves 127.0.0.1');
    assert.deepEqual(h.errors, [], 'no console errors');
    await h.close();
  });
  return h;
}

/**
 * After the tests of a file that used an article site: nothing left the widget's and
 * the site's origins, no console error; then both close.
 */
export async function closeWithSite(h, site) {
  const foreign = h.foreign.filter((u) => !u.startsWith(site.origin + '/'));
  assert.deepEqual(foreign, [], 'no request leaves the two loopback origins');
  assert.deepEqual(h.errors, [], 'no console errors');
  await h.close();
  await site.close();
}

/**
 * An article site on a second loopback origin: serves `pages` ({name: html}) and
 * `copies` ({name: path of a file to copy}); `close()` stops it and removes the files.
 */
export async function hostSite(pages, copies = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'ef-host-'));
  for (const [name, from] of Object.entries(copies)) await copyFile(from, join(dir, name));
  for (const [name, html] of Object.entries(pages)) await writeFile(join(dir, name), html);
  const server = await serve(dir, 0);
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    async close() {
      await new Promise((ok) => server.close(ok));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
