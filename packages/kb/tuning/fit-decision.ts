/**
 * @module Fits the search's decision model (answer / suggest / none) on knowledge-base/eval:
 * a class-balanced, L2-regularized logistic regression over DecisionFeatures, then the two thresholds.
 * Prints the model to paste into src/search/tuning.ts, with dev and holdout figures.
 * Run: npx tsx packages/kb/tuning/fit-decision.ts
 */
import { judge, summarize } from '../src/eval/metrics.ts';
import type { EvalQuestion } from '../src/eval/questions.ts';
import { DECISION_FEATURES, DEFAULT_TUNING, LocaleSearchEngine, type DecisionFeatures, type DecisionModel } from '../src/search/index.ts';
import { decide } from '../src/search/decision.ts';
import { loadTuningData } from './eval-set.ts';

const L2 = 1;
/**
 * Every feature is used. fuzzyShare earns its place: a guessed spelling of a KB word is usually a typo
 * in a real question, while off-topic words rarely land near KB words; the holdout agrees.
 */
const USED: readonly (keyof DecisionFeatures)[] = (process.env.FEATURES?.split(',') as (keyof DecisionFeatures)[] | undefined) ?? DECISION_FEATURES;
const STEPS = 20_000;
const RATE = 0.1;

interface Sample {
  question: EvalQuestion;
  features: DecisionFeatures | undefined;
  /** 1-based rank of an expected article, 0 when none of the results is expected. */
  rank: number;
}

const data = await loadTuningData();
const engines = new Map([...data.locales].map(([locale, kb]) => [locale, new LocaleSearchEngine(kb, DEFAULT_TUNING)]));
const sample = (question: EvalQuestion): Sample => {
  const explained = engines.get(question.locale)!.explain(question.q, { limit: 5 });
  const rank = explained.results.findIndex((r) => question.expect.includes(r.id)) + 1;
  return { question, features: explained.features, rank };
};
const dev = data.dev.map(sample);
const holdout = data.holdout.map(sample);

// Fit on the questions that matched anything; the rest abstain anyway.
const train = dev.filter((s) => s.features !== undefined);
const rows = train.map((s) => USED.map((name) => s.features![name]));
const labels = train.map((s) => (s.question.expect.length > 0 ? 1 : 0));
const mean = USED.map((_, j) => rows.reduce((sum, r) => sum + r[j]!, 0) / rows.length);
const spread = USED.map((_, j) => Math.sqrt(rows.reduce((sum, r) => sum + (r[j]! - mean[j]!) ** 2, 0) / rows.length) || 1);
const z = rows.map((r) => r.map((v, j) => (v - mean[j]!) / spread[j]!));
const positives = labels.filter((y) => y === 1).length / labels.length;
const classWeight = labels.map((y) => (y === 1 ? 0.5 / positives : 0.5 / (1 - positives)));
const w = USED.map(() => 0);
let b = 0;
for (let step = 0; step < STEPS; step += 1) {
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
// Undo the standardization so the engine can use raw features.
const weights: Partial<Record<keyof DecisionFeatures, number>> = {};
let bias = b;
USED.forEach((name, j) => {
  weights[name] = round(w[j]! / spread[j]!);
  bias -= (w[j]! * mean[j]!) / spread[j]!;
});

function evaluate(samples: Sample[], model: DecisionModel) {
  const byLocale = new Map<string, ReturnType<typeof judge>[]>();
  for (const s of samples) {
    const decision = s.features ? decide(s.features, model).decision : 'none';
    const engine = engines.get(s.question.locale)!;
    const results = engine.search(s.question.q, { limit: 5 }).results;
    const outcome = judge(s.question, { decision, results });
    byLocale.set(s.question.locale, [...(byLocale.get(s.question.locale) ?? []), outcome]);
  }
  return new Map([...byLocale].map(([locale, outcomes]) => [locale, summarize(outcomes)]));
}

// Thresholds: the abstention threshold that best meets the targets on dev, then the lowest "answer"
// threshold at which no more than 2% of answers on dev are wrong.
let model: DecisionModel = { bias: round(bias), weights, suggestAbove: 0.5, answerAbove: 0.9, answerMinMargin: DEFAULT_TUNING.decision.answerMinMargin };
let best = -Infinity;
for (let threshold = 0.05; threshold <= 0.9; threshold += 0.025) {
  const candidate = { ...model, suggestAbove: round(threshold) };
  let objective = 0;
  for (const m of evaluate(dev, candidate).values()) {
    objective += m.top1 + m.top3 + Math.min(m.abstainRecall, 0.95) + Math.min(m.abstainPrecision, 0.95);
  }
  if (objective > best) {
    best = objective;
    model = candidate;
  }
}
for (let threshold = model.suggestAbove; threshold <= 1; threshold += 0.01) {
  model = { ...model, answerAbove: round(threshold) };
  const wrong = [...evaluate(dev, model).values()].reduce((max, m) => Math.max(max, m.answeredWrong), 0);
  if (wrong <= 0.02) break;
}

const show = (label: string, samples: Sample[]) => {
  for (const [locale, m] of evaluate(samples, model)) process.stdout.write(`${label} ${locale}: ${JSON.stringify(m)}\n`);
};
show('dev', dev);
show('holdout', holdout);
process.stdout.write(`\ndecision: ${JSON.stringify(model, null, 2)}\n`);

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
