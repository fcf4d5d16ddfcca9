/**
 * @module `npm run bench:gateway`: the gateway (its own process, PGlite) with N open conversations, each
 * with its candidate's SSE stream open, while messages are sent at a steady rate; send → delivered
 * latency on the sender's own stream, every message counted (lost, delivered twice), the gateway's RSS.
 * In the same run, a bare node:http SSE relay under the same load is the floor; ratioP99 = p99 / bare p99.
 * Prints a table, then one JSON line: {"openConversations","messagesPerSecond","createdPerSecond",
 * "p50Ms","p99Ms","lost","duplicated","rssMb","bareP50Ms","bareP99Ms","ratioP99"}.
 * A first second of sends warms both servers up untimed (its messages still count for lost and duplicated).
 * The two servers take turns for BENCH_ROUNDS rounds, each on a fresh server; the figures pool the rounds.
 * Env: BENCH_CONVERSATIONS (500), BENCH_RATE (messages/s, 200), BENCH_SECONDS (10, timed, per round),
 * BENCH_ROUNDS (3); BENCH_PROFILE=DIR
 * writes a --cpu-prof profile of the gateway process there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { BENCH_AUDIENCE, BENCH_ISSUER, BENCH_SECRET } from './gateway-bench-auth.ts';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 1;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BUDGET = { p99Ms: 100, ratioP99: 3 };

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(kind: 'gateway' | 'bare'): Promise<Server> {
  const script = fileURLToPath(new URL('./gateway-server.ts', import.meta.url));
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE && kind === 'gateway' ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []), '--import', 'tsx', script, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited with ${code}`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, body: unknown, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = httpRequest(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** Opens a stream and calls `onMessage` with each message text; resolves when the response headers arrive. */
function openStream(url: string, headers: Record<string, string>, onMessage: (text: string) => void): Promise<() => void> {
  return new Promise((resolve, reject) => {
    // Streams get their own sockets: a pooled socket held by a stream would starve the sends.
    const req = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.startsWith('event: message')) continue;
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) onMessage((JSON.parse(data.slice(6)) as { message: { text: string } }).message.text);
        }
      });
      resolve(() => req.destroy());
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Run {
  createdPerSecond: number;
  latencies: number[];
  p50: number;
  p99: number;
  lost: number;
  duplicated: number;
  sent: number;
  rssMb: number;
}

