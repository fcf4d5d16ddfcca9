/**
 * @module The knowledge base in the console: the compiled KB loaded from `kbUrl` as the widget does
 * (`@lifeline/kb/search/core`, fuse.js only when a query has a word the index does not know), one
 * load per locale, for searching articles to insert and naming the articles a candidate saw.
 */
import type { CompiledArticle, Phase } from '@lifeline/protocol';
import type { FuzzyScorer, LocaleSearchEngine } from '@lifeline/kb/search/core';

export interface ArticleHit {
  id: string;
  title: string;
  summary: string;
  /** The locale file's words for a placeholder the platform gave no value (kb.config.yaml), as the widget shows them. */
  fallbacks: Readonly<Record<string, string>>;
}

export interface ConsoleKb {
  locale: string;
  kbVersion: string;
  /**
   * The widget's search and ranking (packages/widget/src/kb/index.ts): the same engine, query and
   * options, so an agent sees what the candidate saw; `phase` is the candidate's exam phase.
   */
  search(query: string, phase?: Phase): Promise<ArticleHit[]>;
  article(id: string): CompiledArticle | undefined;
}

const RESULTS = 5;

let fuzzyScorer: Promise<FuzzyScorer> | undefined;
function loadFuzzyScorer(): Promise<FuzzyScorer> {
  fuzzyScorer ??= import('@lifeline/kb/search/fuzzy').then((module) => module.fuseScorer);
  fuzzyScorer.catch(() => (fuzzyScorer = undefined));
  return fuzzyScorer;
}

const loaded = new Map<string, Promise<ConsoleKb>>();

/** The KB of a locale (the manifest's first locale when that one is not built); a failure is not kept. */
export function loadKb(kbUrl: string, locale: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<ConsoleKb> {
  const key = `${kbUrl}\n${locale}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = import('@lifeline/kb/search/core').then(async ({ createKbSearch, loadLocale }) => consoleKb(await loadLocale(createKbSearch(), kbUrl, locale, fetchImpl)));
    loaded.set(key, pending);
    pending.catch(() => loaded.delete(key));
  }
  return pending;
}

function consoleKb(engine: LocaleSearchEngine): ConsoleKb {
  const byId = new Map(engine.articles.map((article) => [article.id, article]));
  const hit = ({ id, title, summary }: { id: string; title: string; summary: string }): ArticleHit => ({ id, title, summary, fallbacks: engine.fallbacks });
  return {
    locale: engine.locale,
    kbVersion: engine.kbVersion,
    article: (id) => byId.get(id),
    async search(query, phase) {
      if (!query.trim()) return [];
      if (engine.needsFuzzyScorer(query)) engine.useFuzzyScorer(await loadFuzzyScorer());
      // Whatever the decision: the bot's thresholds are for candidates, and an agent judges the list.
      const found = engine.search(query, { phase, limit: RESULTS }).results;
      if (found.length) return found.map(hit);
      // No article shares a word: an agent typing a fragment of a title or an id still wants it.
      const words = query.trim().toLowerCase();
      return engine.articles.filter((a) => a.title.toLowerCase().includes(words) || a.id.includes(words)).slice(0, RESULTS).map(hit);
    },
  };
}

/** `{{links.support}}` in an article (the widget's syntax, packages/widget/src/kb/placeholders.ts). */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z]+(?:\.[a-zA-Z]+)*)\s*\}\}/g;

/** The placeholders still in a text: the reply box will not send one to a candidate. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * What goes into the reply for an article: its title, its summary with the placeholders filled (the
 * config's value, else the KB's fallback, as the candidate's widget reads it), and a link when the
 * config has `articleUrl`.
 */
export function articleSnippet(article: ArticleHit, locale: string, options: { articleUrl?: string | undefined; placeholders: Record<string, string> }): string {
  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => options.placeholders[name] ?? article.fallbacks[name] ?? whole);
  const link = options.articleUrl?.replaceAll('{id}', encodeURIComponent(article.id)).replaceAll('{locale}', encodeURIComponent(locale));
  return [`${fill(article.title)}: ${fill(article.summary)}`, link].filter(Boolean).join('\n');
}
