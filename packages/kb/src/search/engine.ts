/**
 * @module The search engine for one compiled locale: an inverted index over weighted article fields,
 * a fuzzy scorer (fuse.js, see fuzzy.ts) for words the index does not know (typos), nearest example
 * question, phase boost, and the decision to answer, suggest or abstain.
 */
import type { CompiledArticle, CompiledKb, Phase } from '@lifeline/protocol';
import { createAnalyzer, type Analyzer, type QuerySlot } from './analyzer.ts';
import { decide, type Decision, type DecisionFeatures } from './decision.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { findMisspellings } from './spelling.ts';
import { DEFAULT_TUNING, type SearchTuning } from './tuning.ts';

export type { Decision } from './decision.ts';

/**
 * Scores candidate spellings against a typed word: 0 is identical, and a score is errors divided by
 * the word's length (fuse.js's Bitap with `ignoreLocation`). Injected so the browser can load fuse.js
 * only when a question has a word the index does not know.
 */
export type FuzzyScorer = (word: string, candidates: string[]) => { item: string; score: number }[];

export interface SearchResult {
  id: string;
  title: string;
  summary: string;
  /** 0..1: how well the article answers the query. */
  score: number;
}

export interface SearchResponse {
  decision: Decision;
  results: SearchResult[];
}

/** Why a result ranked where it did, for `lifeline-kb search` and the preview page. */
export interface ExplainedResult extends SearchResult {
  /** Share of the query's weight matched anywhere in the article, fields weighted. */
  coverage: number;
  /** Share matched in the fields that describe the article (questions, title, keywords, summary): what the decision reads. */
  describedCoverage: number;
  /** Share of the query's words (not weighted) the article matches at all. */
  termShare: number;
  questionSimilarity: number;
  bestQuestion: string | undefined;
  phaseBoost: number;
}

export interface ExplainedResponse {
  decision: Decision;
  results: ExplainedResult[];
  /** The query's words, what each one matched in the index, and its weight. */
  slots: { word: string; matched: { term: string; similarity: number }[]; weight: number }[];
  margin: number;
  /** The decision model's probability that the best article answers the question. */
  confidence: number;
  /** What the decision looked at (absent when nothing matched). */
  features: DecisionFeatures | undefined;
}

export interface SearchOptions {
  phase?: Phase | undefined;
  limit?: number | undefined;
}

const FIELD_QUESTIONS = 1;
const FIELD_TITLE = 2;
const FIELD_KEYWORDS = 4;
const FIELD_SUMMARY = 8;
const FIELD_BODY = 16;

interface IndexedQuestion {
  text: string;
  terms: Set<string>;
  norm: number;
}

interface MatchedSlot {
  word: string;
  weight: number;
  /** term -> similarity (1 exact or synonym, lower for a fuzzy match) */
  terms: Map<string, number>;
}

export class LocaleSearchEngine {
  readonly locale: string;
  readonly kbVersion: string;
  readonly articles: readonly CompiledArticle[];
  /** The editors' quick replies per phase (kb.config.yaml `featured`). */
  readonly featured: CompiledKb['featured'];
  /** What the articles read where the host gave no value for a placeholder (kb.config.yaml `placeholders`). */
  readonly fallbacks: CompiledKb['fallbacks'];
  private readonly analyzer: Analyzer;
  private readonly tuning: SearchTuning;
  /** term -> (article index -> bit mask of the fields holding it) */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly idf = new Map<string, number>();
  private readonly questions: IndexedQuestion[][] = [];
  /** Per article, for each term, the share of its example questions that use it: how central the term is to the article. */
  private readonly questionShare: Map<string, number>[] = [];
  /** Per article, ordered pairs of adjacent terms in its questions, title and keywords ("hear proctor" is not "proctor hear"). */
  private readonly bigrams: Set<string>[] = [];
  /**
   * Words as the articles write them, mapped to their index terms. Typos are matched against these, not
   * against stems: "procter" is one letter from "proctor", but its stem "proct" is far from any term.
   */
  private readonly surfaces = new Map<string, Set<string>>();
  /**
   * Candidate spellings for fuse.js, so it compares a typo with a handful of words, not thousands:
   * every surface word under each one-letter deletion of it (one edit away shares a key), and under
   * its first three letters (for the two-edit matches of long words).
   */
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byPrefix = new Map<string, string[]>();
  private readonly unknownWeight: number;

