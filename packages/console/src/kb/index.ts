/**
 * @module The knowledge base in the console: the compiled KB loaded from `kbUrl` as the widget does
 * (`@lifeline/kb/search/core`, fuse.js only when a query has a word the index does not know), one
 * load per locale, for searching articles to insert and naming the articles a candidate saw.
 */
import type { CompiledArticle } from '@lifeline/protocol';
import type { FuzzyScorer, LocaleSearchEngine } from '@lifeline/kb/search/core';

export interface ArticleHit {
  id: string;
  title: string;
  summary: string;
}

export interface ConsoleKb {
  locale: string;
  kbVersion: string;
  search(query: string): Promise<ArticleHit[]>;
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
  return {
    locale: engine.locale,
    kbVersion: engine.kbVersion,
    article: (id) => byId.get(id),
    async search(query) {
      const words = query.trim().toLowerCase();
      if (!words) return [];
      if (engine.needsFuzzyScorer(words)) engine.useFuzzyScorer(await loadFuzzyScorer());
      const found = engine.search(words, { limit: RESULTS }).results;
      if (found.length) return found.map(({ id, title, summary }) => ({ id, title, summary }));
      // The bot's thresholds are for candidates; an agent typing a fragment of a title still wants it.
      return engine.articles.filter((a) => a.title.toLowerCase().includes(words) || a.id.includes(words)).slice(0, RESULTS).map(({ id, title, summary }) => ({ id, title, summary }));
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
 * What goes into the reply for an article: its title, its summary with the placeholders the config
 * knows filled in, and a link when the config has `articleUrl`.
 */
export function articleSnippet(article: ArticleHit, locale: string, options: { articleUrl?: string | undefined; placeholders: Record<string, string> }): string {
  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => options.placeholders[name] ?? whole);
  const link = options.articleUrl?.replaceAll('{id}', encodeURIComponent(article.id)).replaceAll('{locale}', encodeURIComponent(locale));
  return [`${fill(article.title)}: ${fill(article.summary)}`, link].filter(Boolean).join('\n');
}
