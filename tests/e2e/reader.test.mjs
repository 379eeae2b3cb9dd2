// Statements, the reader, deep links and bad links, as a reader meets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedHarness, ARTIFACTS } from './harness.mjs';

const h = sharedHarness();

test('the default view compares the five statements in date order', async () => {
  const p = await h.open(await h.page());
  const heads = await p.locator('.ef-colhead a').allTextContents();
  assert.deepEqual(heads, ['Rudd letter', 'Wallace letter', 'Home Office factsheet', 'Lords answer', 'International statement']);
  assert.equal(await p.locator('.ef-row:not([hidden])').count(), 3);
  await p.close();
});

test('clicking a statement changes the hash and shows it; reload keeps it; back returns', async () => {
  const p = await h.open(await h.page());
  await p.locator('.ef-colhead a', { hasText: 'Wallace letter' }).click();
  await p.waitForURL(/#\/read\/wallace-2017$/);
  await p.getByRole('heading', { level: 1, name: /Minister of State for Security/ }).waitFor();
  assert.match(await p.locator('.ef-body').innerText(), /There is a particular problem with end-to-end encryption/);
  await p.reload();
  await p.waitForSelector('.ef-reader');
  assert.match(await p.locator('h1').innerText(), /Minister of State for Security/);
  await p.goBack();
  await p.waitForSelector('.ef-compare');
  await p.close();
});

test('an unknown id shows a clear message and a sensible view', async () => {
  const p = await h.open(await h.page(), '#/read/no-such-statement');
  assert.match(await p.getByRole('status').first().innerText(), /no statement with the id “no-such-statement”/);
  await p.waitForSelector('.ef-compare');
  await p.close();
});

test('a hostile link is shown as text, never as markup', async () => {
  const p = await h.open(await h.page(), '#/read/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  assert.equal(await p.locator('img').count(), 0);
  assert.match(await p.getByRole('status').first().innerText(), /<img src=x onerror=alert\(1\)>/);
  await p.close();
});

test('the reader is readable at 320 px and 1440 px', async () => {
  for (const width of [320, 1440]) {
    const p = await h.open(await h.page(width), '#/read/international-2020');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width}px (overflow ${overflow})`);
    await p.screenshot({ path: join(ARTIFACTS, `reader-${width}.png`), fullPage: false });
    await p.close();
  }
});

// The rules as written in corpus/codebook.txt: id (`code/name`, `theme/name`) → pattern.
function codebookPatterns() {
  const rules = new Map();
  let owner = '';
  for (const raw of readFileSync(new URL('../../corpus/codebook.txt', import.meta.url), 'utf8').split('\n')) {
    const line = raw.trim();
    const head = line.match(/^(theme|code) ([a-z._]+)$/);
    if (head) { owner = head[2]; continue; }
    const rule = line.match(/^(rule|cue|anaphor) ([a-z0-9-]+):(.*)$/);
    if (rule) rules.set(`${rule[1] === 'anaphor' ? 'context' : owner}/${rule[2]}`, rule[3].trim());
  }
  return rules;
}

test('a passage shows each label\'s words, rule and pattern as the codebook writes them', async () => {
  const rules = codebookPatterns();
  assert.ok(rules.size > 300);
  const p = await h.open(await h.page(), '#/read/rudd-2017?at=13');
  await p.locator('.ef-panel').waitFor();
  // A reader unfolds the explanations.
  for (const summary of await p.locator('.ef-panel details > summary').all()) await summary.click();
  await p.locator('.ef-evidence li').first().waitFor();
  // The patterns arrive with their own chunk.
  await p.waitForFunction(() => [...document.querySelectorAll('.ef-panel .ef-pattern')].every((e) => !e.textContent.startsWith('(')));
  const shown = await p.locator('.ef-evidence li').evaluateAll((items) => items.map((li) => {
    const codes = li.querySelectorAll('code');
    return { words: li.querySelector('q')?.textContent ?? '', id: codes[0]?.textContent ?? '', pattern: li.querySelector('.ef-pattern')?.textContent ?? '' };
  }));
  assert.ok(shown.length >= 2, `labels explained: ${shown.length}`);
  for (const e of shown.filter((e) => !e.id.endsWith('/lead-in'))) {
    assert.ok(e.words.length > 0, `the words of ${e.id}`);
    assert.equal(e.pattern, rules.get(e.id), `the pattern of ${e.id}`);
  }
  await p.close();
});

test('the method lists every rule with its pattern and the word classes with their members', async () => {
  const rules = codebookPatterns();
  const p = await h.open(await h.page(), '#/method');
  await p.locator('.ef-rules li').first().waitFor({ state: 'attached' });
  const listed = await p.locator('.ef-rules li').evaluateAll((items) => items
    .map((li) => [li.querySelector('code')?.textContent ?? '', li.querySelector('.ef-pattern')?.textContent ?? ''])
    .filter(([id]) => id && !id.startsWith('@')));
  const codeRules = [...rules].filter(([id]) => !/^(encryption|access|privacy|context)\//.test(id));
  assert.equal(listed.length, codeRules.length);
  assert.deepEqual(new Map(listed), new Map(codeRules));
  const members = await p.locator('.ef-pattern').allTextContents();
  assert.ok(members.every((m) => m.trim().length > 0), 'no empty pattern or class');
  await p.close();
});
