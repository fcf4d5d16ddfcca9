import type { ConversationEvent, Message } from '@lifeline/protocol';
import { describe, expect, it, vi } from 'vitest';
import { ConsoleApi, type ConversationDetail } from '../api/index.ts';
import { conversationDetail, queueItem } from '../test-fixtures.ts';
import { Desk, MAX_CHATS, TYPING_IDLE_MS } from './index.ts';

const SESSION = { agent: { id: 'ana', name: 'Ana', role: 'agent' as const, capacity: 4 }, csrf: 'token' };

/** The console API as a few answers in memory; the live line is a stream the test writes to. */
function fakeGateway(details: Record<string, ConversationDetail>) {
  const requests: { method: string; path: string; body: unknown; csrf: string | null }[] = [];
  const encoder = new TextEncoder();
  let line!: ReadableStreamDefaultController<Uint8Array>;
  // A first sign-in: the gateway holds no presence yet, and takes the one the console sends.
  const answers = new Map<string, (body: unknown) => Response | Promise<Response>>([
    ['GET /presence', () => Response.json({ status: 'offline' })],
    ['POST /presence', () => new Response(null, { status: 204 })],
  ]);
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input).replace('/console/api', '');
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    requests.push({ method, path, body, csrf: new Headers(init?.headers).get('x-csrf-token') });
    if (path === '/events') return new Response(new ReadableStream<Uint8Array>({ start: (c) => void (line = c) }), { headers: { 'content-type': 'text/event-stream' } });
    const answer = answers.get(`${method} ${path}`);
    if (answer) return answer(body);
    const detail = /^\/conversations\/([^/]+)$/.exec(path)?.[1];
    if (method === 'GET' && detail && details[detail]) return Response.json(details[detail]);
    return Response.json({ error: { code: 'route.not_found', message: path } }, { status: 404 });
  });
  const api = new ConsoleApi(fetchImpl as typeof fetch);
  api.csrf = SESSION.csrf;
  return {
    api,
    requests,
    answer: (route: string, respond: (body: unknown) => Response | Promise<Response>) => answers.set(route, respond),
    send: (event: string, data: unknown) => line.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    /** The connection ends (a proxy timeout, a gateway restart). */
    drop: () => line.close(),
  };
}

const message = (id: string, author: Message['author'], text: string, extra: Partial<Message> = {}): Message => ({ id, author, text, at: new Date(Date.parse('2026-11-24T09:05:00Z') + Number(id.replace(/\D/g, '') || 0) * 1000).toISOString(), ...extra });
const conversationEvent = (conversationId: string, event: ConversationEvent) => ({ conversationId, event });

async function deskWith(details: Record<string, ConversationDetail>, hidden = false) {
  const gateway = fakeGateway(details);
  const desk = new Desk(gateway.api, SESSION, { isHidden: () => hidden, events: { retryMs: [5] } });
  desk.start();
  await vi.waitFor(() => expect(desk.state).toMatchObject({ line: 'open', presence: 'online' }));
  return { desk, gateway };
}

