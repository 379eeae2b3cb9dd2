// Splits the widget's wasm into the part every reader needs and chunks loaded when a
// reader first needs them (src/ui/lazy.rs), then puts the result where Trunk put its
// own output, so everything after it (tools/postbuild.mjs) works on the split build.
//
// Trunk 0.21 runs wasm-bindgen on the whole wasm, which cannot load the chunks. From
// the wasm cargo linked (with --emit-relocs, .cargo/config.toml): wasm-split-cli
// writes the main module, the chunks and their loader; wasm-bindgen then binds the
// main module (--keep-lld-exports keeps the table and memory the chunks share), and
// binaryen's wasm-opt shrinks each. The chunks and the loader get content-hashed
// names; the glue and the wasm keep Trunk's names, and index.html's integrity
// attributes are rewritten for their new content.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
/** The value of an integrity attribute for `bytes`. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
// wasm-opt warns about the chunks' name subsections it does not know; nothing else is dropped.
// EF_KEEP_NAMES=1 keeps the function names (for a CPU profile that names them).
const NAMES = process.env.EF_KEEP_NAMES === '1';
const optimise = (from, to) => {
  try {
    execFileSync('wasm-opt', ['-Oz', ...(NAMES ? ['-g'] : []), ...FEATURES, from, '-o', to], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    process.stderr.write(e.stderr ?? '');
    throw e;
  }
};

/** Every file each split point fetches (its own module and the chunks it shares with
 *  others), read from wasm-split-cli's loader: `{ views: ['split_views.wasm',
 *  'chunk_9.wasm', …], … }`. The boot script fetches a deep link's parts early with it. */
export function partFiles(loader) {
  const chunkFile = {};
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)"/g)) {
    chunkFile[m[1]] = m[2];
  }
  const parts = {};
  const part = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)"[\s\S]*?\n, \[([\w, ]*)\]\)\);/g;
  for (const m of loader.matchAll(part)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    if (deps.some((d) => !chunkFile[d])) throw new Error(`split: part ${m[1]} depends on an unknown chunk`);
    parts[m[1]] = [m[2], ...deps.map((d) => chunkFile[d])];
  }
  if (!parts.views) throw new Error('split: the loader has no "views" part (its shape changed?)');
  return parts;
}

/** Splits the build in `dir` (Trunk's staging directory); `root` is the project. */
export async function splitWasm(dir, root) {
  const files = await readdir(dir);
  const glueName = files.find((n) => /^widget-[0-9a-f]+\.js$/.test(n));
  const wasmName = files.find((n) => /^widget-[0-9a-f]+_bg\.wasm$/.test(n));
  if (!glueName || !wasmName) throw new Error('split: Trunk\'s widget files not found');
  const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
  const linked = join(target, 'wasm32-unknown-unknown', 'release', 'widget.wasm');
  const work = await mkdtemp(join(tmpdir(), 'ef-split-'));
  try {
    run('wasm-split-cli', [linked, join(work, 'split'), '--out-name', 'widget']);
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', ...(NAMES ? ['--keep-debug'] : []), '--out-dir', join(work, 'bound'),
      '--out-name', 'widget', join(work, 'split', 'widget.wasm')]);
    optimise(join(work, 'bound', 'widget_bg.wasm'), join(work, 'main.wasm'));
    let loader = await readFile(join(work, 'split', '__wasm_split.js'), 'utf8');
    const needs = partFiles(loader);
    const chunks = [];
    // Each chunk's name as written (content-hashed).
    const written = {};
    for (const name of (await readdir(join(work, 'split'))).filter((n) => n.endsWith('.wasm') && n !== 'widget.wasm')) {
      optimise(join(work, 'split', name), join(work, `opt-${name}`));
      const bytes = await readFile(join(work, `opt-${name}`));
      const hashed = `${name.replace(/\.wasm$/, '')}-${short(bytes)}.wasm`;
      const quoted = `"./${name}"`;
      if (!loader.includes(quoted)) throw new Error(`split: the loader does not fetch ${name}`);
      loader = loader.replaceAll(quoted, `"./${hashed}"`);
      await writeFile(join(dir, hashed), bytes);
      chunks.push({ name: hashed, bytes: bytes.length });
      written[name] = hashed;
    }
    const parts = Object.fromEntries(Object.entries(needs).map(([part, files]) => [part, files.map((f) => {
      if (!written[f]) throw new Error(`split: part ${part} names a file not written (${f})`);
      return written[f];
    })]));
    if (!loader.includes('"./widget.js"')) throw new Error('split: the loader does not import the glue');
    loader = loader.replaceAll('"./widget.js"', `"./${glueName}"`);
    const loaderName = `wasm-split-${short(loader)}.js`;
    await writeFile(join(dir, loaderName), loader);
    let glue = await readFile(join(work, 'bound', 'widget.js'), 'utf8');
    // Only the module imports: the wasm's own import names stay "./__wasm_split.js".
    if (!glue.includes('from "./__wasm_split.js"')) throw new Error('split: the glue does not import the chunk loader');
    glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
    const wasm = await readFile(join(work, 'main.wasm'));
    await writeFile(join(dir, glueName), glue);
    await writeFile(join(dir, wasmName), wasm);
    // Trunk's integrity attributes were for its own output.
    const indexPath = join(dir, 'index.html');
    let html = await readFile(indexPath, 'utf8');
    for (const [name, bytes] of [[glueName, Buffer.from(glue)], [wasmName, wasm]]) {
      const attr = new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]+"`);
      if (!attr.test(html)) throw new Error(`split: no integrity attribute for ${name} in index.html`);
      html = html.replace(attr, `$1${sri(bytes)}"`);
    }
    await writeFile(indexPath, html);
    console.log(`split: main ${Math.round(wasm.length / 1024)} KB, ${chunks.map((c) => `${c.name} ${Math.round(c.bytes / 1024)} KB`).join(', ')}, loader ${loaderName}`);
    return { loaderName, chunks: chunks.map((c) => c.name), parts };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
