// A journalist's article on another origin, built as a newsroom would: the embed code
// is taken from the widget's own builder (Share and download → Embed in an article)
// and pasted verbatim. Frames fit their content (within 2 px, no inner scrollbar) at
// 375 and 1280 px; cards stay short; Back leaves the article; colour schemes; two
// cards on one page; screenshots of each card at 375, 640 and 1280, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, hostSite, closeWithSite, ARTIFACTS } from './harness.mjs';

let h;
const snippets = {};

/** Opens the builder on `hash`, sets it up with `choose`, and returns the embed code. */
async function snippetFrom(hash, choose = async () => {}) {
  const p = await h.page(1280, 1000);
  await h.open(p, hash);
  await p.locator('.ef-share summary').click();
  await p.getByRole('button', { name: 'Embed in an article' }).click();
  await choose(p);
  const preview = p.locator('.ef-builder-preview');
  await preview.waitFor();
  // The preview's measured height goes into the code once it has loaded.
  await p.waitForFunction(() => {
    const f = document.querySelector('.ef-builder-preview');
    const code = document.querySelector('#ef-embed-code');
    return f && code && f.contentDocument?.readyState === 'complete' && code.value.includes(`height="${f.getAttribute('height')}"`);
  });
  await p.waitForTimeout(150);
  const code = await p.locator('#ef-embed-code').inputValue();
  const element = await p.locator('#ef-embed-element').inputValue();
  await p.close();
  return { code, element };
}

let site;
const article = (body) => `<!doctype html><html><head><title>Our story</title><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; font: 18px/1.5 Georgia, serif; } main { max-width: 640px; margin: 0 auto; padding: 0 16px; }</style>
</head><body><main><h1>What the Home Office said about encryption</h1>
<p>${'Article text before the finding. '.repeat(12)}</p>
${body}
<p>${'Article text after the finding. '.repeat(120)}</p></main></body></html>`;

before(async () => {
  // Classic scrollbars, as on a desktop reader's screen (Playwright hides them by default).
  h = await start({ contextOptions: { ignoreDefaultArgs: ['--hide-scrollbars'] } });
  snippets.full = await snippetFrom('#/?t=access', async (p) => p.getByLabel('The full comparison', { exact: true }).check());
  snippets.theme = await snippetFrom('#/?t=access');
  snippets.point = await snippetFrom('#/talking-points?tp=c-acc.lawful');
  snippets.profile = await snippetFrom('#/read/rudd-2017');
  snippets.dark = await snippetFrom('#/?t=privacy', async (p) => p.getByLabel('Dark', { exact: true }).check());
  site = await hostSite({
    'start.html': '<!doctype html><html><head><title>Home</title><link rel="icon" href="data:,"></head><body><a href="full.html">story</a></body></html>',
    'full.html': article(snippets.full.code),
    'theme.html': article(snippets.theme.code),
    'point.html': article(snippets.point.code),
    'profile.html': article(snippets.profile.code),
    'two.html': article(`${snippets.theme.code}<p>Between the cards.</p>${snippets.profile.code}`),
    'dark.html': article(snippets.dark.code),
    'pym.html': `<!doctype html><html><head><title>pym</title><link rel="icon" href="data:,">
      <script>window.messages = []; addEventListener('message', (e) => messages.push(e.data));</script></head>
      <body><iframe src="${h.origin}/cards/theme-access.html?childId=ef-card&id=story" width="100%" height="300"></iframe></body></html>`,
  });
});

after(() => closeWithSite(h, site));

/** Waits until every frame of the article fits its content; returns [frame height, content height]. */
async function fits(p, index = 0) {
  const iframe = p.locator('iframe').nth(index);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector('.ef-card, .ef-app');
  let last;
  for (let i = 0; i < 80; i++) {
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => {
      const el = document.querySelector('.ef-card') ?? document.querySelector('#app.ef-root');
      return Math.ceil(el.getBoundingClientRect().bottom + scrollY);
    });
    const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    last = { outer, inner, overflow };
    if (Math.abs(outer - inner) <= 2 && overflow <= 0) return last;
    await p.waitForTimeout(100);
  }
  assert.fail(`frame ${index} does not fit: ${JSON.stringify(last)}`);
}

