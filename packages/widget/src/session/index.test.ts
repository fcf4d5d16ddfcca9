// @vitest-environment jsdom
import { waitFor } from '@testing-library/preact';
import { HELP_SESSION_VERSION, type HelpSession, type HelpSessionEntry } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import { KB_URL, mountWidget, serveKnowledgeBase, type MountedWidget } from '../test-widget.ts';
import { appendEntry, forget, loadHelpSession, MAX_STORED_CHARS, newHelpSession, saveHelpSession, STORAGE_KEY } from './index.ts';

serveKnowledgeBase();

/** A Storage backed by a Map, so each test starts empty and can count what was written. */
class MemoryStorage implements Storage {
  readonly values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

/** What a browser with blocked or full storage does. */
class RefusingStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

class BlockedStorage extends RefusingStorage {
  override getItem(): string | null {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  }
  override removeItem(): void {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  }
}

const question = (text: string, at = 1): HelpSessionEntry => ({ type: 'question', at, text });
const answer = (articleId: string, at = 2): HelpSessionEntry => ({ type: 'answer', at, decision: 'answer', articleId, alternatives: [], kbVersion: 'v1' });

function session(...entries: HelpSessionEntry[]): HelpSession {
  return entries.reduce(appendEntry, newHelpSession(1000));
}

describe('help session storage', () => {
  it('round-trips a session under its namespaced key', () => {
    const storage = new MemoryStorage();
    const saved: HelpSession = { ...session(question('camera'), answer('camera-not-working')), view: { open: true, reading: 'camera-not-working' } };
    expect(saveHelpSession(storage, saved)).toBe(true);
    expect([...storage.values.keys()]).toEqual([STORAGE_KEY]);
    expect(STORAGE_KEY).toMatch(/^lifeline:/);
    expect(loadHelpSession(storage)).toEqual(saved);
  });

  it('stores the version with the session', () => {
    const storage = new MemoryStorage();
    saveHelpSession(storage, session());
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toMatchObject({ version: HELP_SESSION_VERSION, startedAt: 1000, entries: [] });
  });

  it('gives a new session a random id and no entries', () => {
    const [a, b] = [newHelpSession(5), newHelpSession(5)];
    expect(a).toEqual({ version: HELP_SESSION_VERSION, id: expect.stringMatching(/^[0-9a-f]{16}$/), startedAt: 5, entries: [] });
    expect(a.id).not.toBe(b.id);
  });

  it('appends without changing the session it was given', () => {
    const before = session(question('a'));
    const after = appendEntry(before, answer('b'));
    expect(before.entries).toHaveLength(1);
    expect(after.entries).toHaveLength(2);
  });

  it('returns undefined when nothing is stored', () => {
    expect(loadHelpSession(new MemoryStorage())).toBeUndefined();
    expect(loadHelpSession(undefined)).toBeUndefined();
  });

  it.each([
    ['corrupt JSON', '{"version":1,"id":'],
    ['JSON that is not a session', '[1,2,3]'],
    ['another version', JSON.stringify({ ...session(question('old')), version: HELP_SESSION_VERSION + 1 })],
    ['an entry of an unknown type', JSON.stringify({ ...session(), entries: [{ type: 'mystery', at: 1 }] })],
    ['an unknown field', JSON.stringify({ ...session(), extra: true })],
  ])('drops %s and removes the key', (_, stored) => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, stored);
    storage.setItem('host:own-key', 'kept');
    expect(loadHelpSession(storage)).toBeUndefined();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(storage.getItem('host:own-key')).toBe('kept');
  });