  private fuzzyScorer: FuzzyScorer | undefined;

  constructor(kb: CompiledKb, tuning: SearchTuning = DEFAULT_TUNING, fuzzyScorer?: FuzzyScorer) {
    this.fuzzyScorer = fuzzyScorer;
    this.locale = kb.locale;
    this.kbVersion = kb.kbVersion;
    this.articles = kb.articles;
    this.featured = kb.featured;
    this.fallbacks = kb.fallbacks;
    this.tuning = tuning;
    // Each text is normalized once; the counts of its words also reveal the KB's own misspellings.
    const normalized = kb.articles.map((article) => ({
      title: normalizeText(article.title),
      summary: normalizeText(article.summary),
      body: normalizeText(article.text),
      questions: article.questions.map(normalizeText),
      keywords: article.keywords.map(normalizeText),
    }));
    this.analyzer = createAnalyzer(kb.locale, kb.search, misspellingsIn(normalized));
    const questionTerms: string[][][] = [];
    const addSurface = (surface: string, stem: string) => {
      let stems = this.surfaces.get(surface);
      if (!stems) this.surfaces.set(surface, (stems = new Set()));
      stems.add(stem);
    };
    // Describing fields: terms with synonyms, surface words, and ordered pairs of neighbouring words.
    const describe = (text: string, pairs: Set<string> | undefined): string[] => {
      const slots = this.analyzer.slotsOfNormalized(text);
      const terms: string[] = [];
      slots.forEach((slot, i) => {
        terms.push(...slot.alternatives);
        // A typo of this word stands for all it stands for: "anyoen" is "anyone", so a person too.
        if (!slot.word.includes(' ')) for (const term of slot.alternatives) addSurface(slot.word, term);
        const previous = slots[i - 1];
        if (pairs && previous) for (const a of previous.alternatives) for (const b of slot.alternatives) pairs.add(`${a} ${b}`);
      });
      return terms;
    };
    kb.articles.forEach((_, index) => {
      const texts = normalized[index]!;
      const pairs = new Set<string>();
      const perQuestion = texts.questions.map((q) => describe(q, pairs));
      this.bigrams.push(pairs);
      questionTerms.push(perQuestion);
      const share = new Map<string, number>();
      for (const terms of perQuestion) for (const term of new Set(terms)) share.set(term, (share.get(term) ?? 0) + 1 / perQuestion.length);
      this.questionShare.push(share);
      this.addField(index, FIELD_QUESTIONS, perQuestion.flat());
      this.addField(index, FIELD_TITLE, describe(texts.title, pairs));
      this.addField(index, FIELD_KEYWORDS, texts.keywords.flatMap((k) => describe(k, pairs)));
      this.addField(index, FIELD_SUMMARY, describe(texts.summary, undefined));
      // Bodies: words only, no synonyms, since "Still stuck?" must not read as "frozen".
      const bodyWords = this.analyzer.wordsOfNormalized(texts.body);
      for (const [surface, stem] of bodyWords) addSurface(surface, stem);
      this.addField(index, FIELD_BODY, bodyWords.map(([, stem]) => stem));
    });
    const count = kb.articles.length;
    // Rarity is judged on the fields that say what an article is about (questions, title, keywords,
    // summary): in bodies, generic words ("check", "proctor") are everywhere and would look common.
    for (const [term, articles] of this.postings) {
      let described = 0;
      for (const fields of articles.values()) if (fields & ~FIELD_BODY) described += 1;
      const idf = described > 0 ? Math.log(1 + count / described) : Math.log(1 + count / articles.size) * tuning.bodyOnlyIdfFactor;
      this.idf.set(term, idf);
    }
    this.unknownWeight = Math.log(1 + count) * tuning.unknownWordWeight;
    kb.articles.forEach((article, index) => {
      this.questions.push(
        article.questions.map((text, q) => {
          const terms = new Set(questionTerms[index]?.[q] ?? []);
          let sum = 0;
          for (const term of terms) sum += (this.idf.get(term) ?? 0) ** 2;
          return { text, terms, norm: Math.sqrt(sum) };
        }),
      );
    });
    for (const surface of this.surfaces.keys()) {
      if (surface.length < tuning.fuzzyMinLength - 1) continue;
      for (const key of [surface, ...deletionsOf(surface)]) push(this.byDeletion, key, surface);
      push(this.byPrefix, surface.slice(0, 3), surface);
    }
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const { decision, results } = this.explain(query, options);
    return { decision, results: results.map(({ id, title, summary, score }) => ({ id, title, summary, score })) };
  }

