// Transfer size of what the default view loads (html, start-up js, glue js, wasm,
// css, icon), gzip and brotli, next to the one-file edition and the corpus text
// alone (the floor). Prints a table and writes bench/results.json (key "size").
// With --check, exits 1 when the hosted total (gzip) exceeds BUDGET_GZIP: the gate
// `make test` runs, a generous ceiling over the current figure (see README).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUDGET_GZIP = Number(process.env.SIZE_BUDGET_GZIP) || 191 * 1024;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

const files = await readdir(DIST);
const loaded = files.filter((f) => f === 'index.html' || /^(start|boot|widget|favicon|wasm-split)-[0-9a-f]+(_bg)?\.(js|wasm|css|svg)$/.test(f));
const rows = {};
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of loaded.sort()) {
  rows[f] = sizes(await readFile(join(DIST, f)));
  total = add(total, rows[f]);
}
const oneFile = sizes(await readFile(join(DIST, 'encryption-framing-offline.html')));
// The floor: the five statements' text, as compiled in.
const corpusFiles = (await readdir(join(ROOT, 'corpus'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
const corpusText = Buffer.concat(await Promise.all(corpusFiles.map((f) => readFile(join(ROOT, 'corpus', f)))));
const floor = sizes(corpusText);
// The framework floor: the smallest Yew app, built by bench/yew-floor.sh (`make bench`).
const yewOut = join(ROOT, 'bench', 'yew-floor', 'out');
let framework = null;
try {
  framework = add(sizes(await readFile(join(yewOut, 'yew-floor.js'))), sizes(await readFile(join(yewOut, 'yew-floor_bg.wasm'))));
} catch { /* not built: `make bench` builds it */ }

console.log('\ntransfer size (KB)                       raw     gzip   brotli');
for (const [f, s] of Object.entries(rows)) console.log(`  ${f.padEnd(36)} ${kb(s.raw)}  ${kb(s.gzip)}  ${kb(s.brotli)}`);
console.log(`  ${'hosted widget, default view'.padEnd(36)} ${kb(total.raw)}  ${kb(total.gzip)}  ${kb(total.brotli)}`);
console.log(`  ${'one-file edition'.padEnd(36)} ${kb(oneFile.raw)}  ${kb(oneFile.gzip)}  ${kb(oneFile.brotli)}`);
console.log(`  ${'corpus text alone (floor)'.padEnd(36)} ${kb(floor.raw)}  ${kb(floor.gzip)}  ${kb(floor.brotli)}`);
if (framework) console.log(`  ${'Yew hello world, js + wasm (framework)'.padEnd(36)} ${kb(framework.raw)}  ${kb(framework.gzip)}  ${kb(framework.brotli)}`);
console.log(`  ratio to the corpus floor (gzip): ${(total.gzip / floor.gzip).toFixed(1)}x; budget ${kb(BUDGET_GZIP).trim()} KB gzip`);
if (framework) console.log(`  the framework alone is ${(100 * framework.gzip / total.gzip).toFixed(0)}% of the hosted widget (gzip)`);

const check = process.argv.includes('--check');
if (!check) {
  // Only the benchmark records figures; the gate in `make test` leaves the tree clean.
  const resultsPath = join(ROOT, 'bench', 'results.json');
  let results = {};
  try { results = JSON.parse(await readFile(resultsPath, 'utf8')); } catch { /* first run */ }
  results.size = { measured: new Date().toISOString(), files: rows, hosted: total, one_file: oneFile, corpus_floor: floor, yew_hello_world: framework, budget_gzip: BUDGET_GZIP };
  await writeFile(resultsPath, JSON.stringify(results, null, 2) + '\n');
}

if (check && total.gzip > BUDGET_GZIP) {
  console.error(`size budget exceeded: ${total.gzip} bytes gzip > ${BUDGET_GZIP}`);
  process.exit(1);
}
