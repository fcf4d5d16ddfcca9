/** @module `lifeline-gateway [--config file.json]`: starts the gateway and prints where it listens. */
import { isLifelineError } from '@lifeline/protocol';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.ts';
import { addAgent } from './add-agent.ts';
import { startGateway } from '../server.ts';

const USAGE = `usage: lifeline-gateway [--config gateway.json]
       lifeline-gateway add-agent --config gateway.json --id ana --name "Ana Ruiz" [--role agent|lead|tier2] [--capacity 4]

Config comes from the file (or LIFELINE_CONFIG) with PORT, DATABASE_URL and LIFELINE_JWT_SECRET on top.
add-agent reads the password from LIFELINE_AGENT_PASSWORD or the first line of standard input, hashes it
with scrypt and adds the account to the config file. See docs/gateway.md.`;

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'add-agent') return addAgent(argv.slice(1));
  let values: { config?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const config = await loadConfig(values.config ?? process.env.LIFELINE_CONFIG);
    const gateway = await startGateway(config);
    console.log(`lifeline-gateway listening on ${gateway.url} (${gateway.db.engine}${gateway.db.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`);
    const stop = () => void gateway.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>(() => undefined);
  } catch (error) {
    console.error(isLifelineError(error) ? `${error.code}: ${error.message}` : error);
    return 1;
  }
}
