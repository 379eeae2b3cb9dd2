// Where the time from an input to its frame goes, for the interactions of bench/latency.mjs:
// a Chromium trace of each repetition (the click to the end of the next frame), the renderer's
// main thread split into the widget's script (event handler, Yew render, timers, animation
// frame callbacks: the union of their intervals, less any layout they force) and the
// browser's own rendering (style, layout, pre-paint, paint, layerize, commit), and, of that,
// the layout the widget's script forced (focus, scrolling, a size read). Median and p95 of
// REPS repetitions, in ms. It answers the latency aim's "or a trace that shows what remains
// is the browser's own layout, and how much". Run after `make dist` with
// `node bench/interaction-trace.mjs` (in `make bench`).
import { start } from '../tests/e2e/harness.mjs';
import { traced } from './tracing.mjs';

const REPS = 20;
const SCRIPT = new Set(['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'HandlePostMessage', 'EvaluateScript', 'V8.Execute']);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'RecalculateStyles', 'UpdateLayerTree', 'HitTest']);
const LAYOUT = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles']);

/** Merges [start, end) intervals and returns them sorted and disjoint. */
function union(intervals) {
  const sorted = intervals.slice().sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [s, e] of sorted) {
    if (out.length && s <= out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], e);
    else out.push([s, e]);
  }
  return out;
}
const length = (xs) => xs.reduce((t, [s, e]) => t + e - s, 0);
/** The total length of `a` ∩ `b` (both disjoint and sorted). */
function overlap(a, b) {
  let t = 0, j = 0;
  for (const [s, e] of a) {
    while (j < b.length && b[j][1] <= s) j++;
    for (let k = j; k < b.length && b[k][0] < e; k++) t += Math.max(0, Math.min(e, b[k][1]) - Math.max(s, b[k][0]));
  }
  return t;
}

const h = await start({ root: process.env.EF_DIST || undefined });
const page = await h.page(1280, 900);
const cdp = await page.context().newCDPSession(page);

/** Traces REPS repetitions of `act` (a function body taking `i`), each from the input to
 *  the end of the frame after it, the page idle before each. */
async function trace(act) {
  const reps = [];
  for (let i = 0; i < REPS + 1; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 60)))));
    const events = await traced(cdp, ['toplevel', 'devtools.timeline', 'blink.user_timing'], () =>
      page.evaluate(async ({ act, i }) => {
        // The input in a task of its own, as a real click is (script run by the harness
        // itself is not traced as script).
        const fn = new Function('i', act);
        await new Promise((r) => setTimeout(() => {
          performance.mark('ef-input');
          fn(i);
          requestAnimationFrame(() => {
            performance.mark('ef-frame');
            setTimeout(r, 0);
          });
        }, 0));
        performance.mark('ef-drawn');
      }, { act, i }));
    if (i === 0) continue; // the first one warms up
    // The renderer's main thread: the one the page's marks are on.
    const input = events.find((e) => e.name === 'ef-input');
    if (!input) throw new Error('interaction-trace: the input mark is not in the trace');
    const main = `${input.pid}:${input.tid}`;
    // The repetition's moments, from the page's marks (trace clock, microseconds).
    const mark = (name) => events.find((e) => e.name === name)?.ts;
    const [from, frame, to] = ['ef-input', 'ef-frame', 'ef-drawn'].map(mark);
    if ([from, frame, to].includes(undefined)) throw new Error('interaction-trace: the marks are not in the trace');
    const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.dur && e.ph === 'X');
    const part = (a, b) => {
      const within = onMain.filter((e) => e.ts + e.dur > a && e.ts < b).map((e) => ({ name: e.name, span: [Math.max(e.ts, a) / 1000, Math.min(e.ts + e.dur, b) / 1000] }));
      const pick = (names) => union(within.filter((e) => names.has(e.name)).map((e) => e.span));
      const script = pick(SCRIPT), render = pick(RENDER);
      return { script: length(script) - overlap(script, render), rendering: length(render), forced: overlap(script, pick(LAYOUT)) };
    };
    const before = part(from, frame), during = part(frame, to);
    const toFrame = (frame - from) / 1000;
    reps.push({ toFrame, script: before.script, rendering: before.rendering, forced: before.forced,
      idle: toFrame - before.script - before.rendering, frame: during.rendering, after: during.script });
  }
  const stat = (k) => {
    const xs = reps.map((r) => r[k]).sort((a, b) => a - b);
    return { median: xs[Math.floor(xs.length / 2)], p95: xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] };
  };
  return Object.fromEntries(Object.keys(reps[0]).map((k) => [k, stat(k)]));
}

const results = {};
await h.open(page, '#/');
results['floor: relayout + repaint, no widget code'] = await trace(`document.body.style.paddingTop = (i % 2) + 'px'`);
await h.open(page, '#/');
results['switch theme (compare)'] = await trace(`document.getElementById(i % 2 ? 'ef-focus-all' : 'ef-focus-access').click()`);
await h.open(page, '#/?s=rudd-2017,wallace-2017,factsheet-2019');
await page.locator('.ef-picker summary').click();
results['change statements (compare)'] = await trace(`document.getElementById('ef-pick-international-2020').click()`);
await h.open(page, '#/read/international-2020');
results['open a passage (reader)'] = await trace(`document.querySelectorAll('.ef-tag')[i % 2 ? 3 : 8].click()`);
results['switch theme filter (reader)'] = await trace(`document.getElementById(i % 2 ? 'ef-filter-all' : 'ef-filter-privacy').click()`);

const f = (s) => `${s.median.toFixed(1).padStart(6)} ${s.p95.toFixed(1).padStart(6)}`;
const COLS = [['toFrame', 'to next frame'], ['script', 'script'], ['rendering', 'rendering'], ['forced', 'of it forced'], ['idle', 'idle'], ['frame', 'the frame'], ['after', 'script after']];
console.log(`\nfrom the input to the next frame, traced (ms on the renderer's main thread, ${REPS} repetitions, median and p95)`);
console.log(`${''.padEnd(44)} ${COLS.map(([, t]) => t.padStart(13)).join(' ')}`);
for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(42)} ${COLS.map(([k]) => f(r[k])).join(' ')}`);
console.log(`script: the widget's code before the frame (handler, Yew render), less the layout it forces; rendering: the browser's
style and layout before the frame (forced by script, or its own, e.g. hover state); idle: waiting for the frame;
the frame: its style, layout, paint and commit; script after: what runs after the frame (history, title).
Tracing slows script down: bench/latency.mjs has the untraced times.`);
await h.close();
