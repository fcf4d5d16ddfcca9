/**
 * @module The console API under /console/api: sign-in with an httpOnly SameSite=Strict cookie, a CSRF
 * token repeated in `X-CSRF-Token` on every change, the queue, taking, replying, closing.
 */
import { AgentMessage, AssignConversation, CloseConversation, ConversationTags, SetPresence, SignIn, TransferConversation, Typing, type AgentPresence, type AgentRole, type AgentSession } from '@lifeline/protocol';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { verifyPassword } from './agents/password.ts';
import { fail, parseBody, sseLine } from './http.ts';
import { leavePresence, readPresence, setPresence, touchPresence } from './agents/presence.ts';
import { createSession, endSession, findSession, SESSION_HOURS } from './agents/sessions.ts';
import type { Database } from './db/index.ts';
import type { AgentSignal, EventHub } from './conversations/hub.ts';
import { DEFAULT_CAPACITY, type AgentRef, type ConversationStore } from './conversations/store.ts';
import { streamSSE } from 'hono/streaming';

export const SESSION_COOKIE = 'lifeline_console';
/** A console that reloads is back within this; an agent whose last console stays closed longer has left. */
export const PRESENCE_LEAVE_GRACE_MS = 5000;

export interface ConsoleAccount {
  id: string;
  name: string;
  passwordHash: string;
  role: AgentRole;
  capacity?: number | undefined;
}

export interface ConsoleDeps {
  db: Database;
  hub: EventHub;
  heartbeatMs?: number;
  store: ConversationStore;
  accounts: ConsoleAccount[];
  /** Cookies marked Secure except on plain-http localhost (the demo). */
  secureCookies: boolean;
  /** Who answers changed (an agent online, away, or gone): waits and the support status are read again. */
  onStaffingChanged?: () => Promise<void>;
  /** How long a closed console's agent stays online, waiting for it to come back (a reload); default 5 s. */
  leaveGraceMs?: number;
}

type Env = { Variables: { agent: AgentRef; csrf: string } };

