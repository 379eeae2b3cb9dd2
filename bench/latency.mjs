// Interaction latency in headless Chromium: from an input to the DOM reflecting it, to
// the next frame, and to that frame drawn; 50 repetitions per interaction, median and
// p95. Run after `make dist` with `node bench/latency.mjs` (part of `make bench`).
import { readFile, writeFile } from 'node:fs/promises';
import { start, ROOT, taskMs } from '../tests/e2e/harness.mjs';
import { statements, fill, compare } from './pasting.mjs';

const REPS = 50;

/** Runs `act` in the page REPS times and times three moments after each input:
 *  - `update`: `done` holds, the DOM reflects it (the widget's own work: event handler,
 *    Yew render);
 *  - `frame`: the next frame begins (its requestAnimationFrame callback), the issue's
 *    "input to the next frame";
 *  - `drawn`: the main thread has finished that frame's style, layout and paint (a task
 *    queued from the frame callback runs after them).
 *  Before each input `prepare` runs and the page is left idle (two frames and 60 ms), so
 *  one repetition's rendering never spills into the next one's figures. `extra`, if
 *  given, returns a figure the page itself reports after each repetition. The snippets
 *  are function bodies taking `i` (the repetition) and `arg`. */
async function measure(page, act, done, { prepare = '', extra = '', arg = null } = {}) {
  return page.evaluate(async ({ act, done, prepare, extra, arg, reps }) => {
    const [actFn, doneFn, prepareFn, extraFn] = [act, done, prepare, extra].map((code) => new Function('i', 'arg', code));
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const update = [], next = [], drawn = [], reported = [];
    for (let i = 0; i < reps; i++) {
      prepareFn(i, arg);
      await frame(); await frame();
      await new Promise((r) => setTimeout(r, 60));
      const t0 = performance.now();
      actFn(i, arg);
      // Yew renders in a microtask after the handler; a slower path falls back to tasks.
      for (let k = 0; !doneFn(i, arg); k++) await (k < 20 ? Promise.resolve() : new Promise((r) => setTimeout(r, 0)));
      update.push(performance.now() - t0);
      await new Promise((resolve) => requestAnimationFrame(() => {
        next.push(performance.now() - t0);
        setTimeout(() => { drawn.push(performance.now() - t0); resolve(); }, 0);
      }));
      if (extra) reported.push(extraFn(i, arg));
    }
    const stats = (xs) => { xs.sort((a, b) => a - b); return { median: xs[Math.floor(reps / 2)], p95: xs[Math.floor(reps * 0.95)], max: xs[reps - 1] }; };
    return { update: stats(update), frame: stats(next), drawn: stats(drawn), ...(extra ? { extra: stats(reported) } : {}) };
  }, { act, done, prepare, extra, arg, reps: REPS });
}

const h = await start({ root: process.env.EF_DIST || undefined });
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
  `return document.querySelectorAll('.ef-tag')[i % 2 ? 3 : 8].getAttribute('aria-expanded') === 'true' && !!document.querySelector('.ef-panel')`);
results['switch theme filter (reader)'] = await measure(page,
  `document.getElementById(i % 2 ? 'ef-filter-all' : 'ef-filter-privacy').click()`,
  `return (document.querySelectorAll('.ef-body .ef-s-access').length === 0) === !(i % 2)`);

/** Pastes `text` and presses the button REPS times (a new title each time), timed up to
 *  the comparison showing the new column; `extra` is the analysis time the widget measured. */
function paste(page, text) {
  return measure(page,
    `document.getElementById('ef-add-text').value = arg;
     document.getElementById('ef-add-title').value = 'rep ' + i;
     document.querySelector('.ef-add-form button[type=submit]').click()`,
    `return document.getElementById('ef-yours-title')?.textContent.endsWith('rep ' + i)
       && document.querySelectorAll('.ef-colhead').length === 6`,
    { prepare: `document.querySelector('.ef-add-details').open = true`,
      extra: `return Number(document.querySelector('.ef-yours').dataset.analysisMs)`, arg: text });
}

/** The main thread's work for a paste, in two parts (CDP TaskDuration of the page's
 *  renderer, per repetition, median and p95 of 15, the page idle before each):
 *  - `text`: the paste itself, before any widget code runs: the browser puts the text
 *    in the textarea and lays it out (a long text wraps into thousands of lines);
 *  - `update`: from the click on "Compare" to the new column: the widget's handler, the
 *    analysis unless the worker has it, the render, and the browser's layout of the result. */
async function mainThread(page, text) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = () => taskMs(cdp);
  const typing = [], update = [];
  for (let i = 0; i < 15; i++) {
    const before = await busy();
    await fill(page, text, 'main ' + i);
    const pasted = await busy();
    await compare(page, 'main ' + i);
    update.push((await busy()) - pasted);
    typing.push(pasted - before);
  }
  await cdp.detach();
  const stats = (xs) => {
    xs.sort((a, b) => a - b);
    return { median: xs[Math.floor(xs.length / 2)], p95: xs[Math.floor(xs.length * 0.95)], max: xs[xs.length - 1] };
  };
  return { text: stats(typing), update: stats(update) };
}

const { typical, atLimit } = await statements();
const pasted = {};
for (const [name, text] of [['typical', typical], ['at the limit', atLimit]]) {
  await h.open(page, '#/');
  pasted[name] = { words: text.split(/\s+/).filter(Boolean).length, characters: [...text].length, ...(await paste(page, text)) };
  await h.open(page, '#/');
  pasted[name].main = await mainThread(page, text);
  // The same on the main thread alone (the worker refused), as before the worker. Without a
  // service worker: it would serve the worker's script from its cache, past the route.
  const bare = await start({ contextOptions: { serviceWorkers: 'block' } });
  const alone = await bare.page(1280, 900);
  let refused = 0;
  await alone.route(/analysis-worker\.js$/, (route) => { refused++; return route.abort(); });
  await bare.open(alone, '#/');
  pasted[name].alone = await mainThread(alone, text);
  if (!refused) throw new Error('the worker was not refused: the figure without it would be wrong');
  await bare.close();
}
for (const [name, r] of Object.entries(pasted)) {
  const { extra, main, alone, words, characters, ...timings } = r;
  results[`paste a statement, ${name} (${words} words)`] = timings;
  results[`  of which analysis in the worker (${name})`] = { update: extra };
  results[`  main thread: the pasted text laid out (${name})`] = { update: main.text };
  results[`  main thread: click to column (${name})`] = { update: main.update };
  results[`  the same without the worker (${name})`] = { update: alone.update };
}
await page.close();
await h.close();

const cell = (v) => (v ? `${v.median.toFixed(1).padStart(6)} ${v.p95.toFixed(1).padStart(6)}` : ' '.repeat(13));
console.log(`\ninteraction latency (ms from the input, headless Chromium, ${REPS} repetitions, median and p95)`);
console.log(`  ${''.padEnd(48)}  DOM updated    next frame    frame drawn`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(48)} ${cell(v.update)}  ${cell(v.frame)}  ${cell(v.drawn)}`);

const resultsPath = `${ROOT}/bench/results.json`;
let all = {};
try { all = JSON.parse(await readFile(resultsPath, 'utf8')); } catch { /* first run */ }
all.latency = { measured: new Date().toISOString(), repetitions: REPS, ms: results };
await writeFile(resultsPath, JSON.stringify(all, null, 2) + '\n');
