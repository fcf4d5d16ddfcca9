// @vitest-environment jsdom
import { waitFor } from '@testing-library/preact';
import type { LifelineError } from '@lifeline/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectConsole } from '../test-support.ts';
import { KB_URL, serveKnowledgeBase } from '../test-widget.ts';
import { HOST_TAG } from '../ui/launcher-style.ts';
import type { LifelineWidget } from '../widget.ts';

serveKnowledgeBase();

interface GlobalLifeline {
  (command: string, ...args: unknown[]): unknown;
  q?: unknown[][];
  l?: 1;
  widget?: LifelineWidget;
}

const win = window as unknown as { Lifeline?: GlobalLifeline };

/** The loader's queue: calls made before the bundle arrived. */
function queueStub(): GlobalLifeline {
  const stub: GlobalLifeline = (...args: unknown[]) => {
    (stub.q ??= []).push(args);
  };
  stub.l = 1;
  win.Lifeline = stub;
  return stub;
}

/** Runs the bundle as a fresh script would. */
async function runBundle(): Promise<void> {
  vi.resetModules();
  await import('./index.ts');
  // The bundle boots in its own task after evaluation (so the host never sees one long task).
  await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => {
  win.Lifeline?.widget?.destroy();
  delete win.Lifeline;
  for (const host of Array.from(document.querySelectorAll(HOST_TAG))) host.remove();
  window.sessionStorage.clear();
});

describe('the script-tag bundle', () => {
  it('replays the queued calls in order', async () => {
    const seen: string[] = [];
    const lifeline = queueStub();
    lifeline('on', 'question', (detail: { question: string }) => seen.push(`question ${detail.question}`));
    lifeline('init', { kbUrl: KB_URL, context: { phase: 'during' } });
    lifeline('on', 'answer', (detail: { articleId: string; kbVersion: string }) => seen.push(`answer ${detail.articleId}`));
    lifeline('on', 'ready', () => seen.push('ready'));
    lifeline('ask', 'my webcam is not working');
    await runBundle();

    expect(win.Lifeline).not.toBe(lifeline);
    expect(win.Lifeline?.l).toBe(1);
    expect(win.Lifeline?.widget).toBeDefined();
    await waitFor(() => expect(seen).toEqual(['question my webcam is not working', 'ready', 'answer camera-not-working']));
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(win.Lifeline?.('getSessionContext')).toMatchObject({ phase: 'during', entries: [{ type: 'question' }, { type: 'answer' }] });
  });

  it('works as a command function once loaded', async () => {
    queueStub()('init', { kbUrl: KB_URL });
    await runBundle();
    const lifeline = win.Lifeline!;
    const answers: unknown[] = [];
    lifeline('on', 'answer', (detail: unknown) => answers.push(detail));
    lifeline('ask', 'my webcam is not working');
    await waitFor(() => expect(answers).toEqual([expect.objectContaining({ decision: 'answer', articleId: 'camera-not-working' })]));
  });

  it('applies data-* attributes first, and a later init adds to them', async () => {
    const lifeline = queueStub();
    lifeline('attributes', { kbUrl: KB_URL, phase: 'after', examName: 'Biology 101' });
    lifeline('init', { context: { exam: { start: '9:00' } }, locale: 'es' });
    await runBundle();
    const opened: unknown[] = [];
    win.Lifeline!('on', 'ready', (detail: unknown) => opened.push(detail));
    await waitFor(() => expect(opened).toEqual([{ locale: 'es' }]));
    expect(win.Lifeline!('getSessionContext')).toMatchObject({ phase: 'after', locale: 'es' });
  });

  it('reuses the host element the loader drew', async () => {
    const drawn = document.createElement(HOST_TAG);
    drawn.attachShadow({ mode: 'open' }).append(document.createElement('button'));
    document.body.append(drawn);
    queueStub()('init', { kbUrl: KB_URL });
    await runBundle();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    await waitFor(() => expect(drawn.shadowRoot?.querySelector('button.launcher')).not.toBeNull());
  });

  it('makes no second widget when the bundle runs twice', async () => {
    queueStub()('init', { kbUrl: KB_URL });
    await runBundle();
    const first = win.Lifeline!;
    await runBundle();
    expect(win.Lifeline).toBe(first);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('reports an unknown command as command.unknown, without throwing', async () => {
    const console = expectConsole();
    const errors: LifelineError[] = [];
    const lifeline = queueStub();
    lifeline('on', 'error', (error: LifelineError) => errors.push(error));
    lifeline('init', { kbUrl: KB_URL });
    lifeline('launch');
    await runBundle();
    expect(() => win.Lifeline!('reportError', new Error('not a command either'))).not.toThrow();
    await waitFor(() => expect(errors.map((e) => e.code)).toEqual(['command.unknown', 'command.unknown']));
    expect(errors[0]?.message).toContain('"launch"');
    expect(console).toHaveBeenCalledTimes(2);
  });

  it('reports a bad config from the queue as config.invalid', async () => {
    expectConsole();
    const errors: LifelineError[] = [];
    const lifeline = queueStub();
    lifeline('on', 'error', (error: LifelineError) => errors.push(error));
    lifeline('init', { kbUrl: KB_URL, theme: { primary: 'blue' } });
    await runBundle();
    await waitFor(() => expect(errors.map((e) => e.code)).toEqual(['config.invalid']));
  });

  it('runs without a queue', async () => {
    delete win.Lifeline;
    await runBundle();
    const lifeline = win.Lifeline as GlobalLifeline | undefined;
    expect(typeof lifeline).toBe('function');
    expect(lifeline?.('init', { kbUrl: KB_URL })).toBe(true);
  });
});
