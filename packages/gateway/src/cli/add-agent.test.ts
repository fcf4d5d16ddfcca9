/** @module add-agent writes a scrypt-hashed account into the config file, and refuses what would break it. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../agents/password.ts';
import { addAgent } from './add-agent.ts';

let dir: string;
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function configFile(content: unknown): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'lifeline-cli-'));
  const file = path.join(dir, 'gateway.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('add-agent', () => {
  it('adds an account whose password verifies, and replaces one with the same id', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const file = await configFile({ auth: { issuer: 'x', audience: 'y', secret: 'z'.repeat(32) } });
    expect(await addAgent(['--config', file, '--id', 'ana', '--name', 'Ana', '--role', 'lead'], Readable.from(['a long enough password\n']), {})).toBe(0);
    expect(await addAgent(['--config', file, '--id', 'ana', '--name', 'Ana R.'], Readable.from([]), { LIFELINE_AGENT_PASSWORD: 'another long password' })).toBe(0);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { agents: { id: string; name: string; role: string; passwordHash: string }[] };
    expect(saved.agents).toHaveLength(1);
    expect(saved.agents[0]).toMatchObject({ id: 'ana', name: 'Ana R.', role: 'agent' });
    expect(await verifyPassword('another long password', saved.agents[0]!.passwordHash)).toBe(true);
  });

  it('refuses a short password, a bad role and a bad id, and leaves the file as it was', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const original = { auth: { issuer: 'x', audience: 'y', secret: 'z'.repeat(32) } };
    const file = await configFile(original);
    expect(await addAgent(['--config', file, '--id', 'ana', '--name', 'Ana'], Readable.from(['short\n']), {})).toBe(2);
    expect(await addAgent(['--config', file, '--id', 'ana', '--name', 'Ana', '--role', 'boss'], Readable.from([]), { LIFELINE_AGENT_PASSWORD: 'a long enough password' })).toBe(2);
    expect(await addAgent(['--config', file, '--id', 'Ana Ruiz', '--name', 'Ana'], Readable.from([]), { LIFELINE_AGENT_PASSWORD: 'a long enough password' })).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(original);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('12 characters'), expect.stringContaining('--role'), expect.stringContaining('agents.0.id')]);
  });
});
