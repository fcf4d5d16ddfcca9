import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKbSearch, loadLocale } from '@lifeline/kb/search/core';
import { fuseScorer } from '@lifeline/kb/search/fuzzy';
import { PHASES, type Phase } from '@lifeline/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeBase, type BuildOutput } from '../../../kb/src/build/index.ts';
import { loadKnowledgeBase } from '../../../kb/src/source/load.ts';
import { articleSnippet, loadKb, unfilledPlaceholders, type ConsoleKb } from './index.ts';

const KB_URL = 'http://kb.test/kb/';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../knowledge-base');
let output: BuildOutput;

/** Serves the real knowledge base, built from knowledge-base/, as the gateway serves dist/kb. */
const serve: typeof fetch = async (input) => {
  const file = String(input).slice(KB_URL.length);
  const content = output.files.get(file);
  return content === undefined ? new Response(null, { status: 404 }) : new Response(content, { headers: { 'content-type': 'application/json' } });
};

beforeAll(async () => {
  const result = buildKnowledgeBase(await loadKnowledgeBase(root));
  if (!result.ok) throw new Error('the knowledge base must build: run "npx lifeline-kb lint"');
  output = result.output;
});

const widgetEngines = new Map<string, ReturnType<typeof loadLocale>>();

/** What the candidate's widget ranks for a question: packages/widget/src/kb/index.ts calls the engine this way. */
async function widgetRanking(locale: string, query: string, phase: Phase | undefined): Promise<string[]> {
  if (!widgetEngines.has(locale)) widgetEngines.set(locale, loadLocale(createKbSearch(undefined, fuseScorer), KB_URL, locale, serve));
  const engine = await widgetEngines.get(locale)!;
  return engine.search(query, { phase }).results.map((r) => r.id);
}

const ids = async (kb: ConsoleKb, query: string, phase?: Phase) => (await kb.search(query, phase)).map((hit) => hit.id);

describe('the console searches the knowledge base as the widget does', () => {
  it('finds exam-rules first for "exam rules", in English and Spanish', async () => {
    expect((await ids(await loadKb(KB_URL, 'en', serve), 'exam rules'))[0]).toBe('exam-rules');
    expect((await ids(await loadKb(KB_URL, 'es', serve), 'normas del examen'))[0]).toBe('exam-rules');
  });

  it('ranks like the widget for the candidate’s phase, typos included', async () => {
    const queries: [string, string][] = [
      ['en', 'exam rules'],
      ['en', 'I want to talk to a person'],
      ['en', 'my camra is black'],
      ['en', 'reschedule my exam'],
      ['es', 'quiero hablar con una persona'],
      ['es', 'el examen se congelo'],
    ];
    let phaseChangedSomething = false;
    for (const [locale, query] of queries) {
      const kb = await loadKb(KB_URL, locale, serve);
      const withoutPhase = await ids(kb, query);
      for (const phase of [undefined, ...PHASES]) {
        const console = await ids(kb, query, phase);
        expect(console, `${locale} "${query}" ${phase ?? ''}`).toEqual(await widgetRanking(locale, query, phase));
        if (console.join() !== withoutPhase.join()) phaseChangedSomething = true;
      }
    }
    // Otherwise passing the phase would be untested.
    expect(phaseChangedSomething).toBe(true);
  });

  it('still finds an article by a fragment of its title or its id when no word matches', async () => {
    expect(await ids(await loadKb(KB_URL, 'en', serve), 'exam-time')).toContain('exam-time-zone');
  });
});

describe('articleSnippet', () => {
  const hitFor = async (locale: string, query: string, id: string) => {
    const hit = (await (await loadKb(KB_URL, locale, serve)).search(query)).find((h) => h.id === id);
    if (!hit) throw new Error(`"${query}" must find ${id}`);
    return hit;
  };

  it('never leaves a raw {{placeholder}}: the config value, else the words the widget shows', async () => {
    const hit = await hitFor('en', 'my exam is under review', 'exam-under-review');
    expect(hit.summary).toContain('{{policy.reviewDays}}');
    const snippet = articleSnippet(hit, 'en', { placeholders: {} });
    expect(unfilledPlaceholders(snippet)).toEqual([]);
    expect(snippet).toContain('up to the set number of days');
    expect(articleSnippet(hit, 'en', { placeholders: { 'policy.reviewDays': '10' } })).toContain('up to 10 days');
  });

  it('uses the candidate’s language for the fallbacks, and adds the article link', async () => {
    const hit = await hitFor('es', 'mi examen esta en revision', 'exam-under-review');
    const snippet = articleSnippet(hit, 'es', { articleUrl: 'https://help.example.com/{locale}/{id}', placeholders: {} });
    expect(snippet).toContain('un número fijado de días');
    expect(snippet).not.toContain('{{');
    expect(snippet.split('\n').at(-1)).toBe('https://help.example.com/es/exam-under-review');
  });
});
