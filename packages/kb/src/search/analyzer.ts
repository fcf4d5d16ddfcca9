/** @module Turns text into search terms for one locale: normalize, drop stop words, stem, expand the editors' synonyms. */
import type { LocaleSearchConfig } from '@lifeline/protocol';
import { normalizeText, tokenize } from './normalize.ts';
import { stemmerFor, type Stemmer } from './stem.ts';

/** One word of the query and the terms that can stand for it (itself stemmed, plus its synonyms). */
export interface QuerySlot {
  word: string;
  alternatives: string[];
}

export interface Analyzer {
  /** One slot per meaningful word, synonyms folded into the slot: for queries and for the fields that describe an article. */
  slots(text: string): QuerySlot[];
  /** The same, for text already passed through normalizeText (the index normalizes each text once). */
  slotsOfNormalized(normalized: string): QuerySlot[];
  /** The words as written (stop words dropped) with their stems, for normalized text: article bodies and typo matching. */
  wordsOfNormalized(normalized: string): [surface: string, stem: string][];
  /** A stop word with two neighbouring letters swapped or, from five letters, one left out: "wnat", "qiero". */
  isMisspeltStopWord(word: string): boolean;
}

/** `respell` maps words the knowledge base itself misspells to the word they stand for (see spelling.ts). */
export function createAnalyzer(locale: string, config: LocaleSearchConfig, respell: ReadonlyMap<string, string> = new Map()): Analyzer {
  const stem: Stemmer = stemmerFor(locale);
  const stopWords = new Set(config.stopWords.map(normalizeText));
  const misspeltStopWords = new Set<string>();
  for (const word of stopWords) {
    for (let i = 0; word.length > 3 && i < word.length; i += 1) {
      if (word.length > 4) misspeltStopWords.add(word.slice(0, i) + word.slice(i + 1));
      misspeltStopWords.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
  }
  const wordsOf = (normalized: string) => tokenize(normalized).map((w) => respell.get(w) ?? w);
  const termsOf = (text: string) => wordsOf(normalizeText(text)).filter((w) => !stopWords.has(w)).map(stem);

  // Single words are looked up per token; phrases ("wi fi", "log in") are matched on the whole query first.
  const wordSynonyms = new Map<string, string[]>();
  const phraseSynonyms: { phrase: string; pattern: RegExp; terms: string[] }[] = [];
  for (const [from, to] of Object.entries(config.synonyms)) {
    const key = normalizeText(from);
    const terms = [...new Set((Array.isArray(to) ? to : [to]).flatMap(termsOf))];
    if (key === '' || terms.length === 0) continue;
    if (key.includes(' ')) phraseSynonyms.push({ phrase: key, pattern: new RegExp(`(^| )${key}( |$)`, 'g'), terms });
    else for (const form of new Set([key, stem(key)])) wordSynonyms.set(form, [...(wordSynonyms.get(form) ?? []), ...terms]);
  }
  phraseSynonyms.sort((a, b) => b.phrase.length - a.phrase.length);

  const slotsOfNormalized = (text: string): QuerySlot[] => {
    let normalized = text;
    const found: QuerySlot[] = [];
    for (const synonym of phraseSynonyms) {
      if (!normalized.includes(synonym.phrase)) continue;
      const replaced = normalized.replace(synonym.pattern, ' ');
      if (replaced === normalized) continue;
      normalized = replaced;
      found.push({ word: synonym.phrase, alternatives: synonym.terms });
    }
    for (const word of wordsOf(normalized.trim().replace(/ +/g, ' '))) {
      if (stopWords.has(word)) continue;
      const stemmed = stem(word);
      const alternatives = new Set([stemmed, ...(wordSynonyms.get(word) ?? wordSynonyms.get(stemmed) ?? [])]);
      found.push({ word, alternatives: [...alternatives] });
    }
    return found;
  };

  return {
    slots: (text) => slotsOfNormalized(normalizeText(text)),
    slotsOfNormalized,
    wordsOfNormalized: (normalized) => wordsOf(normalized).filter((w) => !stopWords.has(w)).map((w) => [w, stem(w)]),
    isMisspeltStopWord: (word) => misspeltStopWords.has(word),
  };
}
