/**
 * @module The candidate API against a real gateway on real PGlite: tokens (signature, expiry, audience,
 * length), ownership, idempotent creation and sends, SSE resume with Last-Event-ID, heartbeat, CORS.
 */
import type { ConversationEvent, ConversationView, Message } from '@lifeline/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateToken, CONTEXT, EXAM_ORIGIN, readSse, testGateway, type TestGateway } from './test/support.ts';

let gateway: TestGateway;
let token: string;

beforeAll(async () => {
  gateway = await testGateway({ heartbeatMs: 200 });
  token = await candidateToken();
});
afterAll(() => gateway.stop());

const auth = (t: string) => ({ authorization: `Bearer ${t}` });
const json = (t: string, extra: Record<string, string> = {}) => ({ ...auth(t), 'content-type': 'application/json', ...extra });
let keys = 0;
const newKey = () => `key-${Date.now()}-${(keys += 1)}`;

async function createConversation(t = token, key = newKey()): Promise<{ response: Response; body: ConversationView }> {
  const response = await fetch(`${gateway.url}/v1/conversations`, { method: 'POST', headers: json(t, { 'idempotency-key': key }), body: JSON.stringify({ context: CONTEXT }) });
  return { response, body: (await response.json()) as ConversationView };
}

async function send(id: string, clientMessageId: string, text: string, t = token): Promise<Response> {
  return fetch(`${gateway.url}/v1/conversations/${id}/messages`, { method: 'POST', headers: json(t), body: JSON.stringify({ clientMessageId, text }) });
}

describe('candidate tokens', () => {
  const cases: [string, (() => Promise<string>) | undefined, string][] = [
    ['no token', undefined, 'auth.missing'],
    ['a bad signature', () => candidateToken({ secret: 'another-secret-that-is-also-long-enough!!' }), 'auth.bad_signature'],
    ['an expired token', () => candidateToken({ expiresIn: -120 }), 'auth.token_expired'],
    ['the wrong audience', () => candidateToken({ audience: 'someone-else' }), 'auth.claim_invalid'],
    ['the wrong issuer', () => candidateToken({ issuer: 'https://evil.example.com' }), 'auth.claim_invalid'],
    ['a token that lives two hours', () => candidateToken({ expiresIn: 7200 }), 'auth.token_too_long'],
    ['claims without an exam', () => candidateToken({ claims: { exam: undefined } }), 'auth.claims_invalid'],
    ['garbage', async () => 'not.a.jwt', 'auth.token_invalid'],
  ];
  it.each(cases)('answers 401 to %s', async (_, make, code) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': newKey() };
    if (make) headers.authorization = `Bearer ${await make()}`;
    const response = await fetch(`${gateway.url}/v1/conversations`, { method: 'POST', headers, body: JSON.stringify({ context: CONTEXT }) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('accepts a token that expired 30 s ago (60 s of clock skew)', async () => {
    const { response } = await createConversation(await candidateToken({ expiresIn: -30 }));
    expect(response.status).toBe(201);
  });
});

describe('conversations', () => {
  it('creates one conversation per idempotency key, however often the widget retries', async () => {
    const key = newKey();
    const first = await createConversation(token, key);
    const second = await createConversation(token, key);
    expect(first.response.status).toBe(201);
    expect(second.response.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    // No conversation has been handled yet: there is a place, and no time to promise.
    expect(first.body).toEqual({ id: first.body.id, status: 'queued', position: expect.any(Number) });
    const rows = await gateway.db.query('select id from conversations where idempotency_key = $1', [key]);
    expect(rows).toHaveLength(1);
  });

  it('answers 400 with the field when the body or the key is wrong', async () => {
    const noKey = await fetch(`${gateway.url}/v1/conversations`, { method: 'POST', headers: json(token), body: JSON.stringify({ context: CONTEXT }) });
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as { error: { code: string } }).error.code).toBe('request.idempotency_key');
    const badBody = await fetch(`${gateway.url}/v1/conversations`, { method: 'POST', headers: json(token, { 'idempotency-key': newKey() }), body: JSON.stringify({ context: { ...CONTEXT, entries: 'x' } }) });
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as { error: { message: string } }).error.message).toContain('context.entries');
  });

  it('keeps each candidate to its own conversations: 403 on another one, 404 on none', async () => {
    const { body } = await createConversation();
    const other = await candidateToken({ sub: 'candidate-2' });
    expect((await send(body.id, 'client-msg-1', 'hello', other)).status).toBe(403);
    // Not even a retry of the owner's own message id shows the other candidate that message.
    expect((await send(body.id, 'client-msg-mine', 'mine')).status).toBe(201);
    const retried = await send(body.id, 'client-msg-mine', 'mine', other);
    expect(retried.status).toBe(403);
    expect(await retried.text()).not.toContain('mine');
    expect(await gateway.db.query('select text from messages where conversation_id = $1', [body.id])).toEqual([{ text: 'mine' }]);
    expect((await send('nosuchconversation', 'client-msg-1', 'hello')).status).toBe(404);
    expect((await fetch(`${gateway.url}/v1/conversations/${body.id}/events`, { headers: auth(other) })).status).toBe(403);
    expect((await fetch(`${gateway.url}/v1/conversations/${body.id}`, { headers: auth(other) })).status).toBe(403);
    expect((await fetch(`${gateway.url}/v1/conversations/nosuchconversation`, { headers: auth(token) })).status).toBe(404);
  });

  it('stores a message once per clientMessageId and returns the same message on a retry', async () => {
    const { body } = await createConversation();
    const first = await send(body.id, 'client-msg-retry', 'my camera is black');
    const again = await send(body.id, 'client-msg-retry', 'my camera is black');
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = [(await first.json()) as Message, (await again.json()) as Message];
    expect(b).toEqual(a);
    expect(await gateway.db.query('select id from messages where conversation_id = $1', [body.id])).toHaveLength(1);
    expect(await gateway.db.query(`select seq from events where conversation_id = $1 and type = 'message'`, [body.id])).toHaveLength(1);
  });
});

