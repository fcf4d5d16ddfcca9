/**
 * @module @lifeline/kb/search: the FAQ search, fuse.js included. Load a compiled locale file, then
 * `search(query, { locale, phase, limit })` -> `{ decision, results }`. Browsers that count bytes
 * use `@lifeline/kb/search/core` and load the fuzzy scorer on demand.
 */
import type { CompiledKb } from '@lifeline/protocol';
import { createKbSearch as createCoreSearch, type KbSearch } from './core.ts';
import { LocaleSearchEngine as CoreEngine, type FuzzyScorer } from './engine.ts';
import { fuseScorer } from './fuzzy.ts';
import type { SearchTuning } from './tuning.ts';

export { loadLocale, parseCompiledKb, type KbSearch, type KbSearchOptions } from './core.ts';
export type { Decision, ExplainedResponse, ExplainedResult, FuzzyScorer, SearchResponse, SearchResult } from './engine.ts';
export { DECISION_FEATURES, type DecisionFeatures } from './decision.ts';
export { DEFAULT_TUNING, type DecisionModel, type SearchTuning } from './tuning.ts';
export { normalizeText } from './normalize.ts';
export { fuseScorer } from './fuzzy.ts';

/** The engine with fuse.js as its fuzzy scorer unless told otherwise. */
export class LocaleSearchEngine extends CoreEngine {
  constructor(kb: CompiledKb, tuning?: SearchTuning, fuzzyScorer: FuzzyScorer = fuseScorer) {
    super(kb, tuning, fuzzyScorer);
  }
}

export function createKbSearch(tuning?: SearchTuning): KbSearch {
  return createCoreSearch(tuning, fuseScorer);
}
