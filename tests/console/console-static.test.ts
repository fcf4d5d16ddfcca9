/**
 * @module consoleStatic (packages/gateway/src/console-static.ts) on a folder shaped like the console's
 * build: content types, cache headers, the CSP, index.html for the console's own paths, 404 for a
 * missing asset, no way out of the folder, and /console/api left to the API.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCsp, consoleStatic } from '../../packages/gateway/src/console-static.ts';

let dir: string;
const INDEX = '<!doctype html><html><head><title>Lifeline console</title></head><body><div id="app"></div></body></html>';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lifeline-console-static-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), INDEX);
  await writeFile(path.join(dir, 'assets/index-AbC123.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'assets/index-AbC123.css'), 'body{}');
  await writeFile(path.join(dir, 'favicon.svg'), '<svg/>');
  await writeFile(path.join(tmpdir(), 'lifeline-secret.txt'), 'secret');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(path.join(tmpdir(), 'lifeline-secret.txt'), { force: true });
});

/** The console files in front of a stand-in for the console API, as the gateway will mount them. */
function app(options?: Parameters<typeof consoleStatic>[1]) {
  const gateway = new Hono();
  gateway.route('/', consoleStatic(dir, options));
  gateway.get('/console/api/queue', (c) => c.json({ waiting: [], mine: [] }));
  gateway.notFound((c) => c.json({ error: { code: 'route.not_found', message: '' } }, 404));
  return gateway;
}

describe('consoleStatic', () => {
  it('serves index.html at /console/ with no-cache and a strict CSP, and redirects /console there', async () => {
    const response = await app().request('/console/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'");
    expect(await response.text()).toBe(INDEX);
    const bare = await app().request('/console');
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/console/']);
  });

  it('serves index.html for the console’s own paths, but 404 for a missing asset or file', async () => {
    expect(await (await app().request('/console/chats/123')).text()).toBe(INDEX);
    for (const missing of ['/console/assets/index-Gone99.js', '/console/robots.txt']) {
      const response = await app().request(missing);
      expect(response.status, missing).toBe(404);
      expect(response.headers.get('content-type'), missing).not.toContain('text/html');
    }
  });

  it('serves hashed assets with their type, cached for a year; other files revalidated', async () => {
    const script = await app().request('/console/assets/index-AbC123.js');
    expect([script.status, script.headers.get('content-type'), script.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect(script.headers.get('content-security-policy')).toBeNull();
    const style = await app().request('/console/assets/index-AbC123.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await app().request('/console/favicon.svg');
    expect([icon.headers.get('content-type'), icon.headers.get('cache-control')]).toEqual(['image/svg+xml', 'no-cache']);
  });

  it('never serves a file outside its folder', async () => {
    for (const attempt of ['/console/../lifeline-secret.txt', '/console/%2e%2e/lifeline-secret.txt', '/console/assets/..%2f..%2flifeline-secret.txt', '/console/%E0%A4%A']) {
      const response = await app().request(attempt);
      expect(await response.text(), attempt).not.toBe('secret');
    }
  });

  it('leaves /console/api to the console API, known routes and unknown ones', async () => {
    expect(await (await app().request('/console/api/queue')).json()).toEqual({ waiting: [], mine: [] });
    const unknown = await app().request('/console/api/nothing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'route.not_found' } });
  });

  it('writes the config into index.html as a meta tag, escaped, and lets a KB on another origin through connect-src', async () => {
    const config = { kbUrl: 'https://cdn.example.com/kb/', placeholders: { 'support.email': 'help@example.com"><script>' } };
    const response = await app({ config }).request('/console/');
    const html = await response.text();
    expect(html).toContain('<meta name="lifeline-console-config" content="{&quot;kbUrl&quot;:&quot;https://cdn.example.com/kb/&quot;');
    expect(html).not.toContain('"><script>');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' https://cdn.example.com");
    expect(consoleCsp('/kb/')).not.toContain('connect-src');
  });

  it('answers 503 with what to do when the console is not built', async () => {
    const empty = new Hono();
    empty.route('/', consoleStatic(path.join(dir, 'not-built')));
    const response = await empty.request('/console/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('buildConsole');
  });
});
