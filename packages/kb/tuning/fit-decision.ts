/**
 * @module Fits the search's decision model (answer / suggest / none) on knowledge-base/eval, with the
 * ranking knobs of src/search/tuning.ts as they are. Prints the model to paste into tuning.ts, with dev
 * and holdout figures (the holdout is reported, never fitted).
 * Run: npx tsx packages/kb/tuning/fit-decision.ts
 */
import { DEFAULT_TUNING, LocaleSearchEngine } from '../src/search/index.ts';
import { fitDecisionModel, metricsByLocale, sampleQuestions } from './decision-fit.ts';
import { loadTuningData } from './eval-set.ts';

const data = await loadTuningData();
const engines = new Map([...data.locales].map(([locale, kb]) => [locale, new LocaleSearchEngine(kb, DEFAULT_TUNING)]));
const dev = sampleQuestions(engines, data.dev);
const holdout = sampleQuestions(engines, data.holdout);
const model = fitDecisionModel(dev, DEFAULT_TUNING.decision.answerMinMargin);
for (const [label, samples] of [['dev', dev], ['holdout', holdout]] as const) {
  for (const [locale, m] of metricsByLocale(samples, model)) process.stdout.write(`${label} ${locale}: ${JSON.stringify(m)}\n`);
}
process.stdout.write(`\ndecision: ${JSON.stringify(model, null, 2)}\n`);
