// Trunk post-build hook: move Trunk's inline start-up <script type="module"> into
// its own file, so the widget runs under a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval'; no 'unsafe-inline'), and fetch
// integrity-checked links in CORS mode for sandboxed frames. Reads the staging
// directory from TRUNK_STAGING_DIR (hook arguments are not shell-expanded).
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('postbuild: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
const indexPath = join(dir, 'index.html');
const html = await readFile(indexPath, 'utf8');
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
