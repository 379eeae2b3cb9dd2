// A minimal static file server for dist/ (used by `make serve` and the end-to-end tests).
// Usage: node tools/serve.mjs [dir] [port]. Serves on 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
};

/** Starts a server for `root` on `port` (0 = any free port); resolves to the server. */
export function serve(root, port = 0, extraHeaders = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      // A precompressed copy (written by the build) when the browser accepts it and the
      // copy is not older than the file (an edited file is sent as it is).
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const modified = (await stat(file)).mtimeMs;
      let body = null;
      let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (body || !accepts.includes(enc)) continue;
        try {
          if ((await stat(file + ext)).mtimeMs >= modified) {
            body = await readFile(file + ext);
            encoding = enc;
          }
        } catch { /* none */ }
      }
      body ??= await readFile(file);
      // CORS on the static assets lets the widget run in a sandboxed iframe without
      // allow-same-origin, whose opaque origin fetches the module and the wasm cross-origin.
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        vary: 'Accept-Encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...extraHeaders,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`Serving ${dir}/ on http://127.0.0.1:${server.address().port} (Ctrl-C to stop)`);
}
