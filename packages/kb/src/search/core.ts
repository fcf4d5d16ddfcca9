/**
 * @module @lifeline/kb/search/core: the search without its fuzzy scorer, for browsers that load
 * fuse.js only when a question needs it (`engine.needsFuzzyScorer(q)`, then `@lifeline/kb/search/fuzzy`).
 */
import { CompiledKb, KB_FORMAT_VERSION, KbManifest, LifelineError, type Phase } from '@lifeline/protocol';
import { LocaleSearchEngine, type FuzzyScorer, type SearchResponse } from './engine.ts';
import type { SearchTuning } from './tuning.ts';

export { LocaleSearchEngine } from './engine.ts';
export type { Decision, ExplainedResponse, ExplainedResult, FuzzyScorer, SearchResponse, SearchResult } from './engine.ts';

export interface KbSearchOptions {
  locale: string;
  phase?: Phase | undefined;
  limit?: number | undefined;
}

export interface KbSearch {
  /** Adds (or replaces) a locale from a compiled `<locale>.<hash>.json` value. Throws LifelineError `kb.file.invalid`. */
  addLocale(compiled: unknown): LocaleSearchEngine;
  hasLocale(locale: string): boolean;
  engine(locale: string): LocaleSearchEngine | undefined;
  search(query: string, options: KbSearchOptions): SearchResponse;
}

export function createKbSearch(tuning?: SearchTuning, fuzzyScorer?: FuzzyScorer): KbSearch {
  const engines = new Map<string, LocaleSearchEngine>();
  return {
    addLocale(compiled) {
      const engine = new LocaleSearchEngine(parseCompiledKb(compiled), tuning, fuzzyScorer);
      engines.set(engine.locale, engine);
      return engine;
    },
    hasLocale: (locale) => engines.has(locale),
    engine: (locale) => engines.get(locale),
    search(query, options) {
      const engine = engines.get(options.locale);
      if (!engine) {
        throw new LifelineError('kb.locale.not_loaded', `no knowledge base is loaded for locale "${options.locale}"; load it with loadLocale() first`);
      }
      return engine.search(query, options);
    },
  };
}

export function parseCompiledKb(value: unknown): CompiledKb {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== undefined && format !== KB_FORMAT_VERSION) {
    throw new LifelineError('kb.file.unsupported_format', `this knowledge-base file has format ${String(format)}, but this search reads format ${KB_FORMAT_VERSION}: rebuild it with the matching lifeline-kb`);
  }
  const parsed = CompiledKb.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LifelineError('kb.file.invalid', `not a compiled knowledge-base file (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`, { cause: parsed.error });
  }
  return parsed.data;
}

/**
 * Fetches `manifest.json` under `baseUrl`, then the locale's content-addressed file.
 * Falls back to the manifest's first locale when the one asked for is not built.
 */
export async function loadLocale(search: KbSearch, baseUrl: string, locale: string, fetchImpl: typeof fetch = fetch): Promise<LocaleSearchEngine> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const manifest = KbManifest.safeParse(await fetchJson(fetchImpl, `${base}manifest.json`));
  if (!manifest.success) throw new LifelineError('kb.manifest.invalid', `${base}manifest.json is not a knowledge-base manifest: rebuild with "lifeline-kb build"`);
  const entry = manifest.data.locales[locale] ?? Object.values(manifest.data.locales)[0];
  if (!entry) throw new LifelineError('kb.manifest.empty', `${base}manifest.json lists no locales`);
  return search.addLocale(await fetchJson(fetchImpl, `${base}${entry.file}`));
}

async function fetchJson(fetchImpl: typeof fetch, url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (cause) {
    throw new LifelineError('kb.fetch.failed', `could not load ${url}: check the network and the knowledge-base URL`, { cause });
  }
  if (!response.ok) throw new LifelineError('kb.fetch.failed', `could not load ${url}: HTTP ${response.status}`);
  return response.json();
}
