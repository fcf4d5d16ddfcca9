/**
 * @module bench:search — query latency and load time of @lifeline/kb/search on the real KB and on a
 * generated 5,000-article KB, beside a baseline (plain fuse.js, default options, title and body).
 * Prints a table, then one JSON line.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import type { CompiledArticle, CompiledKb } from '@lifeline/protocol';
import { buildKnowledgeBase } from '../../packages/kb/src/build/index.ts';
import { judge, summarize } from '../../packages/kb/src/eval/metrics.ts';
import { readEvalQuestions, type EvalQuestion } from '../../packages/kb/src/eval/questions.ts';
import { LocaleSearchEngine, parseCompiledKb, type SearchResponse } from '../../packages/kb/src/search/index.ts';
import { loadKnowledgeBase } from '../../packages/kb/src/source/load.ts';
import { generateLargeKb } from './generate-kb.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LARGE_ARTICLES = 5_000;
const ROUNDS = 7;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

/** Every query once per round, after one warm-up round; each call timed on its own. */
function timeQueries(run: (q: string) => unknown, questions: EvalQuestion[]): { p50: number; p95: number } {
  for (const q of questions) run(q.q);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const q of questions) {
      const start = performance.now();
      run(q.q);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Median time to go from the JSON text of a locale file to a ready engine (parse, validate, index). */
function timeLoad(json: string, repeats: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    new LocaleSearchEngine(parseCompiledKb(JSON.parse(json)));
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return percentile(samples, 50);
}

function baselineSearch(articles: CompiledArticle[]): (q: string) => SearchResponse {
  // The baseline: what most FAQ widgets do — fuse.js with its defaults over title and body.
  const fuse = new Fuse(articles, { keys: ['title', 'text'], includeScore: true });
  return (q) => {
    const hits = fuse.search(q, { limit: 5 });
    return {
      decision: hits.length > 0 ? 'answer' : 'none',
      results: hits.map((h) => ({ id: h.item.id, title: h.item.title, summary: h.item.summary, score: 1 - (h.score ?? 1) })),
    };
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

async function main(): Promise<void> {
  process.stdout.write('bench:search — building the knowledge base...\n');
  const result = buildKnowledgeBase(await loadKnowledgeBase(path.join(root, 'knowledge-base')));
  if (!result.ok) throw new Error(`the knowledge base has errors; run "npx lifeline-kb lint"`);
  const en = result.output.locales.get('en') as CompiledKb;
  const questions = (await readEvalQuestions([path.join(root, 'knowledge-base/eval')])).filter((q) => q.locale === 'en');

  const realJson = JSON.stringify(en);
  const real = new LocaleSearchEngine(parseCompiledKb(JSON.parse(realJson)));
  const realLoadMs = timeLoad(realJson, 20);
  const realTimes = timeQueries((q) => real.search(q), questions);
  const quality = summarize(questions.map((q) => judge(q, real.search(q.q))));

  const largeKb = generateLargeKb(en, LARGE_ARTICLES);
  const largeJson = JSON.stringify(largeKb);
  const largeLoadMs = timeLoad(largeJson, 3);
  const large = new LocaleSearchEngine(parseCompiledKb(JSON.parse(largeJson)));
  const largeTimes = timeQueries((q) => large.search(q), questions);

  const baseline = baselineSearch(en.articles);
  const baselineTimes = timeQueries(baseline, questions);
  const baselineQuality = summarize(questions.map((q) => judge(q, baseline(q.q))));

  const rows: [string, number, number, number, number, number][] = [
    ['lifeline search, real KB', en.articles.length, realTimes.p50, realTimes.p95, realLoadMs, quality.top1],
    ['lifeline search, generated KB', largeKb.articles.length, largeTimes.p50, largeTimes.p95, largeLoadMs, Number.NaN],
    ['baseline: plain fuse.js (title, body)', en.articles.length, baselineTimes.p50, baselineTimes.p95, Number.NaN, baselineQuality.top1],
  ];
  const lines = [
    '',
    `${questions.length} English evaluation questions x ${ROUNDS} rounds, Node ${process.version}`,
    '',
    'engine                                  articles   p50 ms   p95 ms   load ms   top1',
    ...rows.map(([name, n, p50, p95, load, top1]) =>
      `${name.padEnd(38)} ${String(n).padStart(9)} ${p50.toFixed(3).padStart(8)} ${p95.toFixed(3).padStart(8)} ${Number.isNaN(load) ? '      -' : load.toFixed(1).padStart(9)} ${Number.isNaN(top1) ? '     -' : top1.toFixed(3).padStart(6)}`,
    ),
    '',
    `budgets: p95 <= 1 ms (real KB), <= 15 ms (5,000 articles)   ratios: real p95 / baseline p95 = ${(realTimes.p95 / baselineTimes.p95).toFixed(3)}, top1 ${quality.top1.toFixed(3)} vs ${baselineQuality.top1.toFixed(3)}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  process.stdout.write(
    `${JSON.stringify({
      realArticles: en.articles.length,
      realP50Ms: round3(realTimes.p50),
      realP95Ms: round3(realTimes.p95),
      realLoadMs: round3(realLoadMs),
      largeArticles: largeKb.articles.length,
      largeP50Ms: round3(largeTimes.p50),
      largeP95Ms: round3(largeTimes.p95),
      largeLoadMs: round3(largeLoadMs),
      top1: quality.top1,
      baselineTop1: baselineQuality.top1,
      baselineP95Ms: round3(baselineTimes.p95),
    })}\n`,
  );
}

await main();
