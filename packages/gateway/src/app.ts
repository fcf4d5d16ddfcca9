/**
 * @module The gateway's HTTP API on Hono: the candidate API under /v1 (docs/protocol.md). Bodies are
 * parsed with the protocol's zod schemas; every error answer is `{ error: { code, message } }`.
 */
import { AnonymousTokenRequest, ConversationId, CreateConversation, Csat, IdempotencyKey, SendMessage, Typing, type CandidateClaims, type ConversationEvent } from '@lifeline/protocol';
import { Hono, type Context } from 'hono';
import { fail, parseBody, sseLine } from './http.ts';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod/mini';
import type { AnonymousIssuer } from './auth/anonymous.ts';
import type { Verified } from './auth/candidate.ts';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ConversationStore } from './conversations/store.ts';
import { createConsoleApi, type ConsoleDeps } from './console-api.ts';
import type { EventHub } from './conversations/hub.ts';
import type { SupportStatusReader } from './status.ts';


export interface AppDeps {
  store: ConversationStore;
  /** The console API; absent, /console/api answers 404. */
  console?: ConsoleDeps;
  hub: EventHub;
  verify(token: string): Promise<Verified>;
  /** Present when the config enables anonymous candidates (the demo). */
  anonymous?: AnonymousIssuer;
  /** `GET /v1/status`: hours, agents online, a new conversation's wait. */
  status: SupportStatusReader;
  corsOrigins: string[];
  heartbeatMs?: number;
}

type Env = { Variables: { candidate: CandidateClaims } };

const notFound = (c: Context, id: string) => fail(c, 404, 'conversation.not_found', `no conversation "${id}"`);
const isConversationId = (id: string) => z.safeParse(ConversationId, id).success;
const forbidden = (c: Context) => fail(c, 403, 'conversation.forbidden', 'this conversation belongs to another candidate');

