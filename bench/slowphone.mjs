// The slow-phone profile of issue 13: headless Chromium with the CPU slowed 4× and the
// network at 1.6 Mbps down, 750 kbps up and a 150 ms round trip (CDP emulation), files
// sent precompressed with Content-Encoding as a real host sends them (tools/serve.mjs).
// Median of LOADS cold loads (no HTTP cache, no service worker) for:
//   - the default view: first text paint, and when the widget is interactive;
//   - deep links: when the view's own text is on screen, and when it is interactive;
//   - what the full view transferred (encoded bytes) before it was interactive;
// each next to the floor measured in the same run: a static page with the same first
// view's markup and CSS and no script. Run after `make dist`: `node bench/slowphone.mjs`
// (part of `make bench`). Figures, not pass/fail.
import { readFile, writeFile, mkdtemp, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { start, ROOT, DIST, withoutScripts } from '../tests/e2e/harness.mjs';

const LOADS = Number(process.env.LOADS ?? 3);
const CPU = 4;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

// Each scenario: the address, and the element that shows the view's own text.
const SCENARIOS = [
  { name: 'default view', hash: '', text: '.ef-compare', floor: null },
  { name: 'deep link #/read/rudd-2017', hash: '#/read/rudd-2017', text: '.ef-reading .ef-body', floor: 'read-rudd-2017.html' },
  { name: 'deep link #/talking-points', hash: '#/talking-points', text: '.ef-talking', floor: 'talking-points.html' },
  { name: 'deep link #/read/rudd-2017?at=5 (a passage)', hash: '#/read/rudd-2017?at=5', text: '.ef-reading .ef-body', floor: 'read-rudd-2017.html' },
  { name: 'deep link #/search?q=backdoor (not pre-rendered)', hash: '#/search?q=backdoor', text: '.ef-search-results', floor: null },
];

// The floors: dist/ copies whose index.html has no script and carries the view's markup.
const index = await readFile(join(DIST, 'index.html'), 'utf8');
const strip = withoutScripts;
const floorDir = await mkdtemp(join(tmpdir(), 'ef-slow-floor-'));
await cp(DIST, floorDir, { recursive: true });
await writeFile(join(floorDir, 'index.html'), strip(index));
for (const s of SCENARIOS.filter((s) => s.floor)) {
  const view = await readFile(join(DIST, 'views', s.floor), 'utf8');
  const page = strip(index).replace(/(<div class="ef-prerendered">)[\s\S]*?(<\/div>\s*<\/div>\s*<\/body>)/, (_, a, b) => `${a}${view}${b}`);
  await writeFile(join(floorDir, `floor-${s.floor}`), page);
}
// The floor pages precompressed as the build does its own (tools/postbuild.mjs).
for (const f of ['index.html', ...SCENARIOS.filter((s) => s.floor).map((s) => `floor-${s.floor}`)]) {
  const body = await readFile(join(floorDir, f));
  await writeFile(join(floorDir, `${f}.gz`), gzipSync(body, { level: 9 }));
  await writeFile(join(floorDir, `${f}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

async function load(h, url, textSelector, waitInteractive) {
  const p = await h.page(390, 844);
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  let bytes = 0;
  let interactiveBytes = null;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await p.addInitScript((sel) => {
    window.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    const seen = () => {
      const el = document.querySelector(sel);
      if (el && !window.__text && el.getClientRects().length && el.textContent.trim()) window.__text = performance.now();
      const app = document.getElementById('app');
      if (app && app.firstElementChild?.classList.contains('ef-app') && !window.__interactive) window.__interactive = performance.now();
      if (!window.__text || !window.__interactive) requestAnimationFrame(seen);
    };
    requestAnimationFrame(seen);
  }, textSelector);
  await p.goto(url);
  await p.waitForFunction(() => window.__text, null, { timeout: 60000 });
  if (waitInteractive) {
    await p.waitForFunction(() => window.__interactive, null, { timeout: 60000 });
    interactiveBytes = bytes;
  }
  const r = await p.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    text: window.__text ?? null,
    interactive: window.__interactive ?? null,
    shift: window.__shift,
  }));
  await p.close();
  return { ...r, bytes: interactiveBytes };
}

const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
async function runs(h, url, sel, interactive) {
  const all = [];
  for (let i = 0; i < LOADS; i++) all.push(await load(h, url, sel, interactive));
  return { fcp: median(all.map((r) => r.fcp)), text: median(all.map((r) => r.text)), interactive: median(all.map((r) => r.interactive)), kb: median(all.map((r) => r.bytes)) / 1024 || null, shift: Math.max(...all.map((r) => r.shift)) };
}

const widget = await start({ contextOptions: { serviceWorkers: 'block' } });
const floor = await start({ root: floorDir, contextOptions: { serviceWorkers: 'block' } });
const results = {};
try {
  for (const s of SCENARIOS) {
    const w = await runs(widget, `${widget.origin}/${s.hash}`, s.text, true);
    const f = await runs(floor, `${floor.origin}/${s.floor ? `floor-${s.floor}` : ''}`, s.floor || !s.hash ? s.text : 'body', false);
    results[s.name] = { widget: w, floor: { text: f.text } };
  }
} finally {
  await widget.close();
  await floor.close();
  await rm(floorDir, { recursive: true, force: true });
}
const ms = (x) => (x === null ? '   n/a' : `${(x / 1000).toFixed(2)} s`);
console.log(`\nslow phone (CPU ${CPU}x slower, 1.6 Mbps, 150 ms RTT, precompressed; median of ${LOADS} cold loads)`);
for (const [name, r] of Object.entries(results)) {
  console.log(`  ${name}`);
  console.log(`    view's text on screen ${ms(r.widget.text)} (static floor ${ms(r.floor.text)}; first contentful paint ${ms(r.widget.fcp)}), interactive ${ms(r.widget.interactive)}, transferred before interactive ${r.widget.kb?.toFixed(0)} KB, layout shift ${r.widget.shift.toFixed(3)}`);
}
const path = `${ROOT}/bench/results.json`;
const all = JSON.parse(await readFile(path, 'utf8').catch(() => '{}'));
all.slowphone = { measured: new Date().toISOString(), loads: LOADS, cpu: CPU, network: NETWORK, results };
await writeFile(path, JSON.stringify(all, null, 2) + '\n');
