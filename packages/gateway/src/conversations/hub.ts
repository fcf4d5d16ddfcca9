/** @module In-process fan-out: each stored event goes to the streams open on its conversation. (Several nodes will use LISTEN/NOTIFY.) */
import type { ConversationEvent } from '@lifeline/protocol';

/** `transient`: a signal such as typing, not stored and without an SSE id, so a resume neither replays nor skips for it. */
type Listener = (event: ConversationEvent, transient?: boolean) => void;
/** The console listens to every conversation, and to what only agents see (the candidate typing, the queue changing). */
export type AgentSignal = { kind: 'event'; conversationId: string; event: ConversationEvent } | { kind: 'candidate_typing'; conversationId: string; typing: boolean } | { kind: 'queue_changed' };
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

  /** Returns the function that stops listening. */
  subscribe(conversationId: string, listener: Listener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
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