test('the builder’s code is complete: iframe with title, lazy, no inner scrolling, a close height, the sizing script, a noscript link', () => {
  for (const [kind, { code, element }] of Object.entries(snippets)) {
    assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/[^"]*" title="[^"]{10,}" width="100%" height="\d+" scrolling="no" loading="lazy"/, kind);
    assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed-parent\.js" defer><\/script>/, kind);
    assert.match(code, /<noscript><a href="http:\/\/127\.0\.0\.1:\d+\/#\/[^"]*">/, kind);
    assert.match(element, /<encryption-framing view="#\/[^"]*" embed/, kind);
  }
  assert.match(snippets.theme.code, /cards\/theme-access\.html"/);
  assert.match(snippets.point.code, /cards\/point-c-acc\.lawful\.html"/);
  assert.match(snippets.profile.code, /cards\/profile-rudd-2017\.html"/);
  assert.match(snippets.full.code, /\?embed=1#\/\?t=access"/);
  assert.match(snippets.dark.code, /cards\/theme-privacy\.html\?scheme=dark"/);
  const height = (c) => Number(c.match(/height="(\d+)"/)[1]);
  assert.ok(height(snippets.theme.code) > 300 && height(snippets.theme.code) < 700, `measured card height ${height(snippets.theme.code)}`);
});

for (const width of [375, 1280]) {
  test(`pasted as it is, every embed fits its content at ${width} px with no inner scrollbar`, async () => {
    for (const page of ['full', 'theme', 'point', 'profile', 'two']) {
      const p = await h.page(width, 900);
      await p.goto(`${site.origin}/${page}.html`);
      const scrollbar = await p.evaluate(() => innerWidth - document.documentElement.clientWidth);
      for (let i = 0; i < (page === 'two' ? 2 : 1); i++) {
        const { outer, inner } = await fits(p, i);
        if (page !== 'full') assert.ok(outer <= 650, `${page} card ${i} at ${width}: ${outer} px`);
        assert.ok(inner > 200, `${page}: ${inner}`);
      }
      if (page === 'two') {
        const [a, b] = await p.locator('iframe').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
        assert.notEqual(Math.round(a), Math.round(b), 'two cards size themselves independently');
      }
      // The article is longer than the screen, so a classic scrollbar takes its width.
      assert.ok(await p.evaluate(() => document.documentElement.scrollHeight > innerHeight), 'the article scrolls');
      assert.ok(scrollbar >= 10, `classic scrollbars on (${scrollbar} px)`);
      await p.close();
    }
  });
}

test('a card reports its height to pym.js, AMP and our own parent script', async () => {
  const p = await h.page(800, 900);
  await p.goto(`${site.origin}/pym.html`);
  await p.waitForFunction(() => window.messages.length >= 3);
  const messages = await p.evaluate(() => window.messages);
  const own = messages.find((m) => m && m.type === 'encryption-framing:height');
  assert.equal(own.id, 'story');
  assert.ok(own.height > 300 && own.height < 650, own.height);
  assert.ok(messages.includes(`pymxPYMxef-cardxPYMxheightxPYMx${own.height}`), JSON.stringify(messages));
  assert.ok(messages.some((m) => m && m.sentinel === 'amp' && m.type === 'embed-size' && m.height === own.height));
  await p.close();
});

test('every card stays within 650 px in a 640 px article column and on a 375 px phone', async () => {
  // 375 px with a classic scrollbar leaves a 328 px column (phones overlay theirs: 343).
  for (const [width, column] of [[375, 328], [1280, 640]]) {
    const p = await h.page(width, 900);
    for (const page of ['theme', 'point', 'profile']) {
      await p.goto(`${site.origin}/${page}.html`);
      const { outer } = await fits(p);
      const frameWidth = await p.locator('iframe').evaluate((f) => f.getBoundingClientRect().width);
      assert.ok(Math.abs(frameWidth - column) <= 1, `column ${frameWidth}`);
      assert.ok(outer <= 650, `${page} at ${width}: ${outer}`);
      for (const scheme of ['light', 'dark']) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.waitForTimeout(50);
        await p.locator('iframe').screenshot({ path: join(ARTIFACTS, `card-${page}-${frameWidth}-${scheme}.png`) });
      }
      await p.emulateMedia({ colorScheme: 'light' });
    }
    await p.close();
  }
  // A card given a whole 1280 px page (a full-width layout).
  const wide = await h.page(1280, 900);
  for (const slug of ['theme-access', 'point-c-acc.lawful', 'profile-rudd-2017']) {
    for (const scheme of ['light', 'dark']) {
      await wide.goto(`${h.origin}/cards/${slug}.html?scheme=${scheme}`);
      const height = await wide.evaluate(() => Math.ceil(document.querySelector('.ef-card').getBoundingClientRect().bottom));
      assert.ok(height <= 650, `${slug} at 1280: ${height}`);
      await wide.screenshot({ path: join(ARTIFACTS, `card-${slug}-1280-${scheme}.png`), clip: { x: 0, y: 0, width: 1280, height } });
    }
  }
  await wide.close();
});

test('clicks inside an embedded widget add no history entries: Back leaves the article', async () => {
  const p = await h.page(1280, 900);
  await p.goto(`${site.origin}/start.html`);
  await p.goto(`${site.origin}/full.html`);
  const before = await p.evaluate(() => history.length);
  const frame = p.frameLocator('iframe');
  await frame.locator('.ef-tab', { hasText: 'Talking points' }).click();
  await frame.locator('.ef-talking').waitFor();
  await frame.locator('.ef-tab', { hasText: 'Method' }).click();
  await frame.locator('.ef-method').waitFor();
  await frame.locator('.ef-tab', { hasText: 'Read' }).click();
  await frame.locator('.ef-reader').waitFor();
  await frame.locator('a.ef-tag').first().click();
  await frame.locator('.ef-panel').waitFor();
  assert.equal(await p.evaluate(() => history.length), before, 'no entries added');
  await p.goBack();
  await p.waitForURL(`${site.origin}/start.html`);
  await p.close();
});

test('colour schemes: a dark card in a light article, and cards that follow the reader', async () => {
  const p = await h.page(640, 900);
  const bg = async () => {
    const frame = await (await p.locator('iframe').elementHandle()).contentFrame();
    await frame.waitForSelector('.ef-card');
    return frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  };
  await p.emulateMedia({ colorScheme: 'light' });
  await p.goto(`${site.origin}/dark.html`);
  assert.equal(await bg(), 'rgb(22, 24, 27)', 'the embed code chose dark');
  await p.goto(`${site.origin}/theme.html`);
  assert.equal(await bg(), 'rgb(255, 255, 255)', 'follows a light reader');
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.goto(`${site.origin}/theme.html`);
  assert.equal(await bg(), 'rgb(22, 24, 27)', 'follows a dark reader');
  await p.close();
});

test('a card reads without JavaScript and links to the same finding in the full widget', async () => {
  const off = await start({ contextOptions: { javaScriptEnabled: false } });
  const p = await off.page(375, 800);
  await p.goto(`${off.origin}/cards/theme-access.html`);
  const headline = await p.locator('h1').innerText();
  assert.match(headline, /statements use the frame “/);
  assert.equal(await p.locator('.ef-card-row').count(), 5);
  const explore = await p.getByRole('link', { name: /Explore the full comparison/ }).getAttribute('href');
  assert.equal(explore, '../#/?t=access');
  assert.ok((await p.locator('.ef-card-quote').count()) >= 4);
  await p.close();
  assert.deepEqual(off.foreign, []);
  await off.close();
});
