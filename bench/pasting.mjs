// What the paste benchmarks share: the statements they paste, and the two halves of a paste
// (the text in the form, laid out; then "Compare" up to the new column).
import { readFile } from 'node:fs/promises';
import { ROOT } from '../tests/e2e/harness.mjs';

/** A typical statement (the fixture's paragraphs five times over, numbered so they differ,
 *  about 780 words) and one at the 50,000-character limit. */
export async function statements() {
  const own = await readFile(`${ROOT}/tests/e2e/fixtures/own-statement.txt`, 'utf8');
  const typical = [1, 2, 3, 4, 5].map((n) => own.replace(/\n\n/g, ` (${n}).\n\n`)).join('\n\n');
  let atLimit = '';
  for (let n = 1; atLimit.length < 50_000; n++) atLimit += own.replace(/\n\n/g, ` (${n}).\n\n`) + '\n\n';
  return { typical, atLimit: atLimit.slice(0, 50_000) };
}

/** Opens the form and puts `text` and `title` in it, laid out, the page idle after. */
export async function fill(page, text, title) {
  await page.evaluate(() => { document.querySelector('.ef-add-details').open = true; });
  // The form is a part loaded when first opened: wait for it, then for the page to settle.
  await page.waitForSelector('#ef-add-text');
  await page.waitForTimeout(300);
  await page.evaluate(async ({ text, title }) => {
    document.getElementById('ef-add-text').value = text;
    document.getElementById('ef-add-title').value = title;
    document.body.offsetHeight;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, { text, title });
  await page.waitForTimeout(100);
}

/** Presses "Compare" and waits for the sixth column titled `title`. */
export async function compare(page, title) {
  await page.evaluate(() => document.querySelector('.ef-add-form button[type=submit]').click());
  await page.waitForFunction((title) => document.getElementById('ef-yours-title')?.textContent.endsWith(title)
    && document.querySelectorAll('.ef-colhead').length === 6, title, { polling: 20 });
}

/** Pastes `text` n + 1 times (a new title each time), the first to warm up; each of the
 *  other n runs `around(paste)`, where `paste` presses "Compare" and waits for the new
 *  column and the frame after it. The diagnosis benchmarks wrap it in a trace or profile. */
export async function pastes(page, text, n, around) {
  for (let i = 0; i < n + 1; i++) {
    await fill(page, text, 't ' + i);
    const paste = async () => {
      await compare(page, 't ' + i);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    };
    if (i === 0) await paste();
    else await around(paste);
  }
}
