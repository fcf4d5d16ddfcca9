/**
 * @module For a browser test file: the demo (already built by the global setup, with or without its gateway)
 * and Chromium, started before the file's tests and closed after; `visit` opens an example page in a fresh
 * context and keeps what it logged, and `allProblems` gathers them for the file's last check.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDemo, type RunningDemo } from '../../examples/serve.ts';
import { launchChromium } from '../browser/harness.ts';
import { hostProblems, openPage, type WatchedPage } from './driver.ts';

export interface DemoPages {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  /** A context of its own (one browser: one candidate, or one agent), in English, closed after the file. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** The example page at `path` (`exam-page/`, `strict-csp/`, …) in a new context. */
  visit(path: string, options?: Parameters<typeof openPage>[2]): Promise<Page>;
  /** Console errors and warnings, page errors, the host's window.onerror and CSP violations of every page visited. */
  allProblems(): Promise<string[]>;
}

export function demoPages(options: { gateway?: boolean; chromiumFlags?: string[] } = {}): DemoPages {
  let demo: RunningDemo | undefined;
  let browser: Browser | undefined;
  const pages: WatchedPage[] = [];
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo({ skipBuild: true, ...(options.gateway ? { gateway: {} } : {}) }), launchChromium(options.chromiumFlags)]);
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await demo?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the demo and Chromium start in beforeAll: use them inside a test');
    return value;
  };
  return {
    get demo() {
      return started(demo);
    },
    get browser() {
      return started(browser);
    },
    async newContext(contextOptions = {}) {
      const context = await started(browser).newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...contextOptions });
      // Steps wait for what they need to see; on a busy machine that can take longer than Playwright's default.
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context;
    },
    async visit(path, pageOptions = {}) {
      const watched = await openPage(started(browser), `${started(demo).url}${path}`, pageOptions);
      pages.push(watched);
      return watched.page;
    },
    async allProblems() {
      const all = await Promise.all(pages.map(async ({ page, problems }) => [...problems, ...(page.isClosed() ? [] : await hostProblems(page))]));
      return all.flat();
    },
  };
}
