import { TYPING_RENEW_MS, TYPING_TTL_MS, type ConversationEvent, type Message } from '@lifeline/protocol';
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

  /** A desk with chat c1 open, and what it told the candidate about the agent typing, in order. */
  async function typingDesk() {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }) });
    await desk.open('c1', true);
    gateway.answer('POST /conversations/c1/typing', () => new Response(null, { status: 204 }));
    const told = () => gateway.requests.filter((r) => r.path === '/conversations/c1/typing').map((r) => (r.body as { typing: boolean }).typing);
    return { desk, gateway, told };
  }

  it('tells the candidate the agent is typing once per pause, and that it stopped after a pause or on send', async () => {
    const { desk, gateway, told } = await typingDesk();
    gateway.answer('POST /conversations/c1/messages', (body) => Response.json(message('m1', 'agent', 'hi', { clientMessageId: (body as { clientMessageId: string }).clientMessageId }), { status: 201 }));
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

  it('renews "the agent is typing" while the agent keeps typing, so the candidate’s screen does not let it expire', async () => {
    const { desk, told } = await typingDesk();
    vi.useFakeTimers();
    try {
      // A key every second for seven seconds: told at once, then again each time TYPING_RENEW_MS has passed.
      for (let second = 0; second < 7; second += 1) {
        desk.typed('c1');
        vi.advanceTimersByTime(1000);
      }
      expect(told()).toEqual([true, true, true]);
      expect(TYPING_RENEW_MS * 2).toBeLessThanOrEqual(TYPING_TTL_MS);
      vi.advanceTimersByTime(TYPING_IDLE_MS);
      expect(told()).toEqual([true, true, true, false]);
    } finally {
      vi.useRealTimers();
    }
    desk.stop();
  });

  it('stops showing the candidate typing when nobody renews it, when they say so, send, or leave', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1' }) });
    await desk.open('c1', true);
    const typing = () => desk.state.chats[0]!.typing;
    /** Resolves once the desk has handled everything sent before: the line is handled in order, and a queue naming a new marker comes last. */
    let markers = 0;
    const handled = () =>
      new Promise<void>((resolve) => {
        const marker = `marker-${(markers += 1)}`;
        const off = desk.subscribe((state) => {
          if (state.queue.waiting[0]?.id !== marker) return;
          off();
          resolve();
        });
        gateway.send('queue', { waiting: [queueItem({ id: marker })], mine: [], tickets: [] });
      });
    const typed = async (value: boolean) => {
      gateway.send('typing', { conversationId: 'c1', typing: value });
      await handled();
    };
    // Real timers wait for the line (a stream); fake ones stand for the seconds that pass.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      // The reload that lost the chat: a `true`, then nothing ever again.
      await typed(true);
      expect(typing()).toBe(true);
      vi.advanceTimersByTime(TYPING_TTL_MS - 1);
      expect(typing()).toBe(true);
      vi.advanceTimersByTime(1);
      expect(typing()).toBe(false);

      // Renewed in time, it stays past the first expiry; a `false` ends it at once.
      await typed(true);
      vi.advanceTimersByTime(TYPING_RENEW_MS);
      await typed(true);
      vi.advanceTimersByTime(TYPING_TTL_MS - TYPING_RENEW_MS + 1);
      expect(typing()).toBe(true);
      await typed(false);
      expect(typing()).toBe(false);

      // A message from the candidate ends it, and so does their page closing while they type.
      await typed(true);
      gateway.send('conversation', conversationEvent('c1', { type: 'message', seq: 1, at: '2026-11-24T09:06:00.000Z', message: message('m9', 'candidate', 'done') }));
      await handled();
      expect(typing()).toBe(false);
      await typed(true);
      gateway.send('connection', { conversationId: 'c1', connected: false });
      await handled();
      expect(typing()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    desk.stop();
  });

  it('announces a conversation that joins the queue (what the alerts sound for), not those already there at the start', async () => {
    const { desk, gateway } = await deskWith({});
    const arrivals: string[] = [];
    let heard = 0;
    desk.subscribe(({ announcement: said }) => {
      if (!said || said.n <= heard) return;
      heard = said.n;
      if (said.kind === 'arrival') arrivals.push(said.name);
    });
    gateway.send('queue', { waiting: [queueItem({ id: 'c1', candidateName: 'Waiting Before' })], mine: [] });
    await vi.waitFor(() => expect(desk.state.queue.waiting).toHaveLength(1));
    gateway.send('queue', { waiting: [queueItem({ id: 'c1', candidateName: 'Waiting Before' }), queueItem({ id: 'c2', candidateName: 'Just Arrived' })], mine: [] });
    await vi.waitFor(() => expect(desk.state.queue.waiting).toHaveLength(2));
    expect(arrivals).toEqual(['Just Arrived']);
    desk.stop();
  });

  it('shows whether the candidate is connected, in the queue and in the chat, as the line says', async () => {
    const { desk, gateway } = await deskWith({ c1: conversationDetail({ id: 'c1', candidateConnected: true }) });
    gateway.send('queue', { waiting: [queueItem({ id: 'c2', candidateConnected: false })], mine: [queueItem({ id: 'c1', status: 'assigned', candidateConnected: true })] });
    await vi.waitFor(() => expect(desk.state.chats[0]?.detail?.candidateConnected).toBe(true));
    gateway.send('connection', { conversationId: 'c1', connected: false });
    gateway.send('connection', { conversationId: 'c2', connected: true });
    await vi.waitFor(() => expect(desk.state.chats[0]!.detail!.candidateConnected).toBe(false));
    await vi.waitFor(() => expect(desk.state.queue.waiting[0]!.candidateConnected).toBe(true));
    expect(desk.state.queue.mine[0]!.candidateConnected).toBe(false);
    gateway.send('connection', { conversationId: 'c1', connected: true });
    await vi.waitFor(() => expect(desk.state.chats[0]!.detail!.candidateConnected).toBe(true));
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
