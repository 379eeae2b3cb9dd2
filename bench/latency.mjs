// Interaction latency in headless Chromium: time from an input to the next frame
// after the DOM reflects it, 50 repetitions per interaction; prints median and p95.
// Run after `make dist` with `node bench/latency.mjs` (part of `make bench`).
import { readFile, writeFile } from 'node:fs/promises';
import { start, ROOT } from '../tests/e2e/harness.mjs';

const REPS = 50;

/** Runs `act` in the page REPS times; each time waits for `done` to hold, then one frame. */
async function measure(page, act, done) {
  return page.evaluate(async ({ act, done, reps }) => {
    const actFn = new Function('i', act);
    const doneFn = new Function('i', done);
    const times = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      actFn(i);
      await new Promise((resolve) => {
        const check = () => (doneFn(i) ? requestAnimationFrame(() => resolve()) : setTimeout(check, 0));
        check();
      });
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(reps / 2)], p95: times[Math.floor(reps * 0.95)], max: times[reps - 1] };
  }, { act, done, reps: REPS });
}

const h = await start();
const page = await h.page(1280, 900);
await h.open(page, '#/');
const results = {};
// The floor on this machine: no widget code at all, the page just shifts by a pixel, so
// the browser lays out and repaints the whole comparison (software rendering, headless).
results['floor: relayout + repaint, no widget code'] = await measure(page,
  `document.body.style.paddingTop = (i % 2) + 'px'; window.__floor = i`,
  `return window.__floor === i`);
await h.open(page, '#/');
results['switch theme (compare)'] = await measure(page,
  `document.getElementById(i % 2 ? 'ef-focus-all' : 'ef-focus-access').click()`,
  `return document.querySelectorAll('.ef-row:not([hidden])').length === (i % 2 ? 3 : 1)`);
await h.open(page, '#/?s=rudd-2017,wallace-2017,factsheet-2019');
await page.locator('.ef-picker summary').click();
results['change statements (compare)'] = await measure(page,
  `document.getElementById('ef-pick-international-2020').click()`,
  `return document.querySelectorAll('.ef-colhead').length === (i % 2 ? 3 : 4)`);
await h.open(page, '#/read/international-2020');
results['open a passage (reader)'] = await measure(page,
  `document.querySelectorAll('.ef-tag')[i % 2 ? 3 : 8].click()`,
  `return !!document.querySelector('.ef-panel')`);
results['switch theme filter (reader)'] = await measure(page,
  `document.getElementById(i % 2 ? 'ef-filter-all' : 'ef-filter-privacy').click()`,
  `return (document.querySelectorAll('.ef-body .ef-s-access').length === 0) === !(i % 2)`);

/** Pastes `text` and presses the button REPS times (a new title each time): time to the
 *  frame after the comparison shows it, and the analysis time the widget measured. */
async function paste(page, text) {
  return page.evaluate(async ({ text, reps }) => {
    const total = [], analysis = [];
    for (let i = 0; i < reps; i++) {
      document.querySelector('.ef-add-details').open = true;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t0 = performance.now();
      document.getElementById('ef-add-text').value = text;
      document.getElementById('ef-add-title').value = `rep ${i}`;
      document.querySelector('.ef-add-form button[type=submit]').click();
      await new Promise((resolve) => {
        const check = () => (document.getElementById('ef-yours-title')?.textContent.endsWith(`rep ${i}`)
          && document.querySelectorAll('.ef-colhead').length === 6 ? requestAnimationFrame(() => resolve()) : setTimeout(check, 0));
        check();
      });
      total.push(performance.now() - t0);
      analysis.push(Number(document.querySelector('.ef-yours').dataset.analysisMs));
      await new Promise((r) => setTimeout(r, 20));
    }
    const stats = (xs) => { xs.sort((a, b) => a - b); return { median: xs[Math.floor(reps / 2)], p95: xs[Math.floor(reps * 0.95)], max: xs[reps - 1] }; };
    return { total: stats(total), analysis: stats(analysis) };
  }, { text, reps: REPS });
}
const own = await readFile(`${ROOT}/tests/e2e/fixtures/own-statement.txt`, 'utf8');
// About 1-2 pages: the fixture's paragraphs five times over, numbered so they differ.
const typical = [1, 2, 3, 4, 5].map((n) => own.replace(/\n\n/g, ` (${n}).\n\n`)).join('\n\n');
let atLimit = '';
for (let n = 1; atLimit.length < 50_000; n++) atLimit += own.replace(/\n\n/g, ` (${n}).\n\n`) + '\n\n';
atLimit = atLimit.slice(0, 50_000);
const pasted = {};
for (const [name, text] of [['typical', typical], ['at the limit', atLimit]]) {
  await h.open(page, '#/');
  pasted[name] = { words: text.split(/\s+/).filter(Boolean).length, characters: [...text].length, ...(await paste(page, text)) };
}
for (const [name, r] of Object.entries(pasted)) {
  results[`paste a statement, ${name} (${r.words} words)`] = r.total;
  results[`  of which analysis in wasm`.padEnd(10) + ` (${name})`] = r.analysis;
}
await page.close();
await h.close();

console.log('\ninteraction latency, input to next frame (ms, headless Chromium, 50 repetitions)');
console.log('  interaction                                       median     p95     max');
for (const [k, v] of Object.entries(results)) {
  console.log(`  ${k.padEnd(48)} ${v.median.toFixed(1).padStart(6)}  ${v.p95.toFixed(1).padStart(6)}  ${v.max.toFixed(1).padStart(6)}`);
}

const resultsPath = `${ROOT}/bench/results.json`;
let all = {};
try { all = JSON.parse(await readFile(resultsPath, 'utf8')); } catch { /* first run */ }
all.latency = { measured: new Date().toISOString(), repetitions: REPS, ms: results };
await writeFile(resultsPath, JSON.stringify(all, null, 2) + '\n');
