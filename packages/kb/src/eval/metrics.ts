/** @module Runs evaluation questions through the search and scores them: top1, top3, MRR, abstention, wrong answers. */
import type { SearchResponse } from '../search/index.ts';
import type { EvalQuestion } from './questions.ts';

export interface EvalOutcome {
  question: EvalQuestion;
  response: SearchResponse;
  /** 1-based rank of the first expected article among the results, 0 when absent or abstained. */
  rank: number;
  correctTop1: boolean;
  correctTop3: boolean;
}

export interface EvalMetrics {
  n: number;
  top1: number;
  top3: number;
  mrr: number;
  abstainPrecision: number;
  abstainRecall: number;
  answeredWrong: number;
}

export function judge(question: EvalQuestion, response: SearchResponse): EvalOutcome {
  const abstained = response.decision === 'none';
  if (question.expect.length === 0) {
    return { question, response, rank: 0, correctTop1: abstained, correctTop3: abstained };
  }
  const index = abstained ? -1 : response.results.findIndex((r) => question.expect.includes(r.id));
  const rank = index + 1;
  return { question, response, rank, correctTop1: rank === 1, correctTop3: rank >= 1 && rank <= 3 };
}

/**
 * Fractions from 0 to 1. `answeredWrong` is over all questions. Abstention treats decision "none" as the
 * prediction and an empty `expect` as the truth; with no prediction (or no truth) the fraction is 1.
 */
export function summarize(outcomes: EvalOutcome[]): EvalMetrics {
  const n = outcomes.length;
  const share = (count: number, of: number) => (of === 0 ? 1 : round(count / of));
  const predictedNone = outcomes.filter((o) => o.response.decision === 'none');
  const offTopic = outcomes.filter((o) => o.question.expect.length === 0);
  const rightNone = predictedNone.filter((o) => o.question.expect.length === 0).length;
  const reciprocal = outcomes.reduce((sum, o) => sum + (o.question.expect.length === 0 ? (o.correctTop1 ? 1 : 0) : o.rank > 0 ? 1 / o.rank : 0), 0);
  const wrong = outcomes.filter((o) => o.response.decision === 'answer' && !o.question.expect.includes(o.response.results[0]?.id ?? '')).length;
  return {
    n,
    top1: share(outcomes.filter((o) => o.correctTop1).length, n),
    top3: share(outcomes.filter((o) => o.correctTop3).length, n),
    mrr: share(reciprocal, n),
    abstainPrecision: share(rightNone, predictedNone.length),
    abstainRecall: share(rightNone, offTopic.length),
    answeredWrong: n === 0 ? 0 : round(wrong / n),
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