describe('the event stream', () => {
  it('writes each event as id, event and data lines', async () => {
    const { body } = await createConversation();
    await send(body.id, 'client-msg-wire', 'hello');
    const response = await fetch(`${gateway.url}/v1/conversations/${body.id}/events`, { headers: auth(token) });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const { raw, events } = await readSse(response, (seen) => seen.some((e) => e.event === 'message'));
    const event = JSON.parse(events.find((e) => e.event === 'message')!.data!) as ConversationEvent;
    // The stream opens with a comment (the headers leave at once); the first event told the candidate
    // its place in the queue; the message is the second.
    expect(raw.startsWith(': open\n\n')).toBe(true);
    expect(events.filter((e) => e.event)[0]!.event).toBe('queue_update');
    expect(raw).toContain(`event: message\ndata: ${JSON.stringify(event)}\nid: 2\n\n`);
  });

  it('resumes exactly after Last-Event-ID, then goes on live, with no event twice', async () => {
    const { body } = await createConversation();
    for (let i = 1; i <= 5; i += 1) await send(body.id, `client-msg-resume-${i}`, `message ${i}`);
    const seqs = (await gateway.db.query<{ seq: number }>(`select seq from events where conversation_id = $1 and type = 'message' order by seq`, [body.id])).map((r) => r.seq);
    // The candidate saw up to "message 2".
    const response = await fetch(`${gateway.url}/v1/conversations/${body.id}/events`, { headers: { ...auth(token), 'last-event-id': String(seqs[1]) } });
    const reading = readSse(response, (seen) => seen.filter((e) => e.event === 'message').length >= 5);
    // Sent while the stream is open: it arrives live after the missed ones.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await send(body.id, 'client-msg-resume-6', 'message 6');
    await send(body.id, 'client-msg-resume-7', 'message 7');
    const { events } = await reading;
    const ids = events.filter((e) => e.id).map((e) => Number(e.id));
    expect(ids[0]).toBe(seqs[2]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const texts = events.filter((e) => e.event === 'message').map((e) => (JSON.parse(e.data!) as Extract<ConversationEvent, { type: 'message' }>).message.text);
    expect(texts).toEqual(['message 3', 'message 4', 'message 5', 'message 6', 'message 7']);
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const { body } = await createConversation();
    const response = await fetch(`${gateway.url}/v1/conversations/${body.id}/events`, { headers: auth(token) });
    const { events } = await readSse(response, (seen) => seen.some((e) => e.comment === 'heartbeat'), 3000);
    expect(events.some((e) => e.comment === 'heartbeat')).toBe(true);
  });
});

describe('CORS', () => {
  it('allows the configured exam origin and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway.url}/v1/conversations`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' } });
    expect((await preflight(EXAM_ORIGIN)).headers.get('access-control-allow-origin')).toBe(EXAM_ORIGIN);
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
