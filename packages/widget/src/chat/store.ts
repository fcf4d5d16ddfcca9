/**
 * @module The chat's record in sessionStorage: the conversation to re-attach to after a reload, and the
 * outbox of messages the gateway has not confirmed. Versioned by CHAT_SESSION_VERSION; corrupt or older data is dropped.
 */
import { CHAT_SESSION_VERSION, ChatSession } from '@lifeline/protocol';
import { CHAT_STORAGE_KEY } from './key.ts';

export { CHAT_STORAGE_KEY };

/** The stored chat, or undefined when there is none, it is from another version, or it is corrupt. */
export function loadChat(storage: Storage | undefined): ChatSession | undefined {
  try {
    const raw = storage?.getItem(CHAT_STORAGE_KEY);
    if (raw == null) return undefined;
    const parsed = ChatSession.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable JSON, or storage blocked by the browser's privacy settings
  }
  forgetChat(storage);
  return undefined;
}

/** Returns false when storage refused (quota, privacy settings): the chat still works for this page. */
export function saveChat(storage: Storage | undefined, chat: ChatSession): boolean {
  try {
    storage?.setItem(CHAT_STORAGE_KEY, JSON.stringify(chat));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function forgetChat(storage: Storage | undefined): void {
  try {
    storage?.removeItem(CHAT_STORAGE_KEY);
  } catch {
    // nothing to clean when storage is blocked
  }
}

export function newChat(): ChatSession {
  return { version: CHAT_SESSION_VERSION, key: randomId(), outbox: [] };
}

/** 16 random bytes in hex: an idempotency key or a client message id (the gateway wants 8 to 64 of [A-Za-z0-9_-]). */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
