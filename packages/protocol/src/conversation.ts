/**
 * @module The candidate API between the widget's chat client and the gateway (docs/protocol.md): the
 * token's claims, the requests and answers, and the events of a conversation's SSE stream.
 */
import * as zod from 'zod/mini';
import { Locale, Phase } from './kb.ts';
import { SessionContext } from './widget.ts';

/** The longest a candidate token may live: the host signs a fresh one for each page. */
export const MAX_TOKEN_SECONDS = 3600;

/** The exam a candidate token names. */
export const ExamClaim = zod.strictObject({
  id: zod.string().check(zod.minLength(1), zod.maxLength(200)),
  name: zod.string().check(zod.minLength(1), zod.maxLength(300)),
  /** When the exam starts (ISO 8601 with a time zone): the queue serves those about to start first. */
  start: zod.optional(zod.iso.datetime({ offset: true })),
});
export type ExamClaim = zod.infer<typeof ExamClaim>;

/** What the host's backend signs (HS256, ES256 or RS256) for a candidate. `iss`, `aud` and `exp` are checked by the gateway. */
export const CandidateClaims = zod.looseObject({
  /** The candidate's id on the platform: the owner of its conversations. */
  sub: zod.string().check(zod.minLength(1), zod.maxLength(200)),
  /** Shown to the agent. */
  name: zod.string().check(zod.minLength(1), zod.maxLength(200)),
  exam: ExamClaim,
  phase: Phase,
  locale: zod.optional(Locale),
  exp: zod.number(),
  iat: zod.optional(zod.number()),
});
export type CandidateClaims = zod.infer<typeof CandidateClaims>;

/**
 * `POST /v1/anonymous-token`, on a gateway that enables anonymous candidates (the demo); every field is
 * optional, and an empty body is `{}`. `previous` is the candidate's last anonymous token: one this
 * gateway signed, even expired within a grace period (docs/protocol.md), keeps its `sub`, so a reload
 * or a second tab is the same candidate and resumes its conversation. `exam`, `phase` and `locale` are
 * what the page says: an anonymous candidate declares them itself (a platform that must trust them signs
 * its own tokens).
 */
export const AnonymousTokenRequest = zod.strictObject({
  previous: zod.optional(zod.string().check(zod.minLength(1), zod.maxLength(4096))),
  exam: zod.optional(ExamClaim),
  phase: zod.optional(Phase),
  locale: zod.optional(Locale),
});
export type AnonymousTokenRequest = zod.infer<typeof AnonymousTokenRequest>;

/** The answer to `POST /v1/anonymous-token`: `resumed` when `previous` was accepted and the `sub` kept. */
export const AnonymousToken = zod.strictObject({ token: zod.string(), expiresAt: zod.string(), resumed: zod.boolean() });
export type AnonymousToken = zod.infer<typeof AnonymousToken>;