export function createConsoleApi(deps: ConsoleDeps): Hono<Env> {
  const api = new Hono<Env>();
  const accountRef = (account: ConsoleAccount): AgentRef => ({ id: account.id, name: account.name, role: account.role, capacity: account.capacity ?? DEFAULT_CAPACITY });
  const staffingChanged = () => deps.onStaffingChanged?.().catch(() => undefined);
  /** Open live lines per agent on this node: the last one closing (and staying closed) ends an online presence. */
  const lines = new Map<string, number>();
  const lineOpened = (agentId: string) => void lines.set(agentId, (lines.get(agentId) ?? 0) + 1);
  const lineClosed = (agentId: string) => {
    const left = (lines.get(agentId) ?? 1) - 1;
    if (left > 0) return void lines.set(agentId, left);
    lines.delete(agentId);
    const timer = setTimeout(() => {
      if (lines.has(agentId)) return;
      void leavePresence(deps.db, agentId)
        .then(staffingChanged)
        .catch(() => undefined);
    }, deps.leaveGraceMs ?? PRESENCE_LEAVE_GRACE_MS);
    timer.unref?.();
  };

  /** The body, or the 400 answer to return as it is. */
  async function parse<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T | Response> {
    const parsed = await parseBody(c, schema);
    return parsed.ok ? parsed.value : parsed.response;
  }

  api.post('/session', async (c) => {
    const body = await parse(c, SignIn);
    if (body instanceof Response) return body;
    const account = deps.accounts.find((a) => a.id === body.agentId);
    // The same answer for an unknown account and a wrong password: nothing tells which ids exist.
    if (!account || !(await verifyPassword(body.password, account.passwordHash))) return fail(c, 401, 'console.sign_in_failed', 'the account or the password is wrong');
    const session = await createSession(deps.db, account.id);
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Strict', path: '/console', secure: deps.secureCookies, maxAge: SESSION_HOURS * 3600 });
    return c.json({ agent: accountRef(account), csrf: session.csrf } satisfies AgentSession);
  });

  api.use('*', async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await findSession(deps.db, id) : undefined;
    const account = session && deps.accounts.find((a) => a.id === session.agentId);
    if (!session || !account) return fail(c, 401, 'console.signed_out', 'sign in to the console');
    // SameSite=Strict keeps other sites' requests from carrying the cookie; the header makes sure.
    if (c.req.method !== 'GET' && c.req.header('x-csrf-token') !== session.csrf) return fail(c, 403, 'console.csrf', 'send the X-CSRF-Token the sign-in answered with');
    c.set('agent', accountRef(account));
    c.set('csrf', session.csrf);
    await next();
  });

  api.get('/session', (c) => c.json({ agent: c.get('agent'), csrf: c.get('csrf') } satisfies AgentSession));

  api.delete('/session', async (c) => {
    await endSession(deps.db, getCookie(c, SESSION_COOKIE) ?? '');
    deleteCookie(c, SESSION_COOKIE, { path: '/console' });
    return c.body(null, 204);
  });

  /** The console reads it on start, so a reload keeps an agent who stepped away away. */
  api.get('/presence', async (c) => c.json({ status: await readPresence(deps.db, c.get('agent').id) } satisfies AgentPresence));

  api.post('/presence', async (c) => {
    const body = await parse(c, SetPresence);
    if (body instanceof Response) return body;
    await setPresence(deps.db, c.get('agent').id, body.status);
    await staffingChanged();
    return c.body(null, 204);
  });

  api.get('/queue', async (c) => c.json(await deps.store.queueFor(c.get('agent'))));

  /**
   * The console's live line (SSE, `ConsoleLiveEvents`): `queue` with the whole queue whenever it
   * changes, `conversation` with each event of a conversation the agent holds (a lead: all), `typing`
   * when its candidate types, `connection` when a candidate connects or leaves. Missed events are not
   * replayed here: the console reloads the queue and the open chats on reconnect. The line is the agent's
   * presence: open, they are there; its last one closed for longer than the grace, they are gone.
   */
  api.get('/events', (c) => {
    const agent = c.get('agent');
    return streamSSE(c, async (stream) => {
      // An open console is a present agent: each heartbeat says so.
      const line = sseLine(stream, deps.heartbeatMs, () => void touchPresence(deps.db, agent.id).catch(() => undefined));
      const write = (event: string, data: unknown) => line.send({ event, data: JSON.stringify(data) });
      const sendQueue = async () => write('queue', await deps.store.queueFor(agent));
      const mine = async (conversationId: string) => {
        if (agent.role === 'lead') return true;
        const [row] = await deps.db.query<{ agent_id: string | null }>('select agent_id from conversations where id = $1', [conversationId]);
        return row?.agent_id === agent.id;
      };
      const handle = async (signal: AgentSignal) => {
        if (signal.kind === 'queue_changed') return sendQueue();
        // Says no more than the queue does (an id and a yes or no), so every console hears it, without a read.
        if (signal.kind === 'candidate_connection') return write('connection', { conversationId: signal.conversationId, connected: signal.connected });
        if (!(await mine(signal.conversationId))) return;
        if (signal.kind === 'candidate_typing') write('typing', { conversationId: signal.conversationId, typing: signal.typing });
        else write('conversation', { conversationId: signal.conversationId, event: signal.event });
        // Who has which conversation changed: everyone's queue changes with it.
        if (signal.kind === 'event' && ['agent_joined', 'closed', 'transferred'].includes(signal.event.type)) await sendQueue();
      };
      // One signal at a time, in the order they came: on PostgreSQL the queries of two signals run side by
      // side, and an older queue snapshot could otherwise be written after a newer one.
      let handling = Promise.resolve();
      const onSignal = (signal: AgentSignal) => {
        handling = handling.then(() => handle(signal)).catch(() => undefined);
      };
      const unsubscribe = deps.hub.subscribeAgents(onSignal);
      lineOpened(agent.id);
      try {
        await touchPresence(deps.db, agent.id);
        await staffingChanged();
        await sendQueue();
        await line.closed;
      } finally {
        line.stop();
        unsubscribe();
        lineClosed(agent.id);
      }
    });
  });

  api.post('/conversations/:id/take', async (c) => {
    const taken = await deps.store.take(c.get('agent'), c.req.param('id'));
    if (taken.ok) return c.json({ id: taken.id });
    const messages = { full: 'you already have as many chats as your capacity: close one first', taken: 'another agent took it, or it is no longer waiting', empty: 'nobody is waiting' };
    return fail(c, 409, `conversation.${taken.why}`, messages[taken.why]);
  });

  api.get('/conversations/:id', async (c) => {
    const detail = await deps.store.openFor(c.get('agent'), c.req.param('id'));
    return detail ? c.json(detail) : fail(c, 404, 'conversation.not_found', `no conversation "${c.req.param('id')}"`);
  });

  /** Only the agent holding the conversation (or a lead) writes in it. */
  async function holds(c: Context<Env>): Promise<Response | undefined> {
    const agent = c.get('agent');
    const [row] = await deps.db.query<{ agent_id: string | null }>('select agent_id from conversations where id = $1', [c.req.param('id')]);
    if (!row) return fail(c, 404, 'conversation.not_found', `no conversation "${c.req.param('id')}"`);
    if (row.agent_id !== agent.id && agent.role !== 'lead') return fail(c, 403, 'conversation.not_yours', 'take the conversation before writing in it');
    return undefined;
  }

  api.post('/conversations/:id/messages', async (c) => {
    const refused = await holds(c);
    if (refused) return refused;
    const body = await parse(c, AgentMessage);
    if (body instanceof Response) return body;
    const { message, created } = await deps.store.addAgentMessage(c.get('agent'), c.req.param('id'), body.clientMessageId, body.text, body.private ?? false);
    return c.json(message, created ? 201 : 200);
  });

  /** The agent is typing: the candidate's open streams see it; nothing is stored. */
  api.post('/conversations/:id/typing', async (c) => {
    const refused = await holds(c);
    if (refused) return refused;
    const body = await parse(c, Typing);
    if (body instanceof Response) return body;
    const [row] = await deps.db.query<{ last_seq: number }>('select last_seq from conversations where id = $1', [c.req.param('id')]);
    deps.hub.signal(c.req.param('id'), { type: 'agent_typing', seq: row?.last_seq ?? 0, at: new Date().toISOString(), typing: body.typing });
    return c.body(null, 204);
  });

  api.post('/conversations/:id/close', async (c) => {
    const refused = await holds(c);
    if (refused) return refused;
    const body = await parse(c, CloseConversation);
    if (body instanceof Response) return body;
    return (await deps.store.close(c.get('agent'), c.req.param('id'), body.resolution)) ? c.body(null, 204) : fail(c, 409, 'conversation.closed', 'the conversation is already closed');
  });

  api.post('/conversations/:id/transfer', async (c) => {
    const refused = await holds(c);
    if (refused) return refused;
    const body = await parse(c, TransferConversation);
    if (body instanceof Response) return body;
    return (await deps.store.transfer(c.get('agent'), c.req.param('id'), body.queue, body.note)) ? c.body(null, 204) : fail(c, 409, 'conversation.not_assigned', 'only a conversation in progress can be transferred');
  });

  api.post('/conversations/:id/assign', async (c) => {
    if (c.get('agent').role !== 'lead') return fail(c, 403, 'console.leads_only', 'only leads reassign conversations');
    const body = await parse(c, AssignConversation);
    if (body instanceof Response) return body;
    const to = deps.accounts.find((a) => a.id === body.agentId);
    if (!to) return fail(c, 400, 'request.invalid', `agentId: no agent "${body.agentId}"`);
    return (await deps.store.assign(c.get('agent'), c.req.param('id'), accountRef(to))) ? c.body(null, 204) : fail(c, 409, 'conversation.closed', 'the conversation is closed');
  });

  api.put('/conversations/:id/tags', async (c) => {
    const refused = await holds(c);
    if (refused) return refused;
    const body = await parse(c, ConversationTags);
    if (body instanceof Response) return body;
    return (await deps.store.setTags(c.get('agent'), c.req.param('id'), body.tags)) ? c.body(null, 204) : fail(c, 404, 'conversation.not_found', 'no such conversation');
  });

  api.get('/agents', (c) => c.json(deps.accounts.map(accountRef)));

  api.get('/closed', async (c) => {
    if (c.get('agent').role !== 'lead') return fail(c, 403, 'console.leads_only', 'the closed conversations and their ratings are for leads');
    const limit = Math.min(200, Math.max(1, Number(c.req.query('limit') ?? 20) || 20));
    return c.json(await deps.store.closed(limit));
  });

  api.get('/audit', async (c) => {
    if (c.get('agent').role !== 'lead') return fail(c, 403, 'console.leads_only', 'the audit log is for leads');
    const conversation = c.req.query('conversation');
    const rows = await deps.db.query(
      `select actor, action, conversation_id as "conversationId", detail, at from audit_log ${conversation ? 'where conversation_id = $1' : ''} order by id desc limit 500`,
      conversation ? [conversation] : [],
    );
    return c.json(rows);
  });

  return api;
}
