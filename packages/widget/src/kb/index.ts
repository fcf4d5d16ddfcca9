/**
 * @module The knowledge base as the widget sees it: loaded on first use (the search engine is a
 * lazy chunk), searched, and read article by article.
 */
import type { CompiledArticle, Phase } from '@lifeline/protocol';
import type { FuzzyScorer, SearchResponse } from '@lifeline/kb/search/core';

export { fillText, safeUrl, type Fallback } from './placeholders.ts';

/** Quick replies shown on open. */
export const MAX_QUICK_REPLIES = 4;

export interface Knowledge {
  locale: string;
  kbVersion: string;
  /**
   * A promise when the question has a word the index does not know and the fuzzy scorer (fuse.js,
   * a lazy chunk) must arrive first; undefined when `search` can answer right away.
   */
  prepare(question: string): Promise<void> | undefined;
  search(question: string, phase: Phase | undefined): SearchResponse;
  article(id: string): CompiledArticle | undefined;
  /** What an article reads where the host gave no value for placeholder `name` (kb.config.yaml). */
  fallback(name: string): string;
  /** The editors' featured articles for the phase, else the phase's own articles. */
  quickReplies(phase: Phase | undefined): CompiledArticle[];
}

const cache = new Map<string, Promise<Knowledge>>();
let fuzzyScorer: Promise<FuzzyScorer> | undefined;

function loadFuzzyScorer(): Promise<FuzzyScorer> {
  fuzzyScorer ??= import('@lifeline/kb/search/fuzzy').then((module) => module.fuseScorer);
  fuzzyScorer.catch(() => (fuzzyScorer = undefined));
  return fuzzyScorer;
}

/** One fetch per KB folder and locale, shared by every widget on the page; a failure is not cached. */
export function loadKnowledge(kbUrl: string, locale: string, fetchImpl: typeof fetch): Promise<Knowledge> {
  const key = `${kbUrl}\n${locale}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = load(kbUrl, locale, fetchImpl);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function load(kbUrl: string, locale: string, fetchImpl: typeof fetch): Promise<Knowledge> {
  const { createKbSearch, loadLocale } = await import('@lifeline/kb/search/core');
  const engine = await loadLocale(createKbSearch(), kbUrl, locale, fetchImpl);
  const byId = new Map(engine.articles.map((a) => [a.id, a]));
  const featured = engine.featured;
  return {
    locale: engine.locale,
    kbVersion: engine.kbVersion,
    prepare: (question) => (engine.needsFuzzyScorer(question) ? loadFuzzyScorer().then((scorer) => engine.useFuzzyScorer(scorer)) : undefined),
    search: (question, phase) => engine.search(question, { phase }),
    article: (id) => byId.get(id),
    fallback: (name) => engine.fallbacks[name] ?? '',
    quickReplies(phase) {
      const ids = phase ? featured[phase] : undefined;
      const chosen = ids?.length ? ids.flatMap((id) => byId.get(id) ?? []) : engine.articles.filter((a) => a.phase === (phase ?? 'before'));
      return chosen.slice(0, MAX_QUICK_REPLIES);
    },
  };
}
