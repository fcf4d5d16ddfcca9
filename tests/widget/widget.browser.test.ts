/**
 * @module End-to-end tests of the widget in real headless Chromium, on the example pages the demo
 * serves: answers from the evaluation sets, keyboard only, reload, axe-core, strict CSP, hostile CSS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPages } from './demo-pages.ts';
import { ask, axeViolations, hostProblems, openPanel, pixelDiff, waitForWidget } from './driver.ts';

interface EvalQuestion {
  q: string;
  expect: string[];
}

/** Every `step`-th question of an evaluation set: a fixed sample, not a hand-picked one. */
function sample(file: string, count: number): EvalQuestion[] {
  const all = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as EvalQuestion);
  const step = Math.floor(all.length / count);
  return Array.from({ length: count }, (_, i) => all[i * step]!);
}

function titles(locale: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync('dist/kb/manifest.json', 'utf8')) as { locales: Record<string, { file: string }> };
  const kb = JSON.parse(readFileSync(`dist/kb/${manifest.locales[locale]!.file}`, 'utf8')) as { articles: { id: string; title: string }[] };
  return new Map(kb.articles.map((a) => [a.id, a.title]));
}

/** Wholly inside the viewport (Playwright's own assertion lives in @playwright/test, which we do not use). */
async function inViewport(locator: Locator, viewport: { width: number; height: number }): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

/** Asks a fixed sample of the locale's evaluation set; each answer must show an expected article's title. */
async function expectRightTitles(page: Page, locale: string, count: number): Promise<void> {
  const known = titles(locale);
  for (const question of sample(`knowledge-base/eval/${locale}.jsonl`, count)) {
    const shown = await ask(page, question.q);
    expect(question.expect, question.q).toContain(shown.articleId);
    expect(shown.title).toBe(known.get(shown.articleId!));
  }
}

const { visit, allProblems } = demoPages();

