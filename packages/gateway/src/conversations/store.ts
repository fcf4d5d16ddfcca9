/**
 * @module Conversations in SQL: created once per idempotency key, messages once per client id, and an
 * event log whose per-conversation `seq` is taken inside the same transaction as the change it records.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { AgentRole, CandidateClaims, ClosedConversation, ConversationDetail, ConversationEvent, ConversationView, Message, Phase, QueueItem, SessionContext } from '@lifeline/protocol';

export type { ConversationDetail, QueueItem } from '@lifeline/protocol';
import type { Database, Queryable } from '../db/index.ts';
import { enqueueWebhook, type WebhookTarget } from '../webhooks/index.ts';
import { QUEUE_ORDER_SQL } from './queue.ts';
import { readWaitBasis, staffingSql, waitParameters, waitSql, type AgentCapacity, type WaitBasis } from './wait.ts';

type EventBody = ConversationEvent extends infer E ? (E extends ConversationEvent ? Omit<E, 'seq' | 'at'> : never) : never;

interface ConversationRow extends Record<string, unknown> {
  id: string;
  candidate_id: string;
  status: ConversationView['status'];
  ticket: string | null;
  created_at: Date | string;
  /** The place and the wait the candidate was last told (announcePositions). */
  last_position: number | null;
  last_wait: number | null;
}

const VIEW_COLUMNS = 'id, candidate_id, status, ticket, created_at, last_position, last_wait';

interface MessageRow extends Record<string, unknown> {
  id: string;
  client_message_id: string | null;
  author: Message['author'];
  name: string | null;
  text: string;
  created_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export interface StoreOptions {
  webhooks?: readonly WebhookTarget[];
  /** Whether someone can answer now (within hours, an agent online); otherwise a new conversation is a ticket. */
  staffed?: () => Promise<boolean>;
  /** The queues an online agent serves and the chats it holds at once, for the expected waits (default: tier 1, 4). */
  capacityOf?: AgentCapacity;
  /** Whether the candidate has an event stream open now (the hub knows); default: not known, so false. */
  candidateConnected?: (conversationId: string) => boolean;
  /** After the waiting candidates were told their places and waits (anything cached from them is old). */
  onAnnounced?: () => void;
}

/** Agents hold up to four chats at once unless their account says otherwise (the support targets). */
export const DEFAULT_CAPACITY = 4;

/** Crockford base 32 without I, L, O, U: a ticket reference read out on the phone is not misheard. */
const TICKET_SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newTicket = () => `T-${Array.from({ length: 6 }, () => TICKET_SYMBOLS[randomInt(32)]).join('')}`;

export class ConversationStore {
  private readonly webhooks: readonly WebhookTarget[];
  private readonly staffed: () => Promise<boolean>;
  private readonly capacityOf: AgentCapacity;
  private readonly connected: (conversationId: string) => boolean;
  private readonly onAnnounced: () => void;
  /** What the last announcement's waits stood on: the sweep announces only when it has changed. */
  private lastBasis: string | undefined;

  constructor(
    private readonly db: Database,
    /** Called after each committed event: the hub fans it out. */
    private readonly onEvent: (conversationId: string, event: ConversationEvent) => void,
    options: StoreOptions = {},
  ) {
    this.webhooks = options.webhooks ?? [];
    this.staffed = options.staffed ?? (async () => true);
    this.capacityOf = options.capacityOf ?? (() => ({ role: 'agent', capacity: DEFAULT_CAPACITY }));
    this.connected = options.candidateConnected ?? (() => false);
    this.onAnnounced = options.onAnnounced ?? (() => {});
  }

