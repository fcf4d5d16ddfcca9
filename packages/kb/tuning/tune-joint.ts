/**
 * @module Random search over the ranking knobs, refitting the decision model for each candidate, so the
 * two are tuned together on the full targets (top1, top3, abstention) of knowledge-base/eval. The holdout
 * is printed beside every improvement and never optimized.
 * Run: SEED=1 TRIALS=60 npx tsx packages/kb/tuning/tune-joint.ts — then copy the printed tuning into
 * src/search/tuning.ts.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_TUNING, LocaleSearchEngine, type SearchTuning } from '../src/search/index.ts';
import { fitDecisionModel, metricsByLocale, objective, sampleQuestions } from './decision-fit.ts';
import { loadTuningData } from './eval-set.ts';

const data = await loadTuningData();
let seed = Number(process.env.SEED ?? 1);
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

function evaluate(tuning: SearchTuning) {
  const engines = new Map([...data.locales].map(([locale, kb]) => [locale, new LocaleSearchEngine(kb, tuning)]));
  const dev = sampleQuestions(engines, data.dev);
  const decision = fitDecisionModel(dev, tuning.decision.answerMinMargin, 4000);
  const fitted = { ...tuning, decision };
  const devMetrics = metricsByLocale(dev, decision);
  const holdMetrics = metricsByLocale(sampleQuestions(engines, data.holdout), decision);
  return { fitted, score: objective(devMetrics), devMetrics, holdMetrics };
}

const brief = (metrics: Map<string, { top1: number; top3: number; abstainPrecision: number; abstainRecall: number }>) =>
  JSON.stringify(Object.fromEntries([...metrics].map(([l, m]) => [l, [m.top1, m.top3, m.abstainPrecision, m.abstainRecall]])));

// START=file.json continues from a tuning printed by an earlier run.
const start: SearchTuning = process.env.START ? (JSON.parse(readFileSync(process.env.START, 'utf8')) as SearchTuning) : DEFAULT_TUNING;
let best = evaluate(start);
process.stdout.write(`start ${best.score.toFixed(4)} dev ${brief(best.devMetrics)} holdout ${brief(best.holdMetrics)}\n`);
for (let trial = 0; trial < Number(process.env.TRIALS ?? 60); trial += 1) {
  const base = best.fitted;
  const jitter = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round((value + (random() - 0.5) * (high - low) * 0.3) * 1000) / 1000));
  const candidate: SearchTuning = {
    ...base,
    fieldWeights: {
      questions: 1,
      title: jitter(base.fieldWeights.title, 0.3, 1),
      keywords: jitter(base.fieldWeights.keywords, 0.3, 1),
      summary: jitter(base.fieldWeights.summary, 0.1, 1),
      body: jitter(base.fieldWeights.body, 0.05, 0.7),
    },
    coverageWeight: jitter(base.coverageWeight, 0, 1),
    questionWeight: jitter(base.questionWeight, 0, 1),
    bigramWeight: jitter(base.bigramWeight, 0, 0.6),
    centralityWeight: jitter(base.centralityWeight, 0, 1),
    centralityScale: jitter(base.centralityScale, 1, 8),
    unknownWordWeight: jitter(base.unknownWordWeight, 0.2, 1.5),
    bodyOnlyIdfFactor: jitter(base.bodyOnlyIdfFactor, 0.2, 1.2),
    fuzzyPenalty: jitter(base.fuzzyPenalty, 0.6, 1),
    fuzzyEvidenceFactor: jitter(base.fuzzyEvidenceFactor, 0.3, 1),
  };
  const result = evaluate(candidate);
  if (result.score > best.score) {
    best = result;
    process.stdout.write(`${trial} ${result.score.toFixed(4)} dev ${brief(result.devMetrics)} holdout ${brief(result.holdMetrics)}\n`);
  }
}
process.stdout.write(`${JSON.stringify(best.fitted)}\n`);
