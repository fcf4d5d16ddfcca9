/** The browser search, bundled as users get it, runs in real headless Chromium under a strict CSP and agrees with Node. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildKnowledgeBase } from '../../packages/kb/src/build/index.ts';
import { createKbSearch, type SearchResponse } from '../../packages/kb/src/search/index.ts';
import { loadKnowledgeBase } from '../../packages/kb/src/source/load.ts';
import { bundleModule, launchChromium, serveFiles, type StaticFile } from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const QUERIES: [string, string][] = [
  ['webcam isnt showing on my macbook', 'en'],
  ['el examen se congelo', 'es'],
  ['whats the answer to q4', 'en'],
  ['no me llega el correo de confirmacion', 'es'],
  ['recipe for banana bread', 'en'],
  ['', 'en'],
];

const PAGE_SCRIPT = `
import { createKbSearch, loadLocale } from './search.js';
const search = createKbSearch();
window.runQueries = async (queries) => {
  for (const locale of new Set(queries.map(([, l]) => l))) await loadLocale(search, '/kb/', locale);
  return queries.map(([q, locale]) => search.search(q, { locale }));
};
document.body.dataset.ready = 'yes';
`;

describe('@lifeline/kb/search in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let url: string;
  let nodeResults: SearchResponse[];

  beforeAll(async () => {
    const result = buildKnowledgeBase(await loadKnowledgeBase(path.join(root, 'knowledge-base')));
    if (!result.ok) throw new Error('the knowledge base must build');
    const files = new Map<string, StaticFile>([
      ['/', { type: 'text/html', body: '<!doctype html><html><body><script type="module" src="/page.js"></script></body></html>' }],
      ['/page.js', { type: 'text/javascript', body: PAGE_SCRIPT }],
      ['/search.js', { type: 'text/javascript', body: await bundleModule(path.join(root, 'packages/kb/src/search/index.ts')) }],
    ]);
    for (const [name, body] of result.output.files) files.set(`/kb/${name}`, { type: 'application/json', body });
    const served = await serveFiles(files);
    url = served.url;
    close = served.close;
    const node = createKbSearch();
    for (const compiled of result.output.locales.values()) node.addLocale(compiled);
    nodeResults = QUERIES.map(([q, locale]) => node.search(q, { locale }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('loads the compiled KB through the manifest and gives the same answers as Node', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    const browserResults = await page.evaluate((queries) => (window as unknown as { runQueries(q: unknown): Promise<unknown> }).runQueries(queries), QUERIES);
    expect(errors).toEqual([]);
    expect(browserResults).toEqual(nodeResults);
    expect(nodeResults[0]?.results[0]?.id).toBe('camera-not-working');
    expect(nodeResults[1]?.results[0]?.id).toBe('exam-frozen');
    expect(nodeResults[4]?.decision).toBe('none');
    await page.close();
  });
});
