/** @module `lifeline-kb search "QUERY"`: the ranked results with their scores and the decision, so an editor sees why. */
import { PHASES, type Phase } from '@lifeline/protocol';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { DEFAULT_SOURCE, openSearch } from '../kb-source.ts';

const HELP = `Usage: lifeline-kb search "QUERY" [--locale L] [--phase P] [--limit N] [--kb DIR | --source DIR] [--json]

Runs the widget's search and explains it: how each word of the query matched the index, each result's
score, field coverage and closest example question, and the decision (answer, suggest or none).

  --locale L     en (default), es, ...
  --phase P      before, during or after: articles for that phase rank a little higher
  --limit N      results to show (default 5)
  --kb DIR       search a build made by "lifeline-kb build" instead of compiling ${DEFAULT_SOURCE}/
  --source DIR   the knowledge-base folder to compile
  --json         print the explanation as JSON

Exit codes: 0 searched, 1 the knowledge base has errors, 2 wrong usage.
`;

export const runSearch: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { locale: { type: 'string' }, phase: { type: 'string' }, limit: { type: 'string' }, kb: { type: 'string' }, source: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  if (values.help) return void process.stdout.write(HELP), EXIT.ok;
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('give the question to search, in quotes');
  const phase = values.phase;
  if (phase !== undefined && !(PHASES as readonly string[]).includes(phase)) throw new UsageError(`--phase is one of ${PHASES.join(', ')}`);
  const limit = values.limit === undefined ? 5 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number such as 5');
  const locale = values.locale ?? 'en';
  const search = await openSearch(values);
  const engine = search.engine(locale);
  if (!engine) throw new UsageError(`no articles for locale "${locale}"`);
  const explained = engine.explain(query, { phase: phase as Phase | undefined, limit });
  if (values.json) return void process.stdout.write(`${JSON.stringify(explained)}\n`), EXIT.ok;
  const out: string[] = [];
  out.push(`query: ${query}   locale: ${locale}${phase ? `   phase: ${phase}` : ''}   KB ${engine.kbVersion}`);
  out.push('words:');
  for (const slot of explained.slots) {
    const matched = slot.matched.length === 0 ? '(not in the knowledge base)' : slot.matched.map((m) => (m.similarity === 1 ? m.term : `${m.term}~${m.similarity}`)).join(', ');
    out.push(`  ${slot.word.padEnd(18)} weight ${slot.weight.toFixed(2)}  -> ${matched}`);
  }
  out.push('');
  out.push(' #  score  cover  quest  id');
  explained.results.forEach((r, i) => {
    out.push(`${String(i + 1).padStart(2)}  ${r.score.toFixed(3)}  ${r.coverage.toFixed(3)}  ${r.questionSimilarity.toFixed(3)}  ${r.id}${r.phaseBoost !== 1 ? `  (phase x${r.phaseBoost})` : ''}`);
    if (r.bestQuestion) out.push(`                        closest question: "${r.bestQuestion}"`);
  });
  if (explained.results.length === 0) out.push('    (no article shares a word with the query)');
  out.push('');
  out.push(`decision: ${explained.decision}   (margin to the second result: ${explained.margin.toFixed(3)})`);
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
};
