// Trunk post-build hook: move Trunk's inline start-up <script type="module"> into
// its own file, so the widget runs under a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval'; no 'unsafe-inline'), and fetch
// integrity-checked links in CORS mode for sandboxed frames. Reads the staging
// directory from TRUNK_STAGING_DIR (hook arguments are not shell-expanded).
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('postbuild: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
const indexPath = join(dir, 'index.html');
// First the lazily loaded chunks (tools/split.mjs): everything below reads the split build.
const { splitWasm, sri } = await import('./split.mjs');
const split = await splitWasm(dir, join(dirname(fileURLToPath(import.meta.url)), '..'));
let html = await readFile(indexPath, 'utf8');
// The boot script for a list of the wasm parts it preloads (below; the one-file edition: none).
let bootFor;
let bootCode;

// --- Text before WebAssembly: the default comparison, rendered natively with yew's
// `ssr` by src/bin/prerender.rs, goes into #app. The widget replaces it with the same
// markup in one task (no frame in between, so no layout shift). A deep link, a
// reader's own statement or an embed renders something else: a tiny blocking script
// in <head> hides the pre-rendered copy then, before the first paint, so the reader
// never sees the comparison flash by. With JavaScript off, the copy stays.
{
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  // The hook's cargo does not inherit Trunk's offline mode: say it.
  const prerendered = execFileSync('cargo', ['run', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  if (!prerendered.includes('class="ef-compare"')) throw new Error('postbuild: the pre-render has no comparison');
  const slot = /(<div id="app" class="ef-root">)\s*<noscript>[\s\S]*?<\/noscript>\s*(<\/div>)/;
  if (!slot.test(html)) throw new Error('postbuild: no #app with its <noscript> in index.html');
  html = html.replace(slot, `$1<noscript><p class="ef-noscript">JavaScript is off: the comparison is shown as text; the reader, talking points and search need JavaScript.</p></noscript><div class="ef-prerendered">${prerendered}</div>$2`);
  // While a deep link waits for the wasm, it says what is opening (never a blank
  // frame): the statements' titles come from the corpus, nothing from the URL is shown.
  const { readdir: ls } = await import('node:fs/promises');
  const titles = {};
  for (const f of (await ls(join(root, 'corpus'))).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
    const text = await readFile(join(root, 'corpus', f), 'utf8');
    const id = text.match(/^id: (.+)$/m)?.[1];
    const short = text.match(/^short_title: (.+)$/m)?.[1];
    if (id && short) titles[id] = short;
  }
  // Deep views: the first render of the views people share most, one static file each
  // (src/bin/prerender.rs, `views`). On such a link the boot script fetches that one file
  // at once and shows it until the wasm replaces it with the same markup.
  const views = JSON.parse(execFileSync('cargo', ['run', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', 'views', join(dir, 'views')],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  // The parts a deep link's first view needs (src/ui/lazy.rs, preload), each as indexes
  // into one list of files (parts share most of their chunks).
  const bootNames = ['views', 'search', 'method', 'patterns', 'engine', 'form'];
  if (bootNames.some((n) => !split.parts[n])) throw new Error('postbuild: a part the boot script preloads is gone');
  const files = [...new Set(bootNames.flatMap((n) => split.parts[n]))];
  const bootParts = { files, parts: Object.fromEntries(bootNames.map((n) => [n, split.parts[n].map((f) => files.indexOf(f))])) };
  // The embed flags follow src/embed.rs (parse_query) and the view follows page_start:
  // inside a pym.js frame with no hash of its own, the article's #ef= link names it.
  bootFor = (parts) => `(function () {
  var q = new URLSearchParams(location.search);
  var child = q.get('childId'), flag = q.get('embed'), parent = q.get('parentUrl') || '';
  var pym = !!child && /^[A-Za-z0-9._:-]{1,100}$/.test(child);
  var embed = pym || (flag !== null && /^(1|true|yes|)$/.test(flag));
  var raw = location.hash;
  if ((!raw || raw === '#') && pym && /^https?:\\/\\//.test(parent) && parent.indexOf('#') >= 0) {
    var ef = new URLSearchParams(parent.slice(parent.indexOf('#') + 1)).get('ef');
    if (ef !== null) raw = '#' + ef;
  }
  var h = raw.replace(/^#\\/?(v1\\/)?/, '');
  if (!h && !embed) return;
  document.documentElement.classList.add('ef-deep');
  var t = ${JSON.stringify(titles)};
  var v = ${JSON.stringify(views)};
  var path = h.split('?')[0];
  var m = /^read\\/([^?]+)/.exec(path);
  var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; };
  var names = m ? m[1].split('+').map(function (id) {
    try { return own(t, decodeURIComponent(id)); } catch (_) { return undefined; }
  }).filter(Boolean) : [];
  var what = names.length ? 'the ' + names.join(' and the ')
    : /^talking-points/.test(path) ? 'the talking points' : /^method/.test(path) ? 'the method'
    : /^search/.test(path) ? 'the search' : 'the comparison';
  // The parts of the wasm the view needs (tools/split.mjs; src/ui/lazy.rs, preload), fetched
  // beside the main module rather than once it has started: the loader's own fetch of
  // each file then finds it on its way. Only after the view's pre-rendered copy is on
  // screen (or, without one, once the page is parsed), so they never hold up its text.
  // Where there are none (the one-file edition), nothing.
  var c = ${JSON.stringify(parts)};
  var need = /^(read(\\/|$)|talking-points$)/.test(path) ? ['views'] : path === 'search' ? ['search'] : path === 'method' ? ['method'] : [];
  if (/^read\\//.test(path) && /[?&]at=/.test(h)) need.push('patterns');
  if (/[?&]u=(?!local(&|$))/.test(h)) need.push('engine', 'form');
  var early = {};
  var prefetch = function () {
    if (!/^https?:$/.test(location.protocol)) return;
    need.forEach(function (n) {
      (c.parts && own(c.parts, n) || []).forEach(function (i) {
        var f = c.files[i];
        if (own(early, f)) return;
        early[f] = 1;
        var l = document.createElement('link');
        l.rel = 'preload';
        l.as = 'fetch';
        l.crossOrigin = 'anonymous';
        l.href = new URL(f, document.baseURI).href;
        document.head.appendChild(l);
      });
    });
  };
  // The view's own first render when it was written at build time (exact), else the
  // render of its view without the link's selections, under the notice (base).
  var pre = embed ? 'embed:' : '';
  var exact = own(v, pre + h), file = exact || (path && own(v, pre + path));
  var view = file && /^https?:$/.test(location.protocol) && window.fetch
    ? fetch(new URL('views/' + file, document.baseURI).href).then(function (r) { return r.ok ? r.text() : null; }, function () { return null; })
    : null;
  document.addEventListener('DOMContentLoaded', function () {
    var app = document.getElementById('app');
    var copy = app && app.querySelector('.ef-prerendered');
    if (!copy) return prefetch();
    // An embed code's fixed colours, before anything shows (the widget sets the same).
    var scheme = q.get('scheme');
    if (scheme === 'light' || scheme === 'dark') app.setAttribute('data-color-scheme', scheme);
    var p = document.createElement('p');
    p.className = 'ef-opening';
    p.setAttribute('role', 'status');
    p.textContent = 'Opening ' + what + '…';
    app.insertBefore(p, app.firstChild);
    var show = function (html) {
      // The widget may have started first and replaced everything: nothing to do then.
      if (!copy.isConnected) return;
      copy.innerHTML = html;
      document.documentElement.classList.remove('ef-deep');
      if (exact) p.remove();
    };
    if (view) view.then(function (html) { if (html) show(html); prefetch(); }); else prefetch();
  });
})();
`;
  bootCode = bootFor(bootParts);
  const bootHash = createHash('sha384').update(bootCode).digest();
  const bootName = `boot-${bootHash.toString('hex').slice(0, 16)}.js`;
  await writeFile(join(dir, bootName), bootCode);
  html = html.replace('</title>', `</title>\n  <script src="./${bootName}" integrity="sha384-${bootHash.toString('base64')}" crossorigin="anonymous"></script>`);
  console.log(`postbuild: pre-rendered the comparison (${Math.round(prerendered.length / 1024)} KB of HTML), ${bootName}`);

  // --- Finding cards: every canonical card as a static page (no WebAssembly), with its
  // stylesheet and its 2 KB height-and-scheme script beside it (src/bin/prerender.rs).
  const cards = join(dir, 'cards');
  execFileSync('cargo', ['run', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', 'cards', cards],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  for (const f of ['card.css', 'card.js']) await writeFile(join(cards, f), await readFile(join(root, 'static', f)));

  // --- Link previews: a share image drawn from the headline card, and Open Graph /
  // Twitter tags. Crawlers want an absolute image address: EF_PUBLIC_URL (the address
  // the widget is published at, e.g. https://news.example/encryption-framing/) gives it.
  execFileSync('cargo', ['run', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', 'image', join(dir, 'share.png')],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const publicUrl = (process.env.EF_PUBLIC_URL ?? '').replace(/\/?$/, process.env.EF_PUBLIC_URL ? '/' : '');
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const title = html.match(/<title>([^<]*)<\/title>/)[1];
  const description = html.match(/<meta name="description" content="([^"]*)">/)[1];
  const tags = (t, d, image, url) => [
    ['og:type', 'website'], ['og:title', t], ['og:description', d], ['og:image', image], ['og:image:width', '1200'],
    ['og:image:height', '630'], ['og:image:alt', 'A finding card: how five UK and Five Eyes statements frame access, 2017–2020'],
    ...(url ? [['og:url', url]] : []),
  ].map(([k, v]) => `<meta property="${k}" content="${esc(v)}">`).concat([
    ['twitter:card', 'summary_large_image'], ['twitter:title', t], ['twitter:description', d], ['twitter:image', image],
  ].map(([k, v]) => `<meta name="${k}" content="${esc(v)}">`)).join('\n  ');
  html = html.replace('<meta name="referrer"', `${tags(title, description, `${publicUrl}share.png`, publicUrl)}\n  <meta name="referrer"`);
  const { readdir: list } = await import('node:fs/promises');
  for (const f of (await list(cards)).filter((n) => n.endsWith('.html'))) {
    const page = await readFile(join(cards, f), 'utf8');
    const t = page.match(/<title>([^<]*)<\/title>/)[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const d = 'From “Encryption framing”: how UK and Five Eyes statements framed encryption, access and privacy, 2017–2020.';
    const url = publicUrl ? `${publicUrl}cards/${f}` : '';
    await writeFile(join(cards, f), page.replace('<meta name="referrer"', `${tags(t, d, `${publicUrl || '../'}share.png`, url)}\n<meta name="referrer"`));
  }
  console.log(`postbuild: ${(await list(cards)).length - 2} finding cards, share.png, link-preview tags`);
}
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('postbuild: no inline module script found in index.html');
const code = match[1].trim() + '\n';
const hash = createHash('sha384').update(code).digest();
const name = `start-${hash.toString('hex').slice(0, 16)}.js`;
await writeFile(join(dir, name), code);
const integrity = `sha384-${hash.toString('base64')}`;
let out = html.replace(inline, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
// Integrity-checked links must be fetched in CORS mode, or a sandboxed frame (an opaque
// origin) blocks them; same-origin pages are unaffected.
out = out.replace(/<link (?![^>]*crossorigin)([^>]*integrity=)/g, '<link crossorigin="anonymous" $1');
await writeFile(indexPath, out);
console.log(`postbuild: start-up script moved to ${name}`);

// --- The script mount API: a loader with a stable name that pages import. It starts
// the wasm (which mounts nothing without #app.ef-root), then offers
// EncryptionFraming.mount(element, options) and the <encryption-framing> element.
{
  const { readdir } = await import('node:fs/promises');
  const files = await readdir(dir);
  const glueName = files.find((n) => /^widget-[0-9a-f]+\.js$/.test(n));
  const wasmName = files.find((n) => /^widget-[0-9a-f]+_bg\.wasm$/.test(n));
  const cssName = files.find((n) => /^widget-[0-9a-f]+\.css$/.test(n));
  if (!glueName || !wasmName || !cssName) throw new Error('postbuild: widget files not found for the loader');
  const loader = `// encryption-framing: the script mount API (README.md, "Mounting with a script").
//   <script type="module" src="https://your-host/encryption-framing/encryption-framing.js"></script>
//   <encryption-framing theme="access" statements="rudd-2017,wallace-2017" embed color-scheme="dark"></encryption-framing>
// or, from a module: (await import('…/encryption-framing.js')).mount(element, { statements, theme, view, embed, colorScheme })
import init, { mountEncryptionFraming } from './${glueName}';

const here = new URL('./', import.meta.url);
const ready = init({ module_or_path: new URL('./${wasmName}', here) });
const stylesheet = new URL('./${cssName}', here).href;

/** Mounts a widget into \`element\` (in its shadow root); options are checked, problems logged. */
export async function mount(element, options = {}) {
  await ready;
  mountEncryptionFraming(element, options, stylesheet, here.href);
}

class EncryptionFramingElement extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const options = {};
    const attr = (name) => this.getAttribute(name);
    if (attr('statements') !== null) options.statements = attr('statements').split(',').map((s) => s.trim()).filter(Boolean);
    if (attr('theme') !== null) options.theme = attr('theme');
    if (attr('view') !== null) options.view = attr('view');
    if (this.hasAttribute('embed')) options.embed = attr('embed') !== 'false';
    if (attr('color-scheme') !== null) options.colorScheme = attr('color-scheme');
    mount(this, options);
  }
}
if (!customElements.get('encryption-framing')) customElements.define('encryption-framing', EncryptionFramingElement);
globalThis.EncryptionFraming = { mount };
`;
  await writeFile(join(dir, 'encryption-framing.js'), loader);
  console.log('postbuild: script mount API encryption-framing.js');

  // The analysis of a reader's statement off the main thread (src/ui/analyst.rs): the
  // same wasm in a module worker, where the widget's entry point mounts nothing.
  const worker = `// encryption-framing: analyses a reader's statement off the page's main thread (src/ui/analyst.rs).
import init, { efAnalyse } from './${glueName}';

const ready = init({ module_or_path: new URL('./${wasmName}', import.meta.url) });
self.onmessage = async (event) => {
  const { id, title, date, text } = event.data;
  try {
    await ready;
    const bytes = await efAnalyse(title, date, text);
    self.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
`;
  await writeFile(join(dir, 'analysis-worker.js'), worker);
  console.log('postbuild: analysis worker analysis-worker.js');
}

// --- The one-file edition: everything inline, the wasm as base64 passed to init as
// bytes, so it runs from file:// (where module imports and fetch are refused).
{
  const { readdir } = await import('node:fs/promises');
  const files = await readdir(dir);
  const find = (re) => {
    const f = files.find((n) => re.test(n));
    if (!f) throw new Error(`postbuild: no file matching ${re} in ${dir}`);
    return f;
  };
  const glue = await readFile(join(dir, find(/^widget-[0-9a-f]+\.js$/)), 'utf8');
  const wasm = await readFile(join(dir, find(/^widget-[0-9a-f]+_bg\.wasm$/)));
  const css = await readFile(join(dir, find(/^widget-[0-9a-f]+\.css$/)), 'utf8');
  const icon = await readFile(join(dir, find(/^favicon-[0-9a-f]+\.svg$/)));
  if (!/^async function __wbg_init\(/m.test(glue)) throw new Error('postbuild: wasm-bindgen glue changed shape');
  // The boot script inline too: the one-file edition fetches nothing (it has no parts).
  const oneFileBoot = bootFor({});
  const head = html.slice(0, html.indexOf('<link rel="icon"'))
    .replace(/<script src="\.\/(boot-[0-9a-f]+\.js)"[^>]*><\/script>/, () => `<script>${oneFileBoot}</script>`);
  const bodyAt = html.indexOf('<body');
  if (bodyAt < 0) throw new Error('postbuild: no <body> in index.html');
  const body = html.slice(bodyAt);
  // Inline scripts must not contain "</script"; the glue and base64 never do, but check.
  if (glue.includes('</script')) throw new Error('postbuild: glue contains </script');
  // The chunk loader and the chunks inline too: the loader's code joins the glue's module
  // (its import of the glue's initSync resolves to the same scope), its exports become
  // the object the glue imports, and each chunk is fetched from a Response over its bytes.
  let loader = await readFile(join(dir, split.loaderName), 'utf8');
  loader = loader.replace(/^import \{ initSync \} from "[^"]+";\s*$/m, '');
  const exported = [];
  loader = loader.replace(/^export const (\w+) =/gm, (_, n) => { exported.push(n); return `const ${n} =`; });
  for (const chunk of split.chunks) {
    const bytes = (await readFile(join(dir, chunk))).toString('base64');
    const fetchCall = `fetch(new URL("./${chunk}", import.meta.url))`;
    if (!loader.includes(fetchCall)) throw new Error(`postbuild: the chunk loader changed shape (${chunk})`);
    loader = loader.replace(fetchCall, `Promise.resolve(new Response(Uint8Array.from(atob("${bytes}"), (c) => c.charCodeAt(0)), { headers: { 'Content-Type': 'application/wasm' } }))`);
  }
  if (/^(import|export) /m.test(loader) || loader.includes('import.meta')) throw new Error('postbuild: the chunk loader changed shape');
  const loaderImport = new RegExp(`^import \\* as (\\w+) from "\\./${split.loaderName.replace(/[.]/g, '\\.')}";?\\s*$`, 'gm');
  const oneModule = glue.replace(loaderImport, (_, n) => `const ${n} = __wasm_split;`);
  if (/^import /m.test(oneModule)) throw new Error('postbuild: the glue imports something the one-file edition lacks');
  const offline = `${head}<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}">
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
<script type="module">
${loader}
const __wasm_split = { ${exported.join(', ')} };
${oneModule.replace(/^export \{[^}]*\};?\s*$/m, '')}
const bytes = Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
</script>
</head>
${body}`;
  await writeFile(join(dir, 'encryption-framing-offline.html'), offline);
  console.log(`postbuild: one-file edition encryption-framing-offline.html (${Math.round(offline.length / 1024)} KB)`);
}

// --- Service worker: hosted revisits work offline. Hashed assets are cached on
// install; pages are fetched network-first (so a new build is picked up on the next
// online visit) and served from the cache when the network is down.
{
  const { readdir } = await import('node:fs/promises');
  // Files only: the cards folder is fetched by the frames that show cards, not cached here.
  const assets = (await readdir(dir, { withFileTypes: true })).filter((e) => !/\.(gz|br)$/.test(e.name))
    .filter((e) => e.isFile() && !['sw.js', 'encryption-framing-offline.html', 'share.png'].includes(e.name)).map((e) => e.name);
  // The deep views too: a revisit of a shared link shows its text offline before the wasm starts.
  assets.push(...(await readdir(join(dir, 'views'))).filter((n) => n.endsWith('.html')).map((n) => `views/${n}`));
  const version = createHash('sha256').update(assets.sort().join('\n')).digest('hex').slice(0, 16);
  const sw = `// Generated by tools/postbuild.mjs. Cache ${version}.
const CACHE = 'encryption-framing-${version}';
const ASSETS = ${JSON.stringify(['./', ...assets.map((a) => './' + a)])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('encryption-framing-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then((response) => {
      const copy = response.clone();
      caches.open(CACHE).then((c) => c.put('./', copy));
      return response;
    }).catch(() => caches.match('./')));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
`;
  await writeFile(join(dir, 'sw.js'), sw);
  // Register from the start-up script; sandboxed (opaque-origin) frames and file:// skip it.
  const startPath = join(dir, name);
  await writeFile(startPath, (await readFile(startPath, 'utf8')) + `
try {
  if (location.protocol.startsWith('http') && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
} catch (_) { /* an opaque origin may refuse even to look */ }
`);
  // The start script changed: refresh its integrity attribute.
  const started = await readFile(startPath);
  const finalIndex = (await readFile(indexPath, 'utf8')).replace(/(src="\.\/start-[0-9a-f]+\.js" integrity=")[^"]+"/, `$1sha384-${createHash('sha384').update(started).digest('base64')}"`);
  await writeFile(indexPath, finalIndex);
  console.log(`postbuild: service worker sw.js caching ${assets.length} files`);
}

// --- Minified JavaScript and CSS for the hosted widget (terser, csso; Trunk's own
// minifier fails on the wasm-bindgen glue). Runs after the one-file edition, which
// reads the glue's shape, and the service worker, whose list is of names; then the
// integrity attributes of what index.html links are refreshed. Exports, string
// literals and property names are kept: the chunks' loader, the mount loader and
// the worker import the glue by its export names.
{
  const { readdir: list } = await import('node:fs/promises');
  const { minify } = await import('terser');
  const csso = await import('csso');
  let index = await readFile(indexPath, 'utf8');
  let before = 0;
  let after = 0;
  for (const name of await list(dir)) {
    const isModule = /^(widget-[0-9a-f]+|wasm-split-[0-9a-f]+|start-[0-9a-f]+|encryption-framing|analysis-worker)\.js$/.test(name);
    const isScript = /^boot-[0-9a-f]+\.js$/.test(name);
    const isCss = /^widget-[0-9a-f]+\.css$/.test(name);
    if (!isModule && !isScript && !isCss) continue;
    const path = join(dir, name);
    const source = await readFile(path, 'utf8');
    const small = isCss
      ? csso.minify(source, { restructure: false }).css
      : (await minify(source, { module: isModule, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
    if (!small || small.length >= source.length) throw new Error(`postbuild: minifying ${name} failed`);
    await writeFile(path, small);
    before += source.length;
    after += small.length;
    const attr = new RegExp(`((?:src|href)="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]+"`);
    if (index.includes(`"./${name}"`)) {
      if (!attr.test(index)) throw new Error(`postbuild: no integrity attribute for ${name} in index.html`);
      index = index.replace(attr, `$1${sri(Buffer.from(small))}"`);
    }
  }
  await writeFile(indexPath, index);
  console.log(`postbuild: minified JavaScript and CSS, ${Math.round(before / 1024)} -> ${Math.round(after / 1024)} KB`);
}

// --- Precompressed copies, as a real host sends them: `name.gz` (gzip -9) and `name.br`
// (brotli 11) beside each text file and the wasm. tools/serve.mjs sends them with
// Content-Encoding when the browser accepts it; a host's own server can do the same.
{
  const { readdir: list, stat } = await import('node:fs/promises');
  const { gzipSync, brotliCompressSync, constants } = await import('node:zlib');
  let n = 0;
  for (const folder of [dir, join(dir, 'cards'), join(dir, 'views')]) {
    for (const name of await list(folder)) {
      const path = join(folder, name);
      if (!(await stat(path)).isFile() || !/\.(html|js|css|wasm|svg|json)$/.test(name)) continue;
      const body = await readFile(path);
      await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
      await writeFile(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      n += 1;
    }
  }
  console.log(`postbuild: precompressed ${n} files (.gz, .br)`);
}
