// Which functions the main thread runs when a statement at the 50,000-character limit is
// compared: a V8 CPU profile of the click on "Compare" to the new column, self time per
// function summed over 5 pastes (after one warm-up). Wasm functions have names only in a
// build made with `EF_KEEP_NAMES=1 make dist`; otherwise they show as wasm-function[N].
// Run with `node bench/paste-profile.mjs [typical] [TOP]`; a diagnosis, not a budget.
import { start } from '../tests/e2e/harness.mjs';
import { statements, pastes } from './pasting.mjs';
const top = Number(process.argv.find((a) => /^\d+$/.test(a))) || 40;
const h = await start();
const page = await h.page(1280, 900);
await h.open(page, '#/');
// `typical` as the argument traces a typical statement instead.
const text = (await statements())[process.argv.includes('typical') ? 'typical' : 'atLimit'];
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
const self = new Map();
let total = 0;
const N = 5;
// The first paste warms up, unprofiled.
await pastes(page, text, N, async (paste) => {
  await cdp.send('Profiler.start');
  await paste();
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  profile.samples.forEach((id, k) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[k] || 0)));
  for (const [id, us] of dt) {
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)') continue;
    // "(program)" is the browser's own work outside script (style, layout, paint, messages).
    const name = (f.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
    self.set(name, (self.get(name) || 0) + us / 1000 / N);
    total += us / 1000 / N;
  }
});
console.log(`self time per paste, click to column (ms, mean of ${N}); busy ${total.toFixed(1)} ms`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${ms.toFixed(2).padStart(7)}  ${name.slice(0, 150)}`);
}
await h.close();
