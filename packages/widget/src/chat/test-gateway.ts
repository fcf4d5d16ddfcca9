/**
 * @module A fake gateway for the chat's unit tests, served through msw: the candidate API of
 * docs/protocol.md (create with an idempotency key, the candidate's conversations, messages once per
 * client id, the event stream with Last-Event-ID), plus the faults the tests need (offline, a dropped
 * line, a lost answer, a 401, a replay).
 * End-to-end tests against the real gateway live in tests/.
 */
import type { ConversationEvent, ConversationView, Message, SessionContext, SupportStatus } from '@lifeline/protocol';
import { http, HttpResponse } from 'msw';

export const GATEWAY_URL = 'http://gateway.test';
export const GOOD_TOKEN = 'good-token';

type EventBody = ConversationEvent extends infer E ? (E extends ConversationEvent ? Omit<E, 'seq' | 'at'> : never) : never;

export interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export class FakeGateway {
  /** Every request that reached the gateway (not those refused while offline), in order. */
  readonly requests: Request[] = [];
  readonly events: ConversationEvent[] = [];
  /** Stored messages, once each. */
  readonly messages: Message[] = [];
  readonly creates = new Map<string, { id: string; context: SessionContext }>();
  /** Tokens the gateway accepts. */
  tokens = new Set([GOOD_TOKEN]);
  online = true;
  /**
   * The next answers to a path (and method, if given), before the normal one: a status, 'lost' (stored, but
   * the answer never arrives), or the normal answer `late` ms later.
   */
  readonly faults: { path: RegExp; method?: string; fault: number | 'lost' | { late: number } }[] = [];
  /** Replay every event from the start on each connection, ignoring Last-Event-ID (a misbehaving proxy or node). */
  replayAll = false;
  /** What GET answers about the conversation; its status follows the events (an agent joins, a ticket, the close). */
  view: Omit<ConversationView, 'id'> = { status: 'queued', position: 3, estimatedWaitSeconds: 180 };
  /** What `GET /v1/status` answers (no token needed; asked each time the panel opens, and not in `requests`). */
  support: SupportStatus = { open: true, agentsOnline: 2, estimatedWaitSeconds: 120 };
  statusAsked = 0;
  /** The token now names another candidate (a page that made a new identity on reload): the conversation is not theirs. */
  anotherCandidate = false;
  private readonly streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  private readonly encoder = new TextEncoder();
  private ids = 0;

  readonly handlers = [
    http.all(`${GATEWAY_URL}/v1/*`, async ({ request }) => {
      if (!this.online) return HttpResponse.error();
      const path = new URL(request.url).pathname;
      if (path === '/v1/status') {
        this.statusAsked += 1;
        return HttpResponse.json(this.support);
      }
      const headers = Object.fromEntries(request.headers.entries());
      const body = request.method === 'POST' ? await request.json().catch(() => undefined) : undefined;
      this.requests.push({ method: request.method, path, headers, body });
      const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
      if (!token || !this.tokens.has(token)) return HttpResponse.json({ error: { code: 'auth.token_expired', message: 'the token has expired' } }, { status: 401 });
      const fault = this.faults.findIndex((f) => f.path.test(path) && (f.method ?? request.method) === request.method);
      const planned = fault >= 0 ? this.faults.splice(fault, 1)[0]!.fault : undefined;
      if (typeof planned === 'number') return HttpResponse.json({ error: { code: 'test.fault', message: 'planned by the test' } }, { status: planned });
      if (typeof planned === 'object') await new Promise((resolve) => setTimeout(resolve, planned.late));
      const answer = this.answer(request.method, path, headers, body, request.signal);
      return planned === 'lost' ? HttpResponse.error() : answer;
    }),
  ];

  /** The one conversation the tests use (created by the first POST). */
  get conversationId(): string | undefined {
    return [...this.creates.values()][0]?.id;
  }

  requestsTo(method: string, path: RegExp): Request[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Something happens in the conversation: stored with the next seq and written to every open stream. */
  emit(body: EventBody): ConversationEvent {
    const event = { ...body, seq: this.events.length + 1, at: new Date(Date.UTC(2026, 10, 24, 9, 0, this.events.length)).toISOString() } as ConversationEvent;
    this.events.push(event);
    const statuses: Partial<Record<string, ConversationView['status']>> = { agent_joined: 'assigned', transferred: 'queued', ticket_created: 'ticket', closed: 'closed' };
    const status = statuses[body.type];
    if (status) this.view = { ...this.view, status, ...(body.type === 'ticket_created' ? { ticket: body.ticket } : {}) };
    for (const stream of this.streams) this.write(stream, event);
    return event;
  }

  /** The agent typing, as a signal that is not stored: the seq of the last stored event, and no `id:` line. */
  signalTyping(typing: boolean): void {
    const event = { type: 'agent_typing', typing, seq: this.events.length, at: new Date().toISOString() };
    for (const stream of this.streams) stream.enqueue(this.encoder.encode(`event: agent_typing\ndata: ${JSON.stringify(event)}\n\n`));
  }

  agentSays(text: string, name = 'Ana'): ConversationEvent {
    return this.emit({ type: 'message', message: { id: `m${++this.ids}`, author: 'agent', name, text, at: new Date().toISOString() } });
  }

  /** Every open stream ends as a network failure does. */
  dropStreams(): void {
    for (const stream of this.streams) stream.error(new TypeError('network error'));
    this.streams.clear();
  }

  get openStreams(): number {
    return this.streams.size;
  }

  goOffline(): void {
    this.online = false;
    this.dropStreams();
  }

  private answer(method: string, path: string, headers: Record<string, string>, body: unknown, signal: AbortSignal): Response {
    if (method === 'POST' && path === '/v1/conversations') {
      const key = headers['idempotency-key'] ?? '';
      const existing = this.creates.get(key);
      const id = existing?.id ?? `conv${this.creates.size + 1}abcdef`;
      if (!existing) this.creates.set(key, { id, context: (body as { context: SessionContext }).context });
      return HttpResponse.json({ id, ...this.view }, { status: existing ? 200 : 201 });
    }
    // The candidate's conversations, newest first (all of them share the one view).
    if (method === 'GET' && path === '/v1/conversations') return HttpResponse.json(this.anotherCandidate ? [] : [...this.creates.values()].reverse().map(({ id }) => ({ id, ...this.view })));
    const [, id = '', action] = /^\/v1\/conversations\/([^/]+)(?:\/(\w+))?$/.exec(path) ?? [];
    if (![...this.creates.values()].some((c) => c.id === id)) return HttpResponse.json({ error: { code: 'conversation.not_found', message: `no conversation "${id}"` } }, { status: 404 });
    if (method === 'GET' && !action) return HttpResponse.json({ id, ...this.view });
    if (method === 'POST' && action === 'messages') {
      const { clientMessageId, text } = body as { clientMessageId: string; text: string };
      const existing = this.messages.find((m) => m.clientMessageId === clientMessageId);
      if (existing) return HttpResponse.json(existing, { status: 200 });
      const message: Message = { id: `m${++this.ids}`, clientMessageId, author: 'candidate', text, at: new Date().toISOString() };
      this.messages.push(message);
      this.emit({ type: 'message', message });
      return HttpResponse.json(message, { status: 201 });
    }
    if (method === 'POST' && (action === 'typing' || action === 'csat')) return new HttpResponse(null, { status: 204 });
    if (method === 'GET' && action === 'events') {
      const after = this.replayAll ? 0 : Number(headers['last-event-id'] ?? 0);
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const stream = new ReadableStream<Uint8Array>({
        start: (c) => {
          controller = c;
          this.streams.add(c);
          for (const event of this.events.filter((e) => e.seq > after)) this.write(c, event);
          // The client went away (stop, reconnect): the stream is closed for the gateway too.
          signal.addEventListener('abort', () => this.streams.delete(c));
        },
        cancel: () => void this.streams.delete(controller),
      });
      return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream' } });
    }
    return HttpResponse.json({ error: { code: 'route.not_found', message: path } }, { status: 404 });
  }

  private write(stream: ReadableStreamDefaultController<Uint8Array>, event: ConversationEvent): void {
    stream.enqueue(this.encoder.encode(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
  }
}
