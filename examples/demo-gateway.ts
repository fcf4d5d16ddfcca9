/**
 * @module The demo's gateway: PGlite in a folder, anonymous candidates (the exam page plays the
 * platform's backend and asks for a token), two console accounts with a printed password, and the
 * console served at /console. With no console signed in, an escalation becomes a ticket, as it would.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../packages/gateway/src/agents/password.ts';
import { resolveConfig } from '../packages/gateway/src/config/index.ts';
import { startGateway, type RunningGateway } from '../packages/gateway/src/server.ts';

/** Demo accounts only: printed by `npm start`, never used outside this machine. */
export const DEMO_PASSWORD = 'lifeline-demo';

export interface DemoGateway extends RunningGateway {
  accounts: { id: string; role: string }[];
  password: string;
}

export async function startDemoGateway(options: { port?: number; dataDir?: string; examOrigin: string; kbUrl: string; consoleDir: string }): Promise<DemoGateway> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const agents = [
    { id: 'agent', name: 'Sam (demo agent)', passwordHash, role: 'agent' as const },
    { id: 'lead', name: 'Lea (demo lead)', passwordHash, role: 'lead' as const },
  ];
  const config = resolveConfig({
    port: options.port ?? 0,
    dataDir: options.dataDir ?? `memory://`,
    // Candidate tokens come from the anonymous endpoint here; the secret is only for a platform's own tokens.
    auth: { issuer: 'https://exams.example.com', audience: 'lifeline', secret: randomBytes(32).toString('base64url') },
    anonymous: { enabled: true, perMinute: 30 },
    corsOrigins: [options.examOrigin],
    agents,
  });
  const gateway = await startGateway(config, { console: { dir: options.consoleDir, config: { kbUrl: options.kbUrl } } });
  return { ...gateway, accounts: agents.map(({ id, role }) => ({ id, role })), password: DEMO_PASSWORD };
}