  /**
   * The candidate's conversation for this key, created if it is new; `created` says which. Outside hours
   * or with no agent online it is a ticket, with a short reference the candidate keeps. A new one in the
   * queue is told its place (and everyone behind it theirs) before the answer, so the answer says the same.
   */
  async create(claims: CandidateClaims, idempotencyKey: string, context: SessionContext): Promise<{ conversation: ConversationView; created: boolean }> {
    const id = randomUUID().replaceAll('-', '');
    const ticket = (await this.staffed()) ? null : newTicket();
    const result = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<ConversationRow>(
        `insert into conversations (id, candidate_id, candidate_name, exam_id, exam_name, exam_start, phase, locale, idempotency_key, status, ticket, context)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (candidate_id, idempotency_key) do nothing
         returning id, candidate_id, status, ticket, created_at`,
        [id, claims.sub, claims.name, claims.exam.id, claims.exam.name, claims.exam.start ?? null, claims.phase, claims.locale ?? null, idempotencyKey, ticket ? 'ticket' : 'queued', ticket, JSON.stringify(context)],
      );
      if (!row) return undefined;
      const summary = { conversationId: row.id, candidateId: claims.sub, examId: claims.exam.id, phase: claims.phase, ...(ticket ? { ticket } : {}) };
      await audit(tx, candidateActor(claims.sub), 'escalate', row.id, { candidate: claims.name, exam: claims.exam.name, phase: claims.phase, ...(ticket ? { ticket } : {}) });
      await enqueueWebhook(tx, this.webhooks, 'conversation.created', summary);
      if (!ticket) return { row, event: undefined };
      await enqueueWebhook(tx, this.webhooks, 'ticket.created', summary);
      return { row, event: await appendEvent(tx, row.id, { type: 'ticket_created', ticket }) };
    });
    if (result?.event) this.onEvent(result.row.id, result.event);
    if (result && !ticket) await this.announcePositions();
    const row = (await this.db.query<ConversationRow>(`select ${VIEW_COLUMNS} from conversations where candidate_id = $1 and idempotency_key = $2`, [claims.sub, idempotencyKey]))[0]!;
    return { conversation: await this.view(row), created: result !== undefined };
  }

  /** The owner of a conversation, or undefined when there is no such conversation. */
  async ownerOf(conversationId: string): Promise<string | undefined> {
    return (await this.db.query<{ candidate_id: string }>('select candidate_id from conversations where id = $1', [conversationId]))[0]?.candidate_id;
  }

  async listFor(candidateId: string): Promise<ConversationView[]> {
    const rows = await this.db.query<ConversationRow>(`select ${VIEW_COLUMNS} from conversations where candidate_id = $1 order by created_at desc limit 20`, [candidateId]);
    return Promise.all(rows.map((row) => this.view(row)));
  }

  async get(conversationId: string): Promise<ConversationView | undefined> {
    const row = (await this.db.query<ConversationRow>(`select ${VIEW_COLUMNS} from conversations where id = $1`, [conversationId]))[0];
    return row && this.view(row);
  }

  /**
   * A candidate's message in its own conversation; the same `clientMessageId` again returns the stored
   * one and adds nothing. `not_found` when there is no such conversation, `forbidden` when it is another
   * candidate's.
   */
  async addCandidateMessage(
    conversationId: string,
    candidateId: string,
    clientMessageId: string,
    text: string,
  ): Promise<{ ok: true; message: Message; created: boolean } | { ok: false; why: 'not_found' | 'forbidden' }> {
    // The hot path of a chat: one statement (an implicit transaction) checks the owner, stores the message
    // and its event, where begin, check, insert, bump, insert, commit took six round trips and twice the time.
    // The gateway's clock stamps the message, so the event it returns needs no second read.
    const message: Message = { id: randomUUID(), clientMessageId, author: 'candidate', text, at: new Date().toISOString() };
    const [logged] = await this.db.query<{ seq: number }>(
      `with inserted as (
         insert into messages (id, conversation_id, client_message_id, author, text, created_at)
         select $1, id, $3, 'candidate', $4, $5 from conversations where id = $2 and candidate_id = $6
         on conflict (conversation_id, client_message_id) do nothing
         returning id
       ), bumped as (
         update conversations set last_seq = last_seq + 1 where id = $2 and exists (select 1 from inserted) returning last_seq
       )
       insert into events (conversation_id, seq, type, payload)
       select $2, last_seq, 'message', $7::jsonb || jsonb_build_object('seq', last_seq) from bumped
       returning seq`,
      [message.id, conversationId, clientMessageId, text, message.at, candidateId, JSON.stringify({ type: 'message', at: message.at, message })],
    );
    if (logged) {
      this.onEvent(conversationId, { type: 'message', message, seq: logged.seq, at: message.at });
      return { ok: true, message, created: true };
    }
    // Nothing stored: a retry, or not this candidate's conversation.
    const [row] = await this.db.query<Partial<MessageRow> & { candidate_id: string }>(
      `select c.candidate_id, m.id, m.client_message_id, m.author, m.name, m.text, m.created_at
       from conversations c left join messages m on m.conversation_id = c.id and m.client_message_id = $2
       where c.id = $1`,
      [conversationId, clientMessageId],
    );
    if (!row) return { ok: false, why: 'not_found' };
    if (row.candidate_id !== candidateId) return { ok: false, why: 'forbidden' };
    return { ok: true, message: toMessage(row as MessageRow), created: false };
  }

  /** Records an event outside a message (typing, queue updates, closing…), in its own transaction. */
  async record(conversationId: string, body: EventBody): Promise<ConversationEvent> {
    const event = await this.db.transaction((tx) => appendEvent(tx, conversationId, body));
    this.onEvent(conversationId, event);
    return event;
  }

  // --- the agent's side ---

  /** The waiting conversations an agent may take, most urgent first, and the agent's own open ones. */
  async queueFor(agent: AgentRef): Promise<{ waiting: QueueItem[]; mine: QueueItem[]; tickets: QueueItem[] }> {
    const queues = agent.role === 'lead' ? ['tier1', 'tier2'] : [agent.role === 'tier2' ? 'tier2' : 'tier1'];
    const columns = `id, candidate_name, exam_name, exam_start, phase, queue, status, agent_id, created_at, context`;
    const waiting = await this.db.query<QueueRow>(`select ${columns} from conversations where status = 'queued' and queue = any($1) order by ${QUEUE_ORDER_SQL}`, [queues]);
    const mine = await this.db.query<QueueRow>(`select ${columns} from conversations where status = 'assigned' and agent_id = $1 order by assigned_at`, [agent.id]);
    const tickets = await this.db.query<QueueRow>(`select ${columns} from conversations where status = 'ticket' order by created_at limit 200`);
    const item = (row: QueueRow) => this.toQueueItem(row);
    return { waiting: waiting.map(item), mine: mine.map(item), tickets: tickets.map(item) };
  }

  /**
   * Gives a waiting conversation to the agent: the one named, or with 'next' the most urgent of the
   * agent's queue. `full` when the agent already has `capacity` chats, `taken` when someone was faster.
   */
  async take(agent: AgentRef, which: string | 'next'): Promise<{ ok: true; id: string } | { ok: false; why: 'full' | 'taken' | 'empty' }> {
    const outcome = await this.db.transaction(async (tx) => {
      const [load] = await tx.query<{ count: string | number }>(`select count(*) as count from conversations where status = 'assigned' and agent_id = $1`, [agent.id]);
      if (Number(load?.count ?? 0) >= agent.capacity) return { ok: false as const, why: 'full' as const };
      const queue = agent.role === 'tier2' ? 'tier2' : 'tier1';
      const [row] =
        which === 'next'
          ? await tx.query<{ id: string }>(`select id from conversations where status = 'queued' and (queue = $1 or $2) order by ${QUEUE_ORDER_SQL} limit 1 for update`, [queue, agent.role === 'lead'])
          : // A ticket is taken by name from the tickets list, when an agent is back.
            await tx.query<{ id: string }>(`select id from conversations where id = $1 and status in ('queued', 'ticket') for update`, [which]);
      if (!row) return { ok: false as const, why: which === 'next' ? ('empty' as const) : ('taken' as const) };
      await tx.query(`update conversations set status = 'assigned', agent_id = $2, assigned_at = now() where id = $1`, [row.id, agent.id]);
      await audit(tx, agent.id, 'assign', row.id, {});
      return { ok: true as const, id: row.id, event: await appendEvent(tx, row.id, { type: 'agent_joined', agent: { name: agent.name } }) };
    });
    if (!outcome.ok) return outcome;
    this.onEvent(outcome.id, outcome.event);
    await this.announcePositions();
    return { ok: true, id: outcome.id };
  }

  /** What the agent sees when opening a conversation (and the audit log notes that they did). */
  async openFor(agent: AgentRef, conversationId: string): Promise<ConversationDetail | undefined> {
    const [row] = await this.db.query<QueueRow & { candidate_id: string; tags: unknown; csat_score: number | null; csat_comment: string | null; resolution: string | null }>(
      'select id, candidate_id, candidate_name, exam_name, exam_start, phase, queue, status, agent_id, created_at, context, tags, csat_score, csat_comment, resolution from conversations where id = $1',
      [conversationId],
    );
    if (!row) return undefined;
    await audit(this.db, agent.id, 'open', conversationId, {});
    const messages = await this.db.query<MessageRow & { private: boolean }>('select id, client_message_id, author, name, text, private, created_at from messages where conversation_id = $1 order by created_at, id', [conversationId]);
    return {
      ...this.toQueueItem(row),
      context: parseJson(row.context) as SessionContext,
      messages: messages.map((m) => ({ ...toMessage(m), private: m.private })),
      csat: row.csat_score === null ? undefined : { score: row.csat_score, ...(row.csat_comment ? { comment: row.csat_comment } : {}) },
      resolution: row.resolution ?? undefined,
      tags: (parseJson(row.tags) as string[] | null) ?? [],
    };
  }

  /** The agent's message (or private note) in a conversation the agent holds; once per clientMessageId. */
  async addAgentMessage(agent: AgentRef, conversationId: string, clientMessageId: string, text: string, isPrivate: boolean): Promise<{ message: Message; created: boolean }> {
    const result = await this.db.transaction(async (tx) => {
      const inserted = await tx.query<MessageRow>(
        `insert into messages (id, conversation_id, client_message_id, author, author_id, name, text, private) values ($1, $2, $3, 'agent', $4, $5, $6, $7)
         on conflict (conversation_id, client_message_id) do nothing
         returning id, client_message_id, author, name, text, created_at`,
        [randomUUID(), conversationId, clientMessageId, agent.id, agent.name, text, isPrivate],
      );
      if (!inserted[0]) {
        const existing = (await tx.query<MessageRow>('select id, client_message_id, author, name, text, created_at from messages where conversation_id = $1 and client_message_id = $2', [conversationId, clientMessageId]))[0]!;
        return { message: toMessage(existing), created: false, event: undefined };
      }
      const message = toMessage(inserted[0]);
      await audit(tx, agent.id, isPrivate ? 'note' : 'message', conversationId, { excerpt: excerpt(text) });
      // A private note is stored and audited, never put on the candidate's stream.
      return { message, created: true, event: isPrivate ? undefined : await appendEvent(tx, conversationId, { type: 'message', message }) };
    });
    if (result.event) this.onEvent(conversationId, result.event);
    return { message: result.message, created: result.created };
  }

  /** Back to a queue (tier 2) with a private note; the candidate is told, and waits there. */
  async transfer(agent: AgentRef, conversationId: string, queue: string, note: string): Promise<boolean> {
    const event = await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`update conversations set status = 'queued', queue = $2, agent_id = null, last_position = null where id = $1 and status = 'assigned' returning id`, [conversationId, queue]);
      if (!row) return undefined;
      await tx.query(`insert into messages (id, conversation_id, author, author_id, name, text, private) values ($1, $2, 'agent', $3, $4, $5, true)`, [randomUUID(), conversationId, agent.id, agent.name, note]);
      await audit(tx, agent.id, 'transfer', conversationId, { queue, note });
      return appendEvent(tx, conversationId, { type: 'transferred', queue });
    });
    if (!event) return false;
    this.onEvent(conversationId, event);
    await this.announcePositions();
    return true;
  }

  /** A lead hands the conversation to a named agent (capacity is the lead's call here). */
  async assign(lead: AgentRef, conversationId: string, to: AgentRef): Promise<boolean> {
    const event = await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`update conversations set status = 'assigned', agent_id = $2, assigned_at = now() where id = $1 and status <> 'closed' returning id`, [conversationId, to.id]);
      if (!row) return undefined;
      await audit(tx, lead.id, 'assign', conversationId, { to: to.id });
      return appendEvent(tx, conversationId, { type: 'agent_joined', agent: { name: to.name } });
    });
    if (!event) return false;
    this.onEvent(conversationId, event);
    await this.announcePositions();
    return true;
  }

  async setTags(agent: AgentRef, conversationId: string, tags: string[]): Promise<boolean> {
    const updated = await this.db.transaction(async (tx) => {
      const rows = await tx.query('update conversations set tags = $2 where id = $1 returning id', [conversationId, JSON.stringify([...new Set(tags)])]);
      if (rows.length) await audit(tx, agent.id, 'tag', conversationId, { tags });
      return rows.length > 0;
    });
    return updated;
  }

  /** Closes with a resolution code and asks the candidate for a rating. */
  async close(agent: AgentRef, conversationId: string, resolution: string): Promise<boolean> {
    const events = await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`update conversations set status = 'closed', resolution = $2, closed_at = now() where id = $1 and status <> 'closed' returning id`, [conversationId, resolution]);
      if (!row) return undefined;
      await audit(tx, agent.id, 'close', conversationId, { resolution });
      await enqueueWebhook(tx, this.webhooks, 'conversation.closed', { conversationId, agentId: agent.id, resolution });
      return [await appendEvent(tx, conversationId, { type: 'closed' }), await appendEvent(tx, conversationId, { type: 'csat_requested' })];
    });
    events?.forEach((event) => this.onEvent(conversationId, event));
    if (events) await this.announcePositions();
    return events !== undefined;
  }

  /** The candidate's rating, once, after the conversation is closed. */
  async rate(conversationId: string, candidateId: string, score: number, comment: string | undefined): Promise<'rated' | 'not_closed' | 'already_rated'> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ status: string; agent_id: string | null }>('select status, agent_id from conversations where id = $1 for update', [conversationId]);
      if (row?.status !== 'closed') return 'not_closed';
      const updated = await tx.query(`update conversations set csat_score = $2, csat_comment = $3 where id = $1 and csat_score is null returning id`, [conversationId, score, comment ?? null]);
      if (!updated.length) return 'already_rated';
      await audit(tx, candidateActor(candidateId), 'rate', conversationId, { score, ...(comment ? { comment: excerpt(comment) } : {}) });
      await enqueueWebhook(tx, this.webhooks, 'csat.submitted', { conversationId, agentId: row.agent_id, score, ...(comment ? { comment } : {}) });
      return 'rated';
    });
  }

  /** The last closed conversations with their ratings, newest first; reading them is not an opening. */
  async closed(limit: number): Promise<ClosedConversation[]> {
    const rows = await this.db.query<QueueRow & { resolution: string | null; csat_score: number | null; csat_comment: string | null; closed_at: Date | string }>(
      `select id, candidate_name, exam_name, exam_start, phase, queue, status, agent_id, created_at, context, resolution, csat_score, csat_comment, closed_at
       from conversations where status = 'closed' and closed_at is not null order by closed_at desc limit $1`,
      [limit],
    );
    return rows.map((row) => ({
      ...this.toQueueItem(row),
      resolution: row.resolution ?? undefined,
      csat: row.csat_score === null ? undefined : { score: row.csat_score, ...(row.csat_comment ? { comment: row.csat_comment } : {}) },
      closedAt: iso(row.closed_at),
      closedBy: row.agent_id ?? undefined,
    }));
  }

  private toQueueItem(row: QueueRow): QueueItem {
    return queueItemOf(row, this.connected(row.id));
  }

  /** The events after `afterSeq`, in order: what a stream resuming from `Last-Event-ID` missed. */
  async eventsAfter(conversationId: string, afterSeq: number): Promise<ConversationEvent[]> {
    const rows = await this.db.query<{ payload: ConversationEvent | string }>('select payload from events where conversation_id = $1 and seq > $2 order by seq', [conversationId, afterSeq]);
    return rows.map((row) => (typeof row.payload === 'string' ? (JSON.parse(row.payload) as ConversationEvent) : row.payload));
  }

  /** A queued conversation says what its stream last said (announcePositions), so the two never disagree. */
  private async view(row: ConversationRow): Promise<ConversationView> {
    if (row.status !== 'queued') return { id: row.id, status: row.status, ...(row.ticket ? { ticket: row.ticket } : {}) };
    const position = row.last_position ?? (await this.positions()).get(row.id) ?? 1;
    return { id: row.id, status: row.status, position, ...(row.last_position !== null && row.last_wait !== null ? { estimatedWaitSeconds: row.last_wait } : {}) };
  }

  /**
   * What no event announces: an agent's presence going stale (a console that died), history ageing
   * out of the window. Two small reads; the queue is ranked again only when they differ from the last
   * announcement's, so a quiet sweep costs the message path nothing.
   */
  async announceIfStaffingChanged(): Promise<void> {
    const basis = await readWaitBasis(this.db, this.capacityOf);
    if (JSON.stringify(basis) !== this.lastBasis) await this.announcePositions(basis);
  }

  /** Every waiting conversation's place in its queue, most urgent first (queue.ts). */
  async positions(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ id: string; position: string | number }>(
      `select id, row_number() over (partition by queue order by ${QUEUE_ORDER_SQL}) as position from conversations where status = 'queued'`,
    );
    return new Map(rows.map((row) => [row.id, Number(row.position)]));
  }

  /**
   * Tells each waiting candidate whose place or expected wait changed (after an arrival, a take, a
   * transfer, a close, an agent coming or going): one statement ranks the queue, estimates each wait
   * (wait.ts), bumps the changed conversations' seq and writes their queue_update events, with no
   * `estimatedWaitSeconds` when there is none to promise.
   */
  async announcePositions(known?: WaitBasis): Promise<void> {
    const basis = known ?? (await readWaitBasis(this.db, this.capacityOf));
    this.lastBasis = JSON.stringify(basis);
    const rows = await this.db.transaction((tx) =>
      tx.query<{ conversation_id: string; payload: ConversationEvent | string }>(
        `with staffing as (${staffingSql(1)}), ranked as (
           select id, queue, row_number() over (partition by queue order by ${QUEUE_ORDER_SQL}) as position from conversations where status = 'queued'
         ), estimated as (
           select r.id, r.position, ${waitSql('r.position', 's.slots', 's.free', '$4::float8')} as wait
           from ranked r left join staffing s on s.queue = r.queue
         ), changed as (
           update conversations c set last_position = e.position, last_wait = e.wait, last_seq = c.last_seq + 1
           from estimated e where c.id = e.id and (c.last_position is distinct from e.position or c.last_wait is distinct from e.wait)
           returning c.id, c.last_seq, e.position, e.wait
         )
         insert into events (conversation_id, seq, type, payload)
         select id, last_seq, 'queue_update', jsonb_build_object(
           'type', 'queue_update', 'seq', last_seq,
           'at', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'position', position) || case when wait is null then '{}'::jsonb else jsonb_build_object('estimatedWaitSeconds', wait) end
         from changed
         returning conversation_id, payload`,
        waitParameters(basis),
      ),
    );
    for (const row of rows) this.onEvent(row.conversation_id, typeof row.payload === 'string' ? (JSON.parse(row.payload) as ConversationEvent) : row.payload);
    this.onAnnounced();
  }
}