  explain(query: string, options: SearchOptions = {}): ExplainedResponse {
    const limit = options.limit ?? 5;
    const slots = this.analyzer.slots(query).flatMap((slot) => this.matchSlot(slot) ?? []);
    const totalWeight = slots.reduce((sum, s) => sum + s.weight, 0);
    const describe = slots.map((s) => ({ word: s.word, weight: round(s.weight), matched: [...s.terms].map(([term, similarity]) => ({ term, similarity: round(similarity) })) }));
    if (totalWeight === 0) return { decision: 'none', results: [], slots: describe, margin: 0, confidence: 0, features: undefined };

    // Candidates: every article that shares a term with the query. Each slot's postings are resolved
    // once, so scoring a candidate is a few map lookups (this loop is the hot path on a large KB).
    const t = this.tuning;
    const width = slots.length;
    const resolved = slots.map((slot) => [...slot.terms].flatMap(([term, similarity]) => {
      const postings = this.postings.get(term);
      return postings ? [{ postings, similarity, evidence: similarity < 1 ? similarity * t.fuzzyEvidenceFactor : 1 }] : [];
    }));
    const selected = new Set<number>();
    for (const list of resolved) for (const { postings } of list) for (const article of postings.keys()) selected.add(article);

    // Per candidate and slot: the best field weight times the match similarity, over all fields
    // (for ranking) and over the fields that describe the article, body left out (for deciding).
    // The decision trusts a guessed spelling less than a word the article really has (evidence).
    const candidates: { article: number; coverage: number; described: number; termShare: number }[] = [];
    for (const article of selected) {
      let matched = 0;
      let described = 0;
      let terms = 0;
      for (let s = 0; s < width; s += 1) {
        let best = 0;
        let bestDescribed = 0;
        let bestEvidence = 0;
        for (const { postings, similarity, evidence } of resolved[s]!) {
          const fields = postings.get(article);
          if (fields === undefined) continue;
          const value = similarity * this.fieldWeight(fields);
          if (value > best) best = value;
          if (fields & ~FIELD_BODY && evidence > bestDescribed) bestDescribed = evidence;
          if (evidence > bestEvidence) bestEvidence = evidence;
        }
        const weight = slots[s]!.weight;
        matched += weight * best;
        described += weight * bestDescribed;
        terms += bestEvidence;
      }
      candidates.push({ article, coverage: matched / totalWeight, described: described / totalWeight, termShare: terms / width });
    }
    candidates.sort((a, b) => b.coverage - a.coverage || a.article - b.article);

    const queryNorm = Math.sqrt(slots.reduce((sum, s) => sum + s.weight * s.weight, 0));
    const scored = candidates.slice(0, t.rerankCandidates).map(({ article, coverage, described, termShare }) => {
      const { similarity, question } = this.bestQuestion(article, slots, queryNorm);
      const pairs = this.bigramShare(article, slots);
      const central = this.centrality(article, slots, totalWeight);
      const boost = phaseBoost(this.articles[article]?.phase, options.phase, t);
      const blended = t.coverageWeight * coverage + t.questionWeight * similarity + t.bigramWeight * pairs + t.centralityWeight * central;
      const score = Math.min(1, (blended / (t.coverageWeight + t.questionWeight + t.bigramWeight + t.centralityWeight)) * boost);
      return { article, coverage, described, termShare, similarity, question, boost, score };
    });
    scored.sort((a, b) => b.score - a.score || a.article - b.article);

    const top = scored[0];
    const margin = top ? top.score - (scored[1]?.score ?? 0) : 0;
    let decision: Decision = 'none';
    let confidence = 0;
    let features: DecisionFeatures | undefined;
    if (top) {
      let unknown = 0;
      let fuzzy = 0;
      for (const slot of slots) {
        if (slot.terms.size === 0) unknown += slot.weight;
        else if (![...slot.terms.values()].includes(1)) fuzzy += slot.weight;
      }
      features = {
        score: top.score,
        coverage: top.coverage,
        describedCoverage: top.described,
        termShare: top.termShare,
        questionSimilarity: top.similarity,
        margin,
        secondScore: scored[1]?.score ?? 0,
        unknownShare: unknown / totalWeight,
        fuzzyShare: fuzzy / totalWeight,
        logSlots: Math.log(1 + slots.length),
      };
      ({ decision, confidence } = decide(features, t.decision));
    }
    const results = scored.slice(0, limit).map((r) => {
      const article = this.articles[r.article]!;
      return {
        id: article.id,
        title: article.title,
        summary: article.summary,
        score: round(r.score),
        coverage: round(r.coverage),
        describedCoverage: round(r.described),
        termShare: round(r.termShare),
        questionSimilarity: round(r.similarity),
        bestQuestion: r.question,
        phaseBoost: r.boost,
      };
    });
    return { decision, results, slots: describe, margin: round(margin), confidence: round(confidence), features };
  }

