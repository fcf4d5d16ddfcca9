/**
 * @module The console API against a real gateway on real PGlite: sign-in and CSRF, presence, the urgency order,
 * capacity, a reply reaching the candidate's stream, private notes, close and CSAT, the audit log.
 */
import type { ConversationEvent, ConversationView } from '@lifeline/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueItem } from './conversations/store.ts';
import { candidateToken, CONTEXT, followSse, openConsoleLine, readSse, signIn, testAccounts, testGateway, type SseEvent, type TestGateway } from './test/support.ts';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await testGateway({ agents: await testAccounts() });
});
afterAll(() => gateway.stop());

/** Waits for the events a test needs, and no longer: generous, as sign-ins (scrypt) are slow on a busy machine. */
const SSE_TIMEOUT_MS = 20_000;

let count = 0;
/** A candidate's conversation: its phase and exam start decide its place in the queue. */
async function escalate(phase: 'before' | 'during' | 'after', startInMinutes?: number) {
  count += 1;
  const token = await candidateToken({
    sub: `candidate-${count}`,
    claims: { phase, exam: { id: 'bio-101', name: 'Biology 101', ...(startInMinutes === undefined ? {} : { start: new Date(Date.now() + startInMinutes * 60_000).toISOString() }) } },
  });
  const response = await fetch(`${gateway.url}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `escalation-${count}` },
    body: JSON.stringify({ context: CONTEXT }),
  });
  return { token, conversation: (await response.json()) as ConversationView };
}

async function agent(id: string) {
  const { request } = await signIn(gateway.url, id);
  if (!request) throw new Error(`${id} could not sign in`);
  return request;
}

describe('sign-in', () => {
  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const wrong = await signIn(gateway.url, 'ana', 'nope');
    const unknown = await signIn(gateway.url, 'nobody');
    expect([wrong.response.status, unknown.response.status]).toEqual([401, 401]);
  });

  it('sets an httpOnly SameSite=Strict cookie and refuses a change without the CSRF token', async () => {
    const { response, request } = await signIn(gateway.url, 'ben');
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(response.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect((await request!('/queue')).status).toBe(200);
    const refused = await request!('/conversations/x/close', { method: 'POST', body: { resolution: 'solved' }, csrf: null });
    expect(refused.status).toBe(403);
    expect((await fetch(`${gateway.url}/console/api/queue`)).status).toBe(401);
  });
});

describe('presence', () => {
  it('answers the agent’s own presence: offline before any, away kept however old, a quiet online offline', async () => {
    expect((await fetch(`${gateway.url}/console/api/presence`)).status).toBe(401);
    await gateway.db.query(`delete from agent_presence where agent_id in ('ana', 'ben')`);
    const [ana, ben] = [await agent('ana'), await agent('ben')];
    const presence = async (request: typeof ana) => (await (await request('/presence', { csrf: null })).json()) as unknown;
    expect(await presence(ana)).toEqual({ status: 'offline' });

    expect((await ana('/presence', { method: 'POST', body: { status: 'away' } })).status).toBe(204);
    expect((await ben('/presence', { method: 'POST', body: { status: 'online' } })).status).toBe(204);
    expect([await presence(ana), await presence(ben)]).toEqual([{ status: 'away' }, { status: 'online' }]);

    // Both consoles went quiet for longer than presence stays fresh.
    await gateway.db.query(`update agent_presence set updated_at = now() - interval '1 hour' where agent_id in ('ana', 'ben')`);
    expect([await presence(ana), await presence(ben)]).toEqual([{ status: 'away' }, { status: 'offline' }]);
  });
});

describe('the queue', () => {
  it('serves a running exam first, then one starting within 30 minutes, then the longest wait', async () => {
    await gateway.db.query(`update conversations set status = 'closed'`);
    const later = await escalate('before', 120);
    const after = await escalate('after');
    const soon = await escalate('before', 10);
    const running = await escalate('during');
    const lead = await agent('lea');
    const { waiting } = (await (await lead('/queue')).json()) as { waiting: QueueItem[] };
    expect(waiting.map((item) => item.id)).toEqual([running, soon, later, after].map((e) => e.conversation.id));
    expect(waiting[0]).toMatchObject({ phase: 'during', firstQuestion: 'my camera is black' });
    // "Take next" gives the most urgent.
    const ben = await agent('ben');
    expect(await (await ben('/conversations/next/take', { method: 'POST' })).json()).toEqual({ id: running.conversation.id });
  });

  it('keeps an agent within capacity', async () => {
    const ana = await agent('ana');
    await escalate('during');
    await escalate('during');
    await escalate('during');
    expect((await ana('/conversations/next/take', { method: 'POST' })).status).toBe(200);
    expect((await ana('/conversations/next/take', { method: 'POST' })).status).toBe(200);
    const third = await ana('/conversations/next/take', { method: 'POST' });
    expect(third.status).toBe(409);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('conversation.full');
  });
});

describe('a conversation from escalation to rating', () => {
  it('reaches the candidate: agent joined, the reply, closed, rating; notes stay private; the audit log has it all', async () => {
    await gateway.db.query(`update conversations set status = 'closed' where status = 'queued'`);
    const { token, conversation } = await escalate('during');
    const stream = await fetch(`${gateway.url}/v1/conversations/${conversation.id}/events`, { headers: { authorization: `Bearer ${token}` } });
    const reading = readSse(stream, (events) => events.some((e) => e.event === 'csat_requested'), SSE_TIMEOUT_MS);
    const ben = await agent('ben');
    await ben(`/conversations/${conversation.id}/take`, { method: 'POST' });
    await ben(`/conversations/${conversation.id}/messages`, { method: 'POST', body: { clientMessageId: 'agent-note-1', text: 'seems a driver issue', private: true } });
    const reply = await ben(`/conversations/${conversation.id}/messages`, { method: 'POST', body: { clientMessageId: 'agent-msg-1', text: 'Open the privacy shutter, please.' } });
    expect(reply.status).toBe(201);
    expect((await ben(`/conversations/${conversation.id}/close`, { method: 'POST', body: { resolution: 'solved' } })).status).toBe(204);
    const events = (await reading).events.filter((e) => e.data).map((e) => JSON.parse(e.data!) as ConversationEvent);
    expect(events.map((e) => e.type)).toEqual(['queue_update', 'agent_joined', 'message', 'closed', 'csat_requested']);
    expect(JSON.stringify(events)).not.toContain('driver issue');

    const rate = (score: number) =>
      fetch(`${gateway.url}/v1/conversations/${conversation.id}/csat`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ score, comment: 'quick!' }) });
    expect((await rate(5)).status).toBe(204);
    expect((await rate(4)).status).toBe(409);

    const lea = await agent('lea');
    const detail = (await (await lea(`/conversations/${conversation.id}`)).json()) as { csat: unknown; messages: { private: boolean }[] };
    expect(detail.csat).toEqual({ score: 5, comment: 'quick!' });
    expect(detail.messages.map((m) => m.private)).toEqual([true, false]);
    const audit = (await (await lea(`/audit?conversation=${conversation.id}`)).json()) as { actor: string; action: string; detail: unknown }[];
    // The candidate's own doings are there too, and each line says what happened in words, not ids.
    const candidate = `candidate:candidate-${count}`;
    expect(audit.map((a) => `${a.actor} ${a.action}`).reverse()).toEqual([`${candidate} escalate`, 'ben assign', 'ben note', 'ben message', 'ben close', `${candidate} rate`, 'lea open']);
    expect(audit.map((a) => a.detail).reverse()).toEqual([
      { candidate: 'Ana García', exam: 'Biology 101', phase: 'during' },
      {},
      { excerpt: 'seems a driver issue' },
      { excerpt: 'Open the privacy shutter, please.' },
      { resolution: 'solved' },
      { score: 5, comment: 'quick!' },
      {},
    ]);
    expect((await ben('/audit')).status).toBe(403);
    // The ratings for leads, without opening each conversation.
    const closed = (await (await lea('/closed?limit=5')).json()) as { id: string; csat: unknown; closedBy: string; resolution: string }[];
    expect(closed.find((c) => c.id === conversation.id)).toMatchObject({ csat: { score: 5, comment: 'quick!' }, closedBy: 'ben', resolution: 'solved' });
    expect((await ben('/closed')).status).toBe(403);
  });
});

describe('the console live line', () => {
  it('sends the queue when a candidate arrives, then the held conversation’s messages and typing', async () => {
    const ben = await agent('ben');
    const stream = await ben('/events');
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reading = readSse(stream, (events) => events.some((e) => e.event === 'typing'), SSE_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { token, conversation } = await escalate('during');
    await ben(`/conversations/${conversation.id}/take`, { method: 'POST' });
    const candidate = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await fetch(`${gateway.url}/v1/conversations/${conversation.id}/messages`, { method: 'POST', headers: candidate, body: JSON.stringify({ clientMessageId: 'live-line-1', text: 'are you there?' }) });
    await fetch(`${gateway.url}/v1/conversations/${conversation.id}/typing`, { method: 'POST', headers: candidate, body: JSON.stringify({ typing: true }) });
    const { events } = await reading;
    const queues = events.filter((e) => e.event === 'queue').map((e) => JSON.parse(e.data!) as { waiting: QueueItem[]; mine: QueueItem[] });
    expect(queues.some((q) => q.waiting.some((item) => item.id === conversation.id))).toBe(true);
    expect(queues.at(-1)!.mine.some((item) => item.id === conversation.id)).toBe(true);
    const messages = events.filter((e) => e.event === 'conversation').map((e) => JSON.parse(e.data!) as { conversationId: string; event: ConversationEvent });
    expect(messages.map((m) => m.event.type)).toContain('message');
    expect(JSON.parse(events.find((e) => e.event === 'typing')!.data!)).toEqual({ conversationId: conversation.id, typing: true });
  });
});

describe('whether the candidate is there', () => {
  it('tells every console when the candidate’s stream opens and when its last one closes, and the queue says it too', async () => {
    const { cookie } = await signIn(gateway.url, 'ben');
    const line = await openConsoleLine(gateway.url, cookie!);
    const heard = followSse(line.response);
    await heard.until((events) => events.some((e) => e.event === 'queue'));
    const { token, conversation } = await escalate('during');
    const connection = (connected: boolean) => (events: SseEvent[]) => events.some((e) => e.event === 'connection' && e.data === JSON.stringify({ conversationId: conversation.id, connected }));
    const lastQueue = () => JSON.parse(heard.events.filter((e) => e.event === 'queue').at(-1)!.data!) as { waiting: QueueItem[] };
    await heard.until((events) => events.filter((e) => e.event === 'queue').some((e) => e.data!.includes(conversation.id)));
    expect(lastQueue().waiting.find((item) => item.id === conversation.id)?.candidateConnected).toBe(false);

    // Two streams (a second tab): connected once, and still connected when one of them closes.
    const open = () => {
      const controller = new AbortController();
      return { controller, response: fetch(`${gateway.url}/v1/conversations/${conversation.id}/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal }) };
    };
    const [first, second] = [open(), open()];
    await Promise.all([first.response, second.response]);
    await heard.until(connection(true));
    const { waiting } = (await (await (await agent('ben'))('/queue')).json()) as { waiting: QueueItem[] };
    expect(waiting.find((item) => item.id === conversation.id)?.candidateConnected).toBe(true);
    first.controller.abort();
    second.controller.abort();
    await heard.until(connection(false));
    expect(heard.events.filter((e) => e.event === 'connection' && e.data!.includes(conversation.id)).map((e) => (JSON.parse(e.data!) as { connected: boolean }).connected)).toEqual([true, false]);
    const after = (await (await (await agent('ben'))('/queue')).json()) as { waiting: QueueItem[] };
    expect(after.waiting.find((item) => item.id === conversation.id)?.candidateConnected).toBe(false);
    await heard.close();
    line.close();
  });
});