async function run(kind: 'gateway' | 'bare'): Promise<Run> {
  const server = await startServer(kind);
  try {
    const key = new TextEncoder().encode(BENCH_SECRET);
    const tokens = await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) =>
        new SignJWT({ name: `Candidate ${i}`, exam: { id: 'bench', name: 'Bench exam' }, phase: i % 3 === 0 ? 'during' : 'before' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(`bench-${i}`)
          .setIssuer(BENCH_ISSUER)
          .setAudience(BENCH_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('30m')
          .sign(key),
      ),
    );
    const context = { sessionId: 's', startedAt: new Date().toISOString(), locale: 'en', page: 'https://bench.example.com/', userAgent: 'bench', entries: [] };
    // Created one after another, as candidates arrive: the rate the gateway sustains for a burst of escalations.
    const ids: string[] = [];
    const createStart = performance.now();
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      if (kind === 'bare') {
        ids.push(`bare-${i}`);
        continue;
      }
      const body = await new Promise<string>((resolve, reject) => {
        const data = JSON.stringify({ context });
        const req = httpRequest(`${server.url}/v1/conversations`, { method: 'POST', agent, headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json', 'idempotency-key': `bench-key-${i}`, 'content-length': Buffer.byteLength(data) } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end(data);
      });
      ids.push((JSON.parse(body) as { id: string }).id);
    }
    const createdPerSecond = kind === 'bare' ? NaN : Math.round(CONVERSATIONS / ((performance.now() - createStart) / 1000));

    const sentAt = new Map<string, number>();
    const received = new Map<string, number>();
    const latencies: number[] = [];
    const closers = await Promise.all(
      ids.map((id, i) =>
        openStream(`${server.url}/v1/conversations/${id}/events`, { authorization: `Bearer ${tokens[i]}` }, (text) => {
          const count = (received.get(text) ?? 0) + 1;
          received.set(text, count);
          const at = sentAt.get(text);
          if (count === 1 && at !== undefined) latencies.push(performance.now() - at);
        }),
      ),
    );
    // The first second warms both servers up (JIT, first statements) and is not timed; its messages are
    // still counted for lost and duplicated.
    const warmup = RATE * WARMUP_SECONDS;
    const total = warmup + RATE * SECONDS;
    const started = performance.now();
    const sends: Promise<number>[] = [];
    for (let n = 0; n < total; n += 1) {
      // Paced on the clock, not on the answers: a slow server does not slow the senders down.
      const due = started + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const i = n % CONVERSATIONS;
      const text = `bench message ${n}`;
      if (n >= warmup) sentAt.set(text, performance.now());
      sends.push(post(`${server.url}/v1/conversations/${ids[i]}/messages`, { clientMessageId: `bench-${n}-xxxx`, text }, { authorization: `Bearer ${tokens[i]}` }).catch(() => 0));
    }
    await Promise.all(sends);
    // Whatever is still on its way has 5 s to arrive; later counts as lost.
    const deadline = performance.now() + 5000;
    while (received.size < total && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const memory = rssMb(server.child.pid!);
    closers.forEach((close) => close());
    const sorted = latencies.sort((a, b) => a - b);
    let duplicated = 0;
    for (const count of received.values()) duplicated += count - 1;
    return { createdPerSecond, latencies: sorted, p50: percentile(sorted, 50), p99: percentile(sorted, 99), lost: total - received.size, duplicated, sent: total - warmup, rssMb: memory };
  } finally {
    server.child.kill();
  }
}

/** The rounds of one server as one run: every latency pooled, counts summed, the mean creation rate, the most memory. */
function pooled(runs: Run[]): Run {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (pick: (r: Run) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    createdPerSecond: Math.round(sum((r) => r.createdPerSecond) / runs.length),
    latencies,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    lost: sum((r) => r.lost),
    duplicated: sum((r) => r.duplicated),
    sent: sum((r) => r.sent),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
// Bare and gateway take turns, each round on a fresh server: a slow spell of the machine falls on both
// alike, and the p99 comes from ROUNDS times more messages than one window gives.
const bareRuns: Run[] = [];
const gatewayRuns: Run[] = [];
for (let r = 0; r < ROUNDS; r += 1) {
  bareRuns.push(await run('bare'));
  gatewayRuns.push(await run('gateway'));
}
agent.destroy();
const bare = pooled(bareRuns);
const gateway = pooled(gatewayRuns);
const ratioP99 = round(gateway.p99 / bare.p99);

const rows = [
  ['', 'gateway (PGlite)', 'bare node:http relay'],
  ['open conversations', String(CONVERSATIONS), String(CONVERSATIONS)],
  ['messages timed', `${gateway.sent} at ${RATE}/s`, `${bare.sent} at ${RATE}/s`],
  ['created per second', String(gateway.createdPerSecond), '-'],
  ['send → delivered p50', `${round(gateway.p50)} ms`, `${round(bare.p50)} ms`],
  ['send → delivered p99', `${round(gateway.p99)} ms`, `${round(bare.p99)} ms`],
  ['lost / delivered twice', `${gateway.lost} / ${gateway.duplicated}`, `${bare.lost} / ${bare.duplicated}`],
  ['server RSS (most)', `${gateway.rssMb} MB`, `${bare.rssMb} MB`],
  ...gatewayRuns.map((g, i) => [`round ${i + 1}: p99`, `${round(g.p99)} ms`, `${round(bareRuns[i]!.p99)} ms`]),
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
const ok = gateway.p99 <= BUDGET.p99Ms && gateway.lost === 0 && gateway.duplicated === 0 && ratioP99 <= BUDGET.ratioP99;
console.log(`\n${ok ? 'ok  ' : 'OVER'} budget at ${CONVERSATIONS} open conversations: p99 ≤ ${BUDGET.p99Ms} ms, nothing lost or duplicated, p99 ≤ ${BUDGET.ratioP99}× the bare relay (${ratioP99}×)`);
console.log(
  JSON.stringify({
    openConversations: CONVERSATIONS,
    messagesPerSecond: RATE,
    createdPerSecond: gateway.createdPerSecond,
    p50Ms: round(gateway.p50),
    p99Ms: round(gateway.p99),
    lost: gateway.lost,
    duplicated: gateway.duplicated,
    rssMb: gateway.rssMb,
    bareP50Ms: round(bare.p50),
    bareP99Ms: round(bare.p99),
    ratioP99,
  }),
);
if (!ok) process.exitCode = 1;
