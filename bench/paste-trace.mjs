// Where the main thread's time goes when a statement at the 50,000-character limit is
// compared: a Chromium trace of the click on "Compare" to the new column (the pasted text
// already laid out), averaged over 5 pastes, summed per trace event on the renderer's main
// thread. Nested events overlap: RunTask is the total; v8.callFunction (every call into
// script, the Yew render included), FunctionCall, HandlePostMessage
// (the worker's answer and what the widget does with it) and EventDispatch hold the
// widget's script; Paint, PrePaint, Commit, Layout, UpdateLayoutTree, Layerize are the
// browser's rendering. Run after `make dist` with `node bench/paste-trace.mjs` (in `make bench`); with
// `typical`, a typical statement instead.
import { start } from '../tests/e2e/harness.mjs';
import { statements, pastes } from './pasting.mjs';
import { traced } from './tracing.mjs';
const h = await start();
const page = await h.page(1280, 900);
await h.open(page, '#/');
// `typical` as the argument traces a typical statement instead.
const text = (await statements())[process.argv.includes('typical') ? 'typical' : 'atLimit'];
const cdp = await page.context().newCDPSession(page);
const totals = {};
const N = 5;
// The first paste warms up, untraced.
await pastes(page, text, N, async (paste) => {
  const events = await traced(cdp, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.gc'], paste);
  // The renderer main thread: the thread with the most RunTask time.
  const byThread = {};
  for (const e of events) if (e.name === 'RunTask' && e.dur) byThread[`${e.pid}:${e.tid}`] = (byThread[`${e.pid}:${e.tid}`] || 0) + e.dur;
  const main = Object.entries(byThread).sort((a, b) => b[1] - a[1])[0][0];
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || !e.dur) continue;
    totals[e.name] = (totals[e.name] || 0) + e.dur / 1000 / N;
  }
});
console.log((process.argv.includes('typical') ? 'main thread per typical paste' : 'main thread per paste at the limit') + ', click to column (ms, mean of 5; nested events overlap):');
for (const [k, v] of Object.entries(totals).sort((a, b) => b[1] - a[1])) if (v >= 0.5) console.log(v.toFixed(1).padStart(8), k);
await h.close();