describe('transfer, reassign and tags', () => {
  it('sends a conversation to tier 2 with a private note, a lead reassigns it, tags are kept and audited', async () => {
    await gateway.db.query(`update conversations set status = 'closed' where status in ('queued', 'assigned')`);
    const { token, conversation } = await escalate('during');
    const stream = await fetch(`${gateway.url}/v1/conversations/${conversation.id}/events`, { headers: { authorization: `Bearer ${token}` } });
    const reading = readSse(stream, (events) => events.filter((e) => e.event === 'agent_joined').length >= 2, SSE_TIMEOUT_MS);
    const ben = await agent('ben');
    await ben(`/conversations/${conversation.id}/take`, { method: 'POST' });
    expect((await ben(`/conversations/${conversation.id}/tags`, { method: 'PUT', body: { tags: ['camera', 'proctoring-app'] } })).status).toBe(204);
    expect((await ben(`/conversations/${conversation.id}/transfer`, { method: 'POST', body: { queue: 'tier2', note: 'driver problem, needs a specialist' } })).status).toBe(204);
    // Tier 2 sees it waiting; ben can no longer write in it.
    const tom = await agent('tom');
    const { waiting } = (await (await tom('/queue')).json()) as { waiting: QueueItem[] };
    expect(waiting.map((w) => w.id)).toContain(conversation.id);
    expect((await ben(`/conversations/${conversation.id}/messages`, { method: 'POST', body: { clientMessageId: 'after-transfer', text: 'hi' } })).status).toBe(403);
    // A lead gives it to tom directly; only leads may.
    expect((await ben(`/conversations/${conversation.id}/assign`, { method: 'POST', body: { agentId: 'tom' } })).status).toBe(403);
    const lea = await agent('lea');
    expect((await lea(`/conversations/${conversation.id}/assign`, { method: 'POST', body: { agentId: 'tom' } })).status).toBe(204);
    const events = (await reading).events.filter((e) => e.data).map((e) => JSON.parse(e.data!) as ConversationEvent);
    expect(events.map((e) => e.type)).toEqual(['queue_update', 'agent_joined', 'transferred', 'queue_update', 'agent_joined']);
    expect(JSON.stringify(events)).not.toContain('driver problem');
    const detail = (await (await tom(`/conversations/${conversation.id}`)).json()) as { tags: string[]; agentId: string; messages: { private: boolean; text: string }[] };
    expect(detail).toMatchObject({ tags: ['camera', 'proctoring-app'], agentId: 'tom' });
    expect(detail.messages).toEqual([expect.objectContaining({ private: true, text: 'driver problem, needs a specialist' })]);
    const audit = (await (await lea(`/audit?conversation=${conversation.id}`)).json()) as { actor: string; action: string }[];
    expect(audit.map((a) => `${a.actor} ${a.action}`).reverse()).toEqual([`candidate:candidate-${count} escalate`, 'ben assign', 'ben tag', 'ben transfer', 'lea assign', 'tom open']);
  });
});

describe('the agent typing', () => {
  it('reaches the candidate’s open stream without an id line, and is not stored', async () => {
    const { token, conversation } = await escalate('during');
    const ben = await agent('ben');
    await ben(`/conversations/${conversation.id}/take`, { method: 'POST' });
    const stream = await fetch(`${gateway.url}/v1/conversations/${conversation.id}/events`, { headers: { authorization: `Bearer ${token}` } });
    const reading = readSse(stream, (events) => events.some((e) => e.event === 'agent_typing'), SSE_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await ben(`/conversations/${conversation.id}/typing`, { method: 'POST', body: { typing: true } })).status).toBe(204);
    const { events, raw } = await reading;
    const typing = events.find((e) => e.event === 'agent_typing')!;
    expect(typing.id).toBeUndefined();
    expect(JSON.parse(typing.data!)).toMatchObject({ type: 'agent_typing', typing: true });
    expect(raw).toMatch(/event: agent_typing\ndata: [^\n]+\n\n/);
    expect(await gateway.db.query(`select seq from events where conversation_id = $1 and type = 'agent_typing'`, [conversation.id])).toEqual([]);
  });
});