  private addField(article: number, field: number, terms: string[]): void {
    for (const term of terms) {
      let articles = this.postings.get(term);
      if (!articles) this.postings.set(term, (articles = new Map()));
      articles.set(article, (articles.get(article) ?? 0) | field);
    }
  }

  private fieldWeight(fields: number): number {
    const w = this.tuning.fieldWeights;
    if (fields & FIELD_QUESTIONS) return w.questions;
    if (fields & FIELD_TITLE) return w.title;
    if (fields & FIELD_KEYWORDS) return w.keywords;
    if (fields & FIELD_SUMMARY) return w.summary;
    return w.body;
  }

  /** Whether answering this question would use the fuzzy scorer and none is set yet (then set one first). */
  needsFuzzyScorer(query: string): boolean {
    if (this.fuzzyScorer) return false;
    return this.analyzer.slots(query).some((slot) => !slot.word.includes(' ') && this.fuzzyEligible(slot.word) && !slot.alternatives.some((a) => this.postings.has(a)));
  }

  useFuzzyScorer(scorer: FuzzyScorer): void {
    this.fuzzyScorer = scorer;
  }

  /** Digits and emoji are never respelled: "📷" one edit from a word is noise, not a typo. */
  private fuzzyEligible(word: string): boolean {
    return word.length >= this.tuning.fuzzyMinLength && !/[\d\p{Extended_Pictographic}]/u.test(word);
  }

  /**
   * Resolves a query word to index terms: exact or synonym first, else fuzzy over terms of similar
   * length. A misspelt stop word the index does not know ("wnat") is dropped as the word would be,
   * not weighed as the rarest word of the question.
   */
  private matchSlot(slot: QuerySlot): MatchedSlot | undefined {
    const terms = new Map<string, number>();
    for (const alternative of slot.alternatives) {
      if (this.postings.has(alternative)) terms.set(alternative, 1);
    }
    if (terms.size === 0 && this.analyzer.isMisspeltStopWord(slot.word)) return undefined;
    if (terms.size === 0 && !slot.word.includes(' ')) {
      for (const [term, similarity] of this.fuzzy(slot.word)) {
        if (similarity > (terms.get(term) ?? 0)) terms.set(term, similarity);
      }
    }
    let weight = 0;
    for (const term of terms.keys()) weight = Math.max(weight, this.idf.get(term) ?? 0);
    return { word: slot.word, terms, weight: terms.size > 0 ? weight : this.unknownWeight };
  }

