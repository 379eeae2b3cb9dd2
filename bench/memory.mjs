// Memory: wasm linear memory and JS heap after load, then after 200 interactions
// (theme switches, statement changes, passages opened and closed), sampled every 50
// to show whether it keeps growing. Writes bench/results.json (key "memory").
import { readFile, writeFile } from 'node:fs/promises';
import { start, ROOT } from '../tests/e2e/harness.mjs';

const h = await start();
const page = await h.page(1280, 900);
// Trunk announces the instantiated module; keep it to read its linear memory.
await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__efWasm = e.detail.wasm; }));
const cdp = await h.context.newCDPSession(page);
await cdp.send('Performance.enable');
async function sample() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const js = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.__efWasm?.memory?.buffer.byteLength ?? 0);
  return { js_heap_kb: Math.round(js / 1024), wasm_memory_kb: Math.round(wasm / 1024) };
}
await h.open(page, '#/');
await page.waitForFunction(() => !!window.__efWasm);
const samples = [{ interactions: 0, ...(await sample()) }];
const steps = [
  () => page.click('#ef-focus-access'),
  () => page.click('#ef-focus-all'),
  () => page.locator('.ef-quote a').first().click(),
  () => page.click('.ef-panel-close'),
  () => page.goto(`${h.origin}/#/?s=rudd-2017,wallace-2017`),
  () => page.goto(`${h.origin}/#/talking-points?tp=c-acc.lawful`),
  () => page.goto(`${h.origin}/#/`),
];
// MEMORY_INTERACTIONS=1000 for a longer look at the trend.
const TOTAL = Number(process.env.MEMORY_INTERACTIONS) || 200;
for (let i = 1; i <= TOTAL; i++) {
  await steps[i % steps.length]();
  await page.waitForSelector('.ef-main h1');
  if (i % 50 === 0) samples.push({ interactions: i, ...(await sample()) });
}
await h.close();

console.log('\nmemory (KB, after garbage collection)');
console.log('  interactions   JS heap   wasm memory');
for (const s of samples) console.log(`  ${String(s.interactions).padStart(12)}  ${String(s.js_heap_kb).padStart(8)}  ${String(s.wasm_memory_kb).padStart(12)}`);
const resultsPath = `${ROOT}/bench/results.json`;
let all = {};
try { all = JSON.parse(await readFile(resultsPath, 'utf8')); } catch { /* first run */ }
all.memory = { measured: new Date().toISOString(), samples };
await writeFile(resultsPath, JSON.stringify(all, null, 2) + '\n');
