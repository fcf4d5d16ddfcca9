/**
 * @module The console API client (`/console/api`, docs/protocol.md): every call answers a value,
 * `{ ok: true, value }` or `{ ok: false, code }` with the gateway's stable error code, never a throw.
 */
import { AgentPresence, type AgentSession, type AuditEntry, type ClosedConversation, type ConsoleMessage, type ConversationDetail, type ConversationEvent, type PresenceStatus, type Queue } from '@lifeline/protocol';

export { connectEvents, parseSse, type ConsoleEvent, type EventsConnection, type LineState } from './events.ts';

export const API_BASE = '/console/api';

export type { AuditEntry, ClosedConversation, ConsoleMessage, ConversationDetail, Queue, QueueItem } from '@lifeline/protocol';

export type Agent = AgentSession['agent'];
export type Presence = PresenceStatus;
export type { AgentPresence, ConversationEvent };

/**
 * Codes the console knows how to explain (i18n `errors`); any other code is shown as it is.
 * `network.failed` and `response.invalid` are the client's own: no answer, or one that is not JSON.
 */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string };

export class ConsoleApi {
  /** Repeated in `X-CSRF-Token` on every change; set by sign-in and by `session()`. */
  csrf = '';

  constructor(
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    readonly base: string = API_BASE,
  ) {}

  async signIn(agentId: string, password: string): Promise<ApiResult<AgentSession>> {
    const result = await this.call<AgentSession>('POST', '/session', { agentId, password });
    if (result.ok) this.csrf = result.value.csrf;
    return result;
  }

  /** The session the cookie holds, if any: how a reload stays signed in. */
  async session(): Promise<ApiResult<AgentSession>> {
    const result = await this.call<AgentSession>('GET', '/session');
    if (result.ok) this.csrf = result.value.csrf;
    return result;
  }

  async signOut(): Promise<ApiResult<undefined>> {
    const result = await this.call<undefined>('DELETE', '/session');
    this.csrf = '';
    return result;
  }

  queue = () => this.call<Queue>('GET', '/queue');
  take = (which: string | 'next') => this.call<{ id: string }>('POST', `/conversations/${encodeURIComponent(which)}/take`);
  conversation = (id: string) => this.call<ConversationDetail>('GET', `/conversations/${encodeURIComponent(id)}`);
  send = (id: string, body: { clientMessageId: string; text: string; private: boolean }) => this.call<ConsoleMessage>('POST', `/conversations/${encodeURIComponent(id)}/messages`, body);
  close = (id: string, resolution: string) => this.call<undefined>('POST', `/conversations/${encodeURIComponent(id)}/close`, { resolution });
  transfer = (id: string, queue: 'tier1' | 'tier2', note: string) => this.call<undefined>('POST', `/conversations/${encodeURIComponent(id)}/transfer`, { queue, note });
  assign = (id: string, agentId: string) => this.call<undefined>('POST', `/conversations/${encodeURIComponent(id)}/assign`, { agentId });
  tags = (id: string, tags: string[]) => this.call<undefined>('PUT', `/conversations/${encodeURIComponent(id)}/tags`, { tags });
  typing = (id: string, typing: boolean) => this.call<undefined>('POST', `/conversations/${encodeURIComponent(id)}/typing`, { typing });
  presence = (status: Presence) => this.call<undefined>('POST', '/presence', { status });

  /** The presence the gateway holds; parsed, because a misread "away" would route chats to someone gone. */
  async readPresence(): Promise<ApiResult<AgentPresence>> {
    const result = await this.call<unknown>('GET', '/presence');
    if (!result.ok) return result;
    const parsed = AgentPresence.safeParse(result.value);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, status: 200, code: 'response.invalid' };
  }

  agents = () => this.call<Agent[]>('GET', '/agents');
  audit = (conversationId?: string) => this.call<AuditEntry[]>('GET', `/audit${conversationId ? `?conversation=${encodeURIComponent(conversationId)}` : ''}`);
  closed = (limit: number) => this.call<ClosedConversation[]>('GET', `/closed?limit=${limit}`);

  /** The live line: opened by `connectEvents` with this API's fetch, so cookies and tests work alike. */
  openEvents = (signal: AbortSignal) => this.fetchImpl(`${this.base}/events`, { headers: { accept: 'text/event-stream' }, credentials: 'same-origin', signal });

  private async call<T>(method: string, route: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${route}`, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch {
      return { ok: false, status: 0, code: 'network.failed' };
    }
    if (response.status === 204) return { ok: true, value: undefined as T };
    const parsed: unknown = await response.json().catch(() => undefined);
    if (response.ok && parsed !== undefined) return { ok: true, value: parsed as T };
    const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
    return { ok: false, status: response.status, code: typeof code === 'string' ? code : 'response.invalid' };
  }
}

/** A client id for a message: the same id on a retry makes the gateway keep one copy. */
export function newClientMessageId(): string {
  return `console-${crypto.randomUUID()}`;
}