describe('the widget on the example pages', () => {
  it('answers 10 English questions from the evaluation set with the right article titles', async () => {
    const page = await visit('exam-page/');
    await openPanel(page);
    await expectRightTitles(page, 'en', 10);
  });

  it('answers 5 Spanish questions in Spanish when the browser prefers Spanish', async () => {
    const page = await visit('strict-csp/', { locale: 'es-ES' });
    await openPanel(page);
    await expect.poll(() => page.locator('#lifeline-title').textContent()).toBe('Ayuda del examen');
    await expectRightTitles(page, 'es', 5);
  });

  it('works with the keyboard alone, with a visible focus, and gives focus back on close', async () => {
    const page = await visit('exam-page/');
    await waitForWidget(page);
    // Tab through the exam page until the launcher (the last thing on the page) has focus.
    let onLauncher = false;
    for (let i = 0; i < 20 && !onLauncher; i += 1) {
      await page.keyboard.press('Tab');
      onLauncher = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('launcher') ?? false);
    }
    expect(onLauncher).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.shadowRoot!.activeElement!).outlineWidth);
    expect(parseFloat(outline)).toBeGreaterThanOrEqual(2);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id)).toBe('lifeline-question');
    await page.keyboard.type('my webcam is not working');
    await page.keyboard.press('Enter');
    await page.locator('.answer').first().waitFor();
    // From the input, Shift+Tab walks back to the answer's buttons; find "Read the steps" and press it.
    let onRead = false;
    for (let i = 0; i < 12 && !onRead; i += 1) {
      await page.keyboard.press('Shift+Tab');
      onRead = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent === 'Read the steps');
    }
    expect(onRead).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('H3');
    await expect.poll(() => page.locator('.article h3').textContent()).toBe('My camera is not working');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#lifeline-panel').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('launcher'))).toBe(true);
  });

  it('keeps the conversation across a reload', async () => {
    const page = await visit('exam-page/');
    await openPanel(page);
    const shown = await ask(page, 'the exam froze and nothing clicks');
    expect(shown.articleId).toBe('exam-frozen');
    await page.reload();
    await waitForWidget(page);
    // The panel was open: it opens again, with the same question and answer.
    await expect.poll(() => page.locator('#lifeline-panel').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.log .you').allTextContents()).toEqual(['You: the exam froze and nothing clicks']);
    await expect.poll(() => page.locator('.answer .title').allTextContents()).toEqual(['The exam page is frozen, blank or not loading']);
  });

  it('has no axe-core violations, light and dark, conversation and article', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await visit('exam-page/', { colorScheme });
      await openPanel(page);
      await ask(page, 'my webcam is not working');
      await ask(page, 'zzzz qqqq wwww');
      expect(await axeViolations(page), `${colorScheme}, conversation`).toEqual([]);
      await page.locator('.answer .btn').first().click();
      await page.locator('.article h3').waitFor();
      expect(await axeViolations(page), `${colorScheme}, article`).toEqual([]);
    }
  });

  it('works under the strict Content-Security-Policy', async () => {
    const page = await visit('strict-csp/');
    await openPanel(page);
    const shown = await ask(page, 'which browsers are supported');
    expect(shown.articleId).toBe('supported-browsers');
    expect(await hostProblems(page)).toEqual([]);
  });

  it('looks the same on the hostile-CSS page as on the plain one', async () => {
    const shots: Buffer[] = [];
    let page: Page | undefined;
    for (const path of ['strict-csp/', 'hostile-css/']) {
      page = await visit(path);
      await openPanel(page);
      await ask(page, 'my webcam is not working');
      // Inside the panel and the launcher: their rounded corners and shadows show each page's own background.
      const panel = (await page.locator('#lifeline-panel').boundingBox())!;
      const launcher = (await page.locator('.root .launcher').boundingBox())!;
      expect(panel.width).toBeGreaterThan(300);
      await page.mouse.move(0, 0);
      shots.push(await page.screenshot({ clip: { x: panel.x + 16, y: panel.y + 16, width: panel.width - 32, height: panel.height - 32 } }));
      shots.push(await page.screenshot({ clip: { x: launcher.x + 24, y: launcher.y + 6, width: launcher.width - 48, height: launcher.height - 12 } }));
    }
    if (process.env.LIFELINE_SHOTS) shots.forEach((shot, i) => writeFileSync(`${process.env.LIFELINE_SHOTS}/hostile-${i}.png`, shot));
    expect(await pixelDiff(page!, shots[0]!, shots[2]!), 'panel').toEqual({ differing: 0, box: undefined, sameSize: true });
    expect(await pixelDiff(page!, shots[1]!, shots[3]!), 'launcher').toEqual({ differing: 0, box: undefined, sameSize: true });
  });

  it('works as <lifeline-support> in the vite app that imports @lifeline/widget', async () => {
    const page = await visit('esm-app/');
    await waitForWidget(page);
    await page.getByRole('button', { name: 'Ask about the system check' }).click();
    await expect.poll(() => page.locator('.answer .title').allTextContents()).toEqual(['Run the system check before your exam']);
    await expect.poll(() => page.locator('[data-last-answer]').textContent()).toBe('Last answer: run-system-check (answer)');
    // The open panel covers the page's buttons on the right, as a chat panel does: close it first.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.locator('.root .launcher').click();
    await expect.poll(() => page.locator('#lifeline-title').textContent()).toBe('Ayuda del examen');
  });

  it('fits 320 px and 200% zoom, honours reduced motion, and lays out right to left', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 380 }]) {
      const page = await visit('exam-page/', { viewport, reducedMotion: 'reduce' });
      await openPanel(page);
      await ask(page, 'my webcam is not working');
      const box = (await page.locator('#lifeline-panel').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await inViewport(page.locator('#lifeline-question'), viewport)).toBe(true);
      expect(await inViewport(page.locator('.answer .btn'), viewport)).toBe(true);
      expect(await page.locator('#lifeline-panel').evaluate((panel) => getComputedStyle(panel).animationName)).toBe('none');
    }
    const page = await visit('exam-page/');
    await waitForWidget(page);
    await page.evaluate(() => (window as unknown as { Lifeline(command: string, ...args: unknown[]): void }).Lifeline('setLocale', 'ar-XB'));
    await openPanel(page);
    expect(await page.locator('.root').getAttribute('dir')).toBe('rtl');
    const input = (await page.locator('#lifeline-question').boundingBox())!;
    const send = (await page.locator('form .btn').boundingBox())!;
    expect(send.x).toBeLessThan(input.x);
  });

  it('loads the bundle only after the page has loaded, once, even when the snippet runs twice', async () => {
    const page = await visit('exam-page/');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await waitForWidget(page);
    const timing = await page.evaluate(() => {
      const load = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const bundle = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/widget/lifeline.js'))!;
      return { loadEnd: load.loadEventEnd, bundleStart: bundle.startTime };
    });
    expect(timing.bundleStart).toBeGreaterThanOrEqual(timing.loadEnd);
    // Before the widget is opened it fetches nothing else: no knowledge base, no search.
    expect(requested.filter((p) => p.startsWith('/kb/') || p.includes('/chunks/core-'))).toEqual([]);
    await page.evaluate(() => {
      const again = document.createElement('script');
      again.src = '/widget/lifeline-loader.js';
      document.head.append(again);
      return new Promise((resolve) => (again.onload = resolve));
    });
    expect(await page.locator('lifeline-root').count()).toBe(1);
  });

  it('reads articles in plain words where the host gave no value: no raw {{, no doubled word, no unit after a fallback', async () => {
    const doubledWord = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/iu;
    const cases = [
      { path: 'strict-csp/', locale: 'es-ES', question: 'quiero hablar con una persona', id: 'contact-support', read: 'Ver los pasos', expected: 'teléfono de soporte' },
      { path: 'exam-page/', locale: 'en-US', question: 'how much ram does my computer need', id: 'system-requirements', read: 'Read the steps', expected: 'the set number of gigabytes (GB) of RAM' },
    ];
    for (const { path, locale, question, id, read, expected } of cases) {
      const page = await visit(path, { locale });
      await openPanel(page);
      expect((await ask(page, question)).articleId).toBe(id);
      const card = page.locator('.answer').last();
      expect((await card.textContent()) ?? '').not.toMatch(doubledWord);
      await card.getByRole('button', { name: read }).click();
      await page.locator('.article h3').waitFor();
      const text = ((await page.locator('.article').textContent()) ?? '').replace(/\s+/g, ' ');
      expect(text).toContain(expected);
      expect(text).not.toContain('{{');
      expect(text).not.toMatch(doubledWord);
      expect(text).not.toMatch(/set number of (GB|Mbps)/);
    }
  });

  it('left no console errors, page errors or host errors on any page', async () => {
    expect(await allProblems()).toEqual([]);
  });
});