/** The next `seq` is taken by updating the conversation row, which also locks it until the transaction ends. */
async function appendEvent(tx: Queryable, conversationId: string, body: EventBody): Promise<ConversationEvent> {
  const [row] = await tx.query<{ last_seq: number; now: Date | string }>('update conversations set last_seq = last_seq + 1 where id = $1 returning last_seq, now() as now', [conversationId]);
  if (!row) throw new Error(`no conversation ${conversationId}`);
  const event = { ...body, seq: row.last_seq, at: iso(row.now) } as ConversationEvent;
  await tx.query('insert into events (conversation_id, seq, type, payload) values ($1, $2, $3, $4)', [conversationId, event.seq, event.type, JSON.stringify(event)]);
  return event;
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    ...(row.client_message_id ? { clientMessageId: row.client_message_id } : {}),
    author: row.author,
    ...(row.name ? { name: row.name } : {}),
    text: row.text,
    at: iso(row.created_at),
  };
}

/** The signed-in agent, as the store needs it. */
export interface AgentRef {
  id: string;
  name: string;
  role: AgentRole;
  capacity: number;
}

interface QueueRow extends Record<string, unknown> {
  id: string;
  candidate_name: string;
  exam_name: string;
  exam_start: Date | string | null;
  phase: Phase;
  queue: string;
  status: ConversationView['status'];
  agent_id: string | null;
  created_at: Date | string;
  context: unknown;
}

