/**
 * @module Conversations in SQL: created once per idempotency key, messages once per client id, and an
 * event log whose per-conversation `seq` is taken inside the same transaction as the change it records.
 */
import { randomUUID } from 'node:crypto';
import type { CandidateClaims, ConversationEvent, ConversationView, Message, SessionContext } from '@lifeline/protocol';
import type { Database, Queryable } from '../db/index.ts';

type EventBody = ConversationEvent extends infer E ? (E extends ConversationEvent ? Omit<E, 'seq' | 'at'> : never) : never;

interface ConversationRow extends Record<string, unknown> {
  id: string;
  candidate_id: string;
  status: ConversationView['status'];
  ticket: string | null;
  created_at: Date | string;
}

interface MessageRow extends Record<string, unknown> {
  id: string;
  client_message_id: string | null;
  author: Message['author'];
  name: string | null;
  text: string;
  created_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export class ConversationStore {
  constructor(
    private readonly db: Database,
    /** Called after each committed event: the hub fans it out. */
    private readonly onEvent: (conversationId: string, event: ConversationEvent) => void,
  ) {}

  /** The candidate's conversation for this key, created if it is new; `created` says which. */
  async create(claims: CandidateClaims, idempotencyKey: string, context: SessionContext): Promise<{ conversation: ConversationView; created: boolean }> {
    const id = randomUUID().replaceAll('-', '');
    const inserted = await this.db.query<ConversationRow>(
      `insert into conversations (id, candidate_id, candidate_name, exam_id, exam_name, exam_start, phase, locale, idempotency_key, status, context)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10)
       on conflict (candidate_id, idempotency_key) do nothing
       returning id, candidate_id, status, ticket, created_at`,
      [id, claims.sub, claims.name, claims.exam.id, claims.exam.name, claims.exam.start ?? null, claims.phase, claims.locale ?? null, idempotencyKey, JSON.stringify(context)],
    );
    const row = inserted[0] ?? (await this.db.query<ConversationRow>('select id, candidate_id, status, ticket, created_at from conversations where candidate_id = $1 and idempotency_key = $2', [claims.sub, idempotencyKey]))[0]!;
    return { conversation: await this.view(row), created: inserted.length > 0 };
  }

  /** The owner of a conversation, or undefined when there is no such conversation. */
  async ownerOf(conversationId: string): Promise<string | undefined> {
    return (await this.db.query<{ candidate_id: string }>('select candidate_id from conversations where id = $1', [conversationId]))[0]?.candidate_id;
  }

  async get(conversationId: string): Promise<ConversationView | undefined> {
    const row = (await this.db.query<ConversationRow>('select id, candidate_id, status, ticket, created_at from conversations where id = $1', [conversationId]))[0];
    return row && this.view(row);
  }

  /** A candidate's message; the same `clientMessageId` again returns the stored one and adds nothing. */
  async addCandidateMessage(conversationId: string, clientMessageId: string, text: string): Promise<{ message: Message; created: boolean }> {
    const result = await this.db.transaction(async (tx) => {
      const inserted = await tx.query<MessageRow>(
        `insert into messages (id, conversation_id, client_message_id, author, text) values ($1, $2, $3, 'candidate', $4)
         on conflict (conversation_id, client_message_id) do nothing
         returning id, client_message_id, author, name, text, created_at`,
        [randomUUID(), conversationId, clientMessageId, text],
      );
      if (!inserted[0]) {
        const existing = (await tx.query<MessageRow>('select id, client_message_id, author, name, text, created_at from messages where conversation_id = $1 and client_message_id = $2', [conversationId, clientMessageId]))[0]!;
        return { message: toMessage(existing), created: false, event: undefined };
      }
      const message = toMessage(inserted[0]);
      return { message, created: true, event: await appendEvent(tx, conversationId, { type: 'message', message }) };
    });
    if (result.event) this.onEvent(conversationId, result.event);
    return { message: result.message, created: result.created };
  }

  /** Records an event outside a message (typing, queue updates, closing…), in its own transaction. */
  async record(conversationId: string, body: EventBody): Promise<ConversationEvent> {
    const event = await this.db.transaction((tx) => appendEvent(tx, conversationId, body));
    this.onEvent(conversationId, event);
    return event;
  }

  /** The events after `afterSeq`, in order: what a stream resuming from `Last-Event-ID` missed. */
  async eventsAfter(conversationId: string, afterSeq: number): Promise<ConversationEvent[]> {
    const rows = await this.db.query<{ payload: ConversationEvent | string }>('select payload from events where conversation_id = $1 and seq > $2 order by seq', [conversationId, afterSeq]);
    return rows.map((row) => (typeof row.payload === 'string' ? (JSON.parse(row.payload) as ConversationEvent) : row.payload));
  }

  private async view(row: ConversationRow): Promise<ConversationView> {
    if (row.status !== 'queued') return { id: row.id, status: row.status, ...(row.ticket ? { ticket: row.ticket } : {}) };
    const ahead = await this.db.query<{ count: string | number }>(`select count(*) as count from conversations where status = 'queued' and created_at < $1`, [row.created_at]);
    const position = Number(ahead[0]?.count ?? 0) + 1;
    return { id: row.id, status: row.status, position, estimatedWaitSeconds: position * 60 };
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
