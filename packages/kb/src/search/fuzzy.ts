/** @module The fuzzy scorer the search uses for typos: fuse.js's Bitap over a handful of candidate spellings. */
import Fuse from 'fuse.js/basic';
import type { FuzzyScorer } from './engine.ts';

export const fuseScorer: FuzzyScorer = (word, candidates) =>
  new Fuse(candidates, { includeScore: true, isCaseSensitive: true, ignoreLocation: true, threshold: 0.4, shouldSort: false })
    .search(word)
    .map((hit) => ({ item: hit.item, score: hit.score ?? 1 }));
