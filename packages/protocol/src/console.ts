/** @module The console API between the agent console and the gateway (docs/protocol.md): sign-in, presence, the queue, a chat. */
import * as zod from 'zod/mini';
import { ClientMessageId, MessageText, type ConversationEvent, type ConversationStatus, type Message } from './conversation.ts';
import type { Phase } from './kb.ts';
import type { SessionContext } from './widget.ts';

export const AGENT_ROLES = ['agent', 'lead', 'tier2'] as const;
export const AgentRole = zod.enum(AGENT_ROLES);
export type AgentRole = zod.infer<typeof AgentRole>;

export const SignIn = zod.strictObject({ agentId: zod.string().check(zod.minLength(1), zod.maxLength(100)), password: zod.string().check(zod.minLength(1), zod.maxLength(200)) });
export type SignIn = zod.infer<typeof SignIn>;

/** The signed-in agent, and the token every changing request repeats in `X-CSRF-Token`. */
export const AgentSession = zod.strictObject({
  agent: zod.strictObject({ id: zod.string(), name: zod.string(), role: AgentRole, capacity: zod.int() }),
  csrf: zod.string(),
});
export type AgentSession = zod.infer<typeof AgentSession>;

/** What an agent chooses: `online` is offered new conversations, `away` keeps only the chats already open. */
export const PRESENCE_STATUSES = ['online', 'away'] as const;
export const PresenceStatus = zod.enum(PRESENCE_STATUSES);
export type PresenceStatus = zod.infer<typeof PresenceStatus>;

/** `POST /console/api/presence`. */
export const SetPresence = zod.strictObject({ status: PresenceStatus });
export type SetPresence = zod.infer<typeof SetPresence>;

/**
 * `GET /console/api/presence`: the signed-in agent's own presence, as the console should start from it.
 * `offline` is no presence yet, or an `online` no console has kept fresh (new conversations do not wait
 * for it); an `away` stays `away` however old, because only the agent takes it back.
 */
export const AgentPresence = zod.strictObject({ status: zod.enum([...PRESENCE_STATUSES, 'offline']) });
export type AgentPresence = zod.infer<typeof AgentPresence>;

/** An agent's message; `private` is a note only agents see. */
export const AgentMessage = zod.strictObject({ clientMessageId: ClientMessageId, text: MessageText, private: zod.optional(zod.boolean()) });
export type AgentMessage = zod.infer<typeof AgentMessage>;

export const RESOLUTIONS = ['solved', 'solved_by_article', 'solved_by_checks', 'rescheduled', 'escalated_to_platform', 'no_response', 'other'] as const;
export const CloseConversation = zod.strictObject({ resolution: zod.enum(RESOLUTIONS) });
export type CloseConversation = zod.infer<typeof CloseConversation>;

/** Hands the conversation to another queue (tier 2) with a note for whoever takes it there. */
export const TransferConversation = zod.strictObject({ queue: zod.enum(['tier1', 'tier2']), note: zod.string().check(zod.trim(), zod.minLength(1), zod.maxLength(2000)) });
export type TransferConversation = zod.infer<typeof TransferConversation>;

/** A lead gives a conversation to a named agent. */
export const AssignConversation = zod.strictObject({ agentId: zod.string().check(zod.minLength(1)) });
export type AssignConversation = zod.infer<typeof AssignConversation>;

/** Topic tags (the console suggests them from the KB topics of the articles involved; agents edit them). */
export const ConversationTags = zod.strictObject({ tags: zod.array(zod.string().check(zod.regex(/^[a-z0-9][a-z0-9-]{0,39}$/))).check(zod.maxLength(20)) });
export type ConversationTags = zod.infer<typeof ConversationTags>;

/** A line of the console's queue: enough to choose, without opening the conversation. */
export interface QueueItem {
  id: string;
  candidateName: string;
  examName: string;
  examStart: string | undefined;
  phase: Phase;
  queue: string;
  status: ConversationStatus;
  agentId: string | undefined;
  createdAt: string;
  /** The candidate's first question and the checks' reference code, to triage at a glance. */
  firstQuestion: string | undefined;
  checksCode: string | undefined;
  /**
   * Whether the candidate has an event stream open now (the panel's chat is on a page): false once the
   * page is closed, reloading, or offline. Kept live by the `connection` signal of the live line.
   */
  candidateConnected: boolean;
}

/** `GET /console/api/queue`. */
export interface Queue {
  waiting: QueueItem[];
  mine: QueueItem[];
  /** Conversations that became tickets (outside hours, nobody online): taken by name. */
  tickets: QueueItem[];
}

/** The `connection` signal of the live line: the candidate opened its first event stream, or closed its last. */
export interface CandidateConnection {
  conversationId: string;
  connected: boolean;
}

/**
 * `GET /console/api/events`, the console's live line (SSE): each event name with its data. It does not
 * replay: a console that reconnects reads the queue and its open chats again.
 */
export interface ConsoleLiveEvents {
  /** The whole queue, on every change. */
  queue: Queue;
  /** An event of a conversation the agent holds (a lead: every conversation). */
  conversation: { conversationId: string; event: ConversationEvent };
  /** The candidate of a conversation the agent holds is typing; a `true` not renewed within `TYPING_TTL_MS` reads as stopped. */
  typing: { conversationId: string; typing: boolean };
  /** A candidate connected or left (to every agent: it says no more than the queue does). */
  connection: CandidateConnection;
}

export type ConsoleMessage = Message & { private: boolean };

/** `GET /console/api/conversations/:id`: what opening a conversation shows. */
export interface ConversationDetail extends QueueItem {
  context: SessionContext;
  messages: ConsoleMessage[];
  csat: { score: number; comment?: string } | undefined;
  resolution: string | undefined;
  tags: string[];
}

/** One line of `GET /console/api/audit`. */
export interface AuditEntry {
  actor: string;
  action: string;
  conversationId: string | null;
  detail: Record<string, unknown> | string | null;
  at: string;
}

/** `GET /console/api/closed` (leads): the last closed conversations, with who closed them and the rating. */
export interface ClosedConversation extends QueueItem {
  resolution: string | undefined;
  csat: { score: number; comment?: string } | undefined;
  closedAt: string;
  /** The agent who held it when it closed. */
  closedBy: string | undefined;
}