  it(`keeps the stored session under ${MAX_STORED_CHARS} characters by dropping the oldest entries`, () => {
    const storage = new MemoryStorage();
    const entries = Array.from({ length: 400 }, (_, i) => question(`question ${i} ${'x'.repeat(200)}`, i));
    const big = session(...entries);
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_STORED_CHARS);
    expect(saveHelpSession(storage, big)).toBe(true);
    const stored = storage.getItem(STORAGE_KEY)!;
    expect(stored.length).toBeLessThanOrEqual(MAX_STORED_CHARS);
    const loaded = loadHelpSession(storage)!;
    expect(loaded.entries.length).toBeGreaterThan(0);
    expect(loaded.entries.length).toBeLessThan(400);
    // The newest entries are kept, in order.
    expect(loaded.entries.at(-1)).toEqual(entries.at(-1));
    expect(loaded.entries).toEqual(entries.slice(400 - loaded.entries.length));
    expect(loaded.id).toBe(big.id);
  });

  it('returns false, without throwing, when storage refuses to store', () => {
    expect(saveHelpSession(new RefusingStorage(), session(question('camera')))).toBe(false);
    expect(saveHelpSession(undefined, session())).toBe(false);
  });

  it('reads and forgets nothing, without throwing, when storage is blocked', () => {
    const storage = new BlockedStorage();
    expect(loadHelpSession(storage)).toBeUndefined();
    expect(() => forget(storage)).not.toThrow();
  });
});

describe('help session in the widget', () => {
  async function ready(storage: Storage | undefined, config: Record<string, unknown> = {}): Promise<MountedWidget> {
    const mounted = mountWidget({ storage });
    mounted.widget.init({ kbUrl: KB_URL, ...config });
    await waitFor(() => expect(mounted.details('ready')).toHaveLength(1));
    return mounted;
  }

  const conversation = (mounted: MountedWidget) => Array.from(mounted.shadow.querySelectorAll('[role="log"] > *'), (item) => item.textContent);

  it('shows the same conversation after a reload, on the same article', async () => {
    const storage = new MemoryStorage();
    const first = await ready(storage);
    first.widget.ask('my webcam is not working');
    await waitFor(() => expect(first.details('answer')).toHaveLength(1));
    const before = conversation(first);
    expect(before).toHaveLength(3); // greeting, question, answer
    const { sessionId } = first.widget.getSessionContext()!;
    first.widget.destroy();

    const second = await ready(storage);
    expect(second.widget.getSessionContext()).toMatchObject({ sessionId, entries: first.widget.getSessionContext()!.entries });
    await waitFor(() => expect(conversation(second)).toEqual(before));
    expect(second.shadow.querySelector('[data-article="camera-not-working"]')).not.toBeNull();
  });

  it('reopens on the article the candidate was reading', async () => {
    const storage = new MemoryStorage();
    const first = await ready(storage);
    first.widget.showArticle('camera-not-working');
    await waitFor(() => expect(first.shadow.querySelector('article h3')?.textContent).toBe('My camera is not working'));
    first.widget.destroy();

    const second = await ready(storage);
    await waitFor(() => expect(second.shadow.querySelector('article h3')?.textContent).toBe('My camera is not working'));
  });

  it('keeps nothing, and forgets what was stored, with persist: false', async () => {
    const storage = new MemoryStorage();
    saveHelpSession(storage, session(question('earlier')));
    const mounted = await ready(storage, { persist: false });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    mounted.widget.ask('my webcam is not working');
    await waitFor(() => expect(mounted.details('answer')).toHaveLength(1));
    expect(storage.length).toBe(0);
    expect(mounted.widget.getSessionContext()!.entries.map((e) => e.type)).toEqual(['question', 'answer']);
  });

  it('keeps working in memory when storage refuses', async () => {
    const mounted = await ready(new BlockedStorage());
    mounted.widget.ask('my webcam is not working');
    await waitFor(() => expect(mounted.details('answer')).toEqual([expect.objectContaining({ articleId: 'camera-not-working' })]));
    expect(mounted.details('error')).toEqual([]);
  });

  it('starts fresh over a corrupt stored session', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'not json');
    const mounted = await ready(storage);
    expect(mounted.widget.getSessionContext()!.entries).toEqual([]);
    expect(mounted.details('error')).toEqual([]);
  });

  it('uses window.sessionStorage', async () => {
    const mounted = await ready(window.sessionStorage);
    mounted.widget.open();
    expect(loadHelpSession(window.sessionStorage)).toMatchObject({ view: { open: true } });
  });
});