export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>();

  app.use('/v1/*', cors({ origin: (origin) => (deps.corsOrigins.includes(origin) ? origin : null), allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'], maxAge: 600 }));

  app.post('/v1/anonymous-token', async (c) => {
    if (!deps.anonymous) return fail(c, 404, 'anonymous.disabled', 'anonymous candidates are not enabled on this gateway: the exam platform must sign a token');
    // No body is the same as `{}`: what a client that declares nothing (and the first demo) sends.
    const empty = (await c.req.raw.clone().text()).trim() === '';
    const parsed = empty ? ({ ok: true, value: {} } as const) : await parseBody(c, AnonymousTokenRequest);
    if (!parsed.ok) return parsed.response;
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const issued = await deps.anonymous.issue(address, parsed.value);
    return issued ? c.json(issued, 201) : fail(c, 429, 'anonymous.rate_limited', 'too many anonymous tokens from this address: wait a minute');
  });

  /** Whether people answer now, before anyone asks: no token, and counts only. */
  app.get('/v1/status', async (c) => {
    c.header('cache-control', 'no-cache');
    return c.json(await deps.status.read());
  });

  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/anonymous-token' || c.req.path === '/v1/status') return next();
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!token) return fail(c, 401, 'auth.missing', 'send the candidate token as "Authorization: Bearer <token>"');
    const verified = await deps.verify(token);
    if (!verified.ok) return fail(c, 401, verified.error.code, verified.error.message);
    c.set('candidate', verified.claims);
    await next();
  });

  /** The conversation in the path, if it is the candidate's own: 404 when there is none, 403 when it is someone else's. */
  async function ownConversation(c: Context<Env>): Promise<{ ok: true; id: string } | { ok: false; response: Response }> {
    const id = c.req.param('id') ?? '';
    if (!isConversationId(id)) return { ok: false, response: notFound(c, id) };
    const owner = await deps.store.ownerOf(id);
    if (owner === undefined) return { ok: false, response: notFound(c, id) };
    if (owner !== c.get('candidate').sub) return { ok: false, response: forbidden(c) };
    return { ok: true, id };
  }

  app.post('/v1/conversations', async (c) => {
    const key = c.req.header('idempotency-key') ?? '';
    if (!z.safeParse(IdempotencyKey, key).success) return fail(c, 400, 'request.idempotency_key', 'send an Idempotency-Key header of 8 to 64 letters, digits, "-" or "_", the same on every retry');
    const parsed = await parseBody(c, CreateConversation);
    if (!parsed.ok) return parsed.response;
    const { conversation, created } = await deps.store.create(c.get('candidate'), key, parsed.value.context);
    if (created) deps.hub.signalAgents({ kind: 'queue_changed' });
    return c.json(conversation, created ? 201 : 200);
  });

  /** The candidate's conversations, newest first: a candidate who comes back finds a ticket's answer. */
  app.get('/v1/conversations', async (c) => c.json(await deps.store.listFor(c.get('candidate').sub)));

  app.get('/v1/conversations/:id', async (c) => {
    const own = await ownConversation(c);
    if (!own.ok) return own.response;
    return c.json(await deps.store.get(own.id));
  });

  app.post('/v1/conversations/:id/messages', async (c) => {
    // The owner is checked in the same statement that stores the message: this is the route a chat hammers.
    const id = c.req.param('id');
    if (!isConversationId(id)) return notFound(c, id);
    const parsed = await parseBody(c, SendMessage);
    if (!parsed.ok) return parsed.response;
    const added = await deps.store.addCandidateMessage(id, c.get('candidate').sub, parsed.value.clientMessageId, parsed.value.text);
    if (!added.ok) return added.why === 'forbidden' ? forbidden(c) : notFound(c, id);
    return c.json(added.message, added.created ? 201 : 200);
  });

  app.post('/v1/conversations/:id/typing', async (c) => {
    const own = await ownConversation(c);
    if (!own.ok) return own.response;
    const parsed = await parseBody(c, Typing);
    if (!parsed.ok) return parsed.response;
    // The agent's console shows it; the candidate's own stream does not carry it back, and it is not stored.
    deps.hub.signalAgents({ kind: 'candidate_typing', conversationId: own.id, typing: parsed.value.typing });
    return c.body(null, 204);
  });

  app.post('/v1/conversations/:id/csat', async (c) => {
    const own = await ownConversation(c);
    if (!own.ok) return own.response;
    const parsed = await parseBody(c, Csat);
    if (!parsed.ok) return parsed.response;
    const rated = await deps.store.rate(own.id, c.get('candidate').sub, parsed.value.score, parsed.value.comment);
    if (rated === 'rated') return c.body(null, 204);
    return rated === 'not_closed'
      ? fail(c, 409, 'csat.not_requested', 'the conversation has not been closed yet: rate it after the agent closes it')
      : fail(c, 409, 'csat.already_rated', 'this conversation has already been rated');
  });

  app.get('/v1/conversations/:id/events', async (c) => {
    const own = await ownConversation(c);
    if (!own.ok) return own.response;
    const lastEventId = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? '0');
    const after = Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : 0;
    return streamSSE(c, async (stream) => {
      // Listen first and keep what arrives while the missed events are read, so nothing falls between.
      const waiting: ConversationEvent[] = [];
      let live: ((event: ConversationEvent) => void) | undefined;
      let sent = after;
      const line = sseLine(stream, deps.heartbeatMs);
      const send = (event: ConversationEvent) => {
        if (event.seq <= sent) return;
        sent = event.seq;
        line.send({ id: String(event.seq), event: event.type, data: JSON.stringify(event) });
      };
      const unsubscribe = deps.hub.subscribe(own.id, (event, transient) => {
        // A transient signal carries the last stored seq but no id line: it moves no resume point.
        if (transient) line.send({ event: event.type, data: JSON.stringify(event) });
        else if (live) live(event);
        else waiting.push(event);
      });
      try {
        // Sends the headers now, so the client knows the stream is open before the first event.
        await stream.write(': open\n\n');
        for (const event of await deps.store.eventsAfter(own.id, after)) send(event);
        waiting.sort((a, b) => a.seq - b.seq).forEach(send);
        live = send;
        await line.closed;
      } finally {
        line.stop();
        unsubscribe();
      }
    });
  });

  if (deps.console) app.route('/console/api', createConsoleApi(deps.console));

  app.notFound((c) => fail(c, 404, 'route.not_found', `no ${c.req.method} ${new URL(c.req.url).pathname}: see docs/protocol.md`));
  return app;
}
