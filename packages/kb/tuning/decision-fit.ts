/**
 * @module Fitting the decision model: class-balanced, L2-regularized logistic regression over
 * DecisionFeatures, then the abstention and answer thresholds, all on precomputed samples.
 */
import { judge, summarize, type EvalMetrics } from '../src/eval/metrics.ts';
import type { EvalQuestion } from '../src/eval/questions.ts';
import { decide } from '../src/search/decision.ts';
import { DECISION_FEATURES, type DecisionFeatures, type DecisionModel, type LocaleSearchEngine, type SearchResult } from '../src/search/index.ts';

const L2 = 1;
const RATE = 0.1;

/** One evaluation question, searched once: what the decision sees, and the ranked results. */
export interface Sample {
  question: EvalQuestion;
  features: DecisionFeatures | undefined;
  results: SearchResult[];
}

export function sampleQuestions(engines: Map<string, LocaleSearchEngine>, questions: EvalQuestion[]): Sample[] {
  return questions.map((question) => {
    const explained = engines.get(question.locale)!.explain(question.q, { limit: 5 });
    return { question, features: explained.features, results: explained.results };
  });
}

export function metricsByLocale(samples: Sample[], model: DecisionModel): Map<string, EvalMetrics> {
  const byLocale = new Map<string, ReturnType<typeof judge>[]>();
  for (const s of samples) {
    const decision = s.features ? decide(s.features, model).decision : 'none';
    const outcome = judge(s.question, { decision, results: s.results });
    byLocale.set(s.question.locale, [...(byLocale.get(s.question.locale) ?? []), outcome]);
  }
  return new Map([...byLocale].map(([locale, outcomes]) => [locale, summarize(outcomes)]));
}

/** The quality targets of the knowledge-base issue, per locale (see packages/kb/src/eval/quality.test.ts). */
export const TARGETS = { top1: 0.9, top3: 0.97, abstainRecall: 0.85, abstainPrecision: 0.9 } as const;

/**
 * How well per-locale metrics meet the targets: each metric counts up to a little above its target,
 * and each target met earns a bonus, so a candidate that meets all of them beats one that overshoots some.
 */
export function objective(metrics: Map<string, EvalMetrics>): number {
  let sum = 0;
  for (const m of metrics.values()) {
    for (const [name, target] of Object.entries(TARGETS) as [keyof typeof TARGETS, number][]) {
      sum += Math.min(m[name], target + 0.05) + (m[name] >= target ? 0.25 : 0);
    }
  }
  return sum;
}

export function fitDecisionModel(samples: Sample[], answerMinMargin: number, steps = 20_000, used: readonly (keyof DecisionFeatures)[] = DECISION_FEATURES): DecisionModel {
  // Fit on the questions that matched anything; the rest abstain anyway.
  const train = samples.filter((s) => s.features !== undefined);
  const rows = train.map((s) => used.map((name) => s.features![name]));
  const labels = train.map((s) => (s.question.expect.length > 0 ? 1 : 0));
  const mean = used.map((_, j) => rows.reduce((sum, r) => sum + r[j]!, 0) / rows.length);
  const spread = used.map((_, j) => Math.sqrt(rows.reduce((sum, r) => sum + (r[j]! - mean[j]!) ** 2, 0) / rows.length) || 1);
  const z = rows.map((r) => r.map((v, j) => (v - mean[j]!) / spread[j]!));
  const positives = labels.filter((y) => y === 1).length / labels.length;
  const classWeight = labels.map((y) => (y === 1 ? 0.5 / positives : 0.5 / (1 - positives)));
  const w = used.map(() => 0);
  let b = 0;
  for (let step = 0; step < steps; step += 1) {
    const gradient = w.map(() => 0);
    let gradientBias = 0;
    z.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((sum, v, j) => sum + v * w[j]!, 0))));
      const error = (p - labels[i]!) * classWeight[i]!;
      x.forEach((v, j) => (gradient[j]! += error * v));
      gradientBias += error;
    });
    w.forEach((_, j) => (w[j] = w[j]! - RATE * ((gradient[j]! + L2 * w[j]!) / z.length)));
    b -= RATE * (gradientBias / z.length);
  }
  // Undo the standardization so the engine reads raw features.
  const weights: Partial<Record<keyof DecisionFeatures, number>> = {};
  let bias = b;
  used.forEach((name, j) => {
    weights[name] = round(w[j]! / spread[j]!);
    bias -= (w[j]! * mean[j]!) / spread[j]!;
  });

  // The abstention threshold that best meets the targets, then the lowest "answer" threshold at which
  // no more than 2% of the questions get a wrong answer.
  let model: DecisionModel = { bias: round(bias), weights, suggestAbove: 0.5, answerAbove: 0.9, answerMinMargin };
  let best = -Infinity;
  for (let threshold = 0.05; threshold <= 0.9; threshold += 0.025) {
    const candidate = { ...model, suggestAbove: round(threshold) };
    const score = objective(metricsByLocale(samples, candidate));
    if (score > best) {
      best = score;
      model = candidate;
    }
  }
  for (let threshold = model.suggestAbove; threshold <= 1; threshold += 0.01) {
    model = { ...model, answerAbove: round(threshold) };
    const wrong = [...metricsByLocale(samples, model).values()].reduce((max, m) => Math.max(max, m.answeredWrong), 0);
    if (wrong <= 0.02) break;
  }
  return model;
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
