/**
 * @module Test helpers: a real gateway on a fresh PGlite folder, candidate tokens, and an SSE reader.
 * With `LIFELINE_TEST_POSTGRES=postgres://user@host:port`, each test gateway gets a fresh database on
 * that PostgreSQL server instead (dropped after), so the same tests check the SQL there too.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SessionContext } from '@lifeline/protocol';
import { SignJWT } from 'jose';
import { hashPassword } from '../agents/password.ts';
import { setPresence } from '../agents/presence.ts';
import { resolveConfig } from '../config/index.ts';
import { startGateway, type RunningGateway } from '../server.ts';

export const SECRET = 'test-secret-that-is-long-enough-for-hs256!';
export const ISSUER = 'https://exams.example.com';
export const AUDIENCE = 'lifeline';
export const EXAM_ORIGIN = 'https://exams.example.com';

export interface TestGateway extends RunningGateway {
  dataDir: string;
  stop(): Promise<void>;
}

export const AGENT_PASSWORD = 'correct horse battery staple';

/** Console accounts: two agents (capacity 2 for ana, to test the limit), a lead and a tier-2 agent. */
export async function testAccounts() {
  const passwordHash = await hashPassword(AGENT_PASSWORD);
  return [
    { id: 'ana', name: 'Ana', passwordHash, role: 'agent' as const, capacity: 2 },
    { id: 'ben', name: 'Ben', passwordHash, role: 'agent' as const },
    { id: 'lea', name: 'Lea', passwordHash, role: 'lead' as const },
    { id: 'tom', name: 'Tom', passwordHash, role: 'tier2' as const },
  ];
}

export interface TestGatewayOptions {
  heartbeatMs?: number;
  agents?: Awaited<ReturnType<typeof testAccounts>>;
  /** An agent online, so conversations queue instead of becoming tickets (default true). */
  staffed?: boolean;
  config?: Record<string, unknown>;
  webhookIntervalMs?: number;
  /** How long a closed console's agent stays online (default: the gateway's 5 s). */
  leaveGraceMs?: number;
  /** How often the gateway looks for staffing that changed without an event (default: its 30 s). */
  waitSweepMs?: number;
}

export async function testGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lifeline-gateway-'));
  const postgres = process.env.LIFELINE_TEST_POSTGRES ? await freshPostgres(process.env.LIFELINE_TEST_POSTGRES) : undefined;
  const config = resolveConfig({ port: 0, dataDir, ...(postgres ? { databaseUrl: postgres.url } : {}), auth: { issuer: ISSUER, audience: AUDIENCE, secret: SECRET }, corsOrigins: [EXAM_ORIGIN], agents: options.agents ?? [], ...options.config });
  const gateway = await startGateway(config, {
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.webhookIntervalMs ? { webhookIntervalMs: options.webhookIntervalMs } : {}),
    ...(options.leaveGraceMs !== undefined ? { leaveGraceMs: options.leaveGraceMs } : {}),
    ...(options.waitSweepMs !== undefined ? { waitSweepMs: options.waitSweepMs } : {}),
  });
  if (options.staffed ?? true) await setPresence(gateway.db, 'desk', 'online');
  return {
    ...gateway,
    dataDir,
    async stop() {
      await gateway.close();
      await rm(dataDir, { recursive: true, force: true });
      await postgres?.drop();
    },
  };
}

/** A new, empty database on the PostgreSQL server at `server` (`postgres://user@host:port`). */
async function freshPostgres(server: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `lifeline_test_${randomUUID().replaceAll('-', '')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: `${server}/postgres` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  return { url: `${server}/${name}`, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface TokenOptions {
  sub?: string;
  secret?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  issuedAt?: number;
  claims?: Record<string, unknown>;
}

export async function candidateToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = options.issuedAt ?? now;
  return new SignJWT({ name: 'Ana García', exam: { id: 'bio-101', name: 'Biology 101', start: new Date(Date.now() + 20 * 60_000).toISOString() }, phase: 'before', locale: 'es', ...options.claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? 'candidate-1')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

export const CONTEXT: SessionContext = {
  sessionId: 'session-1',
  startedAt: '2026-11-24T09:00:00.000Z',
  locale: 'es',
  phase: 'before',
  kbVersion: '2026.11.1',
  page: 'https://exams.example.com/bio-101',
  userAgent: 'Mozilla/5.0',
  entries: [{ type: 'question', at: 1, text: 'my camera is black' }],
  checks: undefined,
};

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads SSE frames from a response until `done` says it has enough (or the time runs out). */
export async function readSse(response: Response, done: (events: SseEvent[]) => boolean, timeoutMs = 5000): Promise<{ events: SseEvent[]; raw: string }> {
  const follower = followSse(response);
  try {
    await follower.until(done, timeoutMs);
    return { events: follower.events, raw: follower.raw };
  } finally {
    await follower.close();
  }
}

/**
 * Follows an SSE response: `until` reads on until its test holds on every frame so far (or the time runs
 * out, and then resolves all the same: the assertions after it say what was missing), and can be asked again.
 */
export function followSse(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  let ended = false;
  // A read that lost the race to the deadline is still the next chunk: the next `until` waits for it.
  let pending: ReturnType<typeof reader.read> | undefined;
  const state = { events, raw: '' };
  return {
    get events() {
      return state.events;
    },
    get raw() {
      return state.raw;
    },
    async until(done: (events: SseEvent[]) => boolean, timeoutMs = 5000): Promise<SseEvent[]> {
      const deadline = Date.now() + timeoutMs;
      while (!done(events) && !ended) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()))));
        pending ??= reader.read();
        const next = await Promise.race([pending, late]).finally(() => clearTimeout(timer));
        if (next === 'late') break;
        pending = undefined;
        if (next.done) {
          ended = true;
          break;
        }
        state.raw += next.value;
        buffer += next.value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = {};
          for (const line of frame.split('\n')) {
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === '') event.comment = value;
            else if (field === 'id' || field === 'event' || field === 'data') event[field] = value;
          }
          events.push(event);
        }
      }
      return events;
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}

/** A signed-in console: its cookie and CSRF token on every request. */
export async function signIn(gatewayUrl: string, agentId: string, password = AGENT_PASSWORD) {
  const response = await fetch(`${gatewayUrl}/console/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId, password }) });
  if (response.status !== 200) return { response, request: undefined, cookie: undefined };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrf } = (await response.json()) as { csrf: string };
  const request = (route: string, init: { method?: string; body?: unknown; csrf?: string | null } = {}) =>
    fetch(`${gatewayUrl}/console/api${route}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'content-type': 'application/json', ...(init.csrf === null ? {} : { 'x-csrf-token': init.csrf ?? csrf }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  return { response, request, cookie };
}

/** The console's live line of a signed-in agent, open until `close()`: its frames as they come. */
export async function openConsoleLine(gatewayUrl: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${gatewayUrl}/console/api/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  return { response, close: () => controller.abort() };
}
