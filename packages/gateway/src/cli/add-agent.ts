/** @module `lifeline-gateway add-agent`: hashes a password with scrypt and adds the console account to the config file. */
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AGENT_ROLES, type AgentRole } from '@lifeline/protocol';
import { hashPassword } from '../agents/password.ts';
import { resolveConfig } from '../config/index.ts';

export async function addAgent(argv: string[], input: NodeJS.ReadableStream = process.stdin, env = process.env): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { config: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, capacity: { type: 'string' } } }));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const { config: file, id, name } = values;
  const role = (values.role ?? 'agent') as AgentRole;
  if (!file || !id || !name) {
    console.error('add-agent needs --config, --id and --name');
    return 2;
  }
  if (!AGENT_ROLES.includes(role)) {
    console.error(`--role must be one of ${AGENT_ROLES.join(', ')}`);
    return 2;
  }
  const password = env.LIFELINE_AGENT_PASSWORD ?? (await firstLine(input));
  if (!password || password.length < 12) {
    console.error('the password must have 12 characters or more (LIFELINE_AGENT_PASSWORD or standard input)');
    return 2;
  }
  let config: { agents?: { id: string }[] } & Record<string, unknown>;
  try {
    config = JSON.parse(await readFile(file, 'utf8')) as typeof config;
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const account = { id, name, role, passwordHash: await hashPassword(password), ...(values.capacity ? { capacity: Number(values.capacity) } : {}) };
  const next: Record<string, unknown> = { ...config, agents: [...(config.agents ?? []).filter((a) => a.id !== id), account] };
  try {
    // The whole file must still be a valid config before it is written.
    // (The secret may come from LIFELINE_JWT_SECRET at start, so a placeholder stands in for it here.)
    resolveConfig({ ...next, auth: { secret: 'x'.repeat(32), ...(next.auth as object) } }, file);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  await writeFile(file, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`${config.agents?.some((a) => a.id === id) ? 'updated' : 'added'} ${role} ${id} in ${file}`);
  return 0;
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const lines = createInterface({ input });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return undefined;
}
