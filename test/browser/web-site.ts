/**
 * The web workbench as its tests meet it: the site built by vite into a temporary folder, served
 * read-only from 127.0.0.1 by a plain static server (what any static host does), and a page in
 * Debian's Chromium that records console errors, page errors and any request leaving the server.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';

const CHROMIUM = '/usr/bin/chromium';
const CONFIG = new URL('../../web/vite.config.ts', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface WebSite {
  /** The address of the site's index page, ending in '/'. */
  url: string;
  browser: Browser;
  /** A new page on the site; `problems` collects what went wrong on it. */
  open(hash?: string, viewport?: { width: number; height: number }): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Builds the site (vite's production build, as `npm run build:web`), serves it and starts Chromium. */
export async function startWebSite(): Promise<WebSite> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh (as root) to install Debian's chromium`);
  const outDir = mkdtempSync(join(tmpdir(), 'zfpwb-web-'));
  await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await serve(outDir);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url,
    browser,
    async open(hash = '', viewport = { width: 1280, height: 800 }) {
      const page = await browser.newPage({ viewport });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      // The site asks for nothing beyond its own files.
      page.on('request', (r) => !r.url().startsWith(url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && problems.push(`network request ${r.url()}`));
      await page.goto(`${url}${hash ? `#${hash}` : ''}`, { waitUntil: 'load' });
      return { page, problems };
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}