describe('Desk', () => {
  it('opens the chats the agent already holds when the first queue arrives', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }) });
    gateway.send('queue', { waiting: [], mine: [queueItem({ id: 'c1', status: 'assigned' })] });
    await vi.waitFor(() => expect(desk.state.chats[0]?.detail?.id).toBe('c1'));
    expect(desk.state.active).toBe('c1');
    desk.stop();
  });

  it('reads a conversation once when its queue event comes before the answer to the take', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }) });
    gateway.answer('POST /conversations/c1/take', () => {
      gateway.send('queue', { waiting: [], mine: [queueItem({ id: 'c1', status: 'assigned' })] });
      return Response.json({ id: 'c1' });
    });
    await desk.take('c1');
    await vi.waitFor(() => expect(desk.state.chats[0]?.detail?.id).toBe('c1'));
    expect(gateway.requests.filter((r) => r.path === '/conversations/c1')).toHaveLength(1);
    desk.stop();
  });

  it('takes the next conversation, with the CSRF token, and brings it to the front', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }), c2: conversationDetail({ id: 'c2', candidateName: 'Ben' }) });
    gateway.answer('POST /conversations/next/take', () => Response.json({ id: 'c2' }));
    gateway.answer('POST /conversations/c1/take', () => Response.json({ id: 'c1' }));
    await desk.take('c1');
    await desk.take('next');
    expect(desk.state.chats.map((chat) => chat.id)).toEqual(['c1', 'c2']);
    expect(desk.state.active).toBe('c2');
    expect(gateway.requests.filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.csrf}`)).toEqual(['/presence token', '/conversations/c1/take token', '/conversations/next/take token']);
    expect(desk.state.announcement).toBeUndefined();
    desk.stop();
  });

  it('keeps the gateway’s refusal as a notice (conversation.taken)', async () => {
    const { desk, gateway } = await deskWith({});
    gateway.answer('POST /conversations/c9/take', () => Response.json({ error: { code: 'conversation.taken', message: '' } }, { status: 409 }));
    await desk.take('c9');
    expect(desk.state.notice).toBe('conversation.taken');
    expect(desk.state.chats).toEqual([]);
    desk.stop();
  });

  it('counts unread candidate messages in a chat not in front, once each, and clears them on focus', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }), c2: conversationDetail({ id: 'c2', candidateName: 'Ben' }) });
    await desk.open('c1', true);
    await desk.open('c2');
    const incoming = message('m1', 'candidate', 'still black');
    gateway.send('conversation', conversationEvent('c2', { type: 'message', seq: 5, at: incoming.at, message: incoming }));
    gateway.send('conversation', conversationEvent('c2', { type: 'message', seq: 5, at: incoming.at, message: incoming }));
    gateway.send('conversation', conversationEvent('c1', { type: 'message', seq: 6, at: incoming.at, message: { ...incoming, id: 'm2' } }));
    await vi.waitFor(() => expect(desk.state.chats[1]!.detail!.messages).toHaveLength(1));
    await vi.waitFor(() => expect(desk.state.chats[0]!.detail!.messages).toHaveLength(1));
    expect(desk.state.chats.map((chat) => chat.unread)).toEqual([0, 2]);
    expect(desk.state.announcement).toMatchObject({ kind: 'message', chatId: 'c1', name: 'Ana García', text: 'still black' });
    desk.focus('c2');
    expect(desk.state.chats[1]!.unread).toBe(0);
    desk.stop();
  });

  it('shows a sent reply once although it comes back on the live line too; keeps a failed one to send again with the same id', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }) });
    await desk.open('c1', true);
    let fail = true;
    gateway.answer('POST /conversations/c1/messages', (body) => {
      const { clientMessageId, text } = body as { clientMessageId: string; text: string };
      if (fail) return Response.json({ error: { code: 'conversation.not_yours', message: '' } }, { status: 403 });
      return Response.json(message('m7', 'agent', text, { clientMessageId, name: 'Ana' }), { status: 201 });
    });
    expect(await desk.send('c1', 'Open the shutter.', false)).toBe(false);
    const [pending] = desk.state.chats[0]!.pending;
    expect(pending).toMatchObject({ state: 'failed', code: 'conversation.not_yours', text: 'Open the shutter.' });
    fail = false;
    expect(await desk.retry('c1', pending!.clientMessageId)).toBe(true);
    const sent = gateway.requests.filter((r) => r.path === '/conversations/c1/messages').map((r) => (r.body as { clientMessageId: string }).clientMessageId);
    expect(new Set(sent).size).toBe(1);
    const echoed = message('m7', 'agent', 'Open the shutter.', { clientMessageId: pending!.clientMessageId, name: 'Ana' });
    gateway.send('conversation', conversationEvent('c1', { type: 'message', seq: 8, at: echoed.at, message: echoed }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(desk.state.chats[0]!.detail!.messages.map((m) => m.id)).toEqual(['m7']);
    expect(desk.state.chats[0]!.pending).toEqual([]);
    desk.stop();
  });

  it('marks a chat ended when it is closed or transferred, and frees its place for a new one', async () => {
    const details = Object.fromEntries(['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => [id, conversationDetail({ id })]));
    const { desk, gateway } = await deskWith(details);
    for (const id of ['c1', 'c2', 'c3', 'c4']) await desk.open(id);
    gateway.answer('POST /conversations/c5/take', () => Response.json({ id: 'c5' }));
    await desk.take('c5');
    expect(desk.state.notice).toBe('conversation.full');
    expect(desk.state.chats).toHaveLength(MAX_CHATS);

    gateway.answer('POST /conversations/c2/close', () => new Response(null, { status: 204 }));
    expect(await desk.close('c2', 'solved')).toBe(true);
    gateway.send('conversation', conversationEvent('c3', { type: 'transferred', seq: 9, at: '2026-11-24T09:06:00.000Z', queue: 'tier2' }));
    await vi.waitFor(() => expect(desk.state.chats[2]!.ended).toEqual({ kind: 'transferred', queue: 'tier2' }));
    expect(desk.state.chats[1]!.ended).toEqual({ kind: 'closed', resolution: 'solved' });

    await desk.take('c5');
    expect(desk.state.chats.map((chat) => chat.id)).toEqual(['c1', 'c3', 'c4', 'c5']);
    desk.stop();
  });

  it('goes online on a first start, tells the gateway each change, and puts it back when refused', async () => {
    const { desk, gateway } = await deskWith({});
    let refuse = false;
    gateway.answer('POST /presence', () => (refuse ? Response.json({ error: { code: 'network.failed', message: '' } }, { status: 500 }) : new Response(null, { status: 204 })));
    await vi.waitFor(() => expect(gateway.requests.filter((r) => r.method === 'POST' && r.path === '/presence').map((r) => r.body)).toEqual([{ status: 'online' }]));
    expect(desk.state.presence).toBe('online');
    await desk.setPresence('away');
    expect(desk.state.presence).toBe('away');
    refuse = true;
    await desk.setPresence('online');
    expect(desk.state).toMatchObject({ presence: 'away', notice: 'network.failed' });
    expect(gateway.requests.filter((r) => r.method === 'POST' && r.path === '/presence').map((r) => r.body)).toEqual([{ status: 'online' }, { status: 'away' }, { status: 'online' }]);
    desk.stop();
  });

  it.each([
    { held: 'away', shown: 'away', told: [] },
    { held: 'offline', shown: 'online', told: [{ status: 'online' }] },
    { held: 'online', shown: 'online', told: [{ status: 'online' }] },
  ])('starts from the presence the gateway holds: $held is shown as $shown', async ({ held, shown, told }) => {
    const gateway = fakeGateway({});
    gateway.answer('GET /presence', () => Response.json({ status: held }));
    const desk = new Desk(gateway.api, SESSION, { events: { retryMs: [5] } });
    expect(desk.state.presence).toBeUndefined();
    desk.start();
    await vi.waitFor(() => expect(desk.state.presence).toBe(shown));
    await vi.waitFor(() => expect(desk.state.line).toBe('open'));
    expect(gateway.requests.filter((r) => r.method === 'POST' && r.path === '/presence').map((r) => r.body)).toEqual(told);
    expect(desk.state.notice).toBeUndefined();
    desk.stop();
  });

  it('guesses no presence when the gateway cannot say, and asks again when the line comes back', async () => {
    const gateway = fakeGateway({});
    let answer: unknown = { status: 'busy' };
    gateway.answer('GET /presence', () => Response.json(answer));
    const desk = new Desk(gateway.api, SESSION, { events: { retryMs: [5] } });
    desk.start();
    await vi.waitFor(() => expect(desk.state).toMatchObject({ line: 'open', notice: 'response.invalid' }));
    expect(desk.state.presence).toBeUndefined();
    answer = { status: 'away' };
    gateway.drop();
    await vi.waitFor(() => expect(desk.state.presence).toBe('away'));
    expect(gateway.requests.filter((r) => r.method === 'POST' && r.path === '/presence')).toEqual([]);
    desk.stop();
  });

  it('keeps the presence the agent chose while the gateway was still answering', async () => {
    const gateway = fakeGateway({});
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    gateway.answer('GET /presence', async () => {
      await answered;
      return Response.json({ status: 'offline' });
    });
    const desk = new Desk(gateway.api, SESSION, { events: { retryMs: [5] } });
    desk.start();
    await desk.setPresence('away');
    answer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(desk.state.presence).toBe('away');
    expect(gateway.requests.filter((r) => r.method === 'POST' && r.path === '/presence').map((r) => r.body)).toEqual([{ status: 'away' }]);
    desk.stop();
  });

  it('transfers with a note (the chat ends here), saves tags, and keeps a refusal as a notice', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }) });
    await desk.open('c1', true);
    gateway.answer('PUT /conversations/c1/tags', () => new Response(null, { status: 204 }));
    expect(await desk.setTags('c1', ['technical', 'camera'])).toBe(true);
    expect(desk.state.chats[0]!.detail!.tags).toEqual(['technical', 'camera']);
    gateway.answer('POST /conversations/c1/transfer', () => new Response(null, { status: 204 }));
    expect(await desk.transfer('c1', 'tier2', 'driver issue, needs a remote session')).toBe(true);
    expect(gateway.requests.find((r) => r.path === '/conversations/c1/transfer')?.body).toEqual({ queue: 'tier2', note: 'driver issue, needs a remote session' });
    expect(desk.state.chats[0]!.ended).toEqual({ kind: 'transferred', queue: 'tier2' });
    gateway.answer('POST /conversations/c1/assign', () => Response.json({ error: { code: 'console.leads_only', message: '' } }, { status: 403 }));
    expect(await desk.assign('c1', 'ben')).toBe(false);
    expect(desk.state.notice).toBe('console.leads_only');
    desk.stop();
  });

  it('tells the candidate the agent is typing once per pause, and that it stopped after a pause or on send', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }) });
    await desk.open('c1', true);
    gateway.answer('POST /conversations/c1/typing', () => new Response(null, { status: 204 }));
    gateway.answer('POST /conversations/c1/messages', (body) => Response.json(message('m1', 'agent', 'hi', { clientMessageId: (body as { clientMessageId: string }).clientMessageId }), { status: 201 }));
    const told = () => gateway.requests.filter((r) => r.path === '/conversations/c1/typing').map((r) => (r.body as { typing: boolean }).typing);
    vi.useFakeTimers();
    try {
      desk.typed('c1');
      desk.typed('c1');
      desk.typed('c1');
      expect(told()).toEqual([true]);
      vi.advanceTimersByTime(TYPING_IDLE_MS);
      expect(told()).toEqual([true, false]);
      desk.typed('c1');
      void desk.send('c1', 'hi', false);
      expect(told()).toEqual([true, false, true, false]);
      vi.advanceTimersByTime(TYPING_IDLE_MS);
      expect(told()).toEqual([true, false, true, false]);
    } finally {
      vi.useRealTimers();
    }
    desk.stop();
  });

  it('reloads the open chats after the line comes back (it does not replay), keeping each message once', async () => {
    const detail = conversationDetail({ id: 'c1', messages: [{ ...message('m1', 'candidate', 'hello'), private: false }] });
    const { desk, gateway } = await deskWith({ c1: detail });
    await desk.open('c1', true);
    const loads = () => gateway.requests.filter((r) => r.path === '/conversations/c1').length;
    expect(loads()).toBe(1);
    detail.messages.push({ ...message('m2', 'candidate', 'sent while the line was down'), private: false });
    gateway.drop();
    await vi.waitFor(() => expect(loads()).toBe(2));
    await vi.waitFor(() => expect(desk.state.chats[0]!.detail!.messages.map((m) => m.text)).toEqual(['hello', 'sent while the line was down']));
    expect(gateway.requests.filter((r) => r.path === '/events')).toHaveLength(2);
    desk.stop();
  });
});
