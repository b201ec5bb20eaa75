// A small static file server for the built app (dist/), used by the
// end-to-end tests and the bench command, and the Chromium launcher for
// this machine. Serves on 127.0.0.1 only.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The release build (IMPLAN_DIST overrides). */
export const DIST = process.env.IMPLAN_DIST ? path.resolve(process.env.IMPLAN_DIST) : path.join(ROOT, 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` (default dist/) on 127.0.0.1 at a free port.
 * Options: `prefix` (the path the app is hosted under, e.g.
 * "/kommune/implan/"; default "/"), `securityHeaders` (send the headers the
 * release build wrote to security-headers.json, from
 * scripts/security-headers.mjs, as docs/HOSTING.md tells servers to).
 * Returns { url, close }.
 */
export async function startServer(root = DIST, { prefix = '/', securityHeaders = false } = {}) {
  try {
    await stat(path.join(root, 'index.html'));
  } catch {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  }
  const extra = securityHeaders ? JSON.parse(await readFile(path.join(root, 'security-headers.json'), 'utf8')) : {};
  const server = http.createServer(async (req, res) => {
    try {
      let pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (pathname + '/' === prefix) {
        res.writeHead(301, { location: prefix, ...extra }).end();
        return;
      }
      if (!pathname.startsWith(prefix)) {
        res.writeHead(404, { 'content-type': 'text/plain', ...extra }).end('not found');
        return;
      }
      pathname = '/' + pathname.slice(prefix.length);
      let file = path.normalize(path.join(root, pathname));
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain', ...extra }).end('not found');
        return;
      }
      res.writeHead(200, {
        ...extra,
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Starts Debian's Chromium headless. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