export const ConversationId = zod.string().check(zod.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Made by the widget for each message it sends: a retry with the same id is the same message. */
export const ClientMessageId = zod.string().check(zod.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Made by the widget for each "Talk to a person": a retry with the same key is the same conversation. */
export const IdempotencyKey = zod.string().check(zod.regex(/^[A-Za-z0-9_-]{8,64}$/));

/**
 * When a message was written or an event happened: ISO 8601 in UTC, as the gateway writes it
 * (`2026-11-24T09:00:00.000Z`). A regex rather than `zod.iso.datetime()`: the widget's chat parses every
 * event, and zod's datetime machinery would land in the widget's first download (zod sits in the
 * initial chunk): 378 B gzip measured.
 */
export const Timestamp = zod.string().check(zod.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/));

export const MessageText = zod.string().check(zod.trim(), zod.minLength(1), zod.maxLength(4000));

/** `POST /v1/conversations` (header `Idempotency-Key`): the help session so far, so the agent never asks twice. */
export const CreateConversation = zod.strictObject({
  context: SessionContext,
});
export type CreateConversation = zod.infer<typeof CreateConversation>;

export const CONVERSATION_STATUSES = ['queued', 'assigned', 'closed', 'ticket'] as const;
export const ConversationStatus = zod.enum(CONVERSATION_STATUSES);
export type ConversationStatus = zod.infer<typeof ConversationStatus>;

/** The answer to `POST /v1/conversations`, and what a reload reads back. */
export const ConversationView = zod.strictObject({
  id: ConversationId,
  status: ConversationStatus,
  /** 1 is next; absent once an agent has it. */
  position: zod.optional(zod.int().check(zod.minimum(1))),
  /**
   * From the agents online now and their recent handling times; absent when it cannot be estimated
   * (nobody online, or too little history), and the widget then promises no time.
   */
  estimatedWaitSeconds: zod.optional(zod.int().check(zod.minimum(0))),
  /** The short reference of a ticket (outside hours or with no agent online). */
  ticket: zod.optional(zod.string()),
});
export type ConversationView = zod.infer<typeof ConversationView>;

/** The answer to `GET /v1/conversations`: the candidate's conversations, newest first (the widget re-attaches to the newest one still going). */
export const ConversationList = zod.array(ConversationView);
export type ConversationList = zod.infer<typeof ConversationList>;

export const MESSAGE_AUTHORS = ['candidate', 'agent', 'system'] as const;

export const Message = zod.strictObject({
  id: zod.string(),
  clientMessageId: zod.optional(ClientMessageId),
  author: zod.enum(MESSAGE_AUTHORS),
  /** The agent's display name; the candidate's own messages carry none. */
  name: zod.optional(zod.string()),
  text: zod.string(),
  at: Timestamp,
});
export type Message = zod.infer<typeof Message>;

/** `POST /v1/conversations/:id/messages`. */
export const SendMessage = zod.strictObject({ clientMessageId: ClientMessageId, text: MessageText });
export type SendMessage = zod.infer<typeof SendMessage>;

/** `POST /v1/conversations/:id/typing`, and the console's own. */
export const Typing = zod.strictObject({ typing: zod.boolean() });
export type Typing = zod.infer<typeof Typing>;

/**
 * A `typing: true` not renewed within this long reads as stopped: a sender that went away (a reload, a
 * closed tab, a dropped network) never leaves "is typing…" on the other side's screen.
 */
export const TYPING_TTL_MS = 6000;
/** A sender that keeps typing renews `typing: true` this often: twice within `TYPING_TTL_MS`, so one lost signal does not blink. */
export const TYPING_RENEW_MS = 3000;

/**
 * `GET /v1/status` (no token): whether people are answering, for the panel to say before anyone asks.
 * Counts only, nothing about any candidate.
 */
export const SupportStatus = zod.strictObject({
  /** Within support hours. */
  open: zod.boolean(),
  /** Agents online with a fresh console. */
  agentsOnline: zod.int().check(zod.minimum(0)),
  /** A new conversation's expected wait; absent when it cannot be estimated (nobody online, no recent history). */
  estimatedWaitSeconds: zod.optional(zod.int().check(zod.minimum(0))),
});
export type SupportStatus = zod.infer<typeof SupportStatus>;

/** `POST /v1/conversations/:id/csat`: 1 (bad) to 5 (good). */
export const Csat = zod.strictObject({
  score: zod.int().check(zod.minimum(1), zod.maximum(5)),
  comment: zod.optional(zod.string().check(zod.maxLength(2000))),
});
export type Csat = zod.infer<typeof Csat>;

/**
 * One event of a conversation's stream. `seq` increases by one per conversation and is the SSE `id:`,
 * so `Last-Event-ID` resumes exactly after the last event seen; `type` is the SSE `event:`. A plain union
 * of objects with a literal `type` (the same check as `zod.discriminatedUnion`, which would add 476 B gzip to
 * the widget's first download for the same reason as `Timestamp`).
 */
export const ConversationEvent = zod.union([
  zod.strictObject({ type: zod.literal('message'), seq: zod.int(), at: Timestamp, message: Message }),
  zod.strictObject({ type: zod.literal('agent_joined'), seq: zod.int(), at: Timestamp, agent: zod.strictObject({ name: zod.string() }) }),
  zod.strictObject({ type: zod.literal('agent_typing'), seq: zod.int(), at: Timestamp, typing: zod.boolean() }),
  zod.strictObject({
    type: zod.literal('queue_update'),
    seq: zod.int(),
    at: Timestamp,
    position: zod.int().check(zod.minimum(1)),
    /** Absent when it cannot be estimated (see `ConversationView`). */
    estimatedWaitSeconds: zod.optional(zod.int().check(zod.minimum(0))),
  }),
  zod.strictObject({ type: zod.literal('transferred'), seq: zod.int(), at: Timestamp, queue: zod.string() }),
  zod.strictObject({ type: zod.literal('closed'), seq: zod.int(), at: Timestamp }),
  zod.strictObject({ type: zod.literal('csat_requested'), seq: zod.int(), at: Timestamp }),
  zod.strictObject({ type: zod.literal('ticket_created'), seq: zod.int(), at: Timestamp, ticket: zod.string() }),
]);
export type ConversationEvent = zod.infer<typeof ConversationEvent>;
export type ConversationEventType = ConversationEvent['type'];

/** Every error answer of the gateway: a stable code and a message that says what to fix. */
export const ApiError = zod.strictObject({ error: zod.strictObject({ code: zod.string(), message: zod.string() }) });
export type ApiError = zod.infer<typeof ApiError>;

// --- The widget's chat client ---

/** A message the candidate wrote that the gateway has not confirmed yet. */
export const OutboxMessage = zod.strictObject({ clientMessageId: ClientMessageId, text: zod.string(), at: zod.number() });
export type OutboxMessage = zod.infer<typeof OutboxMessage>;

/** Bumped when the stored chat changes shape; an older one is dropped, not misread. */
export const CHAT_SESSION_VERSION = 1;

/** The chat client's record in sessionStorage, so a reload re-attaches to the conversation and sends what is left. */
export const ChatSession = zod.strictObject({
  version: zod.literal(CHAT_SESSION_VERSION),
  /** The `Idempotency-Key` of the candidate's "Send": a retry, even after a reload, is the same conversation. */
  key: IdempotencyKey,
  /** Known once the gateway has answered the create. */
  conversationId: zod.optional(ConversationId),
  /** In the order they were written; each is removed once the gateway has it. */
  outbox: zod.array(OutboxMessage),
  /**
   * The seq of the newest event the candidate had on screen: agent messages after it are unread (the
   * launcher's marker), also after a reload that replays them. Optional, so a record stored before it
   * still reads (as nothing seen) and the version stays.
   */
  seen: zod.optional(zod.int()),
});
export type ChatSession = zod.infer<typeof ChatSession>;
