/** @module The search engine's knobs, tuned on knowledge-base/eval (never on shared sample questions). */
import type { DecisionFeatures } from './decision.ts';

export interface SearchTuning {
  fieldWeights: { questions: number; title: number; keywords: number; summary: number; body: number };
  /** The score blends field coverage, the closest example question and shared word pairs, in these proportions. */
  coverageWeight: number;
  questionWeight: number;
  bigramWeight: number;
  centralityWeight: number;
  /** A word used by 1 / centralityScale of an article's questions counts as fully central. */
  centralityScale: number;
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
  decision: DecisionModel;
}

/**
 * A logistic model of "the best article answers this question", over DecisionFeatures, fitted on the
 * evaluation sets by packages/kb/tuning/fit-decision.ts. Below `suggestAbove` the search abstains.
 */
export interface DecisionModel {
  bias: number;
  weights: Partial<Record<keyof DecisionFeatures, number>>;
  suggestAbove: number;
  answerAbove: number;
  answerMinMargin: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  fieldWeights: { questions: 1, title: 0.668, keywords: 0.799, summary: 0.44, body: 0.186 },
  coverageWeight: 0.326,
  questionWeight: 0.173,
  bigramWeight: 0.194,
  centralityWeight: 0.473,
  centralityScale: 3.49,
  unknownWordWeight: 0.645,
  bodyOnlyIdfFactor: 0.944,
  fuzzyMinLength: 5,
  fuzzyTwoErrorsFrom: 8,
  fuzzyPenalty: 0.889,
  fuzzyMaxTerms: 3,
  fuzzyEvidenceFactor: 0.6,
  rerankCandidates: 40,
  phaseMatchBoost: 1.06,
  phaseMismatchFactor: 0.96,
  decision: {
    bias: -11.364,
    weights: { score: 3.74, coverage: -0.44, describedCoverage: 1.724, termShare: 5.946, questionSimilarity: -1.024, margin: 5.786, secondScore: 0.106, unknownShare: -6.813, fuzzyShare: -1.208, logSlots: 3.503 },
    suggestAbove: 0.25,
    answerAbove: 0.83,
    answerMinMargin: 0.05,
  },
};
