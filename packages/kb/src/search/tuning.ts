/** @module The search engine's knobs, tuned on knowledge-base/eval (never on shared sample questions). */

export interface SearchTuning {
  fieldWeights: { questions: number; title: number; keywords: number; summary: number; body: number };
  /** Share of the score from field coverage; the rest comes from the closest example question. */
  coverageWeight: number;
  /** A query word the KB has never seen weighs this share of the rarest possible word: off-topic words pull the score down. */
  unknownWordWeight: number;
  fuzzyMinLength: number;
  /** fuse.js threshold: 0 exact .. 1 anything. */
  fuzzyThreshold: number;
  /** A fuzzy match counts this much of an exact one. */
  fuzzyPenalty: number;
  fuzzyMaxTerms: number;
  rerankCandidates: number;
  phaseMatchBoost: number;
  phaseMismatchFactor: number;
  suggestMinScore: number;
  suggestMinCoverage: number;
  answerMinScore: number;
  answerMinCoverage: number;
  answerMinMargin: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  fieldWeights: { questions: 1, title: 0.9, keywords: 0.9, summary: 0.7, body: 0.5 },
  coverageWeight: 0.55,
  unknownWordWeight: 0.6,
  fuzzyMinLength: 4,
  fuzzyThreshold: 0.34,
  fuzzyPenalty: 0.85,
  fuzzyMaxTerms: 3,
  rerankCandidates: 40,
  phaseMatchBoost: 1.06,
  phaseMismatchFactor: 0.96,
  suggestMinScore: 0.3,
  suggestMinCoverage: 0.35,
  answerMinScore: 0.45,
  answerMinCoverage: 0.5,
  answerMinMargin: 0.04,
};
