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
  fieldWeights: { questions: 1, title: 0.809, keywords: 0.765, summary: 0.255, body: 0.485 },
  coverageWeight: 0.663,
  questionWeight: 0.475,
  bigramWeight: 0.44,
  centralityWeight: 0.736,
  centralityScale: 5.438,
  unknownWordWeight: 1.188,
  bodyOnlyIdfFactor: 0.986,
  fuzzyMinLength: 4,
  fuzzyTwoErrorsFrom: 8,
  fuzzyPenalty: 0.811,
  fuzzyMaxTerms: 3,
  fuzzyEvidenceFactor: 0.902,
  rerankCandidates: 20,
  phaseMatchBoost: 1.06,
  phaseMismatchFactor: 0.96,
  decision: {
    bias: -14.57,
    weights: { score: 2.454, coverage: -3.953, describedCoverage: 9.203, termShare: 3.791, questionSimilarity: 2.263, margin: 3.64, secondScore: 1.005, unknownShare: -0.8, fuzzyShare: -0.316, logSlots: 3.691 },
    suggestAbove: 0.175,
    answerAbove: 0.815,
    answerMinMargin: 0.05,
  },
};
