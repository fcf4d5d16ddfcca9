/**
 * @module The help session: what the candidate asked, was shown, read and rated, kept in
 * sessionStorage so a reload loses nothing. Namespaced, versioned, size-capped; corrupt data is dropped.
 */
import { HELP_SESSION_VERSION, HelpSession, type HelpSessionEntry } from '@lifeline/protocol';
import { CHAT_STORAGE_KEY } from '../chat/key.ts';

export const STORAGE_KEY = 'lifeline:help-session';

/** sessionStorage holds ~5 MB per origin and the host needs it too: the session keeps to 32 KB. */
export const MAX_STORED_CHARS = 32_000;

export function newHelpSession(now = Date.now()): HelpSession {
  return { version: HELP_SESSION_VERSION, id: randomId(), startedAt: now, entries: [] };
}

/** The stored session, or undefined when there is none, it is from another version, or it is corrupt. */
export function loadHelpSession(storage: Storage | undefined): HelpSession | undefined {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return undefined; // storage blocked by the browser's privacy settings
  }
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const result = HelpSession.safeParse(parsed);
  if (!result.success) {
    forget(storage);
    return undefined;
  }
  return result.data;
}

/** Stores the session, dropping the oldest entries when it outgrows the cap. Returns false when storage refused. */
export function saveHelpSession(storage: Storage | undefined, session: HelpSession): boolean {
  if (!storage) return false;
  let entries = session.entries;
  let json = JSON.stringify({ ...session, entries });
  while (json.length > MAX_STORED_CHARS && entries.length > 0) {
    entries = entries.slice(Math.max(1, Math.ceil(entries.length / 4)));
    json = JSON.stringify({ ...session, entries });
  }
  try {
    storage.setItem(STORAGE_KEY, json);
    return true;
  } catch {
    return false; // quota exceeded or storage disabled: the session still lives in memory
  }
}

/** `window.sessionStorage`, or undefined where the browser blocks it (reading it can throw). */
export function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether the chat (chat/store.ts) left a conversation to re-attach to: asked without loading the chat. */
export function hasStoredChat(storage: Storage | undefined): boolean {
  try {
    return !!storage?.getItem(CHAT_STORAGE_KEY);
  } catch {
    return false;
  }
}

export function forget(storage: Storage | undefined): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // nothing to clean when storage is blocked
  }
}

export function appendEntry(session: HelpSession, entry: HelpSessionEntry): HelpSession {
  return { ...session, entries: [...session.entries, entry] };
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
