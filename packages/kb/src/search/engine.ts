/**
 * @module The search engine for one compiled locale: an inverted index over weighted article fields,
 * fuse.js for words the index does not know (typos), nearest example question, phase boost, and the
 * decision to answer, suggest or abstain.
 */
import Fuse from 'fuse.js/basic';
import type { CompiledArticle, CompiledKb, Phase } from '@lifeline/protocol';
import { createAnalyzer, type Analyzer, type QuerySlot } from './analyzer.ts';
import { decide, type Decision, type DecisionFeatures } from './decision.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { findMisspellings } from './spelling.ts';
import { DEFAULT_TUNING, type SearchTuning } from './tuning.ts';

export type { Decision } from './decision.ts';


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
  /** The surface words grouped by length, each group searchable by fuse.js. */
  private readonly fuzzyByLength = new Map<number, Fuse<string>>();
  private readonly unknownWeight: number;

  constructor(kb: CompiledKb, tuning: SearchTuning = DEFAULT_TUNING) {
    this.locale = kb.locale;
    this.kbVersion = kb.kbVersion;
    this.articles = kb.articles;
    this.tuning = tuning;
    this.analyzer = createAnalyzer(kb.locale, kb.search, misspellingsIn(kb));
    const questionTerms: string[][][] = [];
    kb.articles.forEach((article, index) => {
      const perQuestion = article.questions.map((q) => this.analyzer.terms(q));
      const pairs = new Set<string>();
      for (const text of [...article.questions, article.title, ...article.keywords]) {
        const slots = this.analyzer.slots(text);
        for (let i = 1; i < slots.length; i += 1) {
          for (const a of slots[i - 1]?.alternatives ?? []) for (const b of slots[i]?.alternatives ?? []) pairs.add(`${a} ${b}`);
        }
      }
      this.bigrams.push(pairs);
      questionTerms.push(perQuestion);
      const share = new Map<string, number>();
      for (const terms of perQuestion) for (const term of new Set(terms)) share.set(term, (share.get(term) ?? 0) + 1 / perQuestion.length);
      this.questionShare.push(share);
      this.addField(index, FIELD_QUESTIONS, perQuestion.flat());
      this.addField(index, FIELD_TITLE, this.analyzer.terms(article.title));
      this.addField(index, FIELD_KEYWORDS, article.keywords.flatMap((k) => this.analyzer.terms(k)));
      this.addField(index, FIELD_SUMMARY, this.analyzer.terms(article.summary));
      this.addField(index, FIELD_BODY, this.analyzer.plainTerms(article.text));
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
    for (const article of kb.articles) {
      const texts = [article.title, article.summary, article.text, ...article.questions, ...article.keywords];
      for (const [surface, stem] of texts.flatMap((text) => this.analyzer.surfaceWords(text))) {
        if (!this.postings.has(stem)) continue;
        let stems = this.surfaces.get(surface);
        if (!stems) this.surfaces.set(surface, (stems = new Set()));
        stems.add(stem);
      }
    }
    const byLength = new Map<number, string[]>();
    for (const surface of this.surfaces.keys()) {
      if (surface.length < tuning.fuzzyMinLength - 1) continue;
      byLength.set(surface.length, [...(byLength.get(surface.length) ?? []), surface]);
    }
    for (const [length, terms] of byLength) {
      this.fuzzyByLength.set(
        length,
        // With ignoreLocation, a fuse.js score is errors / pattern length; fuzzy() keeps at most 1 or 2 errors.
        new Fuse(terms, { includeScore: true, isCaseSensitive: true, ignoreLocation: true, threshold: 0.4, shouldSort: true }),
      );
    }
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const { decision, results } = this.explain(query, options);
    return { decision, results: results.map(({ id, title, summary, score }) => ({ id, title, summary, score })) };
  }

  explain(query: string, options: SearchOptions = {}): ExplainedResponse {
    const limit = options.limit ?? 5;
    const slots = this.analyzer.slots(query).map((slot) => this.matchSlot(slot));
    const totalWeight = slots.reduce((sum, s) => sum + s.weight, 0);
    const describe = slots.map((s) => ({ word: s.word, weight: round(s.weight), matched: [...s.terms].map(([term, similarity]) => ({ term, similarity: round(similarity) })) }));
    if (totalWeight === 0) return { decision: 'none', results: [], slots: describe, margin: 0, confidence: 0, features: undefined };

    // Per article and slot: the best field weight times the match similarity, over all fields
    // (for ranking) and over the fields that describe the article, body left out (for deciding).
    const t = this.tuning;
    const width = slots.length;
    const matchedBySlot = new Map<number, Float64Array>();
    slots.forEach((slot, s) => {
      for (const [term, similarity] of slot.terms) {
        for (const [article, fields] of this.postings.get(term) ?? []) {
          let row = matchedBySlot.get(article);
          if (!row) matchedBySlot.set(article, (row = new Float64Array(width * 3)));
          const value = similarity * this.fieldWeight(fields);
          if (value > (row[s] ?? 0)) row[s] = value;
          // The decision trusts a guessed spelling less than a word the article really has.
          const evidence = similarity < 1 ? similarity * t.fuzzyEvidenceFactor : 1;
          if (fields & ~FIELD_BODY && evidence > (row[width + s] ?? 0)) row[width + s] = evidence;
          if (evidence > (row[2 * width + s] ?? 0)) row[2 * width + s] = evidence;
        }
      }
    });

    const candidates: { article: number; coverage: number; described: number; termShare: number }[] = [];
    for (const [article, row] of matchedBySlot) {
      let matched = 0;
      let described = 0;
      let terms = 0;
      slots.forEach((slot, s) => {
        matched += slot.weight * (row[s] ?? 0);
        described += slot.weight * (row[width + s] ?? 0);
        terms += row[2 * width + s] ?? 0;
      });
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

  /** Resolves a query word to index terms: exact or synonym first, else fuse.js over terms of similar length. */
  private matchSlot(slot: QuerySlot): MatchedSlot {
    const terms = new Map<string, number>();
    for (const alternative of slot.alternatives) {
      if (this.postings.has(alternative)) terms.set(alternative, 1);
    }
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
    if (word.length < t.fuzzyMinLength || /\d/.test(word)) return [];
    const found = new Map<string, number>();
    const add = (surface: string, similarity: number) => {
      for (const term of this.surfaces.get(surface) ?? []) if (similarity > (found.get(term) ?? 0)) found.set(term, similarity);
    };
    // Swapped neighbours ("reveiw") are the most common typo, and two edits to fuse.js: look them up directly.
    for (let i = 0; i + 1 < word.length; i += 1) {
      add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), (1 - 1 / word.length) * t.fuzzyPenalty);
    }
    const maxErrors = word.length >= t.fuzzyTwoErrorsFrom ? 2 : 1;
    const maxScore = maxErrors / word.length + 1e-9;
    for (let length = word.length - maxErrors; length <= word.length + maxErrors; length += 1) {
      for (const hit of this.fuzzyByLength.get(length)?.search(word) ?? []) {
        const score = hit.score ?? 1;
        if (score <= maxScore) add(hit.item, (1 - score) * t.fuzzyPenalty);
      }
    }
    return [...found].sort((a, b) => b[1] - a[1]).slice(0, t.fuzzyMaxTerms);
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

/** The words the articles misspell (a rare word one edit from a common one), counted over every field. */
function misspellingsIn(kb: CompiledKb): Map<string, string> {
  const counts = new Map<string, number>();
  for (const article of kb.articles) {
    for (const text of [article.title, article.summary, article.text, ...article.questions, ...article.keywords]) {
      for (const word of tokenize(normalizeText(text))) counts.set(word, (counts.get(word) ?? 0) + 1);
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
