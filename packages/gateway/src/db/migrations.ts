/**
 * @module The schema, as numbered migrations. Append a new one; never edit one that has shipped.
 * Plain PostgreSQL that PGlite and a PostgreSQL server both run: no extensions, no engine-specific types.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'conversations, events, messages, audit log, webhook outbox',
    statements: [
      `create table conversations (
        id text primary key,
        candidate_id text not null,
        candidate_name text not null,
        exam_id text not null,
        exam_name text not null,
        exam_start timestamptz,
        phase text not null,
        locale text,
        idempotency_key text not null,
        status text not null,
        queue text not null default 'tier1',
        agent_id text,
        context jsonb not null,
        tags jsonb not null default '[]',
        ticket text unique,
        resolution text,
        csat_score integer,
        csat_comment text,
        last_seq integer not null default 0,
        created_at timestamptz not null default now(),
        assigned_at timestamptz,
        closed_at timestamptz,
        unique (candidate_id, idempotency_key)
      )`,
      'create index conversations_waiting on conversations (status, queue, created_at)',
      'create index conversations_candidate on conversations (candidate_id, created_at)',
      // One row per event of a conversation's stream; seq is the SSE id, so the primary key is the resume point.
      `create table events (
        conversation_id text not null references conversations (id),
        seq integer not null,
        type text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        primary key (conversation_id, seq)
      )`,
      `create table messages (
        id text primary key,
        conversation_id text not null references conversations (id),
        client_message_id text,
        author text not null,
        author_id text,
        name text,
        text text not null,
        private boolean not null default false,
        created_at timestamptz not null default now(),
        unique (conversation_id, client_message_id)
      )`,
      `create table audit_log (
        id bigserial primary key,
        actor text not null,
        action text not null,
        conversation_id text,
        detail jsonb not null default '{}',
        at timestamptz not null default now()
      )`,
      `create table webhook_outbox (
        id bigserial primary key,
        event text not null,
        payload jsonb not null,
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        delivered_at timestamptz,
        last_error text,
        created_at timestamptz not null default now()
      )`,
      'create index webhook_outbox_due on webhook_outbox (next_attempt_at) where delivered_at is null',
    ],
  },
  {
    version: 2,
    name: 'agent sessions, presence, last queue position told',
    statements: [
      `create table agent_sessions (
        id text primary key,
        agent_id text not null,
        csrf text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null
      )`,
      `create table agent_presence (
        agent_id text primary key,
        status text not null,
        updated_at timestamptz not null default now()
      )`,
      // The queue position the candidate was last told, so a change is sent once.
      'alter table conversations add column last_position integer',
    ],
  },
  {
    version: 3,
    name: 'webhook targets; tickets',
    statements: [
      // One outbox row per receiver, so one that fails does not hold back the others.
      "alter table webhook_outbox add column target text not null default ''",
    ],
  },
  {
    version: 4,
    name: 'expected waits: the wait last told, recent handling times',
    statements: [
      // The expected wait the candidate was last told (null: none promised), so a change is sent once.
      'alter table conversations add column last_wait integer',
      // The last closed conversations, read for the handling time behind every estimate.
      "create index conversations_closed on conversations (closed_at) where status = 'closed'",
    ],
  },
];
