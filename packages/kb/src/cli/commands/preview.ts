/** @module `lifeline-kb preview`: a local page where an editor tries the search on the KB as it is on disk. */
import { startPreview } from '../../preview/server.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { DEFAULT_SOURCE } from '../kb-source.ts';

const HELP = `Usage: lifeline-kb preview [--source DIR] [--port N] [--host H]

Builds the knowledge base, serves a search page (the widget's real search, with scores and the reason
for each result) and rebuilds whenever a file in DIR changes. Stop it with Ctrl+C.

  --source DIR   the knowledge-base folder (default: ${DEFAULT_SOURCE}/)
  --port N       port to listen on (default 4400; 0 picks a free one)
  --host H       address to listen on (default 127.0.0.1)

Exit codes: 0 stopped, 1 could not start, 2 wrong usage.
`;

export const runPreview: Command = async (argv) => {
  const { values } = parseCommandArgs(argv, { source: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
  if (values.help) return void process.stdout.write(HELP), EXIT.ok;
  const port = values.port === undefined ? 4400 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const preview = await startPreview({ source: values.source ?? DEFAULT_SOURCE, port, host: values.host ?? '127.0.0.1', log }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: pass another with --port`);
    throw error;
  });
  log(`\n  Knowledge-base search preview: ${preview.url}\n  (rebuilds when ${values.source ?? DEFAULT_SOURCE}/ changes; Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await preview.close();
  return EXIT.ok;
};
