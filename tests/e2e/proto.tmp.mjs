import { start } from './harness.mjs';
import { readFileSync } from 'node:fs';
const css = readFileSync('/tmp/proto.css', 'utf8');
const h = await start();
for (const w of [320, 375]) {
const p = await h.open(await h.page(w, 800));
await p.addStyleTag({ content: css });
await p.waitForTimeout(100);
const r = await p.evaluate(() => {
  const t = (s) => { const e = document.querySelector(s); if (!e) return null; const r = e.getBoundingClientRect(); return [Math.round(r.top + scrollY), Math.round(r.height)]; };
  return { header: t('.ef-header'), h1: t('#ef-compare-title'), lede: t('.ef-lede'), controls: t('.ef-controls'), add: t('.ef-add'), row: t('.ef-row-title'), desc: t('.ef-row-desc'), cell: t('.ef-cell'), sw: document.documentElement.scrollWidth };
});
console.log(w, JSON.stringify(r));
await p.screenshot({ path: `/work/wt14/tests/e2e/artifacts/proto-${w}.png` });
await p.close();
}
await h.close();
