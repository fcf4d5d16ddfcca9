/** @module `lifeline-kb build --out DIR`: lint, then write manifest.json and <locale>.<hash>.json. */
import { buildKnowledgeBase, writeBuild } from '../../build/index.ts';
import { loadKnowledgeBase } from '../../source/load.ts';
import { formatProblem } from '../../source/problem.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { DEFAULT_SOURCE } from '../kb-source.ts';

const HELP = `Usage: lifeline-kb build --out DIR [--source DIR]

Compiles the published articles of every locale: markdown rendered to sanitized HTML, then
DIR/manifest.json (KB version, per-locale file, article count) and DIR/<locale>.<hash>.json.
The same input always gives byte-identical files. Refuses to build while lint finds errors.

  --out DIR      where to write (created if missing)
  --source DIR   the knowledge-base folder (default: ${DEFAULT_SOURCE}/)

Exit codes: 0 built, 1 errors in the knowledge base (nothing written), 2 wrong usage.
`;

export const runBuild: Command = async (argv) => {
  const { values } = parseCommandArgs(argv, { out: { type: 'string' }, source: { type: 'string' } });
  if (values.help) return void process.stdout.write(HELP), EXIT.ok;
  if (!values.out) throw new UsageError('--out DIR is required');
  const result = buildKnowledgeBase(await loadKnowledgeBase(values.source ?? DEFAULT_SOURCE));
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`build stopped: ${result.problems.length} error(s); nothing was written\n`);
    return EXIT.problems;
  }
  await writeBuild(values.out, result.output);
  const { manifest } = result.output;
  for (const [locale, entry] of Object.entries(manifest.locales)) {
    process.stdout.write(`${locale}: ${entry.articles} articles -> ${values.out}/${entry.file}\n`);
  }
  process.stdout.write(`KB version ${manifest.kbVersion} -> ${values.out}/manifest.json\n`);
  return EXIT.ok;
};
