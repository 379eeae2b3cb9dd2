// First paint and interactive, headless Chromium on loopback, median of 10 cold loads
// (no HTTP cache, no service worker): the widget's page next to a plain static HTML
// page carrying the same pre-rendered content and CSS but no script (the floor).
// Run after `make dist` with `node bench/firstpaint.mjs` (part of `make bench`).
import { readFile, writeFile, mkdtemp, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ROOT, DIST, withoutScripts } from '../tests/e2e/harness.mjs';

const LOADS = 10;

// The floor: dist/ with an index.html stripped of every script.
const floorDir = await mkdtemp(join(tmpdir(), 'ef-floor-'));
await cp(DIST, floorDir, { recursive: true });
const index = await readFile(join(DIST, 'index.html'), 'utf8');
await writeFile(join(floorDir, 'index.html'), withoutScripts(index));

/** Loads `url` cold LOADS times; per load: first contentful paint, and (for the widget) the moment it is interactive. */
async function loads(h, url) {
  const fcp = [], interactive = [];
  for (let i = 0; i < LOADS; i++) {
    const p = await h.page(1280, 900);
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await p.addInitScript(() => {
      // Interactive: the widget has replaced the pre-rendered copy with its own tree.
      new MutationObserver((_, obs) => {
        const app = document.getElementById('app');
        if (app && app.firstElementChild?.classList.contains('ef-app')) { window.__interactive = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    await p.goto(url);
    await p.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    if (url.includes('widget')) await p.waitForFunction(() => window.__interactive);
    const r = await p.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime, interactive: window.__interactive ?? null }));
    fcp.push(r.fcp);
    if (r.interactive) interactive.push(r.interactive);
    await p.close();
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
  return { firstTextPaint: median(fcp), interactive: median(interactive) };
}

const widget = await start({ contextOptions: { serviceWorkers: 'block' } });
const floor = await start({ root: floorDir, contextOptions: { serviceWorkers: 'block' } });
let results;
try {
  // Interleave nothing: one after the other, in the same run, so the ratio survives a noisy machine.
  const w = await loads(widget, `${widget.origin}/?widget`);
  const f = await loads(floor, `${floor.origin}/`);
  results = { widget: w, staticPage: f, ratio: w.firstTextPaint / f.firstTextPaint };
} finally {
  await widget.close();
  await floor.close();
  await rm(floorDir, { recursive: true, force: true });
}
console.log(`\nfirst paint, median of ${LOADS} cold loads (ms, headless Chromium, loopback)`);
console.log(`  static page with the same content (floor): first text paint ${results.staticPage.firstTextPaint.toFixed(1)}`);
console.log(`  widget: first text paint ${results.widget.firstTextPaint.toFixed(1)} (${results.ratio.toFixed(2)}x the floor), interactive ${results.widget.interactive.toFixed(1)}`);
const path = `${ROOT}/bench/results.json`;
let all = {};
try { all = JSON.parse(await readFile(path, 'utf8')); } catch { /* first run */ }
all.firstPaint = { measured: new Date().toISOString(), loads: LOADS, ms: results };
await writeFile(path, JSON.stringify(all, null, 2) + '\n');
