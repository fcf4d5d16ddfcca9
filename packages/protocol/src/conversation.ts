/**
 * @module The candidate API between the widget's chat client and the gateway (docs/protocol.md): the
 * token's claims, the requests and answers, and the events of a conversation's SSE stream.
 */
import * as z from 'zod/mini';
import { Locale, Phase } from './kb.ts';
import { SessionContext } from './widget.ts';

/** The longest a candidate token may live: the host signs a fresh one for each page. */
export const MAX_TOKEN_SECONDS = 3600;

/** The exam a candidate token names. */
export const ExamClaim = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  /** When the exam starts (ISO 8601 with a time zone): the queue serves those about to start first. */
  start: z.optional(z.iso.datetime({ offset: true })),
});
export type ExamClaim = z.infer<typeof ExamClaim>;

/** What the host's backend signs (HS256, ES256 or RS256) for a candidate. `iss`, `aud` and `exp` are checked by the gateway. */
export const CandidateClaims = z.looseObject({
  /** The candidate's id on the platform: the owner of its conversations. */
  sub: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Shown to the agent. */
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  exam: ExamClaim,
  phase: Phase,
  locale: z.optional(Locale),
  exp: z.number(),
  iat: z.optional(z.number()),
});
export type CandidateClaims = z.infer<typeof CandidateClaims>;

/**
 * `POST /v1/anonymous-token`, on a gateway that enables anonymous candidates (the demo); every field is
 * optional, and an empty body is `{}`. `previous` is the candidate's last anonymous token: one this
 * gateway signed, even expired within a grace period (docs/protocol.md), keeps its `sub`, so a reload
 * or a second tab is the same candidate and resumes its conversation. `exam`, `phase` and `locale` are
 * what the page says: an anonymous candidate declares them itself (a platform that must trust them signs
 * its own tokens).
 */
export const AnonymousTokenRequest = z.strictObject({
  previous: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
  exam: z.optional(ExamClaim),
  phase: z.optional(Phase),
  locale: z.optional(Locale),
});
export type AnonymousTokenRequest = z.infer<typeof AnonymousTokenRequest>;

/** The answer to `POST /v1/anonymous-token`: `resumed` when `previous` was accepted and the `sub` kept. */
export const AnonymousToken = z.strictObject({ token: z.string(), expiresAt: z.string(), resumed: z.boolean() });
export type AnonymousToken = z.infer<typeof AnonymousToken>;

export const ConversationId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Made by the widget for each message it sends: a retry with the same id is the same message. */
export const ClientMessageId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Made by the widget for each "Talk to a person": a retry with the same key is the same conversation. */
export const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/**
 * When a message was written or an event happened: ISO 8601 in UTC, as the gateway writes it
 * (`2026-11-24T09:00:00.000Z`). A regex rather than `z.iso.datetime()`: the widget's chat parses every
 * event, and zod's datetime machinery would land in the widget's first download (zod sits in the
 * initial chunk): 378 B gzip measured.
 */
export const Timestamp = z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/));

export const MessageText = z.string().check(z.trim(), z.minLength(1), z.maxLength(4000));

/** `POST /v1/conversations` (header `Idempotency-Key`): the help session so far, so the agent never asks twice. */
export const CreateConversation = z.strictObject({
  context: SessionContext,
});
export type CreateConversation = z.infer<typeof CreateConversation>;

export const CONVERSATION_STATUSES = ['queued', 'assigned', 'closed', 'ticket'] as const;
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** The answer to `POST /v1/conversations`, and what a reload reads back. */
export const ConversationView = z.strictObject({
  id: ConversationId,
  status: ConversationStatus,
  /** 1 is next; absent once an agent has it. */
  position: z.optional(z.int().check(z.minimum(1))),
  /**
   * From the agents online now and their recent handling times; absent when it cannot be estimated
   * (nobody online, or too little history), and the widget then promises no time.
   */
  estimatedWaitSeconds: z.optional(z.int().check(z.minimum(0))),
  /** The short reference of a ticket (outside hours or with no agent online). */
  ticket: z.optional(z.string()),
});
export type ConversationView = z.infer<typeof ConversationView>;

/** The answer to `GET /v1/conversations`: the candidate's conversations, newest first (the widget re-attaches to the newest one still going). */
export const ConversationList = z.array(ConversationView);
export type ConversationList = z.infer<typeof ConversationList>;

export const MESSAGE_AUTHORS = ['candidate', 'agent', 'system'] as const;

