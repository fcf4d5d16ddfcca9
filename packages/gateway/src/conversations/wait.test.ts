/**
 * @module Expected waits on a real gateway on real PGlite: from the agents with a console open and the
 * recent handling times, told to the waiting candidates when staffing changes, absent when nobody can
 * answer or there is no history; and `GET /v1/status`, with no token and nothing about any candidate.
 */
import { SupportStatus, type ConversationEvent, type ConversationView } from '@lifeline/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { candidateToken, CONTEXT, EXAM_ORIGIN, followSse, openConsoleLine, signIn, testAccounts, testGateway, type TestGateway } from '../test/support.ts';

let gateway: TestGateway;
beforeAll(async () => {
  // Nobody online at first (no stand-in presence), and a closed console's agent leaves at once.
  gateway = await testGateway({ agents: await testAccounts(), staffed: false, leaveGraceMs: 0, waitSweepMs: 100 });
});
afterAll(() => gateway.stop());

const status = async () => {
  const response = await fetch(`${gateway.url}/v1/status`, { headers: { origin: EXAM_ORIGIN } });
  expect(response.headers.get('access-control-allow-origin')).toBe(EXAM_ORIGIN);
  return z.parse(SupportStatus, await response.json());
};

async function escalate(n: number) {
  const token = await candidateToken({ sub: `waiting-${n}`, claims: { phase: 'before' } });
  const response = await fetch(`${gateway.url}/v1/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `wait-key-${n}` }, body: JSON.stringify({ context: CONTEXT }) });
  return { token, view: (await response.json()) as ConversationView };
}

/** Conversations closed in the last hour after 10, 10 and 15 minutes with an agent: a median of 600 s. */
async function recentHistory() {
  for (const [n, minutes] of [[1, 10], [2, 10], [3, 15]] as const) {
    await gateway.db.query(
      `insert into conversations (id, candidate_id, candidate_name, exam_id, exam_name, phase, idempotency_key, status, context, assigned_at, closed_at)
       values ($1, $2, 'Earlier', 'bio-101', 'Biology 101', 'before', $1, 'closed', '{"entries":[]}', now() - interval '40 minutes', now() - interval '40 minutes' + make_interval(mins => $3))`,
      [`history-${n}`, `earlier-${n}`, minutes],
    );
  }
}

it('promises no time without history or without an agent, and then waits from the agents online and their handling times', async () => {
  // Nobody online: a new conversation would be a ticket, and no wait is promised.
  expect(await status()).toEqual({ open: true, agentsOnline: 0 });

  const ana = await signIn(gateway.url, 'ana');
  let line = await openConsoleLine(gateway.url, ana.cookie!);
  await followSse(line.response).until((events) => events.some((e) => e.event === 'queue'));
  // Online, but nothing has been handled yet: still no time to promise.
  expect(await status()).toEqual({ open: true, agentsOnline: 1 });
  const first = await escalate(1);
  expect(first.view).toEqual({ id: first.view.id, status: 'queued', position: 1 });

  // With history, Ana (2 chats at once) taking two conversations: each place ahead frees in 600 / 2 s.
  await recentHistory();
  const others = [await escalate(2), await escalate(3), await escalate(4)];
  for (const _ of [1, 2]) expect((await ana.request!('/conversations/next/take', { method: 'POST' })).status).toBe(200);
  const [third, fourth] = others.slice(1);
  const view = async (candidate: typeof first) => (await (await fetch(`${gateway.url}/v1/conversations/${candidate.view.id}`, { headers: { authorization: `Bearer ${candidate.token}` } })).json()) as ConversationView;
  expect(await view(third!)).toMatchObject({ position: 1, estimatedWaitSeconds: 300 });
  expect(await view(fourth!)).toMatchObject({ position: 2, estimatedWaitSeconds: 600 });
  expect(await status()).toEqual({ open: true, agentsOnline: 1, estimatedWaitSeconds: 900 });

  // The fourth candidate follows its stream while Ana steps away, comes back, and closes her console.
  const stream = followSse(await fetch(`${gateway.url}/v1/conversations/${fourth!.view.id}/events`, { headers: { authorization: `Bearer ${fourth!.token}` } }));
  const updates = () => stream.events.filter((e) => e.event === 'queue_update').map((e) => JSON.parse(e.data!) as Extract<ConversationEvent, { type: 'queue_update' }>);
  await stream.until(() => updates().length > 0);
  const told = () => updates().at(-1)!;
  expect(told()).toMatchObject({ position: 2, estimatedWaitSeconds: 600 });

  await ana.request!('/presence', { method: 'POST', body: { status: 'away' } });
  await stream.until(() => told().estimatedWaitSeconds === undefined);
  expect(told()).not.toHaveProperty('estimatedWaitSeconds');
  expect(told().position).toBe(2);
  expect(await status()).toEqual({ open: true, agentsOnline: 0 });

  await ana.request!('/presence', { method: 'POST', body: { status: 'online' } });
  await stream.until(() => told().estimatedWaitSeconds === 600);
  expect(await status()).toMatchObject({ agentsOnline: 1 });

  // The last console closes: Ana is gone now, not two minutes later, and the wait goes with her.
  line.close();
  await stream.until(() => told().estimatedWaitSeconds === undefined);
  expect(told()).not.toHaveProperty('estimatedWaitSeconds');
  expect(await view(fourth!)).toEqual({ id: fourth!.view.id, status: 'queued', position: 2 });
  expect(await status()).toEqual({ open: true, agentsOnline: 0 });
  // …and a new conversation is a ticket.
  expect((await escalate(5)).view.status).toBe('ticket');

  // Back with a console, which then dies without closing: once her presence is stale, the sweep tells the candidates.
  line = await openConsoleLine(gateway.url, ana.cookie!);
  await stream.until(() => told().estimatedWaitSeconds === 600);
  await gateway.db.query(`update agent_presence set updated_at = now() - interval '1 hour' where agent_id = 'ana'`);
  await stream.until(() => told().estimatedWaitSeconds === undefined);
  expect(told()).not.toHaveProperty('estimatedWaitSeconds');
  line.close();
  await stream.close();
});

it('answers without a token, with counts only (the schema is strict: any other field fails the parse)', async () => {
  const response = await fetch(`${gateway.url}/v1/status`);
  expect(response.status).toBe(200);
  expect(z.safeParse(SupportStatus, await response.json()).success).toBe(true);
});
