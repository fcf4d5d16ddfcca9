/** @module In-process fan-out: each stored event goes to the streams open on its conversation. (Several nodes will use LISTEN/NOTIFY.) */
import type { ConversationEvent } from '@lifeline/protocol';

type Listener = (event: ConversationEvent) => void;

export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

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

  publish(conversationId: string, event: ConversationEvent): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener(event);
  }

  get openStreams(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