const parseJson = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);

function queueItemOf(row: QueueRow, candidateConnected: boolean): QueueItem {
  const context = parseJson(row.context) as SessionContext;
  const question = context.entries.find((entry) => entry.type === 'question');
  return {
    id: row.id,
    candidateName: row.candidate_name,
    examName: row.exam_name,
    examStart: row.exam_start ? iso(row.exam_start) : undefined,
    phase: row.phase,
    queue: row.queue,
    status: row.status,
    agentId: row.agent_id ?? undefined,
    createdAt: iso(row.created_at),
    firstQuestion: question?.type === 'question' ? question.text : undefined,
    checksCode: context.checks?.code,
    candidateConnected,
  };
}

/** The audit log's actor for a candidate's own doings (escalating, rating): agents' ids never start so. */
const candidateActor = (candidateId: string) => `candidate:${candidateId}`;

/** Enough of a message for the audit log to say which one it was, in words rather than an id. */
const EXCERPT_LENGTH = 80;
const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text);

/** Who did what to which conversation: leads read it in the console. */
async function audit(db: Queryable, actor: string, action: string, conversationId: string | null, detail: Record<string, unknown>): Promise<void> {
  await db.query('insert into audit_log (actor, action, conversation_id, detail) values ($1, $2, $3, $4)', [actor, action, conversationId, JSON.stringify(detail)]);
}
