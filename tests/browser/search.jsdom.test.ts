// @vitest-environment jsdom
/** The browser search in a DOM environment (jsdom): loads over real HTTP through the manifest, uses no Node APIs. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../packages/kb/src/build/index.ts';
import { createKbSearch, loadLocale } from '../../packages/kb/src/search/index.ts';
import { isLifelineError } from '../../packages/protocol/src/index.ts';
import { loadKnowledgeBase } from '../../packages/kb/src/source/load.ts';
import { serveFiles, type StaticFile } from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('@lifeline/kb/search in jsdom', () => {
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const result = buildKnowledgeBase(await loadKnowledgeBase(path.join(root, 'knowledge-base')));
    if (!result.ok) throw new Error('the knowledge base must build');
    const files = new Map<string, StaticFile>();
    for (const [name, body] of result.output.files) files.set(`/kb/${name}`, { type: 'application/json', body });
    files.set('/broken/manifest.json', { type: 'application/json', body: '{"format": 1}' });
    const served = await serveFiles(files);
    url = served.url;
    close = served.close;
  });
  afterAll(async () => close?.());

  it('runs in a window with a document', () => {
    expect(typeof window).toBe('object');
    expect(typeof document.createElement).toBe('function');
  });

  it('loads a locale through the manifest and answers', async () => {
    const search = createKbSearch();
    const engine = await loadLocale(search, `${url}kb`, 'es');
    expect(engine.locale).toBe('es');
    const response = search.search('no me funciona la webcam', { locale: 'es', phase: 'before' });
    expect(response.results[0]?.id).toBe('camera-not-working');
  });

  it('falls back to the first built locale when the one asked for is missing', async () => {
    const engine = await loadLocale(createKbSearch(), `${url}kb/`, 'fr');
    expect(['en', 'es']).toContain(engine.locale);
  });

  it.each([
    ['a missing KB', 'nowhere/', 'kb.fetch.failed'],
    ['a broken manifest', 'broken/', 'kb.manifest.invalid'],
  ])('reports %s with a stable code', async (_name, where, code) => {
    await expect(loadLocale(createKbSearch(), `${url}${where}`, 'en')).rejects.toSatisfy((error) => isLifelineError(error) && error.code === code);
  });
});
