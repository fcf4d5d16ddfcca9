/** @module `lifeline-kb eval --questions FILE.jsonl`: how often the search finds the right article, or rightly says it does not know. */
import { judge, summarize, type EvalOutcome } from '../../eval/metrics.ts';
import { readEvalQuestions } from '../../eval/questions.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { DEFAULT_SOURCE, openSearch } from '../kb-source.ts';

const HELP = `Usage: lifeline-kb eval --questions FILE.jsonl [--questions ...] [--kb DIR] [--locale L] [--json]

Runs the search for each line {"q": "...", "locale": "en", "expect": ["article-id"]} (an empty "expect"
means nothing should be answered), prints the misses and a summary. --questions takes a file or a
folder (its *.jsonl files) and may be repeated.

  --kb DIR       evaluate a build made by "lifeline-kb build" instead of compiling ${DEFAULT_SOURCE}/
  --source DIR   the knowledge-base folder to compile
  --locale L     only the questions of this locale
  --json         end with one JSON line: {"n","top1","top3","mrr","abstainPrecision","abstainRecall","answeredWrong"}

Metrics (fractions 0..1): top1 / top3 — the first result (the first three) holds an expected article
and the decision is not "none"; a question with empty "expect" counts as right when the decision is
"none". mrr — mean reciprocal rank. abstainPrecision / abstainRecall — "none" as the prediction, empty
"expect" as the truth. answeredWrong — share of all questions answered ("answer") with a wrong first result.

Exit codes: 0 evaluated, 1 the knowledge base or a question file has errors, 2 wrong usage.
`;

export const runEval: Command = async (argv) => {
  const { values } = parseCommandArgs(argv, {
    questions: { type: 'string', multiple: true },
    kb: { type: 'string' },
    source: { type: 'string' },
    locale: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return void process.stdout.write(HELP), EXIT.ok;
  if (!values.questions?.length) throw new UsageError('--questions FILE.jsonl is required');
  const questions = (await readEvalQuestions(values.questions)).filter((q) => values.locale === undefined || q.locale === values.locale);
  if (questions.length === 0) throw new UsageError(`no questions${values.locale ? ` for locale "${values.locale}"` : ''} in ${values.questions.join(', ')}`);
  const search = await openSearch(values);
  const outcomes: EvalOutcome[] = questions.map((q) => {
    if (!search.hasLocale(q.locale)) throw new UsageError(`${q.file}:${q.line}: no articles for locale "${q.locale}"`);
    return judge(q, search.search(q.q, { locale: q.locale, limit: 5 }));
  });
  const lines: string[] = [];
  for (const o of outcomes.filter((o) => !o.correctTop1)) {
    const got = o.response.results.slice(0, 3).map((r) => `${r.id} ${r.score.toFixed(2)}`).join(', ') || '-';
    const expected = o.question.expect.join(' | ') || '(nothing)';
    lines.push(`MISS ${o.question.file}:${o.question.line} [${o.question.locale}] "${o.question.q}"\n     expected ${expected}; got ${o.response.decision}: ${got}`);
  }
  const byLocale = new Map<string, EvalOutcome[]>();
  for (const o of outcomes) byLocale.set(o.question.locale, [...(byLocale.get(o.question.locale) ?? []), o]);
  lines.push('', 'locale      n   top1   top3    mrr  abstainP  abstainR  answeredWrong');
  const row = (label: string, list: EvalOutcome[]) => {
    const m = summarize(list);
    return `${label.padEnd(7)} ${String(m.n).padStart(5)}  ${m.top1.toFixed(3)}  ${m.top3.toFixed(3)}  ${m.mrr.toFixed(3)}     ${m.abstainPrecision.toFixed(3)}     ${m.abstainRecall.toFixed(3)}          ${m.answeredWrong.toFixed(3)}`;
  };
  for (const [locale, list] of [...byLocale].sort()) lines.push(row(locale, list));
  if (byLocale.size > 1) lines.push(row('all', outcomes));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(summarize(outcomes))}\n`);
  return EXIT.ok;
};
