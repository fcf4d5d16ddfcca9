/** @module `lifeline-kb lint`: every problem as `file:line:col  code  message`; exit 1 on errors. */
import { lintKnowledgeBase } from '../../lint/index.ts';
import { loadKnowledgeBase } from '../../source/load.ts';
import { formatProblem } from '../../source/problem.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { DEFAULT_SOURCE } from '../kb-source.ts';

const HELP = `Usage: lifeline-kb lint [--source DIR] [--today YYYY-MM-DD] [--strict]

Checks every article in DIR (default: ${DEFAULT_SOURCE}/): front-matter schema, duplicate ids, unknown
ids in "related" and in links, missing and outdated translations, reviews past due, unknown placeholders
and missing fallbacks, raw HTML, unsafe links, too few questions; and reads each article as a candidate
sees it without the host's values (placeholders replaced by their fallbacks) for doubled words and
fallbacks that read wrong. Prints "file:line:col  code  message" per problem.

  --source DIR   the knowledge-base folder
  --today DATE   judge review dates against this day instead of today
  --strict       warnings (such as reviews past due) also fail

Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 wrong usage.
`;

export const runLint: Command = async (argv) => {
  const { values } = parseCommandArgs(argv, { source: { type: 'string' }, today: { type: 'string' }, strict: { type: 'boolean' } });
  if (values.help) return void process.stdout.write(HELP), EXIT.ok;
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today takes a date such as 2026-11-23');
  const source = values.source ?? DEFAULT_SOURCE;
  const kb = await loadKnowledgeBase(source);
  const problems = lintKnowledgeBase(kb, { today: values.today });
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const articles = kb.articles.length;
  process.stdout.write(`${articles} articles checked in ${source}: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 || (values.strict && warnings > 0) ? EXIT.problems : EXIT.ok;
};
