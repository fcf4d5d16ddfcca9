/** @module lifeline-kb: the command line for knowledge-base editors (lint, build, search, eval, stamp, preview). */
import { isLifelineError } from '@lifeline/protocol';
import { runBuild } from './commands/build.ts';
import { runEval } from './commands/eval.ts';
import { runLint } from './commands/lint.ts';
import { runPreview } from './commands/preview.ts';
import { runSearch } from './commands/search.ts';
import { runStamp } from './commands/stamp.ts';
import { EXIT, UsageError, type Command } from './command.ts';

const COMMANDS: Record<string, Command> = {
  lint: runLint,
  build: runBuild,
  search: runSearch,
  eval: runEval,
  stamp: runStamp,
  preview: runPreview,
};

const HELP = `lifeline-kb — the knowledge-base tool

Usage: lifeline-kb <command> [options]     (every command has --help)

Commands:
  lint      check every article: schema, ids, links, translations, reviews, placeholders and their fallbacks, wording, HTML
  build     compile to manifest.json and <locale>.<hash>.json (--out DIR)
  search    show how the search ranks a question, and why
  eval      measure the search on evaluation questions (JSON Lines)
  stamp     record in translations which English text they follow (source_hash)
  preview   serve a page where an editor can try the search, rebuilt on every save

Exit codes: 0 ok, 1 problems found, 2 wrong usage.
Reads knowledge-base/ in the current folder unless --source DIR says otherwise.
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`lifeline-kb: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`lifeline-kb ${name}: ${error.message}\nRun "lifeline-kb ${name} --help" for the options.\n`);
      return EXIT.usage;
    }
    if (isLifelineError(error)) {
      process.stderr.write(`lifeline-kb ${name}: ${error.message}  [${error.code}]\n`);
      return EXIT.problems;
    }
    throw error;
  }
}
