/** @module In-process fan-out: each stored event goes to the streams open on its conversation. (Several nodes will use LISTEN/NOTIFY.) */
import type { ConversationEvent } from '@lifeline/protocol';

/** `transient`: a signal such as typing, not stored and without an SSE id, so a resume neither replays nor skips for it. */
type Listener = (event: ConversationEvent, transient?: boolean) => void;
/**
 * The console listens to every conversation, and to what only agents see: the candidate typing, the
 * candidate connecting or leaving (its first stream opened, its last closed), the queue changing.
 */
export type AgentSignal =
  | { kind: 'event'; conversationId: string; event: ConversationEvent }
  | { kind: 'candidate_typing'; conversationId: string; typing: boolean }
  | { kind: 'candidate_connection'; conversationId: string; connected: boolean }
  | { kind: 'queue_changed' };
type AgentListener = (signal: AgentSignal) => void;

export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly agentListeners = new Set<AgentListener>();

  subscribeAgents(listener: AgentListener): () => void {
    this.agentListeners.add(listener);
    return () => this.agentListeners.delete(listener);
  }

  signalAgents(signal: AgentSignal): void {
    for (const listener of this.agentListeners) listener(signal);
  }

  /**
   * A candidate's stream on its conversation; returns the function that stops listening. The first
   * stream of a conversation tells the agents the candidate connected, the end of the last that it left.
   */
  subscribe(conversationId: string, listener: Listener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    if (set.size === 1) this.signalAgents({ kind: 'candidate_connection', conversationId, connected: true });
    return () => {
      if (!set.delete(listener) || set.size > 0) return;
      this.listeners.delete(conversationId);
      this.signalAgents({ kind: 'candidate_connection', conversationId, connected: false });
    };
  }

  /** Whether the candidate has a stream open on this conversation now (on this gateway node). */
  candidateConnected(conversationId: string): boolean {
    return (this.listeners.get(conversationId)?.size ?? 0) > 0;
  }

  /** A signal only the open streams see (the agent typing): never stored, never replayed. */
  signal(conversationId: string, event: ConversationEvent): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener(event, true);
  }

  publish(conversationId: string, event: ConversationEvent): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener(event);
    this.signalAgents({ kind: 'event', conversationId, event });
  }

  get openStreams(): number {
    let count = this.agentListeners.size;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
