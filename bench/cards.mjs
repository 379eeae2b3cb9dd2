// Finding cards as an article carries them: what one card transfers (its page, its
// stylesheet and script, and the embedding page's sizing script; gzip and brotli),
// its height in a 343 px phone column and a 640 px desktop column, and the main-thread
// work it costs the host page before the reader touches it (CDP TaskDuration of the
// article's own renderer with two cards, minus the same article without them; median
// of RUNS; the cards on another site, so in their own process as in production).
// Figures, not pass/fail; writes bench/results.json (key "cards").
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { taskMs as rendererTaskMs } from '../tests/e2e/harness.mjs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tools/serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.RUNS) || 5;
const CARDS = ['theme-access', 'point-c-acc.lawful', 'profile-rudd-2017'];
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(6);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const shared = await Promise.all(['cards/card.css', 'cards/card.js', 'embed-parent.js'].map((f) => readFile(join(DIST, f))));
const results = { cards: {} };
const widget = await serve(DIST, 0);
// The widget on another site than the article (localhost vs 127.0.0.1), as a newsroom
// embeds it: the frames get their own renderer process, as they would in production.
const origin = `http://localhost:${widget.address().port}`;
const host = await mkdtemp(join(tmpdir(), 'ef-cards-'));
const article = (frames) => `<!doctype html><html><head><title>Article</title><link rel="icon" href="data:,">
<style>main { max-width: 640px; margin: 0 auto; padding: 0 16px; font: 18px/1.5 Georgia, serif; }</style></head>
<body><main><h1>Article</h1><p>${'Text. '.repeat(200)}</p>${frames}<p>${'Text. '.repeat(200)}</p></main></body></html>`;
// As the builder writes it: the card's measured height in the frame's width (640 px here).
const frame = (slug, height, src = `${origin}/cards/${slug}.html`) => `<iframe src="${src}" title="card" width="100%" height="${height}" scrolling="no" loading="lazy" style="display:block;width:100%;border:0"></iframe>
<script src="${origin}/embed-parent.js" defer></script>`;
await writeFile(join(host, 'without.html'), article(''));
const site = await serve(host, 0);
const hostOrigin = `http://127.0.0.1:${site.address().port}`;
const profile = await mkdtemp(join(tmpdir(), 'ef-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const written = {};
console.log('\nfinding cards                     html gz  total gz  total br  h@343  h@640');
for (const slug of CARDS) {
  const html = await readFile(join(DIST, 'cards', `${slug}.html`));
  const total = [html, ...shared];
  const heights = {};
  for (const [width, column] of [[375, 343], [1280, 640]]) {
    const p = await context.newPage();
    await p.setViewportSize({ width: column, height: 900 });
    await p.goto(`${origin}/cards/${slug}.html`);
    heights[column] = await p.evaluate(() => Math.ceil(document.querySelector('.ef-card').getBoundingClientRect().bottom));
    await p.close();
    void width;
  }
  const row = { html_gzip: gz(html), total_gzip: total.reduce((n, b) => n + gz(b), 0), total_brotli: total.reduce((n, b) => n + br(b), 0), height_343: heights[343], height_640: heights[640] };
  results.cards[slug] = row;
  written[slug] = heights[640];
  console.log(`  ${slug.padEnd(30)} ${kb(row.html_gzip)}  ${kb(row.total_gzip)}  ${kb(row.total_brotli)}  ${String(row.height_343).padStart(5)}  ${String(row.height_640).padStart(5)}`);
}

await writeFile(join(host, 'with.html'), article(frame('theme-access', written['theme-access']) + frame('profile-rudd-2017', written['profile-rudd-2017'])));
await writeFile(join(host, 'one.html'), article(frame('theme-access', written['theme-access'])));
// The floor of any two embeds: two empty frames of another site, same sizes, same script.
const empty = `${origin}/embed-parent.js?frame`;
await writeFile(join(host, 'frames.html'), article(frame('', written['theme-access'], empty) + frame('', written['profile-rudd-2017'], empty)));

async function taskMs(name) {
  const p = await context.newPage();
  await p.setViewportSize({ width: 1280, height: 900 });
  const cdp = await context.newCDPSession(p);
  await cdp.send('Performance.enable');
  await p.goto(`${hostOrigin}/${name}.html`, { waitUntil: 'networkidle' });
  await p.waitForTimeout(300);
  const busy = await rendererTaskMs(cdp);
  await p.close();
  return busy;
}
const withCards = [];
const without = [];
const frames = [];
const one = [];
for (let i = 0; i < RUNS; i++) {
  without.push(await taskMs('without'));
  one.push(await taskMs('one'));
  frames.push(await taskMs('frames'));
  withCards.push(await taskMs('with'));
}
const [w, n, f] = [median(withCards), median(without), median(frames)];
const o = median(one);
results.cards.host_main_thread_ms = { one_card: o, with_two_cards: w, two_empty_frames: f, without: n, one_card_cost: o - n, cost: w - n, over_frames: w - f };
console.log(`\nhost page main-thread work (median of ${RUNS}): ${n.toFixed(1)} ms without embeds, ${f.toFixed(1)} ms with two empty`);
console.log(`frames of another site (the floor of any iframe embed), ${w.toFixed(1)} ms with two cards: the cards cost ${(w - n).toFixed(1)} ms,`);
console.log(`of which ${(w - f).toFixed(1)} ms beyond what two frames cost anyway; one card: ${(o - n).toFixed(1)} ms`);
console.log('(the cards run no WebAssembly; each frame is a static page plus a 1.6 KB script)');

await context.close();
await rm(profile, { recursive: true, force: true });
await rm(host, { recursive: true, force: true });
widget.close();
site.close();
const resultsPath = join(ROOT, 'bench', 'results.json');
let all = {};
try { all = JSON.parse(await readFile(resultsPath, 'utf8')); } catch { /* first run */ }
all.cards = results.cards;
await writeFile(resultsPath, JSON.stringify(all, null, 2) + '\n');
