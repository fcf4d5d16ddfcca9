// @vitest-environment jsdom
import { waitFor } from '@testing-library/preact';
import type { LifelineError } from '@lifeline/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLifeline, ELEMENT_TAG, LIFELINE_EVENTS, LifelineSupportElement, type LifelineApi } from './index.ts';
import { STORAGE_KEY } from './session/index.ts';
import { expectConsole } from './test-support.ts';
import { KB_URL, serveKnowledgeBase } from './test-widget.ts';
import { HOST_TAG } from './ui/launcher-style.ts';

const kb = serveKnowledgeBase();

afterEach(() => {
  document.body.replaceChildren();
  window.sessionStorage.clear();
});

function record(api: LifelineApi) {
  const events: { event: string; detail: unknown }[] = [];
  for (const event of LIFELINE_EVENTS) api.on(event, (detail) => events.push({ event, detail }));
  return events;
}

describe('createLifeline', () => {
  it('makes a widget in document.body and initializes it', async () => {
    const lifeline = createLifeline({ kbUrl: KB_URL });
    const events = record(lifeline);
    const hosts = document.body.querySelectorAll(HOST_TAG);
    expect(hosts).toHaveLength(1);
    await waitFor(() => expect(events.map((e) => e.event)).toContain('ready'));
    lifeline.ask('my webcam is not working');
    await waitFor(() => expect(events.filter((e) => e.event === 'answer').map((e) => e.detail)).toEqual([expect.objectContaining({ articleId: 'camera-not-working' })]));
    expect(hosts[0]?.shadowRoot?.querySelector('[data-article="camera-not-working"]')).not.toBeNull();
  });

  it('puts the widget in the container it is given, with the fetch and storage it is given', async () => {
    const container = document.createElement('section');
    document.body.append(container);
    const fetch = vi.fn((...args: Parameters<typeof globalThis.fetch>) => globalThis.fetch(...args));
    const stored = new Map<string, string>();
    const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v), removeItem: (k: string) => void stored.delete(k) } as Storage;
    const lifeline = createLifeline({ kbUrl: 'http://kb.test/kb', open: true }, { container, fetch, storage });
    expect(container.querySelectorAll(HOST_TAG)).toHaveLength(1);
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('http://kb.test/kb/manifest.json'));
    expect(stored.has(STORAGE_KEY)).toBe(true);
    lifeline.destroy();
    expect(container.children).toHaveLength(0);
  });

  it('never throws for a bad config, and reports it', async () => {
    expectConsole();
    let lifeline: LifelineApi | undefined;
    expect(() => (lifeline = createLifeline({ kbURL: '/kb/' }))).not.toThrow();
    const errors: LifelineError[] = [];
    lifeline!.on('error', (error) => errors.push(error as LifelineError));
    await waitFor(() => expect(errors.length).toBeGreaterThan(0));
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(['config.invalid']));
  });

  it('leaves nothing behind after 100 widgets are created and destroyed', async () => {
    const before = document.body.children.length;
    // Spies that call through: they count the page-level listeners the widgets add and remove.
    const listeners = [window, document].map((target) => ({ added: vi.spyOn(target, 'addEventListener'), removed: vi.spyOn(target, 'removeEventListener') }));
    const widgets: LifelineApi[] = [];
    const fired: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const lifeline = createLifeline({ kbUrl: KB_URL, open: i % 2 === 0 });
      for (const event of LIFELINE_EVENTS) lifeline.on(event, () => fired.push(event));
      widgets.push(lifeline);
    }
    expect(document.body.children.length).toBe(before + 100);
    await waitFor(() => expect(fired.filter((e) => e === 'ready')).toHaveLength(100));
    for (const lifeline of widgets) lifeline.destroy();
    expect(document.body.children.length).toBe(before);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);

    fired.length = 0;
    const requests = kb.requested.length;
    for (const lifeline of widgets) {
      lifeline.open();
      lifeline.ask('my webcam is not working');
      lifeline.showArticle('camera-not-working');
      lifeline.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fired).toEqual([]);
    expect(kb.requested.length).toBe(requests);
    for (const { added, removed } of listeners) {
      expect(added.mock.calls.length - removed.mock.calls.length).toBeLessThanOrEqual(0);
      added.mockRestore();
      removed.mockRestore();
    }
  });

  it('does not write the help session after destroy', () => {
    const lifeline = createLifeline({ kbUrl: KB_URL });
    lifeline.destroy();
    window.sessionStorage.clear();
    lifeline.ask('my webcam is not working');
    lifeline.open();
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe('<lifeline-support>', () => {
  it('is defined on import', () => {
    expect(customElements.get(ELEMENT_TAG)).toBe(LifelineSupportElement);
  });

  it('reads its config from attributes and dispatches every event as lifeline-<event>', async () => {
    const element = document.createElement(ELEMENT_TAG) as LifelineSupportElement;
    element.setAttribute('kb-url', KB_URL);
    element.setAttribute('data-locale', 'es');
    element.setAttribute('phase', 'during');
    element.setAttribute('exam-name', 'Biología 101');
    const seen: { type: string; detail: unknown }[] = [];
    for (const event of ['ready', 'question', 'answer']) element.addEventListener(`lifeline-${event}`, (e) => seen.push({ type: e.type, detail: (e as CustomEvent).detail }));
    document.body.append(element);
    await waitFor(() => expect(seen.map((e) => e.type)).toEqual(['lifeline-ready']));
    expect(seen[0]?.detail).toEqual({ locale: 'es' });
    expect(element.lifeline?.getSessionContext()).toMatchObject({ phase: 'during', locale: 'es' });

    element.lifeline?.ask('la cámara no funciona');
    await waitFor(() => expect(seen.map((e) => e.type)).toEqual(['lifeline-ready', 'lifeline-question', 'lifeline-answer']));
    expect(seen[2]?.detail).toMatchObject({ articleId: 'camera-not-working' });
  });

  it('follows changes of its phase and locale attributes', async () => {
    const element = document.createElement(ELEMENT_TAG) as LifelineSupportElement;
    element.setAttribute('kb-url', KB_URL);
    document.body.append(element);
    element.setAttribute('phase', 'after');
    expect(element.lifeline?.getSessionContext()?.phase).toBe('after');
    element.setAttribute('locale', 'es');
    await waitFor(() => expect(element.shadowRoot?.querySelector('.root')?.getAttribute('lang')).toBe('es'));
  });

  it('takes extra config from .config, and is destroyed when removed', async () => {
    const element = document.createElement(ELEMENT_TAG) as LifelineSupportElement;
    element.setAttribute('kb-url', KB_URL);
    element.config = { context: { support: { hours: '9–17' } }, theme: { side: 'left' } };
    document.body.append(element);
    await waitFor(() => expect(element.shadowRoot?.querySelector('.root.left')).not.toBeNull());
    element.remove();
    expect(element.lifeline).toBeUndefined();
    expect(element.shadowRoot?.querySelector('.root')).toBeNull();
  });
});
