/** @module The search engine's knobs, tuned on knowledge-base/eval (never on shared sample questions). */

export interface SearchTuning {
  fieldWeights: { questions: number; title: number; keywords: number; summary: number; body: number };
  /** The score blends field coverage, the closest example question and shared word pairs, in these proportions. */
  coverageWeight: number;
  questionWeight: number;
  bigramWeight: number;
  /** A query word the KB has never seen weighs this share of the rarest possible word: off-topic words pull the score down. */
  unknownWordWeight: number;
  /** A word found only in article bodies weighs this share of its rarity: bodies are long and wordy. */
  bodyOnlyIdfFactor: number;
  fuzzyMinLength: number;
  /** Words this long may have two typos; shorter ones one. */
  fuzzyTwoErrorsFrom: number;
  /** A fuzzy match counts this much of an exact one. */
  fuzzyPenalty: number;
  fuzzyMaxTerms: number;
  /** How much a fuzzy match counts as evidence for answering at all (it still ranks at full strength). */
  fuzzyEvidenceFactor: number;
  rerankCandidates: number;
  phaseMatchBoost: number;
  phaseMismatchFactor: number;
  /** Below this share of the query's words found in the best article, the search abstains. */
  minTermShare: number;
  suggestMinScore: number;
  suggestMinCoverage: number;
  answerMinScore: number;
  answerMinCoverage: number;
  answerMinMargin: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  fieldWeights: { questions: 1, title: 0.657, keywords: 0.841, summary: 0.517, body: 0.295 },
  coverageWeight: 0.539,
  questionWeight: 0.461,
  bigramWeight: 0.15,
  unknownWordWeight: 0.854,
  bodyOnlyIdfFactor: 0.704,
  fuzzyMinLength: 4,
  fuzzyTwoErrorsFrom: 8,
  fuzzyPenalty: 0.77,
  fuzzyMaxTerms: 3,
  fuzzyEvidenceFactor: 0.6,
  rerankCandidates: 40,
  phaseMatchBoost: 1.06,
  phaseMismatchFactor: 0.96,
  minTermShare: 0.5,
  suggestMinScore: 0.232,
  suggestMinCoverage: 0.206,
  answerMinScore: 0.565,
  answerMinCoverage: 0.537,
  answerMinMargin: 0.112,
};
