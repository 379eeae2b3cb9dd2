// Lighthouse accessibility and best-practices scores of the main views (mobile
// emulation, Debian's Chromium); prints a table and writes bench/results.json.
// Run after `make dist` with `node bench/lighthouse.mjs` (part of `make bench`).
import { readFile, writeFile } from 'node:fs/promises';
import { audit } from '../tests/e2e/lighthouse.mjs';
import { ROOT } from '../tests/e2e/harness.mjs';

const results = await audit();
console.log('\nLighthouse (mobile emulation, headless Chromium)');
console.log('  view              accessibility  best practices  audits not passed');
for (const [k, v] of Object.entries(results)) {
  console.log(`  ${k.padEnd(16)}  ${String(v.accessibility).padStart(13)}  ${String(v.bestPractices).padStart(14)}  ${v.failed.join(', ') || '-'}`);
}
const path = `${ROOT}/bench/results.json`;
let all = {};
try { all = JSON.parse(await readFile(path, 'utf8')); } catch { /* first run */ }
all.lighthouse = { measured: new Date().toISOString(), views: results };
await writeFile(path, JSON.stringify(all, null, 2) + '\n');