export const Message = z.strictObject({
  id: z.string(),
  clientMessageId: z.optional(ClientMessageId),
  author: z.enum(MESSAGE_AUTHORS),
  /** The agent's display name; the candidate's own messages carry none. */
  name: z.optional(z.string()),
  text: z.string(),
  at: Timestamp,
});
export type Message = z.infer<typeof Message>;

/** `POST /v1/conversations/:id/messages`. */
export const SendMessage = z.strictObject({ clientMessageId: ClientMessageId, text: MessageText });
export type SendMessage = z.infer<typeof SendMessage>;

/** `POST /v1/conversations/:id/typing`, and the console's own. */
export const Typing = z.strictObject({ typing: z.boolean() });
export type Typing = z.infer<typeof Typing>;

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
export const SupportStatus = z.strictObject({
  /** Within support hours. */
  open: z.boolean(),
  /** Agents online with a fresh console. */
  agentsOnline: z.int().check(z.minimum(0)),
  /** A new conversation's expected wait; absent when it cannot be estimated (nobody online, no recent history). */
  estimatedWaitSeconds: z.optional(z.int().check(z.minimum(0))),
});
export type SupportStatus = z.infer<typeof SupportStatus>;

/** `POST /v1/conversations/:id/csat`: 1 (bad) to 5 (good). */
export const Csat = z.strictObject({
  score: z.int().check(z.minimum(1), z.maximum(5)),
  comment: z.optional(z.string().check(z.maxLength(2000))),
});
export type Csat = z.infer<typeof Csat>;

/**
 * One event of a conversation's stream. `seq` increases by one per conversation and is the SSE `id:`,
 * so `Last-Event-ID` resumes exactly after the last event seen; `type` is the SSE `event:`. A plain union
 * of objects with a literal `type` (the same check as `z.discriminatedUnion`, which would add 476 B gzip to
 * the widget's first download for the same reason as `Timestamp`).
 */
export const ConversationEvent = z.union([
  z.strictObject({ type: z.literal('message'), seq: z.int(), at: Timestamp, message: Message }),
  z.strictObject({ type: z.literal('agent_joined'), seq: z.int(), at: Timestamp, agent: z.strictObject({ name: z.string() }) }),
  z.strictObject({ type: z.literal('agent_typing'), seq: z.int(), at: Timestamp, typing: z.boolean() }),
  z.strictObject({
    type: z.literal('queue_update'),
    seq: z.int(),
    at: Timestamp,
    position: z.int().check(z.minimum(1)),
    /** Absent when it cannot be estimated (see `ConversationView`). */
    estimatedWaitSeconds: z.optional(z.int().check(z.minimum(0))),
  }),
  z.strictObject({ type: z.literal('transferred'), seq: z.int(), at: Timestamp, queue: z.string() }),
  z.strictObject({ type: z.literal('closed'), seq: z.int(), at: Timestamp }),
  z.strictObject({ type: z.literal('csat_requested'), seq: z.int(), at: Timestamp }),
  z.strictObject({ type: z.literal('ticket_created'), seq: z.int(), at: Timestamp, ticket: z.string() }),
]);
export type ConversationEvent = z.infer<typeof ConversationEvent>;
export type ConversationEventType = ConversationEvent['type'];

/** Every error answer of the gateway: a stable code and a message that says what to fix. */
export const ApiError = z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

// --- The widget's chat client ---

/** A message the candidate wrote that the gateway has not confirmed yet. */
export const OutboxMessage = z.strictObject({ clientMessageId: ClientMessageId, text: z.string(), at: z.number() });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** Bumped when the stored chat changes shape; an older one is dropped, not misread. */
export const CHAT_SESSION_VERSION = 1;

/** The chat client's record in sessionStorage, so a reload re-attaches to the conversation and sends what is left. */
export const ChatSession = z.strictObject({
  version: z.literal(CHAT_SESSION_VERSION),
  /** The `Idempotency-Key` of the candidate's "Send": a retry, even after a reload, is the same conversation. */
  key: IdempotencyKey,
  /** Known once the gateway has answered the create. */
  conversationId: z.optional(ConversationId),
  /** In the order they were written; each is removed once the gateway has it. */
  outbox: z.array(OutboxMessage),
  /**
   * The seq of the newest event the candidate had on screen: agent messages after it are unread (the
   * launcher's marker), also after a reload that replays them. Optional, so a record stored before it
   * still reads (as nothing seen) and the version stays.
   */
  seen: z.optional(z.int()),
});
export type ChatSession = z.infer<typeof ChatSession>;
