/** @module Drives the widget in real Chromium for the end-to-end tests, screenshots and the benchmark. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  /** console.error/warn lines, uncaught page errors, errors seen by the host's window.onerror, CSP violations. */
  problems: string[];
}

/** Records everything that would mean the widget hurt the host page, before any page script runs. */
const HOST_WATCH = () => {
  const seen: string[] = [];
  (window as unknown as { __hostProblems: string[] }).__hostProblems = seen;
  window.addEventListener('error', (event) => seen.push(`window.onerror: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => seen.push(`unhandledrejection: ${String(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
};

/**
 * tsx (esbuild with keepNames) wraps functions in `__name(...)`; functions this module sends to the
 * page carry that call, so the page needs it too. Vitest's transform does not add it.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript(HOST_WATCH);
  await page.goto(url);
  return { page, problems };
}

/** The host page's own record of errors and CSP violations. */
export function hostProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __hostProblems?: string[] }).__hostProblems ?? []);
}

/** Waits until the bundle has replaced the loader's launcher (the UI renders its own). */
export async function waitForWidget(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('lifeline-root, lifeline-support')?.shadowRoot;
    return Boolean(root?.querySelector('.root .launcher'));
  });
}

export async function openPanel(page: Page): Promise<void> {
  await waitForWidget(page);
  if (!(await page.locator('#lifeline-panel').isVisible())) await page.locator('.root .launcher').click();
  await page.locator('#lifeline-question').waitFor();
}

export interface ShownAnswer {
  articleId: string | undefined;
  title: string | undefined;
  /** Milliseconds from submitting the question to the answer painted, measured in the page. */
  ms: number;
}

/**
 * Types a question and submits it, then waits for a new bot answer in the conversation, timed in
 * the page from the submit to the next animation frame after the answer appeared.
 */
export async function ask(page: Page, question: string): Promise<ShownAnswer> {
  await page.locator('#lifeline-question').fill(question);
  return page.evaluate(
    (text) =>
      new Promise<ShownAnswer>((resolve, reject) => {
        const root = document.querySelector('lifeline-root, lifeline-support')!.shadowRoot!;
        const before = root.querySelectorAll('.log > .msg').length;
        const form = root.querySelector('form')!;
        const start = performance.now();
        const timeout = setTimeout(() => reject(new Error(`no answer to "${text}" within 10 s`)), 10_000);
        const check = () => {
          const items = root.querySelectorAll('.log > .msg');
          const last = items[items.length - 1];
          // The question bubble comes first, then the bot's answer.
          if (items.length >= before + 2 && last?.classList.contains('bot')) {
            requestAnimationFrame(() => {
              clearTimeout(timeout);
              observer.disconnect();
              const card = last.classList.contains('answer') ? last : undefined;
              resolve({ articleId: card?.getAttribute('data-article') ?? undefined, title: card?.querySelector('.title')?.textContent ?? undefined, ms: performance.now() - start });
            });
            return true;
          }
          return false;
        };
        const observer = new MutationObserver(() => void check());
        observer.observe(root, { childList: true, subtree: true });
        form.requestSubmit();
      }),
    question,
  );
}

export interface PixelDiff {
  differing: number;
  /** Where the differing pixels are, to find the cause. */
  box: { x0: number; y0: number; x1: number; y1: number } | undefined;
  sameSize: boolean;
}

/** Compares two PNG screenshots pixel by pixel, decoded by the browser itself (no image library needed). */
export async function pixelDiff(page: Page, a: Buffer, b: Buffer): Promise<PixelDiff> {
  return page.evaluate(
    async ([first, second]) => {
      const decode = async (base64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(first), decode(second)]);
      if (x.width !== y.width || x.height !== y.height) return { differing: -1, box: undefined, sameSize: false };
      let differing = 0;
      let box: PixelDiff['box'];
      for (let i = 0; i < x.data.length; i += 4) {
        if (x.data[i] === y.data[i] && x.data[i + 1] === y.data[i + 1] && x.data[i + 2] === y.data[i + 2] && x.data[i + 3] === y.data[i + 3]) continue;
        differing += 1;
        const px = (i / 4) % x.width;
        const py = Math.floor(i / 4 / x.width);
        box = box ? { x0: Math.min(box.x0, px), y0: Math.min(box.y0, py), x1: Math.max(box.x1, px), y1: Math.max(box.y1, py) } : { x0: px, y0: py, x1: px, y1: py };
      }
      return { differing, box, sameSize: true };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/** The axe-core rules the widget must pass: WCAG 2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let axeSource: string | undefined;

/** axe-core's violations inside the widget, as `rule: [elements]` lines; empty when it passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated through the DevTools protocol, so the page's own policy does not apply to axe.
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run({ include: [['lifeline-root']] }, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, AXE_TAGS);
}
