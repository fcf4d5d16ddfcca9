/** @module The decision: answer, suggest, or say "I don't know", from a logistic model over how well the best article matched. */
import type { DecisionModel } from './tuning.ts';

export type Decision = 'answer' | 'suggest' | 'none';

/** What the decision looks at; each is 0..1 except `logSlots`. */
export interface DecisionFeatures {
  score: number;
  coverage: number;
  describedCoverage: number;
  /** Share of the query's words the best article matches (fuzzy ones count less). */
  termShare: number;
  questionSimilarity: number;
  /** Best score minus the second best. */
  margin: number;
  secondScore: number;
  /** Share of the query's weight in words the knowledge base has never seen. */
  unknownShare: number;
  /** Share of the query's weight matched only by guessing the spelling. */
  fuzzyShare: number;
  /** log(1 + number of meaningful words). */
  logSlots: number;
}

export const DECISION_FEATURES = [
  'score',
  'coverage',
  'describedCoverage',
  'termShare',
  'questionSimilarity',
  'margin',
  'secondScore',
  'unknownShare',
  'fuzzyShare',
  'logSlots',
] as const satisfies readonly (keyof DecisionFeatures)[];

/** Probability that the best article answers the question, by the fitted logistic model. */
export function answerProbability(features: DecisionFeatures, model: DecisionModel): number {
  let z = model.bias;
  for (const name of DECISION_FEATURES) z += (model.weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-z));
}

export function decide(features: DecisionFeatures, model: DecisionModel): { decision: Decision; confidence: number } {
  const confidence = answerProbability(features, model);
  if (confidence < model.suggestAbove) return { decision: 'none', confidence };
  if (confidence >= model.answerAbove && features.margin >= model.answerMinMargin) return { decision: 'answer', confidence };
  return { decision: 'suggest', confidence };
}
