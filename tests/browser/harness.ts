/** @module Test harness for browser tests: serves files under a strict CSP, launches Debian's Chromium, re-exports the bundler. */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(extraFlags: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

export { bundleForBrowser as bundleModule } from '../../packages/kb/src/preview/bundle.ts';

export interface StaticFile {
  type: string;
  body: string;
}

/** Serves fixed files on 127.0.0.1 under a strict Content-Security-Policy. */
export async function serveFiles(files: Map<string, StaticFile>): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    // Chromium asks for a favicon on its own; answer so the test's "no console errors" stays meaningful.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = files.get(pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
    });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