  /** Index terms a misspelt word may stand for, with a similarity below 1. */
  private fuzzy(word: string): [string, number][] {
    const t = this.tuning;
    if (!this.fuzzyEligible(word)) return [];
    // For each term: how close the best spelling is, and how far its length is from the typo's.
    const found = new Map<string, { similarity: number; lengthGap: number }>();
    const add = (surface: string, similarity: number) => {
      const lengthGap = Math.abs(surface.length - word.length);
      for (const term of this.surfaces.get(surface) ?? []) {
        const known = found.get(term);
        if (!known || similarity > known.similarity || (similarity === known.similarity && lengthGap < known.lengthGap)) {
          found.set(term, { similarity, lengthGap });
        }
      }
    };
    // Swapped neighbours ("reveiw") are the most common typo, and two edits to fuse.js: look them up directly.
    for (let i = 0; i + 1 < word.length; i += 1) {
      add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), (1 - 1 / word.length) * t.fuzzyPenalty);
    }
    const maxErrors = word.length >= t.fuzzyTwoErrorsFrom ? 2 : 1;
    const candidates = new Set<string>();
    for (const key of [word, ...deletionsOf(word)]) {
      for (const surface of this.byDeletion.get(key) ?? []) candidates.add(surface);
    }
    if (maxErrors > 1) {
      for (const surface of this.byPrefix.get(word.slice(0, 3)) ?? []) if (Math.abs(surface.length - word.length) <= 2) candidates.add(surface);
    }
    if (candidates.size > 0 && this.fuzzyScorer) {
      // A score is errors / word length: keep at most maxErrors.
      const maxScore = maxErrors / word.length + 1e-9;
      for (const { item, score } of this.fuzzyScorer(word, [...candidates])) {
        if (score <= maxScore && Math.abs(item.length - word.length) <= maxErrors) add(item, (1 - score) * t.fuzzyPenalty);
      }
    }
    // Equally close spellings: prefer the one of the same length ("choise" is "choice" before "chose").
    return [...found]
      .sort(([, a], [, b]) => b.similarity - a.similarity || a.lengthGap - b.lengthGap)
      .slice(0, t.fuzzyMaxTerms)
      .map(([term, { similarity }]) => [term, similarity]);
  }

  /**
   * How central the query's words are to the article: a word that many of its example questions use
   * ("camera" in camera-not-working) says more than one that a single question mentions in passing.
   */
  private centrality(article: number, slots: MatchedSlot[], totalWeight: number): number {
    const share = this.questionShare[article];
    if (!share) return 0;
    let sum = 0;
    for (const slot of slots) {
      let best = 0;
      for (const [term, similarity] of slot.terms) best = Math.max(best, (share.get(term) ?? 0) * similarity);
      sum += slot.weight * Math.min(1, best * this.tuning.centralityScale);
    }
    return sum / totalWeight;
  }

  /** Share of the query's adjacent word pairs, weighted, that the article also has side by side. */
  private bigramShare(article: number, slots: MatchedSlot[]): number {
    const pairs = this.bigrams[article];
    if (!pairs || slots.length < 2) return 0;
    let total = 0;
    let matched = 0;
    for (let i = 1; i < slots.length; i += 1) {
      const a = slots[i - 1]!;
      const b = slots[i]!;
      const weight = a.weight + b.weight;
      total += weight;
      let found = false;
      for (const x of a.terms.keys()) {
        for (const y of b.terms.keys()) if (pairs.has(`${x} ${y}`)) found = true;
      }
      if (found) matched += weight;
    }
    return total === 0 ? 0 : matched / total;
  }

  /** Cosine similarity, idf-weighted, between the query and the article's closest example question. */
  private bestQuestion(article: number, slots: MatchedSlot[], queryNorm: number): { similarity: number; question: string | undefined } {
    let best = 0;
    let question: string | undefined;
    for (const q of this.questions[article] ?? []) {
      if (q.norm === 0) continue;
      let dot = 0;
      for (const slot of slots) {
        let similarity = 0;
        for (const [term, s] of slot.terms) if (s > similarity && q.terms.has(term)) similarity = s;
        dot += slot.weight * slot.weight * similarity;
      }
      const cosine = dot / (queryNorm * q.norm);
      if (cosine > best) {
        best = cosine;
        question = q.text;
      }
    }
    return { similarity: Math.min(1, best), question };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The word with each one of its letters left out. */
function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** The words the articles misspell (a rare word one edit from a common one), counted over every field. */
function misspellingsIn(texts: { title: string; summary: string; body: string; questions: string[]; keywords: string[] }[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const t of texts) {
    for (const text of [t.title, t.summary, t.body, ...t.questions, ...t.keywords]) {
      for (const word of tokenize(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return findMisspellings(counts);
}

function phaseBoost(articlePhase: CompiledArticle['phase'] | undefined, current: Phase | undefined, t: SearchTuning): number {
  if (!current || !articlePhase || articlePhase === 'any') return 1;
  return articlePhase === current ? t.phaseMatchBoost : t.phaseMismatchFactor;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
