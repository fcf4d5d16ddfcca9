/**
 * @module Test helpers for the widget in jsdom: the real knowledge base, built from knowledge-base/
 * once per test file and served through msw, and widgets mounted on it with every event recorded.
 */
import { LAUNCHER_CSS } from './ui/launcher-style.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configure, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildKnowledgeBase, type BuildOutput } from '../../kb/src/build/index.ts';
import { loadKnowledgeBase } from '../../kb/src/source/load.ts';
import './test-support.ts';
import { LIFELINE_EVENTS, LifelineWidget, type LifelineEvent } from './widget.ts';

// Testing Library prints the DOM around a failed query, but cannot print a ShadowRoot: print its HTML instead.
configure({
  getElementError(message, container) {
    const html = container && 'innerHTML' in container ? String(container.innerHTML).slice(0, 4000) : '';
    const error = new Error(`${message ?? ''}\n\n${html}`);
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

export const KB_URL = 'http://kb.test/kb/';
const KB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../knowledge-base');

export interface KnowledgeBaseServer {
  server: ReturnType<typeof setupServer>;
  /** The build, once beforeAll has run. */
  output(): BuildOutput;
  /** Every file the widgets asked for, in order. */
  requested: string[];
}

/** Builds the real knowledge base and serves it at KB_URL for the tests of the calling file. */
export function serveKnowledgeBase(): KnowledgeBaseServer {
  let output: BuildOutput | undefined;
  const requested: string[] = [];
  const server = setupServer(
    http.get(`${KB_URL}:file`, ({ params }) => {
      const file = String(params.file);
      requested.push(file);
      const content = output?.files.get(file);
      return content === undefined ? new HttpResponse(null, { status: 404 }) : new HttpResponse(content, { headers: { 'content-type': 'application/json' } });
    }),
  );
  beforeAll(async () => {
    const result = buildKnowledgeBase(await loadKnowledgeBase(KB_ROOT));
    if (!result.ok) throw new Error(`the knowledge base does not build:\n${result.problems.map((p) => p.message).join('\n')}`);
    output = result.output;
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    server,
    requested,
    output: () => {
      if (!output) throw new Error('the knowledge base is built in beforeAll');
      return output;
    },
  };
}

export interface Recorded {
  event: LifelineEvent;
  detail: unknown;
}

export interface MountedWidget {
  widget: LifelineWidget;
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Testing Library queries scoped to the widget's shadow root. */
  ui: ReturnType<typeof within>;
  events: Recorded[];
  /** The details of one event, in order. */
  details<T = Record<string, unknown>>(event: LifelineEvent): T[];
}

const mounted: MountedWidget[] = [];

/** A widget on a fresh host in document.body, with a listener on every event; destroyed after the test. */
export function mountWidget(options: { languages?: readonly string[]; storage?: Storage | undefined; now?: () => number } = {}): MountedWidget {
  const host = document.createElement('lifeline-root');
  document.body.append(host);
  const widget = new LifelineWidget({ host, launcherCss: LAUNCHER_CSS, storage: 'storage' in options ? options.storage : window.sessionStorage, languages: options.languages ?? ['en-US'], ...(options.now ? { now: options.now } : {}) });
  const events: Recorded[] = [];
  for (const event of LIFELINE_EVENTS) widget.on(event, (detail) => events.push({ event, detail }));
  const shadow = host.shadowRoot;
  if (!shadow) throw new Error('the widget attaches a shadow root');
  const entry: MountedWidget = {
    widget,
    host,
    shadow,
    ui: within(shadow as unknown as HTMLElement),
    events,
    details: <T>(event: LifelineEvent) => events.filter((e) => e.event === event).map((e) => e.detail as T),
  };
  mounted.push(entry);
  return entry;
}

afterEach(() => {
  for (const { widget, host } of mounted.splice(0)) {
    widget.destroy();
    host.remove();
  }
  window.sessionStorage.clear();
});
